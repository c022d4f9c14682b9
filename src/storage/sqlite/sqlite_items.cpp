// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: the Item aggregate and the index log that keeps the search index in step.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kItemColumns =
    "id, org_id, source_id, guid, url, canonical_url, title, summary_html, content_html, text, "
    "author, categories, published_at, updated_at, fetched_at, lang, content_hash, simhash";

std::optional<std::int64_t> opt_unix(const std::optional<core::Timestamp>& t) {
  if (!t) {
    return std::nullopt;
  }
  return core::to_unix(*t);
}

std::optional<core::Timestamp> opt_time(std::optional<std::int64_t> v) {
  if (!v) {
    return std::nullopt;
  }
  return core::from_unix(*v);
}

core::Item read_item_row(const Statement& s) {
  core::Item it;
  it.id = s.column_int(0);
  it.org_id = s.column_int(1);
  it.source_id = s.column_int(2);
  it.guid = s.column_text(3);
  it.url = s.column_text(4);
  it.canonical_url = s.column_text(5);
  it.title = s.column_text(6);
  it.summary_html = s.column_text(7);
  it.content_html = s.column_text(8);
  it.text = s.column_text(9);
  it.author = s.column_text(10);
  auto cats = nlohmann::json::parse(s.column_text(11), nullptr, false);
  if (cats.is_array()) {
    for (const auto& c : cats) {
      if (c.is_string()) {
        it.categories.push_back(c.get<std::string>());
      }
    }
  }
  it.published_at = opt_time(s.column_opt_int(12));
  it.updated_at = opt_time(s.column_opt_int(13));
  it.fetched_at = core::from_unix(s.column_int(14));
  it.lang = s.column_text(15);
  it.content_hash = s.column_text(16);
  it.simhash = static_cast<std::uint64_t>(s.column_int(17));
  return it;
}

// Binds the content columns shared by INSERT and UPDATE, starting at parameter `first`.
void bind_content(Statement& s, int first, const core::Item& it) {
  s.bind(first, it.url)
      .bind(first + 1, it.canonical_url)
      .bind(first + 2, it.title)
      .bind(first + 3, it.summary_html)
      .bind(first + 4, it.content_html)
      .bind(first + 5, it.text)
      .bind(first + 6, it.author)
      .bind(first + 7, nlohmann::json(it.categories).dump())
      .bind(first + 8, opt_unix(it.published_at))
      .bind(first + 9, opt_unix(it.updated_at))
      .bind(first + 10, core::to_unix(it.fetched_at))
      .bind(first + 11, it.lang)
      .bind(first + 12, it.content_hash)
      .bind(first + 13, static_cast<std::int64_t>(it.simhash));
}

struct Existing {
  core::ItemId id = 0;
  std::string content_hash;
};

// The stored item that `it` is the same as: by GUID, then canonical URL, then content hash.
core::Result<std::optional<Existing>> find_existing(Connection& conn, core::SourceId source,
                                                    const core::Item& it) {
  static constexpr std::string_view kLookups[] = {
      "SELECT id, content_hash FROM items WHERE source_id = ? AND guid = ?",
      "SELECT id, content_hash FROM items WHERE source_id = ? AND canonical_url = ? LIMIT 1",
      "SELECT id, content_hash FROM items WHERE source_id = ? AND content_hash = ? LIMIT 1",
  };
  const std::string_view keys[] = {it.guid, it.canonical_url, it.content_hash};
  for (std::size_t i = 0; i < std::size(kLookups); ++i) {
    if (keys[i].empty()) {
      continue;
    }
    VIGIE_TRY_ASSIGN(Statement * s, conn.prepare(kLookups[i]));
    VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{source}).bind(2, keys[i]).step());
    if (row) {
      Existing e{s->column_int(0), s->column_text(1)};
      s->reset();
      return e;
    }
  }
  return std::optional<Existing>{};
}

core::Status append_log(Connection& conn, core::ItemId id, bool removed) {
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn.prepare("INSERT INTO index_log (item_id, removed) VALUES (?, ?)"));
  return s->bind(1, std::int64_t{id}).bind(2, std::int64_t{removed ? 1 : 0}).run();
}

}  // namespace

