// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/access_log.h"

#include <array>

#include <fmt/format.h>

namespace vigie::web {
namespace {

constexpr std::string_view kRedacted = "REDACTED";
constexpr std::array<std::string_view, 4> kSecretParams{"token", "key", "secret", "password"};
constexpr std::array<std::string_view, 1> kSecretPathPrefixes{"/unsubscribe/"};

std::string redact_path(std::string_view path) {
  for (auto prefix : kSecretPathPrefixes) {
    if (path.starts_with(prefix)) {
      const auto rest = path.substr(prefix.size());
      const auto slash = rest.find('/');
      std::string out(prefix);
      out += kRedacted;
      if (slash != std::string_view::npos) {
        out += rest.substr(slash);
      }
      return out;
    }
  }
  return std::string(path);
}

std::string redact_query(std::string_view query) {
  std::string out;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    const auto eq = pair.find('=');
    const auto name = pair.substr(0, eq);
    bool secret = false;
    for (auto s : kSecretParams) {
      secret = secret || name == s;
    }
    out += secret && eq != std::string_view::npos ? std::string(name) + "=" + std::string(kRedacted)
                                                  : std::string(pair);
    if (amp == std::string_view::npos) {
      break;
    }
    out += '&';
    query.remove_prefix(amp + 1);
  }
  return out;
}

// Quotes a field for the log: no raw quotes, backslashes or control characters (a client
// must not forge log lines).
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u == 0x7f) {
      out += fmt::format("\\x{:02x}", u);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string redact_target(std::string_view target) {
  const auto q = target.find('?');
  if (q == std::string_view::npos) {
    return redact_path(target);
  }
  return redact_path(target.substr(0, q)) + "?" + redact_query(target.substr(q + 1));
}

std::string access_log_line(const AccessRecord& r) {
  return fmt::format("{} {} {} {} {}", r.remote_addr,
                     quoted(r.method + " " + redact_target(r.target)), r.status, r.bytes,
                     quoted(r.user_agent));
}

}  // namespace vigie::web
