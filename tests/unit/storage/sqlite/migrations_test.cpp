// SPDX-License-Identifier: AGPL-3.0-or-later
// Migrations: every embedded migration is applied once, whatever order branches merged them
// in, and a database written by a newer Vigie is refused rather than damaged.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace vigie::storage::sqlite {
namespace {

// Runs SQL on the database file behind the store's back (what an older or newer Vigie did).
void exec_raw(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

TEST(SqliteMigrations, AppliesAMigrationMissingBelowTheHighestApplied) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  int latest = 0;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    latest = (*store)->schema_version();
    ASSERT_GE(latest, 4);
  }
  // As if the people migration (0004) had arrived after a higher one was applied.
  exec_raw(
      path,
      "DROP TABLE memberships; DROP TABLE users; DELETE FROM schema_version WHERE version = 4;");
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest);
  core::User u;
  u.email = "awa@cci.example";
  EXPECT_TRUE((*store)->create_user(u));
}

TEST(SqliteMigrations, RefusesADatabaseFromANewerVigie) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  ASSERT_TRUE(SqliteStore::open({.path = path}));
  exec_raw(path, "INSERT INTO schema_version (version) VALUES (9999);");
  auto store = SqliteStore::open({.path = path});
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().reason, "storage.schema_too_new");
}

}  // namespace
}  // namespace vigie::storage::sqlite
