// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/triage_service.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/try.h"
#include "service/topic_service.h"

namespace vigie::service {
namespace {

core::Error bad(std::string reason, std::string message) {
  return core::Error{core::ErrorCode::InvalidInput, std::move(reason),
                     "triage: " + std::move(message)};
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) {
    return {};
  }
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

int rank(core::Priority p) {
  switch (p) {
    case core::Priority::Critical:
      return 2;
    case core::Priority::High:
      return 1;
    case core::Priority::Normal:
      break;
  }
  return 0;
}

}  // namespace

core::Result<std::vector<storage::TriageEntry>> TriageService::list(
    storage::ReviewState state, const std::optional<std::string>& topic, std::size_t limit,
    std::size_t offset) {
  storage::TriageQuery q;
  q.org = org_;
  q.state = state;
  q.limit = limit;
  q.offset = offset;
  if (topic) {
    VIGIE_TRY_ASSIGN(core::Topic t, topics_.find(*topic));
    q.topic = t.id;
  }
  return store_.list_triage(q);
}

core::Result<std::vector<storage::TriageEntry>> TriageService::inbox(
    const std::optional<std::string>& topic, std::size_t limit, std::size_t offset) {
  return list(storage::ReviewState::New, topic, limit, offset);
}

core::Result<std::vector<storage::TriageEntry>> TriageService::kept(
    const std::optional<std::string>& topic, std::size_t limit, std::size_t offset) {
  return list(storage::ReviewState::Kept, topic, limit, offset);
}

core::Result<core::Story> TriageService::find_story(core::StoryId id) {
  auto detail = store_.get_story(id);
  if (!detail && detail.error().code != core::ErrorCode::NotFound) {
    return tl::unexpected(detail.error());
  }
  if (!detail || detail->story.org_id != org_) {
    return core::make_error(core::ErrorCode::NotFound, "triage.story_not_found",
                            fmt::format("triage: no story {}", id));
  }
  return detail->story;
}

core::Result<ReviewOutcome> TriageService::review(const ReviewRequest& r) {
  storage::ReviewChange change;
  change.story_id = r.story_id;
  change.action = r.action;
  if (r.action == "keep" || r.action == "alert") {
    change.state = storage::ReviewState::Kept;
  } else if (r.action == "highlight") {
    change.state = storage::ReviewState::Kept;
    change.highlight = true;
  } else if (r.action == "discard") {
    change.state = storage::ReviewState::Discarded;
  } else {
    return tl::unexpected(
        bad("triage.bad_action",
            fmt::format("unknown action '{}' (keep, discard, highlight, alert)", r.action)));
  }
  if (r.rating) {
    if (*r.rating < 1 || *r.rating > 5) {
      return tl::unexpected(
          bad("triage.bad_rating", fmt::format("rating {} is not between 1 and 5", *r.rating)));
    }
    if (change.state == storage::ReviewState::Discarded) {
      return tl::unexpected(bad("triage.bad_rating", "a discarded story is not rated"));
    }
    change.rating = r.rating;
  }
  std::set<std::string> tags;
  for (const auto& t : r.tags) {
    auto tag = trimmed(t);
    if (tag.empty()) {
      return tl::unexpected(bad("triage.bad_tag", "empty tag"));
    }
    tags.insert(std::move(tag));
  }
  change.tags.assign(tags.begin(), tags.end());
  if (r.note) {
    auto note = trimmed(*r.note);
    if (!note.empty()) {
      change.comment = std::move(note);
    }
  }
  change.actor = r.actor.empty() ? "cli" : r.actor;
  change.at = clock_.now();

  VIGIE_TRY_ASSIGN(core::Story story, find_story(r.story_id));
  ReviewOutcome outcome;
  VIGIE_TRY_ASSIGN(outcome.review, store_.record_review(change));
  if (r.action != "alert") {
    return outcome;
  }
  // The story's best topic gives the alert its severity, audience and topic.
  core::Signal signal;
  signal.org_id = org_;
  signal.kind = std::string(core::kSignalAnalystAlert);
  signal.story_id = story.id;
  // No item_id: the story is the subject, and (kind, topic, item) is unique among signals.
  signal.title = story.title;
  signal.created_at = change.at;
  VIGIE_TRY_ASSIGN(storage::StoryDetail detail, store_.get_story(story.id));
  std::optional<core::Topic> best;
  for (const auto& m : detail.members) {
    VIGIE_TRY_ASSIGN(auto matches, store_.matches_of_item(m.item.id));
    for (const auto& match : matches) {
      auto t = store_.get_topic(match.topic_id);
      if (!t || !t->enabled) {
        continue;
      }
      if (!best || rank(t->priority) > rank(best->priority)) {
        best = std::move(*t);
      }
    }
  }
  if (best) {
    signal.severity = best->priority;
    signal.audience = best->audience;
    signal.topic_id = best->id;
  }
  VIGIE_TRY_ASSIGN(outcome.signal, store_.add_signal(signal));
  return outcome;
}

core::Result<std::vector<storage::ReviewEvent>> TriageService::history(core::StoryId story) {
  VIGIE_TRY(find_story(story));
  return store_.review_history(story);
}

core::Result<std::optional<storage::StoryReview>> TriageService::review_of(core::StoryId story) {
  VIGIE_TRY(find_story(story));
  return store_.get_review(story);
}

core::Result<std::vector<storage::StoryComment>> TriageService::comments(core::StoryId story) {
  VIGIE_TRY(find_story(story));
  return store_.comments_of(story);
}

}  // namespace vigie::service
