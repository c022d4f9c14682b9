// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A deterministic synthetic news corpus for the search benchmark: French (70%) and English
// items on trade, agriculture, commodities and tenders, words drawn from a Zipf-like law over a
// vocabulary of common words, domain words and a long tail of rare names, 100-300 words each,
// dates spread over two years in id order (as a feed reader stores them). Item `id` is a pure
// function of (seed, id), so every engine can regenerate the same items independently.

#include <cstdint>
#include <string>
#include <vector>

#include "storage/search_index.h"

namespace vigie::bench {

class Corpus {
 public:
  Corpus(std::uint64_t seed, std::uint64_t items);

  std::uint64_t size() const { return items_; }

  // Item `id` (1-based, at most size()).
  storage::IndexDocument item(std::uint64_t id) const;

  // The vocabulary of a language ("fr" or "en") in rank order: index 0 is the most frequent.
  const std::vector<std::string>& vocabulary(const std::string& lang) const;

  static constexpr std::int64_t kFirstDay = 1'717'200'000;  // 2024-06-01
  static constexpr std::int64_t kSpanSeconds = 2 * 365 * 86'400;

 private:
  struct Language {
    std::vector<std::string> words;
    std::vector<double> cdf;  // cumulative Zipf weights over `words`
  };
  const std::string& draw(const Language& l, std::uint64_t& state) const;
  std::string sentence_words(const Language& l, std::uint64_t& state, int n) const;

  std::uint64_t seed_;
  std::uint64_t items_;
  Language fr_;
  Language en_;
};

// splitmix64: a small, fast, well-mixed generator step.
std::uint64_t next_random(std::uint64_t& state);

}  // namespace vigie::bench
