// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Newest-first search without scanning every match. Sorting by a value makes Xapian read the
// date of every matching document: a million for a common word. But item ids grow with fetch
// time, so the newest items are mostly the highest document ids. The index records, per block
// of kDocidsPerBlock ids, the oldest and the newest date ever added to it; a date-sorted search
// first runs on the highest blocks only and widens the range until the page's oldest date is
// newer than every date below the range. A query that requires a date range only looks at the
// blocks whose dates can meet it. The answer is exact whatever the ids; it is fast when ids
// follow dates, as they do. Internal to storage/xapian/.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

namespace vigie::storage::xapian_schema {

inline constexpr Xapian::docid kDocidsPerBlock = 8192;
inline constexpr std::string_view kBlockDatesKey = "vigie.block_dates";

// Document ids [first, last]; empty when first > last.
struct DocidSpan {
  Xapian::docid first = 1;
  Xapian::docid last = 0;
  bool empty() const { return first > last; }
};

// Oldest and newest item date (unix seconds) per block (docid / kDocidsPerBlock). Bounds:
// removing or replacing a document never narrows them, which keeps the search exact.
// Encoded as "block:newest:oldest," per block (schema 5).
class BlockDates {
 public:
  void note(Xapian::docid did, std::int64_t date);
  std::string encode() const;
  static BlockDates decode(const std::string& s);
  void clear() { blocks_.clear(); }

  // The newest date of any document whose id is below `did`; nullopt-like INT64_MIN when none.
  std::int64_t newest_below(Xapian::docid did) const;

  // The id spans holding every document whose date may lie in [from, until] (unix seconds,
  // inclusive): the blocks whose dates meet the range, adjacent ones merged, in ascending
  // order. Empty when no block does.
  std::vector<DocidSpan> spans_of(std::int64_t from, std::int64_t until) const;

 private:
  struct Dates {
    std::int64_t oldest = 0;
    std::int64_t newest = 0;
  };
  std::map<Xapian::docid, Dates> blocks_;  // block -> its dates
};

// One hit of a newest-first page.
struct DatedHit {
  Xapian::docid id = 0;
  double weight = 0;
  std::int64_t date = 0;  // unix seconds
  std::string sort_key;   // the serialised date, as Xapian compares it
};

// Hits [offset, offset + limit) of `query` (which must hold a term: see DocidRangeSource) newest
// first, then by relevance, then by ascending id: the order of Xapian's
// set_sort_by_value_then_relevance(kDateSlot, true) on the whole database. `within`: the id
// spans that may match, ascending (no document outside them does; e.g. BlockDates::spans_of
// the query's required dates), or {1, last id}. Searches disjoint windows of their blocks from
// the highest down, each four times as many blocks as the one before (the first is the top
// block), keeps the best offset + limit hits seen, and stops once the page's oldest hit is
// newer than every date below the windows searched (`dates`), or at the bottom of `within`.
// Each document is scored at most once: a rare query costs one pass over its matches, not one
// per widening. Throws Xapian::Error.
std::vector<DatedHit> newest_first(const Xapian::Database& db, const Xapian::Query& query,
                                   const BlockDates& dates, std::vector<DocidSpan> within,
                                   std::size_t offset, std::size_t limit);

// Every document id in `spans` (ascending, disjoint, not empty), cheaply (for filtering;
// contributes no weight). As DocidRangeSource, the rest of the query must hold a term.
class DocidSpansSource final : public Xapian::PostingSource {
 public:
  explicit DocidSpansSource(std::vector<DocidSpan> spans);

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return size_; }
  Xapian::doccount get_termfreq_max() const override { return size_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_ >= spans_.size(); }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override { return new DocidSpansSource(spans_); }
  std::string name() const override { return "vigie.DocidSpansSource"; }

 private:
  std::vector<DocidSpan> spans_;
  Xapian::doccount size_ = 0;
  std::size_t at_ = 0;  // the span holding current_; spans_.size() once ended
  Xapian::docid current_ = 0;
  bool started_ = false;
};

// Every document id in [first, last], cheaply (for filtering; contributes no weight). Ids that
// no document has are filtered out by the rest of the query, which always includes a term.
class DocidRangeSource final : public Xapian::PostingSource {
 public:
  DocidRangeSource(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return ended_; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override { return new DocidRangeSource(first_, last_); }
  std::string name() const override { return "vigie.DocidRangeSource"; }

 private:
  Xapian::doccount size() const { return last_ >= first_ ? last_ - first_ + 1 : 0; }

  Xapian::docid first_;
  Xapian::docid last_;
  Xapian::docid current_ = 0;
  bool started_ = false;
  bool ended_ = false;
};

}  // namespace vigie::storage::xapian_schema
