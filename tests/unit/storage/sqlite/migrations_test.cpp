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

TEST(SqliteMigrations, UpgradesADatabaseWrittenBeforeDistribution) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  core::UserId user = 0;
  core::TopicId topic = 0;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_GE((*store)->schema_version(), 6);
    auto org = (*store)->ensure_operator("CCI");
    ASSERT_TRUE(org);
    core::User u;
    u.email = "awa@cci.example";
    user = (*store)->create_user(u).value().id;
    core::Topic t;
    t.org_id = org->id;
    t.name = "coton";
    t.query = "coton";
    topic = (*store)->add_topic(t).value().id;
  }
  // As the database was at schema 5 (issue #3): no distribution tables nor triggers.
  exec_raw(path,
           "DROP TRIGGER deliveries_cancel_user_removed; DROP TRIGGER "
           "deliveries_cancel_user_inactive; DROP TRIGGER deliveries_cancel_topic_removed; "
           "DROP TABLE delivery_attempts; DROP TABLE deliveries; DROP TABLE topic_alert_list; "
           "DROP TABLE subscriptions; DELETE FROM schema_version WHERE version = 6;");
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  ASSERT_TRUE((*store)->add_to_alert_list(topic, user));
  core::Subscription s;
  s.user_id = user;
  s.topic_id = topic;
  s.rhythm = core::Rhythm::Immediate;
  ASSERT_TRUE((*store)->add_subscription(s));
  core::Signal g;
  g.org_id = (*store)->get_topic(topic).value().org_id;
  g.kind = "analyst_alert";
  g.topic_id = topic;
  ASSERT_TRUE((*store)->add_signal(g));
  EXPECT_EQ((*store)->list_deliveries(g.org_id, {}).value().size(), 1U);
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
