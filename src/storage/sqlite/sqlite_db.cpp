// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/sqlite/sqlite_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace vigie::storage::sqlite {

core::Error to_error(sqlite3* db, int rc, std::string_view what) {
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message = fmt::format("storage: {}: {}", what, detail);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return {core::ErrorCode::Conflict, "storage.conflict", std::move(message)};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return {core::ErrorCode::Unavailable, "storage.busy", std::move(message)};
    case SQLITE_NOTFOUND:
      return {core::ErrorCode::NotFound, "storage.not_found", std::move(message)};
    default:
      return {core::ErrorCode::Internal, "storage.io", std::move(message)};
  }
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
  if (value) {
    return bind(index, std::string_view(*value));
  }
  return bind_null(index);
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  if (value) {
    return bind(index, *value);
  }
  return bind_null(index);
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

double Statement::column_double(int col) const {
  return sqlite3_column_double(stmt_, col);
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

core::Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  core::Error err = to_error(db_, rc, sqlite3_sql(stmt_));
  sqlite3_reset(stmt_);
  return tl::unexpected(std::move(err));
}

core::Status Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) {
      return tl::unexpected(row.error());
    }
    if (!*row) {
      return {};
    }
  }
}

std::int64_t Statement::column_int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

std::optional<std::int64_t> Statement::column_opt_int(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) {
    return std::nullopt;
  }
  return sqlite3_column_int64(stmt_, col);
}

std::string Statement::column_text(int col) const {
  const auto* text = sqlite3_column_text(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  if (text == nullptr) {
    return {};
  }
  return {reinterpret_cast<const char*>(text), static_cast<std::size_t>(n)};
}

std::optional<std::string> Statement::column_opt_text(int col) const {
  if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) {
    return std::nullopt;
  }
  return column_text(col);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

core::Result<std::unique_ptr<Connection>> Connection::open(const std::string& path) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    core::Error err = to_error(db, rc, "open " + path);
    sqlite3_close(db);
    return tl::unexpected(std::move(err));
  }
  sqlite3_extended_result_codes(db, 1);
  // A writer waits for another process's transaction rather than failing at once.
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  cache_.clear();  // statements must be finalised before the connection closes
  sqlite3_close(db_);
}

core::Result<Statement*> Connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return tl::unexpected(to_error(db_, rc, sql));
  }
  auto owned = std::make_unique<Statement>(db_, stmt);
  Statement* raw = owned.get();
  cache_.emplace(std::string(sql), std::move(owned));
  return raw;
}

core::Status Connection::exec(std::string_view sql) {
  const std::string text(sql);
  char* err = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    return tl::unexpected(to_error(db_, rc, "exec"));
  }
  return {};
}

std::int64_t Connection::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Connection::changes() const {
  return sqlite3_changes(db_);
}

core::Result<Transaction> Transaction::begin(Connection& conn) {
  // Savepoints nest as a stack, so one name serves every level.
  const bool nested = sqlite3_get_autocommit(conn.raw()) == 0;
  if (auto st = conn.exec(nested ? "SAVEPOINT vigie_nested" : "BEGIN IMMEDIATE"); !st) {
    return tl::unexpected(st.error());
  }
  return Transaction(&conn, nested);
}

Transaction::~Transaction() {
  if (conn_ != nullptr) {
    (void)conn_->exec(nested_ ? "ROLLBACK TO vigie_nested; RELEASE vigie_nested" : "ROLLBACK");
  }
}

core::Status Transaction::commit() {
  auto st = conn_->exec(nested_ ? "RELEASE vigie_nested" : "COMMIT");
  if (st) {
    conn_ = nullptr;
  }
  return st;
}

}  // namespace vigie::storage::sqlite
