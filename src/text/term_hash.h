// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A fast hash for short strings (folded terms, stems), for the flat hash tables of hot loops:
// the percolator's dictionary and the stem memo. Not for anything an attacker could aim at a
// table it must keep small (no seed); the tables using it are bounded in size.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace vigie::text {

// Eight bytes at a time (terms are short: usually one or two rounds), then a final mix so both
// halves of the result are usable (callers take the low bits for the slot, the high ones as a
// tag). The tail is read with fixed-size loads, overlapping bytes already read when needed
// (the length is mixed in, so that is still one-to-one): a memcpy of a variable size would be a
// library call, which cost as much as the rest of the hash.
inline std::uint64_t term_hash(std::string_view s) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  std::uint64_t w = 0;
  if (n > 0 && s.size() >= 8) {
    std::memcpy(&w, p + n - 8, 8);  // the last 8 bytes of the string
  } else if (n >= 4) {
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    w = lo | (std::uint64_t{hi} << 32);
  } else if (n > 0) {
    const auto byte = [&](std::size_t i) {
      return std::uint64_t{static_cast<unsigned char>(p[i])};
    };
    w = byte(0) | byte(n / 2) << 8 | byte(n - 1) << 16;
  }
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  return h;
}

// Whether two strings are equal; inlined fixed-size loads for short ones (the tables above
// compare a looked-up term with the one they hold, usually a few bytes).
inline bool same_term(std::string_view a, std::string_view b) {
  const std::size_t n = a.size();
  if (n != b.size()) {
    return false;
  }
  if (n >= 8 && n <= 16) {
    std::uint64_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    std::memcpy(&a0, a.data(), 8);
    std::memcpy(&b0, b.data(), 8);
    std::memcpy(&a1, a.data() + n - 8, 8);
    std::memcpy(&b1, b.data() + n - 8, 8);
    return a0 == b0 && a1 == b1;
  }
  if (n >= 4 && n < 8) {
    std::uint32_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
    std::memcpy(&a0, a.data(), 4);
    std::memcpy(&b0, b.data(), 4);
    std::memcpy(&a1, a.data() + n - 4, 4);
    std::memcpy(&b1, b.data() + n - 4, 4);
    return a0 == b0 && a1 == b1;
  }
  return a == b;
}

}  // namespace vigie::text
