// SPDX-License-Identifier: AGPL-3.0-or-later
// simhash(): Charikar's SimHash over word 3-shingles. Fingerprints are stored, so the hash is
// written out here (FNV-1a then a 64-bit finaliser) rather than taken from std::hash, whose
// values differ between standard libraries and versions.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/text.h"

namespace vigie::text {
namespace {

constexpr std::size_t kShingleWords = 3;
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// FNV-1a mixes its high bits poorly, and SimHash votes with every bit: the murmur3 finaliser
// spreads each input bit over the whole word.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

std::uint64_t shingle_hash(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
  std::uint64_t h = kFnvOffset;
  for (std::size_t i = first; i < first + count; ++i) {
    h = fnv1a(tokens[i].term, h);
    h = fnv1a(std::string_view("\x1f", 1), h);  // separates "ab c" from "a bc"
  }
  return mix(h);
}

}  // namespace

std::uint64_t simhash(std::string_view utf8) {
  return simhash(tokenize(utf8));
}

std::uint64_t simhash(const std::vector<Token>& tokens) {
  if (tokens.empty()) {
    return 0;
  }
  // Texts shorter than a shingle are one shingle of all their words.
  const std::size_t width = tokens.size() < kShingleWords ? tokens.size() : kShingleWords;
  const std::size_t shingles = tokens.size() - width + 1;
  // Each bit's vote is (ones - zeros); counting ones alone is the same test and vectorises.
  std::array<std::uint32_t, 64> ones{};
  for (std::size_t first = 0; first < shingles; ++first) {
    const std::uint64_t h = shingle_hash(tokens, first, width);
    for (std::size_t bit = 0; bit < 64; ++bit) {
      ones[bit] += static_cast<std::uint32_t>((h >> bit) & 1U);
    }
  }
  std::uint64_t fingerprint = 0;
  for (std::size_t bit = 0; bit < 64; ++bit) {
    if (2 * std::uint64_t{ones[bit]} > shingles) {
      fingerprint |= std::uint64_t{1} << bit;
    }
  }
  return fingerprint;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) {
  return std::popcount(a ^ b);
}

}  // namespace vigie::text
