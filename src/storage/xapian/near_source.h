// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// NEAR with the exact semantics of match::Near. Xapian's own OP_NEAR takes only terms (not
// phrases), and lets both sides match the same position; this posting source checks each
// candidate document's positions with match::near_match instead. The query compiler ANDs it
// with both operands, so Xapian mostly calls check() on documents that already contain both.
// Internal to storage/xapian/. Not thread-safe: Xapian clones it per search.

#include <string>
#include <vector>

#include <xapian.h>

#include "match/evaluator.h"
#include "match/query.h"

namespace vigie::storage::xapian_schema {

class NearSource final : public Xapian::PostingSource {
 public:
  NearSource(match::NearOperand left, match::NearOperand right, int distance);

  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return estimate_; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return at_end_; }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::PostingSource* clone() const override;
  std::string name() const override { return "vigie.NearSource"; }

 private:
  // Occurrences of an operand in document `did`, in position order.
  std::vector<match::Span> spans(const match::NearOperand& operand, Xapian::docid did) const;
  std::vector<Xapian::termpos> positions(Xapian::docid did, const std::string& term) const;
  bool matches(Xapian::docid did) const;
  // Moves to the first candidate at or after `did` that matches.
  void advance_from(Xapian::docid did);

  match::NearOperand left_;
  match::NearOperand right_;
  int distance_;
  std::string prefix_;  // the operands' field prefix

  Xapian::Database db_;
  // Documents that may match: the postings of the rarest word of one operand (or all
  // documents, when both operands are prefixes with too many expansions).
  std::vector<Xapian::PostingIterator> drivers_;
  Xapian::doccount estimate_ = 0;
  Xapian::docid current_ = 0;
  bool valid_ = false;  // whether current_ is a match (false after a failed check())
  bool at_end_ = false;
};

}  // namespace vigie::storage::xapian_schema
