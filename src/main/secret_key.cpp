// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/secret_key.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/rand.h>
#include <unistd.h>

namespace vigie::main {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMinKeyBytes = 16;

core::Error key_error(const std::string& path, const std::string& why) {
  return {core::ErrorCode::Internal, "config.secret_key",
          fmt::format("config: secret key {}: {}", path, why)};
}

core::Result<std::string> read_key(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return tl::unexpected(key_error(path, "cannot be read"));
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string key = ss.str();
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ')) {
    key.pop_back();
  }
  if (key.size() < kMinKeyBytes) {
    return tl::unexpected(key_error(path, "holds fewer than 16 bytes"));
  }
  return key;
}

}  // namespace

core::Result<std::string> load_or_create_secret_key(const std::string& path) {
  if (::access(path.c_str(), F_OK) == 0) {
    return read_key(path);
  }
  std::array<unsigned char, kKeyBytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    return tl::unexpected(key_error(path, "no randomness available"));
  }
  std::string hex;
  for (unsigned char b : bytes) {
    hex += fmt::format("{:02x}", b);
  }
  hex += '\n';
  // Written beside, then linked into place: link() fails when another process created the
  // file first, and then that key is the one.
  const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return tl::unexpected(key_error(path, std::strerror(errno)));
  }
  const bool written =
      ::write(fd, hex.data(), hex.size()) == static_cast<ssize_t>(hex.size()) && ::fsync(fd) == 0;
  ::close(fd);
  const bool linked = written && ::link(tmp.c_str(), path.c_str()) == 0;
  const int link_errno = errno;
  ::unlink(tmp.c_str());
  if (!written) {
    return tl::unexpected(key_error(path, "cannot be written"));
  }
  if (!linked && link_errno != EEXIST) {
    return tl::unexpected(key_error(path, std::strerror(link_errno)));
  }
  return read_key(path);
}

}  // namespace vigie::main
