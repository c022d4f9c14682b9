// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The documents XapianIndex holds (storage/xapian/schema.h), laid out in a Lucene++ 3.0 index,
// for the evaluation benchmark only (bench/lucene-eval/README.md). Terms are Vigie's own
// (text::tokenize, match::FieldTokens), handed to Lucene as pre-tokenised streams, so the
// analysis cost equals XapianIndex's and Lucene's analyzers are never run. Fields:
//   any      title then body words, positional, the body kFieldGap positions after the title
//   title    title words, positional        source, author   their words, positional
//   org sid lang country tag                 boolean filter terms (no norms, no positions)
//   date     unix seconds, 11 digits (sortable, range-searchable as a term)
//   id       the item id, indexed (replace and delete by id) and stored (hits -> ids)
// Stems follow schema 4's synonym scheme: a word of a stemmed language is listed once under
// Z<lang>:<stem> in a synonym document (zkey indexed, zword stored) in the same index, so it
// commits atomically with the documents that need it; a word query looks its stem up there.
// The commit carries the log position in the commit's user data (as Xapian's metadata).
//
// Thread-safety: add() may run on several threads at once (IndexWriter is thread-safe);
// commit(), reopen() and search() on one thread while no add() runs.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "storage/search_index.h"

namespace vigie::bench {

struct LuceneOptions {
  bool serial_merges = true;   // merges on the committing thread (else Lucene's merge threads)
  bool compound_files = true;  // Lucene's default
  bool create = true;          // false: open the index already in the directory
};

struct LuceneCpu {
  double build_s = 0;  // tokenising and building Lucene documents (thread CPU, all threads)
  double write_s = 0;  // IndexWriter::updateDocument (thread CPU, all threads)
};

class LuceneIndex {
 public:
  // Creates a new index in `directory` (or opens it: options.create). Throws
  // std::runtime_error.
  LuceneIndex(const std::filesystem::path& directory, const LuceneOptions& options);
  ~LuceneIndex();
  LuceneIndex(const LuceneIndex&) = delete;
  LuceneIndex& operator=(const LuceneIndex&) = delete;

  // Adds or replaces (by id) the document.
  void add(const storage::IndexDocument& doc);
  // Removes the document with this id, if any.
  void remove(core::ItemId id);
  // Durable commit (fsync), with `position` in the commit's user data.
  void commit(std::uint64_t position);
  // Opens a near-real-time reader on what was added so far, without a commit (what a search
  // within a second of an insert needs); runs one term query on it so it is usable.
  void reopen();
  // Item ids of org `org`'s documents matching `text`: one word (stem-expanded as XapianIndex
  // does) or several (a phrase), optionally filtered by language.
  std::set<core::ItemId> search(std::string_view text, std::string_view lang, core::OrgId org);

  // The position of the last commit, read back from the directory (segments_N's user data).
  std::uint64_t committed_position();
  // Documents of org `org` (synonym documents excluded), as a reader opened now sees them.
  std::uint64_t count(core::OrgId org);

  LuceneCpu cpu() const;
  std::uint64_t synonym_documents() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::bench
