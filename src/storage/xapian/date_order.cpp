// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/date_order.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "storage/xapian/schema.h"

namespace vigie::storage::xapian_schema {

void BlockDates::note(Xapian::docid did, std::int64_t date) {
  auto [it, fresh] = blocks_.try_emplace(did / kDocidsPerBlock, Dates{date, date});
  if (!fresh) {
    it->second.oldest = std::min(it->second.oldest, date);
    it->second.newest = std::max(it->second.newest, date);
  }
}

std::string BlockDates::encode() const {
  std::string out;
  for (const auto& [block, dates] : blocks_) {
    out += std::to_string(block);
    out += ':';
    out += std::to_string(dates.newest);
    out += ':';
    out += std::to_string(dates.oldest);
    out += ',';
  }
  return out;
}

BlockDates BlockDates::decode(const std::string& s) {
  BlockDates out;
  const char* p = s.data();
  const char* end = s.data() + s.size();
  while (p < end) {
    Xapian::docid block = 0;
    Dates dates;
    auto r1 = std::from_chars(p, end, block);
    if (r1.ec != std::errc{} || r1.ptr == end || *r1.ptr != ':') {
      break;
    }
    auto r2 = std::from_chars(r1.ptr + 1, end, dates.newest);
    if (r2.ec != std::errc{} || r2.ptr == end || *r2.ptr != ':') {
      break;
    }
    auto r3 = std::from_chars(r2.ptr + 1, end, dates.oldest);
    if (r3.ec != std::errc{} || r3.ptr == end || *r3.ptr != ',') {
      break;
    }
    out.blocks_[block] = dates;
    p = r3.ptr + 1;
  }
  return out;
}

std::int64_t BlockDates::newest_below(Xapian::docid did) const {
  std::int64_t newest = std::numeric_limits<std::int64_t>::min();
  const Xapian::docid block = did / kDocidsPerBlock;
  for (auto it = blocks_.begin(); it != blocks_.end() && it->first < block; ++it) {
    newest = std::max(newest, it->second.newest);
  }
  // The documents of `block` below `did` are covered by the block's own bound.
  if (did % kDocidsPerBlock != 0) {
    if (auto it = blocks_.find(block); it != blocks_.end()) {
      newest = std::max(newest, it->second.newest);
    }
  }
  return newest;
}

std::vector<DocidSpan> BlockDates::spans_of(std::int64_t from, std::int64_t until) const {
  std::vector<DocidSpan> out;
  constexpr std::uint64_t kMaxId = std::numeric_limits<Xapian::docid>::max();
  for (const auto& [block, dates] : blocks_) {
    if (dates.newest < from || dates.oldest > until) {
      continue;
    }
    const std::uint64_t first = static_cast<std::uint64_t>(block) * kDocidsPerBlock;
    const auto last = static_cast<Xapian::docid>(std::min(first + kDocidsPerBlock - 1, kMaxId));
    if (!out.empty() && static_cast<std::uint64_t>(out.back().last) + 1 == first) {
      out.back().last = last;
    } else {
      out.push_back({static_cast<Xapian::docid>(std::max<std::uint64_t>(first, 1)), last});
    }
  }
  return out;
}

namespace {

// Xapian's order for set_sort_by_value_then_relevance(slot, true) with ascending docid order.
bool newer_first(const DatedHit& a, const DatedHit& b) {
  if (a.sort_key != b.sort_key) {
    return a.sort_key > b.sort_key;
  }
  if (a.weight != b.weight) {
    return a.weight > b.weight;
  }
  return a.id < b.id;
}

// The best `count` matches of `query` among ids [first, last], newest first.
void search_range(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid first,
                  Xapian::docid last, std::size_t count, std::vector<DatedHit>& out) {
  Xapian::Enquire enquire(db);
  if (first <= 1 && last >= db.get_lastdocid()) {
    enquire.set_query(query);
  } else {
    auto* range = new DocidRangeSource(first, last);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(range->release())));
  }
  enquire.set_sort_by_value_then_relevance(kDateSlot, true);
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    DatedHit hit;
    hit.id = *it;
    hit.weight = it.get_weight();
    hit.sort_key = it.get_sort_key();
    hit.date = static_cast<std::int64_t>(std::llround(Xapian::sortable_unserialise(hit.sort_key)));
    out.push_back(std::move(hit));
  }
}

}  // namespace

