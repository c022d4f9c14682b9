// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/utf8.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace vigie::ingest {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

std::string repair_utf8(std::string_view s, bool* saw_multibyte) {
  bool multibyte = false;
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t i = 0;
  while (i < s.size()) {
    // ASCII runs go out in one piece (eight bytes at a time while they last).
    const std::size_t run = i;
    std::uint64_t word = 0;
    while (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), word & kHighBits) == 0) {
      i += 8;
    }
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
    }
    out.append(s.substr(run, i - run));
    if (i == s.size()) {
      break;
    }
    char32_t cp = 0;
    const std::size_t n = text::decode_utf8(s, i, cp);
    if (n > 0) {
      multibyte = multibyte || n > 1;
      out.append(s.substr(i, n));
      i += n;
    } else {
      append_utf8(out, windows1252_to_unicode(static_cast<unsigned char>(s[i])));
      ++i;
    }
  }
  if (saw_multibyte != nullptr) {
    *saw_multibyte = multibyte;
  }
  return out;
}

Utf8Scan scan_utf8(std::string_view s) {
  Utf8Scan r;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    r.non_ascii = true;
    char32_t cp = 0;
    const std::size_t len = text::decode_utf8(s, i, cp);
    if (len == 0) {
      r.valid = false;
      return r;
    }
    i += len;
  }
  return r;
}

}  // namespace vigie::ingest
