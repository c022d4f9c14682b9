// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The analyst's triage (issue #3, part 4): an inbox of new stories that matched a watch topic,
// ordered by topic priority, score and recency; a review per story (keep, discard, highlight,
// alert) with comments, tags, a rating and a history of who did what and when. Kept stories
// are the knowledge base and the candidates for bulletins; an "alert" decision also raises an
// analyst_alert signal for the distribution to deliver.
//
// Thread-safety: safe to call concurrently if the Store is.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "storage/store.h"

namespace vigie::service {

class TopicService;

struct ReviewRequest {
  core::StoryId story_id = 0;
  std::string action;  // keep, discard, highlight, alert
  std::optional<std::string> note;
  std::vector<std::string> tags;
  std::optional<int> rating;  // 1 to 5; not with discard
  std::string actor;          // who reviews; "cli" when empty
};

struct ReviewOutcome {
  storage::StoryReview review;
  std::optional<core::Signal> signal;  // the analyst_alert raised by "alert"
};

class TriageService {
 public:
  TriageService(storage::Store& store, TopicService& topics, const core::Clock& clock,
                core::OrgId org)
      : store_(store), topics_(topics), clock_(clock), org_(org) {}

  // New stories of the operator matching `topic` (id or name), or any enabled topic.
  // Errors: "topic.not_found"; storage errors.
  core::Result<std::vector<storage::TriageEntry>> inbox(const std::optional<std::string>& topic,
                                                        std::size_t limit, std::size_t offset = 0);
  // Kept stories (the knowledge base), latest review first.
  core::Result<std::vector<storage::TriageEntry>> kept(const std::optional<std::string>& topic,
                                                       std::size_t limit, std::size_t offset = 0);

  // Records a decision. highlight keeps and marks "fait marquant"; alert keeps and raises an
  // analyst_alert signal (severity, audience and topic of the story's best topic; normal and
  // internal when it matched none). Tags are trimmed. Errors (InvalidInput unless said):
  // "triage.bad_action", "triage.bad_rating" (outside 1..5, or with discard),
  // "triage.bad_tag" (empty), "triage.story_not_found" (NotFound, also another org's story).
  core::Result<ReviewOutcome> review(const ReviewRequest& request);

  // Who reviewed the story, what and when, oldest first. "triage.story_not_found".
  core::Result<std::vector<storage::ReviewEvent>> history(core::StoryId story);
  // The story's review (nullopt: new) and comments. "triage.story_not_found".
  core::Result<std::optional<storage::StoryReview>> review_of(core::StoryId story);
  core::Result<std::vector<storage::StoryComment>> comments(core::StoryId story);

 private:
  core::Result<core::Story> find_story(core::StoryId id);
  core::Result<std::vector<storage::TriageEntry>> list(storage::ReviewState state,
                                                       const std::optional<std::string>& topic,
                                                       std::size_t limit, std::size_t offset);

  storage::Store& store_;
  TopicService& topics_;
  const core::Clock& clock_;
  core::OrgId org_;
};

}  // namespace vigie::service
