// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: the analyst's triage (story_reviews, story_comments, story_tags,
// review_history; migration 0005).
#include <algorithm>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

core::Error invalid(std::string message) {
  return core::Error{core::ErrorCode::InvalidInput, "storage.invalid",
                     "storage: " + std::move(message)};
}

ReviewState parse_state(const std::string& s) {
  if (s == "kept") {
    return ReviewState::Kept;
  }
  if (s == "discarded") {
    return ReviewState::Discarded;
  }
  return ReviewState::New;
}

std::vector<std::string> string_array(const std::string& json) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_array()) {
    for (const auto& v : j) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

core::Priority priority_of_rank(std::int64_t rank) {
  return rank >= 2 ? core::Priority::Critical
                   : (rank == 1 ? core::Priority::High : core::Priority::Normal);
}

}  // namespace

core::Result<StoryReview> SqliteStore::record_review(const ReviewChange& change) {
  if (change.state == ReviewState::New) {
    return tl::unexpected(invalid("a review keeps or discards"));
  }
  if (change.rating && (*change.rating < 1 || *change.rating > 5)) {
    return tl::unexpected(invalid(fmt::format("rating {} is not between 1 and 5", *change.rating)));
  }
  for (const auto& t : change.tags) {
    if (t.empty()) {
      return tl::unexpected(invalid("empty tag"));
    }
  }
  {
    std::scoped_lock lock(mutex_);
    VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
    VIGIE_TRY_ASSIGN(Statement * exists, conn_->prepare("SELECT 1 FROM stories WHERE id = ?"));
    VIGIE_TRY_ASSIGN(bool found, exists->bind(1, std::int64_t{change.story_id}).step());
    exists->reset();
    if (!found) {
      return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                              fmt::format("storage: no story {}", change.story_id));
    }
    const std::int64_t at = core::to_unix(change.at);
    // A discarded story is never a highlight.
    VIGIE_TRY_ASSIGN(
        Statement * up,
        conn_->prepare(
            "INSERT INTO story_reviews (story_id, state, highlight, rating, reviewer, "
            "reviewed_at) VALUES (?1, ?2, CASE WHEN ?2 = 'kept' THEN coalesce(?3, 0) ELSE 0 END, "
            "?4, ?5, ?6) ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, "
            "highlight = CASE WHEN excluded.state = 'kept' THEN coalesce(?3, highlight) ELSE 0 "
            "END, rating = coalesce(?4, rating), reviewer = excluded.reviewer, "
            "reviewed_at = excluded.reviewed_at"));
    up->bind(1, std::int64_t{change.story_id})
        .bind(2, to_string(change.state))
        .bind(5, change.actor)
        .bind(6, at);
    if (change.highlight) {
      up->bind(3, std::int64_t{*change.highlight ? 1 : 0});
    } else {
      up->bind_null(3);
    }
    if (change.rating) {
      up->bind(4, std::int64_t{*change.rating});
    } else {
      up->bind_null(4);
    }
    VIGIE_TRY(up->run());
    VIGIE_TRY_ASSIGN(Statement * hist,
                     conn_->prepare("INSERT INTO review_history (story_id, action, value, actor, "
                                    "at) VALUES (?, ?, ?, ?, ?)"));
    auto log = [&](std::string_view action, const std::string& value) -> core::Status {
      hist->reset();
      return hist->bind(1, std::int64_t{change.story_id})
          .bind(2, action)
          .bind(3, value)
          .bind(4, change.actor)
          .bind(5, at)
          .run();
    };
    VIGIE_TRY(log(change.action, ""));
    if (change.rating) {
      VIGIE_TRY(log("rating", std::to_string(*change.rating)));
    }
    VIGIE_TRY_ASSIGN(Statement * tag, conn_->prepare("INSERT OR IGNORE INTO story_tags (story_id, "
                                                     "tag) VALUES (?, ?)"));
    for (const auto& t : change.tags) {
      tag->reset();
      VIGIE_TRY(tag->bind(1, std::int64_t{change.story_id}).bind(2, t).run());
      if (conn_->changes() > 0) {
        VIGIE_TRY(log("tag", t));
      }
    }
    if (change.comment) {
      VIGIE_TRY_ASSIGN(Statement * c,
                       conn_->prepare("INSERT INTO story_comments (story_id, author, body, "
                                      "created_at) VALUES (?, ?, ?, ?)"));
      VIGIE_TRY(c->bind(1, std::int64_t{change.story_id})
                    .bind(2, change.actor)
                    .bind(3, *change.comment)
                    .bind(4, at)
                    .run());
      VIGIE_TRY(log("comment", *change.comment));
    }
    VIGIE_TRY(tx.commit());
  }
  VIGIE_TRY_ASSIGN(std::optional<StoryReview> review, get_review(change.story_id));
  if (!review) {
    return core::make_error(core::ErrorCode::Internal, "storage.io",
                            "storage: review vanished after commit");
  }
  return std::move(*review);
}