core::Result<UpsertStats> SqliteStore::upsert_items(core::SourceId source,
                                                    std::span<const core::Item> items,
                                                    const ItemMatcher& matcher) {
  std::scoped_lock lock(mutex_);
  UpsertStats stats;
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  for (const core::Item& it : items) {
    VIGIE_TRY_ASSIGN(auto existing, find_existing(*conn_, source, it));
    if (existing && existing->content_hash == it.content_hash) {
      ++stats.unchanged;
      continue;
    }
    if (existing) {
      VIGIE_TRY_ASSIGN(
          Statement * up,
          conn_->prepare(
              "UPDATE items SET url = ?, canonical_url = ?, title = ?, summary_html = ?, "
              "content_html = ?, text = ?, author = ?, categories = ?, published_at = ?, "
              "updated_at = ?, fetched_at = ?, lang = ?, content_hash = ?, simhash = ? WHERE id = "
              "?"));
      bind_content(*up, 1, it);
      up->bind(15, std::int64_t{existing->id});
      VIGIE_TRY(up->run());
      VIGIE_TRY(append_log(*conn_, existing->id, false));
      if (matcher) {
        VIGIE_TRY_ASSIGN(auto matches, matcher(it));
        VIGIE_TRY(write_matches(it, existing->id, matches, false));
      }
      ++stats.updated;
      continue;
    }
    VIGIE_TRY_ASSIGN(
        Statement * ins,
        conn_->prepare(
            "INSERT INTO items (org_id, source_id, guid, url, canonical_url, title, summary_html, "
            "content_html, text, author, categories, published_at, updated_at, fetched_at, lang, "
            "content_hash, simhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    ins->bind(1, std::int64_t{it.org_id}).bind(2, std::int64_t{source}).bind(3, it.guid);
    bind_content(*ins, 4, it);
    VIGIE_TRY(ins->run());
    const core::ItemId id = conn_->last_insert_rowid();
    VIGIE_TRY(append_log(*conn_, id, false));
    if (matcher) {
      VIGIE_TRY_ASSIGN(auto matches, matcher(it));
      if (!matches.empty()) {
        VIGIE_TRY(write_matches(it, id, matches, true));
      }
    }
    stats.inserted_ids.push_back(id);
    ++stats.inserted;
  }
  VIGIE_TRY(move_pending_matches_if_many());
  VIGIE_TRY(tx.commit());
  return stats;
}

core::Result<core::Item> SqliteStore::get_item(core::ItemId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM items WHERE id = ?", kItemColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            fmt::format("storage: no item {}", id));
  }
  core::Item it = read_item_row(*s);
  s->reset();
  return it;
}

core::Result<std::vector<core::Item>> SqliteStore::get_items(std::span<const core::ItemId> ids) {
  std::scoped_lock lock(mutex_);
  std::vector<core::Item> out;
  out.reserve(ids.size());
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM items WHERE id = ?", kItemColumns)));
  for (core::ItemId id : ids) {
    s->reset();
    VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
    if (row) {
      out.push_back(read_item_row(*s));
    }
  }
  s->reset();
  return out;
}

core::Result<std::uint64_t> SqliteStore::count_items(core::OrgId org) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT count(*) FROM items WHERE org_id = ?"));
  VIGIE_TRY(s->bind(1, std::int64_t{org}).step());
  const auto n = static_cast<std::uint64_t>(s->column_int(0));
  s->reset();
  return n;
}

core::Result<std::vector<IndexLogEntry>> SqliteStore::index_log_after(std::uint64_t after_seq,
                                                                      std::size_t limit) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "SELECT seq, item_id, removed FROM index_log WHERE seq > ? ORDER BY seq LIMIT ?"));
  s->bind(1, static_cast<std::int64_t>(after_seq)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<IndexLogEntry> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(
        {static_cast<std::uint64_t>(s->column_int(0)), s->column_int(1), s->column_int(2) != 0});
  }
}

core::Result<std::uint64_t> SqliteStore::index_log_head() {
  std::scoped_lock lock(mutex_);
  // sqlite_sequence keeps the AUTOINCREMENT high-water mark even after the log is trimmed.
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'index_log'), 0)"));
  VIGIE_TRY(s->step());
  const auto n = static_cast<std::uint64_t>(s->column_int(0));
  s->reset();
  return n;
}

core::Status SqliteStore::trim_index_log(std::uint64_t seq) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("DELETE FROM index_log WHERE seq <= ?"));
  return s->bind(1, static_cast<std::int64_t>(seq)).run();
}

core::Result<std::vector<core::ItemId>> SqliteStore::item_ids_after(core::ItemId after_id,
                                                                    std::size_t limit) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT id FROM items WHERE id > ? ORDER BY id LIMIT ?"));
  s->bind(1, std::int64_t{after_id}).bind(2, static_cast<std::int64_t>(limit));
  std::vector<core::ItemId> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(s->column_int(0));
  }
}

}  // namespace vigie::storage::sqlite
