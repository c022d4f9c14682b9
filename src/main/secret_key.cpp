// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/secret_key.h"

#include <array>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

namespace vigie::main {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMinKeyBytes = 16;

core::Error key_error(const std::string& path, const std::string& what) {
  return {core::ErrorCode::Internal, "config.secret_key",
          "config: secret key " + path + ": " + what};
}

core::Result<std::string> read_key(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return tl::unexpected(key_error(path, "cannot be read"));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string key = ss.str();
  if (key.size() < kMinKeyBytes) {
    return tl::unexpected(key_error(path, "holds fewer than 16 bytes"));
  }
  return key;
}

}  // namespace

core::Result<std::string> load_or_create_secret_key(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return read_key(path);
  }
  std::array<unsigned char, kKeyBytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return tl::unexpected(key_error(path, "no randomness available"));
  }
  // Written whole to a private temporary file, then linked into place: link() fails when
  // another process got there first (theirs is the key), and nobody ever reads a half-written
  // key.
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return tl::unexpected(key_error(path, "cannot be created"));
  }
  const auto written = ::write(fd, bytes.data(), bytes.size());
  const bool ok = written == static_cast<ssize_t>(bytes.size()) && ::fsync(fd) == 0;
  ::close(fd);
  const bool linked = ok && ::link(tmp.c_str(), path.c_str()) == 0;
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (!linked) {
    if (ok && link_errno == EEXIST) {
      return read_key(path);
    }
    return tl::unexpected(key_error(path, "cannot be written"));
  }
  return std::string(reinterpret_cast<const char*>(bytes.data()),  // NOLINT: bytes as chars
                     bytes.size());
}

}  // namespace vigie::main
