// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/index_sync.h"

#include <algorithm>
#include <map>
#include <vector>

#include "core/try.h"
#include "service/item_fields.h"

namespace vigie::service {
namespace {
// Log entries read (and items loaded) at a time.
constexpr std::size_t kBatch = 2000;
// A long catch-up (a bulk ingest, a restart after a pause) commits every this many entries.
// Fewer commits are not cheaper: Xapian keeps the pending postings of each term in a
// std::map by document id, and inserting into maps thousands deep (a cache miss per level)
// cost more than the merges of more frequent commits. Measured on the demo corpus (serial
// run of vigie_bench_ingest): index CPU 9.5 s at 20,000 (one commit), 6.2-6.7 s at 1,000 or
// 2,000. Also bounds the replay after a crash.
constexpr std::size_t kCommitEvery = 2000;
}  // namespace

storage::IndexDocument to_index_document(const core::Item& item, const core::Source& source) {
  const ItemFields f = item_fields(item, source);
  std::vector<std::string> scratch;
  const auto tags = f.tags(scratch);
  storage::IndexDocument d;
  d.id = item.id;
  d.org_id = item.org_id;
  d.source_id = source.id;
  d.source = f.source;
  d.title = f.title;
  d.text = f.text;
  d.lang = f.lang;
  d.country = f.country;
  d.tags.assign(tags.begin(), tags.end());
  d.author = f.author;
  d.published = f.published;
  d.fetched_at = f.fetched_at;
  return d;
}

core::Status IndexSync::index_items(std::span<const core::ItemId> ids) {
  VIGIE_TRY_ASSIGN(auto items, store_.get_items(ids));
  std::map<core::SourceId, core::Source> sources;
  std::vector<storage::IndexDocument> docs;
  docs.reserve(items.size());
  for (const auto& it : items) {
    auto src = sources.find(it.source_id);
    if (src == sources.end()) {
      VIGIE_TRY_ASSIGN(core::Source s, store_.get_source(it.source_id));
      src = sources.emplace(it.source_id, std::move(s)).first;
    }
    docs.push_back(to_index_document(it, src->second));
  }
  return index_.add(docs);
}

core::Result<std::size_t> IndexSync::catch_up() {
  if (role_ == IndexRole::Follower) {
    return 0;
  }
  std::scoped_lock lock(mutex_);
  // A log trimmed beyond the index's position (a new or restored index directory) cannot be
  // replayed: rebuild from the store instead.
  {
    const std::uint64_t pos = index_.committed_position();
    VIGIE_TRY_ASSIGN(auto next, store_.index_log_after(pos, 1));
    VIGIE_TRY_ASSIGN(std::uint64_t head, store_.index_log_head());
    const bool gap = next.empty() ? head > pos : next.front().seq > pos + 1;
    if (gap) {
      return rebuild_locked();
    }
  }
  std::size_t applied = 0;
  std::size_t uncommitted = 0;
  std::uint64_t pos = index_.committed_position();
  for (;;) {
    VIGIE_TRY_ASSIGN(auto log, store_.index_log_after(pos, kBatch));
    if (log.empty()) {
      if (uncommitted > 0) {
        VIGIE_TRY(index_.commit(pos));
      }
      // Nothing left: the log up to here is durably in the index.
      if (pos > 0) {
        VIGIE_TRY(store_.trim_index_log(pos));
      }
      return applied;
    }
    // Last change per item wins within the batch.
    std::map<core::ItemId, bool> last;
    for (const auto& e : log) {
      last[e.item_id] = e.removed;
    }
    std::vector<core::ItemId> upserts;
    std::vector<core::ItemId> removals;
    for (const auto& [id, removed] : last) {
      (removed ? removals : upserts).push_back(id);
    }
    if (!removals.empty()) {
      VIGIE_TRY(index_.remove(removals));
    }
    if (!upserts.empty()) {
      VIGIE_TRY(index_items(upserts));
    }
    pos = log.back().seq;
    applied += log.size();
    uncommitted += log.size();
    if (uncommitted >= kCommitEvery) {
      VIGIE_TRY(index_.commit(pos));
      uncommitted = 0;
    }
  }
}

core::Result<std::size_t> IndexSync::rebuild() {
  if (role_ == IndexRole::Follower) {
    return core::make_error(core::ErrorCode::Unavailable, "search.locked",
                            "index: another process holds the write lock; rebuild there");
  }
  std::scoped_lock lock(mutex_);
  return rebuild_locked();
}

core::Result<std::size_t> IndexSync::rebuild_locked() {
  // The head is read before the scan: changes made during the rebuild are replayed after it.
  VIGIE_TRY_ASSIGN(std::uint64_t head, store_.index_log_head());
  VIGIE_TRY(index_.clear());
  std::size_t count = 0;
  core::ItemId after = 0;
  for (;;) {
    VIGIE_TRY_ASSIGN(auto ids, store_.item_ids_after(after, kBatch));
    if (ids.empty()) {
      break;
    }
    VIGIE_TRY(index_items(ids));
    count += ids.size();
    after = ids.back();
  }
  VIGIE_TRY(index_.commit(head));
  return count;
}

}  // namespace vigie::service
