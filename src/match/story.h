// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// One story, many sources: the pure half of story clustering. Items that tell the same story
// (the same wire copy under another URL, the same release lightly edited, the same article in
// two feeds) are grouped by exact keys and by near-duplicate fingerprints:
//
//  - exact keys: the canonical URL, the content hash (title + text), the normalised title
//    (long enough titles only, and confirmed by some shared text);
//  - near duplicates: SimHash within kStoryMaxHamming bits, confirmed by the text (Jaccard of
//    word 3-shingles), the title (its words, and its numbers: "semaine 12" is not
//    "semaine 13") and the numbers of the text (same template, other figures: not the same
//    story).
//
// Items in different languages never match by fingerprint (a translation is related, not a
// near duplicate): only an exact key can join them. Thresholds are named constants, chosen by
// measurement on data/demo/story_pairs.tsv (bench/stories prints the figures).
//
// Candidate lookup: story_lookup_keys() gives the keys under which an item is filed and
// looked up (exact keys, SimHash bands, min-hash shingles), so a store only has to compare an
// item with the items that share one of its keys.
//
// Pure and thread-safe: no I/O, no clock; every function is a deterministic function of its
// arguments.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"

namespace vigie::match {

// Thresholds, measured on data/demo/story_pairs.tsv (bench/stories, bench/README.md). On
// these 80-400-word texts an edited republication lands 5 to 25 bits away and a text Jaccard
// of 0.48 to 0.86; look-alikes of one template (weekly prices, tenders) reach 0.55 but
// disagree on their figures: the numbers are what tell them apart.
//
// Largest SimHash distance (bits of 64) at which two items may be the same story: a cheap
// first filter (unrelated texts sit around 32), never sufficient alone.
inline constexpr int kStoryMaxHamming = 26;
// Text similarity (shingle Jaccard) that confirms a near duplicate whose numbers mostly agree
// (kStoryStrongNumbers)...
inline constexpr double kStoryStrongText = 0.75;
inline constexpr double kStoryStrongNumbers = 0.5;
// ...or, lower, when the numbers agree (kStoryMinNumbers: shared numbers over the smaller
// set) and each title's numbers appear in the other item.
inline constexpr double kStoryMinText = 0.45;
inline constexpr double kStoryMinNumbers = 0.8;
// Title similarity (Jaccard of title words) that lets a shorter text overlap (kStoryTitleText)
// confirm, under the same number rules: summary-only feeds have few shingles.
inline constexpr double kStoryMinTitle = 0.5;
inline constexpr double kStoryTitleText = 0.35;
// A normalised title is an exact key only with at least this many words, and it joins two
// items only when their texts overlap (containment) this much and their numbers agree half.
inline constexpr std::size_t kStoryTitleKeyMinWords = 6;
inline constexpr double kStoryTitleKeyContainment = 0.5;
// Shingles kept per item (the smallest hashes: a consistent sample, so Jaccard stays
// estimable on long texts while memory stays bounded).
inline constexpr std::size_t kStoryMaxShingles = 256;
// Lookup keys: 4 SimHash bands of 16 bits (every pair within 3 bits shares one: copies whose
// markup differs) and the kStoryMinHashKeys smallest shingle hashes (min-hash: two texts of
// Jaccard J share one with probability about 1 - (1 - J)^k, 0.99 at J = 0.45).
inline constexpr int kStoryBands = 4;
inline constexpr std::size_t kStoryMinHashKeys = 8;

// What clustering needs of an item, computed once (story_features) and compared many times.
struct StoryFeatures {
  std::uint64_t simhash = 0;
  std::string lang;
  std::string canonical_url;
  std::string content_hash;
  std::string title_key;                     // hex hash of the normalised title; empty if short
  std::vector<std::uint64_t> title_words;    // sorted unique hashes of folded non-stop words
  std::vector<std::uint64_t> shingles;       // sorted bottom-k hashes of word 3-shingles of text
  std::size_t shingle_count = 0;             // distinct shingles before sampling
  std::vector<std::uint64_t> title_numbers;  // sorted unique hashes of the title's numbers
  std::vector<std::uint64_t> numbers;        // ... of every number of title and text
};

StoryFeatures story_features(const core::Item& item);

// Why two items are (or are not) one story.
enum class StoryLink { None, CanonicalUrl, ContentHash, Title, NearDuplicate };

struct StoryDecision {
  StoryLink link = StoryLink::None;
  int hamming = 64;
  double title_similarity = 0;
  double text_similarity = 0;         // Jaccard of shingles
  double containment = 0;             // shared shingles / the smaller set
  double number_overlap = 1;          // shared numbers / the smaller set of numbers (1 when none)
  bool title_numbers_differ = false;  // a title has a number the other item never mentions

