// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: the Source aggregate (sources and their fetch health).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kSourceColumns =
    "id, org_id, kind, url, title, site_url, tags, country, language, enabled, last_success_at, "
    "last_attempt_at, last_error_reason, last_error_message, consecutive_failures, "
    "next_check_at, etag, last_modified, interval_seconds";

const char* kind_name(core::SourceKind k) {
  switch (k) {
    case core::SourceKind::Feed:
      return "feed";
    case core::SourceKind::Page:
      return "page";
    case core::SourceKind::Manual:
      return "manual";
    case core::SourceKind::Import:
      return "import";
  }
  return "feed";
}

core::SourceKind parse_kind(std::string_view s) {
  if (s == "page") {
    return core::SourceKind::Page;
  }
  if (s == "manual") {
    return core::SourceKind::Manual;
  }
  if (s == "import") {
    return core::SourceKind::Import;
  }
  return core::SourceKind::Feed;
}

std::string tags_json(const std::vector<std::string>& tags) {
  return nlohmann::json(tags).dump();
}

std::vector<std::string> parse_tags(const std::string& s) {
  auto j = nlohmann::json::parse(s, nullptr, false);
  std::vector<std::string> out;
  if (j.is_array()) {
    for (const auto& v : j) {
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
      }
    }
  }
  return out;
}

std::optional<core::Timestamp> opt_time(std::optional<std::int64_t> v) {
  if (!v) {
    return std::nullopt;
  }
  return core::from_unix(*v);
}

std::optional<std::int64_t> opt_unix(const std::optional<core::Timestamp>& t) {
  if (!t) {
    return std::nullopt;
  }
  return core::to_unix(*t);
}

core::Source read_source_row(const Statement& s) {
  core::Source src;
  src.id = s.column_int(0);
  src.org_id = s.column_int(1);
  src.kind = parse_kind(s.column_text(2));
  src.url = s.column_text(3);
  src.title = s.column_text(4);
  src.site_url = s.column_opt_text(5);
  src.tags = parse_tags(s.column_text(6));
  src.country = s.column_opt_text(7);
  src.language = s.column_opt_text(8);
  src.enabled = s.column_int(9) != 0;
  auto& h = src.health;
  h.last_success_at = opt_time(s.column_opt_int(10));
  h.last_attempt_at = opt_time(s.column_opt_int(11));
  h.last_error_reason = s.column_opt_text(12);
  h.last_error_message = s.column_opt_text(13);
  h.consecutive_failures = static_cast<int>(s.column_int(14));
  h.next_check_at = core::from_unix(s.column_int(15));
  h.etag = s.column_opt_text(16);
  h.last_modified = s.column_opt_text(17);
  h.interval_seconds = s.column_int(18);
  return src;
}

core::Result<std::vector<core::Source>> read_all(Statement& s) {
  std::vector<core::Source> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s.step());
    if (!row) {
      return out;
    }
    out.push_back(read_source_row(s));
  }
}

core::Error source_not_found(std::string_view what) {
  return {core::ErrorCode::NotFound, "storage.not_found",
          fmt::format("storage: no source {}", what)};
}

}  // namespace

core::Result<core::Source> SqliteStore::read_source(core::SourceId id) {
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format("SELECT {} FROM sources WHERE id = ?",
                                                             kSourceColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return tl::unexpected(source_not_found(std::to_string(id)));
  }
  core::Source src = read_source_row(*s);
  s->reset();
  return src;
}

core::Result<core::Source> SqliteStore::add_source(const core::Source& source) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "INSERT INTO sources (org_id, kind, url, title, site_url, tags, country, language, "
          "enabled, next_check_at, interval_seconds) VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  s->bind(1, std::int64_t{source.org_id})
      .bind(2, std::string_view(kind_name(source.kind)))
      .bind(3, source.url)
      .bind(4, source.title)
      .bind(5, source.site_url)
      .bind(6, tags_json(source.tags))
      .bind(7, source.country)
      .bind(8, source.language)
      .bind(9, std::int64_t{source.enabled ? 1 : 0})
      .bind(10, core::to_unix(source.health.next_check_at))
      .bind(11, source.health.interval_seconds);
  if (auto st = s->run(); !st) {
    core::Error err = st.error();
    if (err.code == core::ErrorCode::Conflict) {
      err.message = "storage: the source " + source.url + " already exists";
    }
    return tl::unexpected(std::move(err));
  }
  return read_source(conn_->last_insert_rowid());
}

