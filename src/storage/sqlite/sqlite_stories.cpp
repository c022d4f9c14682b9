// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: the Story aggregate (stories, items.story_id, the story_keys lookup table).
#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kStoryColumns =
    "id, org_id, first_item_id, first_seen_at, last_seen_at, item_count, title";

core::Story read_story_row(const Statement& s) {
  core::Story st;
  st.id = s.column_int(0);
  st.org_id = s.column_int(1);
  st.first_item_id = s.column_opt_int(2).value_or(0);
  st.first_seen_at = core::from_unix(s.column_int(3));
  st.last_seen_at = core::from_unix(s.column_int(4));
  st.item_count = static_cast<std::size_t>(std::max<std::int64_t>(0, s.column_int(5)));
  st.title = s.column_text(6);
  return st;
}

core::Error no_story(core::StoryId id) {
  return core::Error{core::ErrorCode::NotFound, "storage.not_found",
                     fmt::format("storage: no story {}", id)};
}

}  // namespace

core::Result<std::vector<core::Item>> SqliteStore::items_without_story(core::OrgId org,
                                                                       std::size_t limit) {
  std::vector<core::ItemId> ids;
  {
    std::scoped_lock lock(mutex_);
    VIGIE_TRY_ASSIGN(Statement * s,
                     conn_->prepare("SELECT id FROM items WHERE org_id = ? AND story_id IS NULL "
                                    "ORDER BY coalesce(published_at, fetched_at), id LIMIT ?"));
    s->bind(1, std::int64_t{org}).bind(2, static_cast<std::int64_t>(limit));
    for (;;) {
      VIGIE_TRY_ASSIGN(bool row, s->step());
      if (!row) {
        break;
      }
      ids.push_back(s->column_int(0));
    }
  }
  // Read outside the lock (get_items takes it); an item removed meanwhile is simply skipped.
  return get_items(ids);
}

core::Result<std::vector<StoryKeyHit>> SqliteStore::story_candidates(
    core::OrgId org, std::span<const std::string> keys, core::Timestamp from, core::Timestamp to,
    std::size_t per_key) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare("SELECT k.item_id, i.story_id, i.simhash, i.lang, i.canonical_url, "
                     "i.content_hash, i.title FROM story_keys k JOIN items i ON i.id = "
                     "k.item_id WHERE k.org_id = ? AND k.key = ? AND k.seen_at BETWEEN ? AND ? "
                     "AND i.story_id IS NOT NULL ORDER BY k.seen_at DESC, k.item_id DESC "
                     "LIMIT ?"));
  std::vector<StoryKeyHit> out;
  std::set<core::ItemId> seen;
  for (const auto& key : keys) {
    s->reset();
    s->bind(1, std::int64_t{org})
        .bind(2, key)
        .bind(3, core::to_unix(from))
        .bind(4, core::to_unix(to))
        .bind(5, static_cast<std::int64_t>(per_key));
    for (;;) {
      VIGIE_TRY_ASSIGN(bool row, s->step());
      if (!row) {
        break;
      }
      const core::ItemId item = s->column_int(0);
      if (seen.insert(item).second) {
        out.push_back({item, s->column_int(1), static_cast<std::uint64_t>(s->column_int(2)),
                       s->column_text(3), s->column_text(4), s->column_text(5), s->column_text(6)});
      }
    }
  }
  s->reset();
  return out;
}

core::Result<core::StoryId> SqliteStore::assign_story(core::ItemId item, core::StoryId story,
                                                      std::span<const std::string> keys) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY_ASSIGN(Statement * sel,
                   conn_->prepare("SELECT org_id, story_id, coalesce(published_at, fetched_at), "
                                  "title FROM items WHERE id = ?"));
  VIGIE_TRY_ASSIGN(bool found, sel->bind(1, std::int64_t{item}).step());
  if (!found) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("storage: no item {}", item));
  }
  const core::OrgId org = sel->column_int(0);
  const std::optional<std::int64_t> current = sel->column_opt_int(1);
  const std::int64_t seen = sel->column_int(2);
  const std::string title = sel->column_text(3);
  sel->reset();
  if (current) {
    return *current;  // already assigned: idempotent (the transaction rolls back, unchanged)
  }
  if (story == 0) {
    VIGIE_TRY_ASSIGN(
        Statement * ins,
        conn_->prepare("INSERT INTO stories (org_id, first_item_id, first_seen_at, last_seen_at, "
                       "item_count, title) VALUES (?, ?, ?, ?, 1, ?)"));
    VIGIE_TRY(ins->bind(1, std::int64_t{org})
                  .bind(2, std::int64_t{item})
                  .bind(3, seen)
                  .bind(4, seen)
                  .bind(5, title)
                  .run());
    story = conn_->last_insert_rowid();
  } else {
    VIGIE_TRY_ASSIGN(Statement * st, conn_->prepare("SELECT org_id FROM stories WHERE id = ?"));
    VIGIE_TRY_ASSIGN(bool exists, st->bind(1, std::int64_t{story}).step());
    if (!exists) {
      return tl::unexpected(no_story(story));
    }
    const core::OrgId story_org = st->column_int(0);
    st->reset();
    if (story_org != org) {
      return core::make_error(
          core::ErrorCode::Conflict, "storage.conflict",
          fmt::format("storage: story {} belongs to another organisation", story));
    }
    // SET expressions all see the row as it was, so the CASEs compare with the old first
    // appearance.
    VIGIE_TRY_ASSIGN(
        Statement * up,
        conn_->prepare("UPDATE stories SET item_count = item_count + 1, "
                       "first_item_id = CASE WHEN ?1 < first_seen_at THEN ?2 ELSE first_item_id "
                       "END, title = CASE WHEN ?1 < first_seen_at THEN ?3 ELSE title END, "
                       "first_seen_at = min(first_seen_at, ?1), "
                       "last_seen_at = max(last_seen_at, ?1) WHERE id = ?4"));
    VIGIE_TRY(up->bind(1, seen).bind(2, std::int64_t{item}).bind(3, title).bind(4, story).run());
  }
  VIGIE_TRY_ASSIGN(Statement * link, conn_->prepare("UPDATE items SET story_id = ? WHERE id = ?"));
  VIGIE_TRY(link->bind(1, std::int64_t{story}).bind(2, std::int64_t{item}).run());
  VIGIE_TRY_ASSIGN(Statement * key,
                   conn_->prepare("INSERT OR IGNORE INTO story_keys (org_id, key, seen_at, "
                                  "item_id) VALUES (?, ?, ?, ?)"));
  for (const auto& k : keys) {
    key->reset();
    VIGIE_TRY(
        key->bind(1, std::int64_t{org}).bind(2, k).bind(3, seen).bind(4, std::int64_t{item}).run());
  }
  VIGIE_TRY(tx.commit());
  return story;
}

