// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// One story, many sources: puts every stored item that has no story yet into a story, the
// one its near duplicates already belong to or a new one (match/story.h decides; the store
// finds candidates by lookup key within a time window around the item). Called after every
// store step of ingestion and fetching, and at start, as IndexSync::catch_up is: an item
// stored but not yet clustered (a crash in between) is simply picked up next time, and
// assigning is idempotent.
//
// Thread-safety: assign_pending() serialises on an internal mutex. Two processes assigning
// at once stay consistent (each assignment is one transaction and an item keeps its first
// story) but may start two stories for two items of one story that arrive together.

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "core/error.h"
#include "match/story.h"
#include "storage/store.h"

namespace vigie::service {

struct StoryOptions {
  // Candidates are items first seen at most this long before or after the item (default 14
  // days: republications of the demo corpus's stories span at most a week; raise it for
  // slow-moving sources such as official journals).
  std::chrono::hours window{24 * 14};
  // Pending items read per batch, assigned in one transaction. Lookup keys land at random
  // places in their index, so a commit writes about a page per key; a larger batch shares
  // more pages (bench/fetch/run_e2e.sh 2000: 36.9-45.1 s with 500, 32.4-32.7 s with 2,000)
  // and holds the store longer (about 0.5 s here).
  std::size_t batch_size = 2000;
  // Candidates per lookup key (the most recently seen).
  std::size_t per_key = match::kStoryMaxCandidatesPerKey;
  match::StoryParams params;
};

struct StoryReport {
  std::size_t assigned = 0;     // items put in a story
  std::size_t new_stories = 0;  // of which started a story
};

class StoryService {
 public:
  explicit StoryService(storage::Store& store, StoryOptions options = {})
      : store_(store), options_(options) {}

  // Assigns every pending item of every organisation, in order of appearance.
  core::Result<StoryReport> assign_pending();

  // The stories of `org`, newest first appearance first, `limit` at most, after `after`.
  core::Result<std::vector<storage::StorySummary>> list(
      core::OrgId org, std::size_t limit, std::optional<storage::StoryCursor> after = {});
  core::Result<std::uint64_t> count(core::OrgId org);
  // A story of `org` with its items and sources. NotFound ("storage.not_found") when the story
  // does not exist or belongs to another organisation.
  core::Result<storage::StoryDetail> show(core::OrgId org, core::StoryId id);

 private:
  core::Status assign_org(core::OrgId org, StoryReport& report);  // REQUIRES mutex_
  // Files each of `pending` (in order) under a story. REQUIRES mutex_, inside the store's
  // in_one_transaction().
  core::Status assign_batch(core::OrgId org, const std::vector<core::Item>& pending,
                            StoryReport& report);

  storage::Store& store_;
  StoryOptions options_;
  std::mutex mutex_;
  // Features of recent items, so that candidates are not re-tokenised each time. Ordered by
  // id: when it is full, the oldest items go first (story.cpp: candidates are the most recent
  // items of each key, so the oldest are the least likely to be asked for again).
  std::map<core::ItemId, match::StoryFeatures> cache_;  // GUARDED_BY(mutex_)
};

}  // namespace vigie::service
