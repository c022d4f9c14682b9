// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/utf8.h"

#include <array>
#include <cstdint>
#include <cstring>

namespace vigie::ingest {

std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    return 1;
  }
  // Unicode 15 table 3-7: the lead byte fixes the length and the range of the second byte
  // (which rules out overlong forms, surrogates and values past U+10FFFF).
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    lo = b0 == 0xE0 ? 0xA0 : lo;
    hi = b0 == 0xED ? 0x9F : hi;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    lo = b0 == 0xF0 ? 0x90 : lo;
    hi = b0 == 0xF4 ? 0x8F : hi;
  } else {
    return 0;
  }
  if (i + len > s.size()) {
    return 0;
  }
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) {
    return 0;
  }
  for (std::size_t k = 2; k < len; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
      return 0;
    }
  }
  return len;
}

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
    const std::size_t n = utf8_sequence_length(s, i);
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
    const std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      r.valid = false;
      return r;
    }
    i += len;
  }
  return r;
}

}  // namespace vigie::ingest