  bool same() const { return link != StoryLink::None; }
};

// How the decision is made. The defaults are the measured ones; the other modes are the
// peers bench/stories compares against.
enum class StoryMode {
  Full,         // exact keys, then SimHash confirmed by text and title
  ExactOnly,    // canonical URL and content hash only
  SimHashOnly,  // exact keys, then SimHash alone (no confirmation)
};

struct StoryParams {
  StoryMode mode = StoryMode::Full;
  int max_hamming = kStoryMaxHamming;
  double strong_text = kStoryStrongText;
  double min_text = kStoryMinText;
  double min_numbers = kStoryMinNumbers;
  double min_title = kStoryMinTitle;
  double title_text = kStoryTitleText;
};

// What decide_story() reads of an item before anything costly: a stored candidate's head comes
// with the lookup (storage::StoryKeyHit), so most candidates are ruled out without loading and
// tokenising their text. Views into the strings of whoever built it.
struct StoryHead {
  std::uint64_t simhash = 0;
  std::string_view lang;
  std::string_view canonical_url;
  std::string_view content_hash;
  std::string_view title_key;
};

StoryHead story_head(const StoryFeatures& f);

// StoryFeatures::title_key of an item with this title and language (normalised code).
std::string story_title_key(std::string_view title, std::string_view lang);

// Whether an item with head `b` may be the same story as `a`: decide_story() links nothing
// without it (it is decide_story()'s first step), so a candidate for which it is false need
// not be loaded. True does not mean it links.
bool may_share_story(const StoryFeatures& a, const StoryHead& b, const StoryParams& params = {});

// Does item `a` belong with item `b`? Symmetric.
StoryDecision decide_story(const StoryFeatures& a, const StoryFeatures& b,
                           const StoryParams& params = {});

// Bits of band `band` (0 <= band < kStoryBands) of a SimHash: the bands cut the 64 bits into
// kStoryBands contiguous runs.
std::uint32_t simhash_band(std::uint64_t simhash, int band);

// Lookup keys of an item, as short strings ("u:<url>", "h:<hash>", "t:<title>", "b<n>:<v>",
// "m:<shingle>"): an item that may be the same story as another almost always shares a key
// with it (exact keys and close SimHashes always; near duplicates with the probability above).
std::vector<std::string> story_lookup_keys(const StoryFeatures& f);

// Short stable name of a link, for logs and JSON ("canonical_url", "content_hash", ...).
std::string_view to_string(StoryLink link);

// A stored item that may be the same story as a new one (it shares a lookup key with it).
struct StoryCandidate {
  core::ItemId item_id = 0;
  std::int64_t story_id = 0;
  const StoryFeatures* features = nullptr;
};

struct StoryChoice {
  std::int64_t story_id = 0;  // 0: no candidate is the same story (start a new one)
  core::ItemId matched_item = 0;
  StoryDecision decision;
};

// The story an item joins: among the candidates that decide_story() says are the same story,
// the strongest link wins (exact keys before near duplicates, then the higher text
// similarity, then the lower story id). Candidates without a story (story_id 0) are skipped.
StoryChoice choose_story(const StoryFeatures& item, std::span<const StoryCandidate> candidates,
                         const StoryParams& params = {});

// Candidates compared per lookup key at most (the most recent ones): a key shared by
// thousands of items (a boilerplate band) cannot make clustering quadratic.
inline constexpr std::size_t kStoryMaxCandidatesPerKey = 32;

// Story clustering in memory, with the same keys, caps and choice as the stored version
// (service::StoryService): for benchmarks and tests. Items are added in order of first
// appearance. Not thread-safe.
class StoryIndex {
 public:
  explicit StoryIndex(StoryParams params = {}) : params_(params) {}
  // Files the item and returns its story (1-based, in order of creation).
  std::int64_t add(StoryFeatures features);
  std::size_t size() const { return items_.size(); }
  std::int64_t story_of(std::size_t item) const { return stories_[item]; }
  std::int64_t story_count() const { return next_story_ - 1; }
  // Candidates compared so far (a cost measure).
  std::size_t comparisons() const { return comparisons_; }

 private:
  StoryParams params_;
  std::vector<StoryFeatures> items_;
  std::vector<std::int64_t> stories_;
  std::unordered_map<std::string, std::vector<std::size_t>> postings_;
  std::int64_t next_story_ = 1;
  std::size_t comparisons_ = 0;
};

// Shingle Jaccard estimated from two bottom-k samples (exact when neither was cut).
double shingle_jaccard(const StoryFeatures& a, const StoryFeatures& b);

}  // namespace vigie::match
