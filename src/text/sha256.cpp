// SPDX-License-Identifier: AGPL-3.0-or-later
// sha256_hex(): OpenSSL's EVP interface (libcrypto), the implementation every Debian machine
// already trusts and keeps patched.

#include <array>
#include <string>
#include <string_view>

#include <openssl/evp.h>

#include "core/assert.h"
#include "text/text.h"

namespace vigie::text {

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  const int ok =
      EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
  VIGIE_CHECK(ok == 1 && size == 32, "SHA-256 of an in-memory buffer cannot fail");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0x0F]);
  }
  return hex;
}

}  // namespace vigie::text
