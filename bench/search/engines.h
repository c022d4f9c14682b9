// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The engines the search benchmark compares, behind one small interface: our XapianIndex, a raw
// SQLite FTS5 table (unicode61 remove_diacritics 2, bm25), and raw Xapian with its own
// TermGenerator and QueryParser. Each builds from the same Corpus and answers the same
// BenchQuery, written in its own syntax.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus.h"

namespace vigie::bench {

// One query of the workload, in every engine's syntax.
struct BenchQuery {
  std::string cls;      // query class, e.g. "phrase"
  std::string vigie;    // our query language
  std::string fts;      // FTS5 MATCH expression
  std::string fts_sql;  // extra SQL condition ("AND lang = 'en'"), may be empty
  std::string xapian;   // Xapian QueryParser string
  // Filters raw Xapian applies as boolean terms / value ranges (its QueryParser string has none).
  std::vector<std::string> xapian_filters;                          // e.g. "Len"
  std::optional<std::pair<std::int64_t, std::int64_t>> date_range;  // [from, until) unix
};

enum class Sort { Relevance, Date };

class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  // Indexes items [first, last] of the corpus and makes them durable and searchable.
  virtual void build(const Corpus& corpus, std::uint64_t first, std::uint64_t last) = 0;
  // Runs one query, top 20, with snippets where the engine has them. Returns the hit count.
  virtual std::size_t search(const BenchQuery& q, Sort sort) = 0;
  // Adds one item, commits, and returns whether a search for `word` then finds it.
  virtual bool add_and_find(const storage::IndexDocument& doc, const std::string& word) = 0;
  // Documents in the index.
  virtual std::uint64_t count() = 0;
};

// `dir` holds the engine's files; existing files are reused (and not rebuilt by main()).
// With `texts`, each hit's title and snippet are marked from the item's text, regenerated from
// the corpus (standing in for the store join SearchService does); without, ids only
// ("vigie-ids"), to separate the engine from snippet cost.
// `max_near_candidates`: XapianIndexOptions::max_near_candidates (0: exact NEAR, unbounded).
// `max_ranked_matches`: XapianIndexOptions::max_ranked_matches (0: rank every match).
// `read_only`: search beside a process still building the index (build() and add_and_find()
// then fail).
std::unique_ptr<Engine> make_vigie_engine(const std::filesystem::path& dir, const Corpus* texts,
                                          std::size_t max_near_candidates,
                                          std::size_t max_ranked_matches, bool read_only);
std::unique_ptr<Engine> make_fts5_engine(const std::filesystem::path& dir);
std::unique_ptr<Engine> make_raw_xapian_engine(const std::filesystem::path& dir);

}  // namespace vigie::bench
