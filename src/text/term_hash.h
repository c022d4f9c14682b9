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
// tag).
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
  if (n > 0) {
    std::memcpy(&w, p, n);
  }
  h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 32;
  return h;
}

}  // namespace vigie::text
