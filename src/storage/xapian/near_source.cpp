// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/near_source.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "storage/xapian/schema.h"

namespace vigie::storage::xapian_schema {
namespace {

// A prefix operand with more expansions than this does not drive the iteration.
constexpr std::size_t kMaxDriverTerms = 1000;

}  // namespace

NearSource::NearSource(match::NearOperand left, match::NearOperand right, int distance)
    : left_(std::move(left)),
      right_(std::move(right)),
      distance_(distance),
      prefix_(word_prefix(match::field_of(left_))) {}

Xapian::PostingSource* NearSource::clone() const {
  return new NearSource(left_, right_, distance_);
}

void NearSource::init(const Xapian::Database& db) {
  db_ = db;
  drivers_.clear();
  current_ = 0;
  valid_ = false;
  at_end_ = false;
  // The cheapest operand to enumerate: every matching document contains one of its words.
  constexpr std::uint64_t kUnbounded = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t best_cost = kUnbounded;
  std::vector<std::string> best_terms;
  for (const auto* operand : {&left_, &right_}) {
    std::vector<std::string> terms;
    std::uint64_t cost = 0;
    if (const auto* t = std::get_if<match::Term>(operand)) {
      terms.push_back(prefix_ + t->term);
      cost = db_.get_termfreq(terms.back());
    } else if (const auto* ph = std::get_if<match::Phrase>(operand)) {
      std::string rarest;
      cost = kUnbounded;
      for (const auto& w : ph->terms) {
        const std::uint64_t f = db_.get_termfreq(prefix_ + w);
        if (f < cost) {
          cost = f;
          rarest = prefix_ + w;
        }
      }
      terms.push_back(rarest);
    } else if (const auto* p = std::get_if<match::Prefix>(operand)) {
      const std::string start = prefix_ + p->prefix;
      for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it) {
        if (terms.size() == kMaxDriverTerms) {
          cost = kUnbounded;
          break;
        }
        terms.push_back(*it);
        cost += it.get_termfreq();
      }
    }
    if (cost < best_cost) {
      best_cost = cost;
      best_terms = std::move(terms);
    }
  }
  if (best_cost == kUnbounded) {
    best_terms = {std::string()};  // the empty term lists every document
    best_cost = db_.get_doccount();
  }
  for (const auto& term : best_terms) {
    drivers_.push_back(db_.postlist_begin(term));
  }
  // Reported as matching everything: the matcher then checks this source last, only on
  // documents every other part of the query accepts (check() reads positions: the costly part).
  estimate_ = db_.get_doccount();
}

std::vector<Xapian::termpos> NearSource::positions(Xapian::docid did,
                                                   const std::string& term) const {
  std::vector<Xapian::termpos> out;
  for (auto it = db_.positionlist_begin(did, term); it != db_.positionlist_end(did, term); ++it) {
    out.push_back(*it);
  }
  return out;
}

std::vector<match::Span> NearSource::spans(const match::NearOperand& operand,
                                           Xapian::docid did) const {
  std::vector<match::Span> out;
  if (const auto* t = std::get_if<match::Term>(&operand)) {
    for (Xapian::termpos p : positions(did, prefix_ + t->term)) {
      out.push_back({p, p});
    }
  } else if (const auto* p = std::get_if<match::Prefix>(&operand)) {
    const std::string start = prefix_ + p->prefix;
    auto it = db_.termlist_begin(did);
    it.skip_to(start);
    for (; it != db_.termlist_end(did); ++it) {
      if (!(*it).starts_with(start)) {
        break;
      }
      for (auto pos = it.positionlist_begin(); pos != it.positionlist_end(); ++pos) {
        out.push_back({*pos, *pos});
      }
    }
    std::sort(out.begin(), out.end(),
              [](const match::Span& a, const match::Span& b) { return a.first < b.first; });
  } else if (const auto* ph = std::get_if<match::Phrase>(&operand)) {
    std::vector<std::vector<Xapian::termpos>> lists;
    for (const auto& w : ph->terms) {
      lists.push_back(positions(did, prefix_ + w));
    }
    const auto n = static_cast<Xapian::termpos>(ph->terms.size());
    for (Xapian::termpos s : lists.front()) {
      bool all = true;
      for (Xapian::termpos k = 1; k < n && all; ++k) {
        all = std::binary_search(lists[k].begin(), lists[k].end(), s + k);
      }
      if (all) {
        out.push_back({s, s + n - 1});
      }
    }
  }
  return out;
}

bool NearSource::matches(Xapian::docid did) const {
  const auto left = spans(left_, did);
  if (left.empty()) {
    return false;
  }
  return match::near_match(left, spans(right_, did), distance_);
}

void NearSource::advance_from(Xapian::docid did) {
  while (true) {
    Xapian::docid best = 0;
    for (auto& it : drivers_) {
      if (it == Xapian::PostingIterator()) {
        continue;
      }
      it.skip_to(did);
      if (it != Xapian::PostingIterator() && (best == 0 || *it < best)) {
        best = *it;
      }
    }
    if (best == 0) {
      at_end_ = true;
      return;
    }
    if (matches(best)) {
      current_ = best;
      valid_ = true;
      return;
    }
    did = best + 1;
  }
}

void NearSource::next(double /*min_wt*/) {
  advance_from(current_ + 1);
}

void NearSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  if (valid_ && did <= current_) {
    return;
  }
  // After a failed check(), current_ is known not to match.
  advance_from(valid_ ? did : std::max(did, current_ + 1));
}

bool NearSource::check(Xapian::docid did, double /*min_wt*/) {
  current_ = did;
  valid_ = matches(did);
  // false: an indeterminate position, from which next() and skip_to() continue after `did`.
  return valid_;
}

}  // namespace vigie::storage::xapian_schema
