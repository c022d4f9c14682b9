// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/date_order.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "storage/xapian/schema.h"

namespace vigie::storage::xapian_schema {

void BlockDates::note(Xapian::docid did, std::int64_t date) {
  auto [it, fresh] = newest_.try_emplace(did / kDocidsPerBlock, date);
  if (!fresh) {
    it->second = std::max(it->second, date);
  }
}

std::string BlockDates::encode() const {
  std::string out;
  for (const auto& [block, date] : newest_) {
    out += std::to_string(block);
    out += ':';
    out += std::to_string(date);
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
    std::int64_t date = 0;
    auto r1 = std::from_chars(p, end, block);
    if (r1.ec != std::errc{} || r1.ptr == end || *r1.ptr != ':') {
      break;
    }
    auto r2 = std::from_chars(r1.ptr + 1, end, date);
    if (r2.ec != std::errc{} || r2.ptr == end || *r2.ptr != ',') {
      break;
    }
    out.newest_[block] = date;
    p = r2.ptr + 1;
  }
  return out;
}

std::int64_t BlockDates::newest_below(Xapian::docid did) const {
  std::int64_t newest = std::numeric_limits<std::int64_t>::min();
  const Xapian::docid block = did / kDocidsPerBlock;
  for (auto it = newest_.begin(); it != newest_.end() && it->first < block; ++it) {
    newest = std::max(newest, it->second);
  }
  // The documents of `block` below `did` are covered by the block's own bound.
  if (did % kDocidsPerBlock != 0) {
    if (auto it = newest_.find(block); it != newest_.end()) {
      newest = std::max(newest, it->second);
    }
  }
  return newest;
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
                                   const BlockDates& dates, std::size_t offset, std::size_t limit) {
  const std::size_t need = offset + limit;
  std::vector<DatedHit> best;
  if (need == 0) {
    return best;
  }
  const Xapian::docid last = db.get_lastdocid();
  const Xapian::docid top_block = last / kDocidsPerBlock;
  Xapian::docid high = last;
  for (Xapian::docid blocks = 1; high >= 1; blocks *= 4) {
    const Xapian::docid low =
        blocks <= top_block ? std::max<Xapian::docid>(1, (top_block + 1 - blocks) * kDocidsPerBlock)
                            : 1;
    search_range(db, query, low, high, need, best);
    std::sort(best.begin(), best.end(), newer_first);
    if (best.size() > need) {
      best.resize(need);
    }
    // Exact when the page is full and its oldest hit is newer than anything below the ranges.
    if (low == 1 || (best.size() >= need && best[need - 1].date > dates.newest_below(low))) {
      break;
    }
    high = low - 1;
  }
  if (offset >= best.size()) {
    return {};
  }
  best.erase(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(offset));
  return best;
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
