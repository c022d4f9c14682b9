// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Keeps the search index in step with the store. Every store change is appended to the
// store's index log in the same transaction as the change; the index commits, atomically with
// its documents, the log position it reflects. catch_up() replays what lies beyond that
// position, so a crash between the store commit and the index commit loses nothing: the next
// catch_up (at start, or before a search) redoes it. Replaying is idempotent (upsert by id).
//
// Thread-safety: catch_up() and rebuild() serialise on an internal mutex.

#include <cstdint>
#include <mutex>

#include "core/error.h"
#include "storage/search_index.h"
#include "storage/store.h"

namespace vigie::service {

// Who keeps the index up to date: this process (Writer), or another process that holds the
// index's write lock while this one only searches it (Follower, e.g. `vigie search` while
// `vigie worker` runs).
enum class IndexRole { Writer, Follower };

class IndexSync {
 public:
  IndexSync(storage::Store& store, storage::SearchIndex& index, IndexRole role = IndexRole::Writer)
      : store_(store), index_(index), role_(role) {}

  // Applies every logged change after the index's committed position, in batches, committing
  // after each. Returns the number of log entries applied. A Follower applies nothing and
  // returns 0: the writing process catches up (what it has not committed yet is not
  // searchable here).
  core::Result<std::size_t> catch_up();
  // Clears the index and indexes every stored item again (`vigie reindex`). A Follower fails
  // with Unavailable "search.locked".
  core::Result<std::size_t> rebuild();

  IndexRole role() const { return role_; }

 private:
  core::Result<std::size_t> rebuild_locked();  // REQUIRES mutex_
  core::Status index_items(std::span<const core::ItemId> ids);

  storage::Store& store_;
  storage::SearchIndex& index_;
  IndexRole role_;
  std::mutex mutex_;
};

// The document the index holds for an item: its item_fields (item_fields.h), which topics
// are matched on too (eval_document), and its ids. Pure.
storage::IndexDocument to_index_document(const core::Item& item, const core::Source& source);

}  // namespace vigie::service
