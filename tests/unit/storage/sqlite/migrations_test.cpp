// SPDX-License-Identifier: AGPL-3.0-or-later
// Migrations: every embedded migration is applied once, whatever order branches merged them
// in, and a database written by a newer Vigie is refused rather than damaged.
#include <fmt/format.h>
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

TEST(SqliteMigrations, MovesMatchesIntoCompactRowsAndTheByTopicTable) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  core::ItemId item = 0;
  core::TopicId coton = 0;
  core::TopicId cajou = 0;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_GE((*store)->schema_version(), 7);
    auto org = (*store)->ensure_operator("CCI");
    ASSERT_TRUE(org);
    core::Source src;
    src.org_id = org->id;
    src.url = "https://m.example/feed";
    src.title = "M";
    auto s = (*store)->add_source(src);
    ASSERT_TRUE(s);
    core::Item it;
    it.org_id = org->id;
    it.source_id = s->id;
    it.guid = "g";
    it.url = "https://m.example/g";
    it.title = "Coton et cajou";
    it.content_hash = "h";
    auto up = (*store)->upsert_items(s->id, std::vector<core::Item>{it});
    ASSERT_TRUE(up && up->inserted_ids.size() == 1U);
    item = up->inserted_ids.front();
    core::Topic t;
    t.org_id = org->id;
    t.name = "coton";
    t.query = "coton";
    coton = (*store)->add_topic(t).value().id;
    t.name = "cajou";
    t.query = "cajou";
    cajou = (*store)->add_topic(t).value().id;
  }
  // As the database was at schema 6: one row per match, keyed by item, indexed by topic.
  const std::string old_schema = fmt::format(
      "DROP TRIGGER item_matches_removed; DROP TRIGGER topic_matches_removed; DROP TABLE "
      "topic_matches_pending; DROP TABLE "
      "item_matches; DROP TABLE topic_matches; CREATE TABLE topic_matches (item_id INTEGER NOT "
      "NULL REFERENCES items(id) ON DELETE CASCADE, topic_id INTEGER NOT NULL REFERENCES "
      "topics(id) ON DELETE CASCADE, score REAL NOT NULL, matched_terms TEXT NOT NULL DEFAULT "
      "'[]', PRIMARY KEY (item_id, topic_id)) WITHOUT ROWID; CREATE INDEX topic_matches_topic ON "
      "topic_matches (topic_id, item_id); INSERT INTO topic_matches VALUES ({0}, {1}, 1.5, "
      "'[\"coton\"]'), ({0}, {2}, 2.5, '[\"cajou\", \"noix \\\"de\\\" cajou\"]'); DELETE "
      "FROM schema_version WHERE version = 7;",
      item, coton, cajou);
  exec_raw(path, old_schema.c_str());
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  auto of_item = (*store)->matches_of_item(item);
  ASSERT_TRUE(of_item) << of_item.error().message;
  ASSERT_EQ(of_item->size(), 2U);
  EXPECT_EQ((*of_item)[0].topic_id, cajou) << "best score first";
  EXPECT_DOUBLE_EQ((*of_item)[0].score, 2.5);
  EXPECT_EQ((*of_item)[0].matched_terms, (std::vector<std::string>{"cajou", "noix \"de\" cajou"}));
  EXPECT_EQ((*of_item)[1].topic_id, coton);
  EXPECT_EQ((*of_item)[1].matched_terms, std::vector<std::string>{"coton"});
  auto of_topic = (*store)->matches_of_topic(coton, 0, 10);
  ASSERT_TRUE(of_topic) << of_topic.error().message;
  ASSERT_EQ(of_topic->size(), 1U);
  EXPECT_EQ(of_topic->front().item_id, item);
  EXPECT_DOUBLE_EQ(of_topic->front().score, 1.5);
  EXPECT_EQ(of_topic->front().matched_terms, std::vector<std::string>{"coton"});
  EXPECT_EQ((*store)->count_matches_of_topic(cajou).value_or(0), 1U);
  // Removing a topic removes its by-topic rows; the item keeps its other match.
  ASSERT_TRUE((*store)->remove_topic(cajou));
  EXPECT_EQ((*store)->matches_of_item(item).value().size(), 1U);
  // SQLite reuses the highest removed id: the new topic inherits none of the old one's matches.
  core::Topic t;
  t.org_id = (*store)->get_topic(coton).value().org_id;
  t.name = "karite";
  t.query = "karite";
  const core::TopicId karite = (*store)->add_topic(t).value().id;
  EXPECT_EQ((*store)->matches_of_item(item).value().size(), 1U);
  EXPECT_EQ((*store)->count_matches_of_topic(karite).value_or(9), 0U);
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
