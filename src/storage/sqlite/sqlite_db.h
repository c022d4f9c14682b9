// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Thin RAII wrappers over the SQLite C API, private to storage/sqlite. Every value is bound,
// never formatted into SQL (STYLE.md H5). Statements are prepared once per connection and
// cached by their SQL text.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vigie::storage::sqlite {

// The one place SQLite result codes become core::Error (STYLE.md H4).
core::Error to_error(sqlite3* db, int rc, std::string_view what);

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::optional<std::string>& value);
  Statement& bind(int index, std::optional<std::int64_t> value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);

  // Steps once. true: a row is available; false: done. Errors as core::Error.
  core::Result<bool> step();
  // Steps to completion, for statements without rows.
  core::Status run();

  std::int64_t column_int(int col) const;
  double column_double(int col) const;
  std::optional<std::int64_t> column_opt_int(int col) const;
  std::string column_text(int col) const;
  std::optional<std::string> column_opt_text(int col) const;

  // Resets bindings and state so the cached statement can be reused.
  void reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

// One connection. Not thread-safe: the owner serialises access.
class Connection {
 public:
  static core::Result<std::unique_ptr<Connection>> open(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // A cached prepared statement, reset and ready to bind. Valid until the next call with the
  // same SQL text.
  core::Result<Statement*> prepare(std::string_view sql);
  core::Status exec(std::string_view sql);  // for schema and pragmas; no bound values
  std::int64_t last_insert_rowid() const;
  int changes() const;
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> cache_;
};

// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK unless commit() succeeded.
// Inside a transaction already open on the connection (SqliteStore::in_one_transaction), a
// savepoint instead: commit() releases it into the outer transaction, and without commit()
// only its own changes roll back.
class Transaction {
 public:
  static core::Result<Transaction> begin(Connection& conn);
  Transaction(Transaction&& other) noexcept : conn_(other.conn_), nested_(other.nested_) {
    other.conn_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  core::Status commit();

 private:
  Transaction(Connection* conn, bool nested) : conn_(conn), nested_(nested) {}
  Connection* conn_;
  bool nested_;
};

}  // namespace vigie::storage::sqlite