core::Result<std::optional<StoryReview>> SqliteStore::get_review(core::StoryId story) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT state, highlight, rating, reviewer, reviewed_at, (SELECT "
                                  "json_group_array(tag) FROM story_tags WHERE story_id = ?1) FROM "
                                  "story_reviews WHERE story_id = ?1"));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{story}).step());
  if (!row) {
    s->reset();
    return std::optional<StoryReview>();
  }
  StoryReview r;
  r.story_id = story;
  r.state = parse_state(s->column_text(0));
  r.highlight = s->column_int(1) != 0;
  if (auto rating = s->column_opt_int(2)) {
    r.rating = static_cast<int>(*rating);
  }
  r.reviewer = s->column_text(3);
  r.reviewed_at = core::from_unix(s->column_int(4));
  r.tags = string_array(s->column_text(5));
  s->reset();
  return std::optional<StoryReview>(std::move(r));
}

core::Result<std::vector<StoryComment>> SqliteStore::comments_of(core::StoryId story) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT id, author, body, created_at FROM story_comments "
                                  "WHERE story_id = ? ORDER BY id"));
  s->bind(1, std::int64_t{story});
  std::vector<StoryComment> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back({s->column_int(0), story, s->column_text(1), s->column_text(2),
                   core::from_unix(s->column_int(3))});
  }
}

core::Result<std::vector<ReviewEvent>> SqliteStore::review_history(core::StoryId story) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT id, action, value, actor, at FROM review_history "
                                  "WHERE story_id = ? ORDER BY id"));
  s->bind(1, std::int64_t{story});
  std::vector<ReviewEvent> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back({s->column_int(0), story, s->column_text(1), s->column_text(2), s->column_text(3),
                   core::from_unix(s->column_int(4))});
  }
}

core::Result<std::vector<TriageEntry>> SqliteStore::list_triage(const TriageQuery& q) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY(catch_up_topic_matches());
  // m: every match of an enabled topic (or of the topic asked) by story; agg: the best of
  // them per story. New stories need a match; reviewed ones are listed even without one
  // unless a topic is asked.
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "WITH m AS (SELECT i.story_id AS story_id, t.name AS name, CASE t.priority WHEN "
          "'critical' THEN 2 WHEN 'high' THEN 1 ELSE 0 END AS prio, tm.score AS score FROM "
          "topic_matches tm JOIN items i ON i.id = tm.item_id JOIN topics t ON t.id = "
          "tm.topic_id WHERE i.org_id = ?1 AND i.story_id IS NOT NULL AND t.enabled = 1 AND "
          "(?2 = 0 OR t.id = ?2)), agg AS (SELECT story_id, max(prio) AS prio, max(score) AS "
          "score, json_group_array(DISTINCT name) AS topics FROM m GROUP BY story_id) "
          "SELECT st.id, st.org_id, st.first_item_id, st.first_seen_at, st.last_seen_at, "
          "st.item_count, st.title, coalesce(agg.prio, 0), coalesce(agg.score, 0), "
          "coalesce(agg.topics, '[]'), (SELECT count(DISTINCT source_id) FROM items WHERE "
          "story_id = st.id), r.state, r.highlight, r.rating, r.reviewer, r.reviewed_at, "
          "(SELECT json_group_array(tag) FROM story_tags WHERE story_id = st.id) "
          "FROM stories st LEFT JOIN agg ON agg.story_id = st.id LEFT JOIN story_reviews r ON "
          "r.story_id = st.id WHERE st.org_id = ?1 AND ((?3 = 'new' AND r.story_id IS NULL AND "
          "agg.story_id IS NOT NULL) OR (?3 <> 'new' AND r.state = ?3 AND (?2 = 0 OR "
          "agg.story_id IS NOT NULL))) ORDER BY CASE WHEN ?3 = 'new' THEN 0 ELSE r.reviewed_at "
          "END DESC, coalesce(agg.prio, 0) DESC, coalesce(agg.score, 0) DESC, st.last_seen_at "
          "DESC, st.id DESC LIMIT ?4 OFFSET ?5"));
  s->bind(1, std::int64_t{q.org})
      .bind(2, std::int64_t{q.topic.value_or(0)})
      .bind(3, to_string(q.state))
      .bind(4, static_cast<std::int64_t>(q.limit))
      .bind(5, static_cast<std::int64_t>(q.offset));
  std::vector<TriageEntry> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    TriageEntry e;
    e.story.id = s->column_int(0);
    e.story.org_id = s->column_int(1);
    e.story.first_item_id = s->column_opt_int(2).value_or(0);
    e.story.first_seen_at = core::from_unix(s->column_int(3));
    e.story.last_seen_at = core::from_unix(s->column_int(4));
    e.story.item_count = static_cast<std::size_t>(std::max<std::int64_t>(0, s->column_int(5)));
    e.story.title = s->column_text(6);
    e.priority = priority_of_rank(s->column_int(7));
    e.score = s->column_double(8);
    e.topics = string_array(s->column_text(9));
    e.source_count = static_cast<std::size_t>(s->column_int(10));
    if (auto state = s->column_opt_text(11)) {
      StoryReview r;
      r.story_id = e.story.id;
      r.state = parse_state(*state);
      r.highlight = s->column_int(12) != 0;
      if (auto rating = s->column_opt_int(13)) {
        r.rating = static_cast<int>(*rating);
      }
      r.reviewer = s->column_text(14);
      r.reviewed_at = core::from_unix(s->column_int(15));
      r.tags = string_array(s->column_text(16));
      e.review = std::move(r);
    }
    out.push_back(std::move(e));
  }
}

}  // namespace vigie::storage::sqlite
