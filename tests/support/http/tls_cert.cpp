// SPDX-License-Identifier: AGPL-3.0-or-later
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "http_fixture_server.h"

namespace vigie::testing {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CertFree {
  void operator()(X509* x) const { X509_free(x); }
};

void check(bool ok, const char* what) {
  if (!ok) {
    throw std::runtime_error(std::string("self-signed certificate: ") + what);
  }
}

std::unique_ptr<std::FILE, FileCloser> open_for_write(const std::filesystem::path& p) {
  std::unique_ptr<std::FILE, FileCloser> f(std::fopen(p.string().c_str(), "wb"));
  check(f != nullptr, "cannot open output file");
  return f;
}

}  // namespace

HttpFixtureServer::TlsFiles write_self_signed_cert(const std::filesystem::path& dir) {
  const std::unique_ptr<EVP_PKEY, KeyFree> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  check(key != nullptr, "key generation failed");
  const std::unique_ptr<X509, CertFree> cert(X509_new());
  check(cert != nullptr, "X509_new failed");
  check(X509_set_version(cert.get(), 2) == 1, "version");
  check(ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1) == 1, "serial");
  check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "notBefore");
  check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24L * 3600) != nullptr, "notAfter");
  check(X509_set_pubkey(cert.get(), key.get()) == 1, "public key");
  X509_NAME* name = X509_get_subject_name(cert.get());
  constexpr std::string_view kCommonName = "localhost";
  check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                   reinterpret_cast<const unsigned char*>(kCommonName.data()),
                                   static_cast<int>(kCommonName.size()), -1, 0)
            == 1,
        "CN");
  check(X509_set_issuer_name(cert.get(), name) == 1, "issuer");
  check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing failed");

  HttpFixtureServer::TlsFiles files{dir / "cert.pem", dir / "key.pem"};
  {
    const auto f = open_for_write(files.cert);
    check(PEM_write_X509(f.get(), cert.get()) == 1, "writing the certificate");
  }
  {
    const auto f = open_for_write(files.key);
    check(PEM_write_PrivateKey(f.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "writing the key");
  }
  return files;
}

}  // namespace vigie::testing
