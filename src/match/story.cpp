// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/story.h"

#include <algorithm>

#include <fmt/format.h>

#include "text/text.h"

namespace vigie::match {
namespace {

constexpr std::size_t kShingleWords = 3;
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// FNV-1a mixes its high bits poorly; the murmur3 finaliser spreads them, so that the smallest
// hashes are a fair sample of the set.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

void sort_unique(std::vector<std::uint64_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Jaccard of two sorted unique sets.
double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() && b.empty()) {
    return 0;
  }
  std::size_t shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

bool is_number(std::string_view term) {
  return !term.empty()
         && std::all_of(term.begin(), term.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::size_t shared_count(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t shared = 0;
  auto i = a.begin();
  auto j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

// True when some number of `title` is missing from `all`.
bool has_foreign(const std::vector<std::uint64_t>& title, const std::vector<std::uint64_t>& all) {
  return shared_count(title, all) < title.size();
}

// The title's words for comparison: folded, stop words of the item's language removed.
std::vector<std::string> title_terms(std::string_view title, std::string_view lang) {
  std::vector<std::string> out;
  for (auto& t : text::tokenize(title)) {
    if (!text::is_stop_word(t.term, lang)) {
      out.push_back(std::move(t.term));
    }
  }
  return out;
}

std::string title_key_of(const std::vector<std::string>& words) {
  if (words.size() < kStoryTitleKeyMinWords) {
    return {};
  }
  std::string joined;
  for (const auto& w : words) {
    joined += w;
    joined += ' ';
  }
  return fmt::format("{:016x}", mix(fnv1a(joined)));
}

}  // namespace

StoryFeatures story_features(const core::Item& item) {
  StoryFeatures f;
  f.simhash = item.simhash;
  f.lang = item.lang;
  f.canonical_url = item.canonical_url;
  f.content_hash = item.content_hash;

  const std::vector<std::string> words = title_terms(item.title, item.lang);
  for (const auto& w : words) {
    f.title_words.push_back(mix(fnv1a(w)));
  }
  sort_unique(f.title_words);
  f.title_key = title_key_of(words);

  const std::vector<text::Token> tokens = text::tokenize(item.text);
  for (const auto& t : text::tokenize(item.title)) {
    if (is_number(t.term)) {
      f.title_numbers.push_back(mix(fnv1a(t.term)));
      f.numbers.push_back(f.title_numbers.back());
    }
  }
  for (const auto& t : tokens) {
    if (is_number(t.term)) {
      f.numbers.push_back(mix(fnv1a(t.term)));
    }
  }
  sort_unique(f.title_numbers);
  sort_unique(f.numbers);
  if (!tokens.empty()) {
    const std::size_t width = std::min(tokens.size(), kShingleWords);
    for (std::size_t first = 0; first + width <= tokens.size(); ++first) {
      std::uint64_t h = kFnvOffset;
      for (std::size_t i = first; i < first + width; ++i) {
        h = fnv1a(tokens[i].term, h);
        h = fnv1a(std::string_view("\x1f", 1), h);
      }
      f.shingles.push_back(mix(h));
    }
  }
  sort_unique(f.shingles);
  f.shingle_count = f.shingles.size();
  if (f.shingles.size() > kStoryMaxShingles) {
    f.shingles.resize(kStoryMaxShingles);
  }
  return f;
}

double shingle_jaccard(const StoryFeatures& a, const StoryFeatures& b) {
  // Bottom-k estimator (Broder): among the k smallest hashes of the union, the fraction in
  // both. With samples that were not cut this is the exact Jaccard.
  const std::size_t k = std::min(kStoryMaxShingles, std::max(a.shingles.size(), b.shingles.size()));
  const bool cut = a.shingle_count > a.shingles.size() || b.shingle_count > b.shingles.size();
  if (!cut) {
    return jaccard(a.shingles, b.shingles);
  }
  std::size_t seen = 0;
  std::size_t shared = 0;
  auto i = a.shingles.begin();
  auto j = b.shingles.begin();
  while (seen < k && (i != a.shingles.end() || j != b.shingles.end())) {
    if (j == b.shingles.end() || (i != a.shingles.end() && *i < *j)) {
      ++i;
    } else if (i == a.shingles.end() || *j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
    ++seen;
  }
  return seen == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(seen);
}

namespace {

// Shared shingles over the smaller set, estimated from the Jaccard and the true set sizes:
// |A ∩ B| = J (|A| + |B|) / (1 + J).
double containment_from(double jaccard_value, const StoryFeatures& a, const StoryFeatures& b) {
  const double na = static_cast<double>(a.shingle_count);
  const double nb = static_cast<double>(b.shingle_count);
  const double smaller = std::min(na, nb);
  if (smaller == 0) {
    return 0;
  }
  const double shared = jaccard_value * (na + nb) / (1 + jaccard_value);
  return std::min(1.0, shared / smaller);
}

bool same_language(std::string_view a, std::string_view b) {
  return a == b || a == "und" || b == "und" || a.empty() || b.empty();
}

}  // namespace

std::string story_title_key(std::string_view title, std::string_view lang) {
  return title_key_of(title_terms(title, lang));
}

StoryHead story_head(const StoryFeatures& f) {
  return {f.simhash, f.lang, f.canonical_url, f.content_hash, f.title_key};
}

bool may_share_story(const StoryFeatures& a, const StoryHead& b, const StoryParams& params) {
  if ((!a.canonical_url.empty() && a.canonical_url == b.canonical_url)
      || (!a.content_hash.empty() && a.content_hash == b.content_hash)) {
    return true;
  }
  const int hamming = text::hamming_distance(a.simhash, b.simhash);
  switch (params.mode) {
    case StoryMode::ExactOnly:
      return false;
    case StoryMode::SimHashOnly:
      return hamming <= params.max_hamming;
    case StoryMode::Full:
      break;
  }
  if (!same_language(a.lang, b.lang)) {
    return false;  // a translation is related, not a near duplicate
  }
  const bool same_title = !a.title_key.empty() && a.title_key == b.title_key;
  return same_title || hamming <= params.max_hamming;
}

StoryDecision decide_story(const StoryFeatures& a, const StoryFeatures& b,
                           const StoryParams& params) {
  StoryDecision d;
  d.hamming = text::hamming_distance(a.simhash, b.simhash);
  // The cheap filter, on what a stored candidate's head holds: most candidates stop here.
  if (!may_share_story(a, story_head(b), params)) {
    return d;
  }
  if (!a.canonical_url.empty() && a.canonical_url == b.canonical_url) {
    d.link = StoryLink::CanonicalUrl;
    return d;
  }
  if (!a.content_hash.empty() && a.content_hash == b.content_hash) {
    d.link = StoryLink::ContentHash;
    return d;
  }
  if (params.mode != StoryMode::Full) {
    // Past the filter without an exact key: SimHashOnly with close fingerprints (ExactOnly
    // links by exact keys alone, so it never gets here).
    d.link = StoryLink::NearDuplicate;
    return d;
  }
  const bool same_title = !a.title_key.empty() && a.title_key == b.title_key;
  d.title_similarity = jaccard(a.title_words, b.title_words);
  d.text_similarity = shingle_jaccard(a, b);
  d.containment = containment_from(d.text_similarity, a, b);
  const std::size_t fewer = std::min(a.numbers.size(), b.numbers.size());
  d.number_overlap = fewer == 0 ? 1.0
                                : static_cast<double>(shared_count(a.numbers, b.numbers))
                                      / static_cast<double>(fewer);
  d.title_numbers_differ =
      has_foreign(a.title_numbers, b.numbers) || has_foreign(b.title_numbers, a.numbers);
  const bool numbers_agree = !d.title_numbers_differ && d.number_overlap >= params.min_numbers;
  if (same_title && d.containment >= kStoryTitleKeyContainment
      && d.number_overlap >= kStoryStrongNumbers) {
    d.link = StoryLink::Title;
    return d;
  }
  if (d.hamming > params.max_hamming) {
    return d;
  }
  const bool confirmed =
      (d.text_similarity >= params.strong_text && d.number_overlap >= kStoryStrongNumbers)
      || (numbers_agree && d.text_similarity >= params.min_text)
      || (numbers_agree && d.title_similarity >= params.min_title
          && d.text_similarity >= params.title_text);
  if (confirmed) {
    d.link = StoryLink::NearDuplicate;
  }
  return d;
}

std::uint32_t simhash_band(std::uint64_t simhash, int band) {
  // Band b covers bits [64 b / B, 64 (b + 1) / B).
  const int lo = 64 * band / kStoryBands;
  const int hi = 64 * (band + 1) / kStoryBands;
  const std::uint64_t mask = (std::uint64_t{1} << (hi - lo)) - 1;
  return static_cast<std::uint32_t>((simhash >> lo) & mask);
}

std::vector<std::string> story_lookup_keys(const StoryFeatures& f) {
  std::vector<std::string> keys;
  if (!f.canonical_url.empty()) {
    keys.push_back("u:" + f.canonical_url);
  }
  if (!f.content_hash.empty()) {
    keys.push_back("h:" + f.content_hash);
  }
  if (!f.title_key.empty()) {
    keys.push_back("t:" + f.title_key);
  }
  if (f.simhash != 0) {
    for (int b = 0; b < kStoryBands; ++b) {
      keys.push_back(fmt::format("b{}:{:x}", b, simhash_band(f.simhash, b)));
    }
  }
  // The shingles are sorted: the first ones are the smallest hashes (min-hash).
  for (std::size_t i = 0; i < std::min(kStoryMinHashKeys, f.shingles.size()); ++i) {
    keys.push_back(fmt::format("m:{:x}", f.shingles[i]));
  }
  return keys;
}

namespace {

int strength(StoryLink link) {
  switch (link) {
    case StoryLink::CanonicalUrl:
    case StoryLink::ContentHash:
      return 3;
    case StoryLink::Title:
      return 2;
    case StoryLink::NearDuplicate:
      return 1;
    case StoryLink::None:
      return 0;
  }
  return 0;
}

bool better(const StoryChoice& a, const StoryChoice& b) {
  const int sa = strength(a.decision.link);
  const int sb = strength(b.decision.link);
  if (sa != sb) {
    return sa > sb;
  }
  if (a.decision.text_similarity != b.decision.text_similarity) {
    return a.decision.text_similarity > b.decision.text_similarity;
  }
  return a.story_id < b.story_id;
}

}  // namespace

StoryChoice choose_story(const StoryFeatures& item, std::span<const StoryCandidate> candidates,
                         const StoryParams& params) {
  StoryChoice best;
  for (const auto& c : candidates) {
    if (c.story_id == 0 || c.features == nullptr) {
      continue;
    }
    StoryDecision d = decide_story(item, *c.features, params);
    if (!d.same()) {
      continue;
    }
    StoryChoice choice{c.story_id, c.item_id, d};
    if (best.story_id == 0 || better(choice, best)) {
      best = choice;
    }
  }
  return best;
}

std::int64_t StoryIndex::add(StoryFeatures features) {
  const std::vector<std::string> keys = story_lookup_keys(features);
  std::vector<std::size_t> seen;
  std::vector<StoryCandidate> candidates;
  for (const auto& key : keys) {
    auto it = postings_.find(key);
    if (it == postings_.end()) {
      continue;
    }
    const auto& list = it->second;
    const std::size_t from =
        list.size() > kStoryMaxCandidatesPerKey ? list.size() - kStoryMaxCandidatesPerKey : 0;
    for (std::size_t i = from; i < list.size(); ++i) {
      seen.push_back(list[i]);
    }
  }
  std::sort(seen.begin(), seen.end());
  seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
  for (const std::size_t i : seen) {
    candidates.push_back({static_cast<core::ItemId>(i + 1), stories_[i], &items_[i]});
  }
  comparisons_ += candidates.size();
  const StoryChoice choice = choose_story(features, candidates, params_);
  const std::int64_t story = choice.story_id != 0 ? choice.story_id : next_story_++;
  const std::size_t index = items_.size();
  items_.push_back(std::move(features));
  stories_.push_back(story);
  for (const auto& key : keys) {
    postings_[key].push_back(index);
  }
  return story;
}

std::string_view to_string(StoryLink link) {
  switch (link) {
    case StoryLink::None:
      return "none";
    case StoryLink::CanonicalUrl:
      return "canonical_url";
    case StoryLink::ContentHash:
      return "content_hash";
    case StoryLink::Title:
      return "title";
    case StoryLink::NearDuplicate:
      return "near_duplicate";
  }
  return "none";
}

}  // namespace vigie::match
