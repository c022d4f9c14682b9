// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/xapian/date_order.h"

#include <algorithm>
#include <charconv>
#include <limits>

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
