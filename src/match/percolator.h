// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The percolator (DESIGN.md §6): matches one document against every watch topic at once.
//
// Topics are compiled into an inverted index of the terms a match requires (the idea of
// Lucene's Monitor). For each query, up to 8 groups of keys are extracted from the AST such
// that any matching document contains a key of every group: a word gives one group (its
// folded form and its stems in every stemming language), a phrase or NEAR one group per word,
// `lang:`/`country:`/`tag:` a filter key, a prefix its prefix; AND gathers its children's
// groups (the most selective first), OR unites its children's best groups into one. Queries
// with no group (purely negative, dates only) go to an always-check list. A document's
// distinct terms, stems, prefixes and filter values hit groups; a query whose groups are all
// hit is a candidate, verified exactly by a compiled form of the query that follows the rules
// of evaluator.h (tests check that percolate() == evaluate() == the search index).
//
// Languages: a topic watches the languages it lists (all when none), and a document in a
// language that has a variant is matched against the variant instead of the main query. A
// variant's language is watched even when `languages` does not list it.
//
// Thread-safety: a built Percolator is immutable; percolate() may run on many threads at once.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "match/evaluator.h"
#include "match/query.h"

namespace vigie::match {

struct PercolatorTopic {
  std::int64_t id = 0;
  Query query;
  std::vector<std::string> languages;                   // ISO 639-1; empty: every language
  std::vector<std::pair<std::string, Query>> variants;  // language -> query
};

// Bounds on what one topic may add to the compiled index, so that no topic makes matching
// slower for everyone.
struct PercolatorLimits {
  // Keys one query may register (a word has a few: its folded form and its distinct stems).
  std::size_t max_keys_per_query = 1024;
  // Distinct prefixes (`expo*`) one query may register.
  std::size_t max_prefixes_per_query = 32;
};

// One topic a document matched. `score` is deterministic and grows with how often, and where
// (the title counts double), the query's positive words occur: a BM25-like saturation of each
// matched leaf's count, summed. `matched_terms` are the positive leaves found in the document,
// written as in a query (`coton`, `"prix du coton"`, `expo*`), in first-seen order, for
// highlighting and display.
struct PercolatorHit {
  std::int64_t topic_id = 0;
  double score = 0;
  std::vector<std::string> matched_terms;
};

// What compile statistics say about the index, for benchmarks and `vigie topics` diagnostics.
struct PercolatorStats {
  std::size_t topics = 0;
  std::size_t queries = 0;         // main queries and variants
  std::size_t keys = 0;            // postings, all queries together
  std::size_t always_checked = 0;  // queries verified on every document
  std::size_t strings = 0;         // distinct words, stems, prefixes and filter values
};

// Whether `query` can be compiled within `limits`. Errors: InvalidInput "topic.too_broad"
// (too many keys or prefixes; the message says which limit).
core::Status check_percolatable(const Query& query, const PercolatorLimits& limits = {});

// Whether `query` is verified on every document (no required term could be extracted).
bool is_always_checked(const Query& query);

class Percolator {
 public:
  // Compiles `topics`. A topic whose query or variant exceeds `limits` is left out and listed
  // in refused() (callers validate with check_percolatable() before saving a topic).
  explicit Percolator(std::span<const PercolatorTopic> topics, const PercolatorLimits& limits = {});
  Percolator();  // no topics
  ~Percolator();
  Percolator(Percolator&&) noexcept;
  Percolator& operator=(Percolator&&) noexcept;
  Percolator(const Percolator&) = delete;
  Percolator& operator=(const Percolator&) = delete;

  // The topics `doc` matches, by ascending topic id.
  std::vector<PercolatorHit> percolate(const EvalDocument& doc) const;

  // Ids of the topics candidates were drawn for (before verification), ascending; for tests and
  // benchmarks of the pre-filter.
  std::vector<std::int64_t> candidates(const EvalDocument& doc) const;

  const std::vector<std::int64_t>& refused() const;
  // Why each refused topic was refused (English, technical), parallel to refused().
  const std::vector<std::string>& refusal_reasons() const;
  PercolatorStats stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::match