core::Status SqliteStore::update_source(const core::Source& source) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "UPDATE sources SET title = ?, site_url = ?, tags = ?, country = ?, language = ?, "
          "enabled = ? WHERE id = ?"));
  s->bind(1, source.title)
      .bind(2, source.site_url)
      .bind(3, tags_json(source.tags))
      .bind(4, source.country)
      .bind(5, source.language)
      .bind(6, std::int64_t{source.enabled ? 1 : 0})
      .bind(7, std::int64_t{source.id});
  VIGIE_TRY(s->run());
  if (conn_->changes() == 0) {
    return tl::unexpected(source_not_found(std::to_string(source.id)));
  }
  return {};
}

core::Result<core::Source> SqliteStore::get_source(core::SourceId id) {
  std::scoped_lock lock(mutex_);
  return read_source(id);
}

core::Result<core::Source> SqliteStore::find_source_by_url(core::OrgId org,
                                                           const std::string& url) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM sources WHERE org_id = ? AND url = ?",
                                              kSourceColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{org}).bind(2, url).step());
  if (!row) {
    return tl::unexpected(source_not_found(url));
  }
  core::Source src = read_source_row(*s);
  s->reset();
  return src;
}

core::Result<std::vector<core::Source>> SqliteStore::list_sources(core::OrgId org) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM sources WHERE org_id = ? ORDER BY id",
                                              kSourceColumns)));
  s->bind(1, std::int64_t{org});
  return read_all(*s);
}

core::Status SqliteStore::remove_source(core::SourceId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  // Log the removals first, in the same transaction, so the index drops them too.
  VIGIE_TRY_ASSIGN(
      Statement * log,
      conn_->prepare(
          "INSERT INTO index_log (item_id, removed) SELECT id, 1 FROM items WHERE source_id = ?"));
  VIGIE_TRY(log->bind(1, std::int64_t{id}).run());
  VIGIE_TRY_ASSIGN(Statement * del_items, conn_->prepare("DELETE FROM items WHERE source_id = ?"));
  VIGIE_TRY(del_items->bind(1, std::int64_t{id}).run());
  VIGIE_TRY_ASSIGN(Statement * del, conn_->prepare("DELETE FROM sources WHERE id = ?"));
  VIGIE_TRY(del->bind(1, std::int64_t{id}).run());
  if (conn_->changes() == 0) {
    return tl::unexpected(source_not_found(std::to_string(id)));
  }
  return tx.commit();
}

core::Result<std::vector<core::Source>> SqliteStore::due_sources(core::Timestamp now,
                                                                 std::size_t limit) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(fmt::format(
          "SELECT {} FROM sources WHERE enabled = 1 AND kind = 'feed' AND next_check_at <= ? "
          "ORDER BY next_check_at, id LIMIT ?",
          kSourceColumns)));
  s->bind(1, core::to_unix(now)).bind(2, static_cast<std::int64_t>(limit));
  return read_all(*s);
}

core::Status SqliteStore::record_fetch_outcome(core::SourceId id, const core::SourceHealth& h) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare(
          "UPDATE sources SET last_success_at = ?, last_attempt_at = ?, last_error_reason = ?, "
          "last_error_message = ?, consecutive_failures = ?, next_check_at = ?, etag = ?, "
          "last_modified = ?, interval_seconds = ? WHERE id = ?"));
  s->bind(1, opt_unix(h.last_success_at))
      .bind(2, opt_unix(h.last_attempt_at))
      .bind(3, h.last_error_reason)
      .bind(4, h.last_error_message)
      .bind(5, std::int64_t{h.consecutive_failures})
      .bind(6, core::to_unix(h.next_check_at))
      .bind(7, h.etag)
      .bind(8, h.last_modified)
      .bind(9, h.interval_seconds)
      .bind(10, std::int64_t{id});
  VIGIE_TRY(s->run());
  if (conn_->changes() == 0) {
    return tl::unexpected(source_not_found(std::to_string(id)));
  }
  return {};
}

}  // namespace vigie::storage::sqlite