core::Result<std::optional<core::StoryId>> SqliteStore::story_of(core::ItemId item) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT story_id FROM items WHERE id = ?"));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{item}).step());
  if (!row) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("storage: no item {}", item));
  }
  std::optional<core::StoryId> story = s->column_opt_int(0);
  s->reset();
  return story;
}

core::Result<StoryDetail> SqliteStore::get_story(core::StoryId id) {
  StoryDetail detail;
  std::vector<core::ItemId> ids;
  std::vector<std::string> titles;
  {
    std::scoped_lock lock(mutex_);
    VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format(
                                        "SELECT {} FROM stories WHERE id = ?", kStoryColumns)));
    VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
    if (!row) {
      return tl::unexpected(no_story(id));
    }
    detail.story = read_story_row(*s);
    s->reset();
    VIGIE_TRY_ASSIGN(
        Statement * m,
        conn_->prepare("SELECT i.id, s.title FROM items i JOIN sources s ON s.id = i.source_id "
                       "WHERE i.story_id = ? ORDER BY coalesce(i.published_at, i.fetched_at), "
                       "i.id"));
    m->bind(1, std::int64_t{id});
    for (;;) {
      VIGIE_TRY_ASSIGN(bool more, m->step());
      if (!more) {
        break;
      }
      ids.push_back(m->column_int(0));
      titles.push_back(m->column_text(1));
    }
  }
  VIGIE_TRY_ASSIGN(std::vector<core::Item> items, get_items(ids));
  for (auto& it : items) {
    const auto pos =
        static_cast<std::size_t>(std::find(ids.begin(), ids.end(), it.id) - ids.begin());
    detail.members.push_back({std::move(it), titles[pos]});
  }
  return detail;
}

core::Result<std::vector<StorySummary>> SqliteStore::list_stories(
    core::OrgId org, std::size_t limit, std::optional<StoryCursor> after) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(fmt::format(
          "SELECT {}, (SELECT json_group_array(title) FROM (SELECT s.title AS title, "
          "min(coalesce(i.published_at, i.fetched_at)) AS first FROM items i JOIN sources s ON "
          "s.id = i.source_id WHERE i.story_id = st.id GROUP BY s.id ORDER BY first, s.id)) "
          "FROM stories st WHERE org_id = ?1 AND (?2 = 0 OR first_seen_at < ?3 OR "
          "(first_seen_at = ?3 AND id < ?4)) ORDER BY first_seen_at DESC, id DESC LIMIT ?5",
          kStoryColumns)));
  s->bind(1, std::int64_t{org})
      .bind(2, std::int64_t{after ? 1 : 0})
      .bind(3, after ? core::to_unix(after->first_seen_at) : 0)
      .bind(4, after ? after->id : 0)
      .bind(5, static_cast<std::int64_t>(limit));
  std::vector<StorySummary> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    StorySummary summary{read_story_row(*s), {}};
    auto sources = nlohmann::json::parse(s->column_text(7), nullptr, false);
    if (sources.is_array()) {
      for (const auto& t : sources) {
        if (t.is_string()) {
          summary.sources.push_back(t.get<std::string>());
        }
      }
    }
    out.push_back(std::move(summary));
  }
}

core::Result<std::uint64_t> SqliteStore::count_stories(core::OrgId org) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT count(*) FROM stories WHERE org_id = ?"));
  VIGIE_TRY(s->bind(1, std::int64_t{org}).step());
  const auto n = static_cast<std::uint64_t>(s->column_int(0));
  s->reset();
  return n;
}

}  // namespace vigie::storage::sqlite
