// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Reading a rendered message back in tests: its unfolded header fields and its raw lines.
#include <string>
#include <utility>
#include <vector>

#include "mail/mime.h"

namespace vigie::publish {

inline constexpr std::string_view kTestBoundary = "=_vigie-test-boundary";

inline std::string rendered(const mail::Message& m) {
  return mail::render(m, kTestBoundary);
}

inline std::vector<std::string> crlf_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    const auto end = s.find("\r\n", start);
    if (end == std::string::npos) {
      lines.push_back(s.substr(start));
      return lines;
    }
    lines.push_back(s.substr(start, end - start));
    start = end + 2;
  }
}

// The top-level header fields (name, unfolded value) of a rendered message.
inline std::vector<std::pair<std::string, std::string>> header_fields(const std::string& msg) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& line : crlf_lines(msg.substr(0, msg.find("\r\n\r\n")))) {
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !out.empty()) {
      out.back().second += line;
      continue;
    }
    const auto colon = line.find(':');
    out.emplace_back(line.substr(0, colon),
                     colon == std::string::npos ? "" : line.substr(colon + 2));
  }
  return out;
}

inline std::string header(const std::string& msg, std::string_view name) {
  for (const auto& [n, v] : header_fields(msg)) {
    if (n == name) {
      return v;
    }
  }
  return "<absent>";
}

}  // namespace vigie::publish
