// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/story_service.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "core/try.h"

namespace vigie::service {
namespace {

// Features kept at most (about 1.5 KB each). Beyond, the oldest items are dropped: emptying
// the whole cache instead made a 40,000-item pass tokenise 311,000 items, every item's
// candidates being reloaded after each clear (bench/fetch/run_e2e.sh 2000).
constexpr std::size_t kMaxCachedFeatures = 20'000;

core::Timestamp first_seen(const core::Item& it) {
  return it.published_at.value_or(it.fetched_at);
}

}  // namespace

core::Result<StoryReport> StoryService::assign_pending() {
  std::scoped_lock lock(mutex_);
  StoryReport report;
  VIGIE_TRY_ASSIGN(auto orgs, store_.list_orgs());
  for (const auto& org : orgs) {
    VIGIE_TRY(assign_org(org.id, report));
  }
  return report;
}

core::Status StoryService::assign_org(core::OrgId org, StoryReport& report) {
  for (;;) {
    bool more = false;
    // One transaction per batch: a commit per item cost more than deciding its story (a batch
    // rolled back by a crash or an error is simply pending again).
    VIGIE_TRY(store_.in_one_transaction([&]() -> core::Status {
      VIGIE_TRY_ASSIGN(auto pending, store_.items_without_story(org, options_.batch_size));
      more = !pending.empty();
      return assign_batch(org, pending, report);
    }));
    if (!more) {
      return {};
    }
  }
}

core::Status StoryService::assign_batch(core::OrgId org, const std::vector<core::Item>& pending,
                                        StoryReport& report) {
  for (const auto& item : pending) {
    match::StoryFeatures f = match::story_features(item);
    const std::vector<std::string> keys = match::story_lookup_keys(f);
    const core::Timestamp seen = first_seen(item);
    VIGIE_TRY_ASSIGN(auto hits, store_.story_candidates(org, keys, seen - options_.window,
                                                        seen + options_.window, options_.per_key));
    // Candidates not in the cache are loaded, unless they cannot be the same story whatever
    // their text: most are near-key hits (a shared min-hash shingle) with distant SimHashes.
    std::vector<core::ItemId> missing;
    for (const auto& h : hits) {
      if (cache_.contains(h.item_id)) {
        continue;
      }
      const std::string title_key = match::story_title_key(h.title, h.lang);
      const match::StoryHead head{h.simhash, h.lang, h.canonical_url, h.content_hash, title_key};
      if (match::may_share_story(f, head, options_.params)) {
        missing.push_back(h.item_id);
      }
    }
    if (!missing.empty()) {
      VIGIE_TRY_ASSIGN(auto loaded, store_.get_items(missing));
      for (const auto& it : loaded) {
        cache_.emplace(it.id, match::story_features(it));
      }
    }
    std::vector<match::StoryCandidate> candidates;
    for (const auto& h : hits) {
      auto c = cache_.find(h.item_id);
      if (c != cache_.end()) {
        candidates.push_back({h.item_id, h.story_id, &c->second});
      }
    }
    const match::StoryChoice choice = match::choose_story(f, candidates, options_.params);
    VIGIE_TRY_ASSIGN(core::StoryId story, store_.assign_story(item.id, choice.story_id, keys));
    (void)story;
    ++report.assigned;
    if (choice.story_id == 0) {
      ++report.new_stories;
    }
    cache_.insert_or_assign(item.id, std::move(f));
    // Only now: `candidates` pointed into the cache until the story was chosen.
    while (cache_.size() > kMaxCachedFeatures) {
      cache_.erase(cache_.begin());
    }
  }
  return {};
}

core::Result<std::vector<storage::StorySummary>> StoryService::list(
    core::OrgId org, std::size_t limit, std::optional<storage::StoryCursor> after) {
  return store_.list_stories(org, limit, after);
}

core::Result<std::uint64_t> StoryService::count(core::OrgId org) {
  return store_.count_stories(org);
}

core::Result<storage::StoryDetail> StoryService::show(core::OrgId org, core::StoryId id) {
  VIGIE_TRY_ASSIGN(storage::StoryDetail detail, store_.get_story(id));
  if (detail.story.org_id != org) {
    // Another organisation's story does not exist for this one.
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("stories: no story {}", id));
  }
  return detail;
}

}  // namespace vigie::service