std::vector<DatedHit> newest_first(const Xapian::Database& db, const Xapian::Query& query,
                                   const BlockDates& dates, std::vector<DocidSpan> within,
                                   std::size_t offset, std::size_t limit) {
  const std::size_t need = offset + limit;
  std::vector<DatedHit> best;
  const Xapian::docid top = db.get_lastdocid();
  std::erase_if(within, [&](const DocidSpan& s) { return s.empty() || s.first > top; });
  if (need == 0 || within.empty()) {
    return best;
  }
  within.back().last = std::min(within.back().last, top);
  // Walks down the blocks of `within` from the top: span `at`, next block ending at `high`.
  std::size_t at = within.size() - 1;
  Xapian::docid high = within[at].last;
  for (Xapian::docid blocks = 1;; blocks *= 4) {
    // The window: the next `blocks` blocks of the spans (their gaps hold no match).
    const Xapian::docid window_high = high;
    Xapian::docid low = high;
    bool bottom = false;
    for (Xapian::docid n = 0; n < blocks; ++n) {
      low = std::max(within[at].first, (high / kDocidsPerBlock) * kDocidsPerBlock);
      if (low > within[at].first) {
        high = low - 1;
      } else if (at > 0) {
        --at;
        high = within[at].last;
      } else {
        bottom = true;
        break;
      }
    }
    search_range(db, query, low, window_high, need, best);
    std::sort(best.begin(), best.end(), newer_first);
    if (best.size() > need) {
      best.resize(need);
    }
    // Exact when the page is full and its oldest hit is newer than anything below the ranges.
    if (bottom || (best.size() >= need && best[need - 1].date > dates.newest_below(low))) {
      break;
    }
  }
  if (offset >= best.size()) {
    return {};
  }
  best.erase(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(offset));
  return best;
}

DocidSpansSource::DocidSpansSource(std::vector<DocidSpan> spans) : spans_(std::move(spans)) {
  for (const auto& s : spans_) {
    size_ += s.last - s.first + 1;
  }
}

void DocidSpansSource::init(const Xapian::Database& /*db*/) {
  at_ = 0;
  current_ = 0;
  started_ = false;
}

void DocidSpansSource::next(double min_wt) {
  if (!started_) {
    started_ = true;
    current_ = spans_.empty() ? 0 : spans_.front().first;
  } else if (current_ < spans_[at_].last) {
    ++current_;
  } else if (++at_ < spans_.size()) {
    current_ = spans_[at_].first;
  }
  (void)min_wt;
}

void DocidSpansSource::skip_to(Xapian::docid did, double min_wt) {
  if (!started_) {
    next(min_wt);
  }
  if (at_ >= spans_.size() || did <= current_) {
    return;
  }
  // The first span ending at or after `did`.
  const auto it =
      std::lower_bound(spans_.begin() + static_cast<std::ptrdiff_t>(at_), spans_.end(), did,
                       [](const DocidSpan& s, Xapian::docid d) { return s.last < d; });
  at_ = static_cast<std::size_t>(it - spans_.begin());
  if (at_ < spans_.size()) {
    current_ = std::max(did, it->first);
  }
}

void DocidRangeSource::init(const Xapian::Database& /*db*/) {
  current_ = 0;
  started_ = false;
  ended_ = first_ > last_;
}

void DocidRangeSource::next(double /*min_wt*/) {
  if (!started_) {
    started_ = true;
    current_ = first_;
  } else if (current_ >= last_) {
    ended_ = true;
  } else {
    ++current_;
  }
}

void DocidRangeSource::skip_to(Xapian::docid did, double /*min_wt*/) {
  if (!started_) {
    started_ = true;
    current_ = first_;
  }
  if (did > last_) {
    ended_ = true;
  } else {
    current_ = std::max(current_, did);
  }
}

}  // namespace vigie::storage::xapian_schema
