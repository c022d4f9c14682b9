// SPDX-License-Identifier: AGPL-3.0-or-later
// The SQLite outbox's promise: a signal is never stored without its alert deliveries. A
// trigger injected behind the store's back makes the delivery insert fail, as a full disk or
// a crash between the two would; the signal must go with it.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "storage/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace vigie::storage::sqlite {
namespace {

void exec_raw(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);
}

class SqliteOutboxTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (dir_ / "vigie.db").string();
    auto store = SqliteStore::open({.path = path_});
    ASSERT_TRUE(store) << store.error().message;
    auto org = (*store)->ensure_operator("CCI");
    ASSERT_TRUE(org);
    org_ = org->id;
    core::User u;
    u.email = "awa@cci.example";
    const auto user = (*store)->create_user(u).value().id;
    core::Topic t;
    t.org_id = org_;
    t.name = "coton";
    t.query = "coton";
    t.priority = core::Priority::Critical;
    topic_ = (*store)->add_topic(t).value().id;
    ASSERT_TRUE((*store)->add_to_alert_list(topic_, user));
    core::Subscription s;
    s.user_id = user;
    s.topic_id = topic_;
    s.rhythm = core::Rhythm::Immediate;
    ASSERT_TRUE((*store)->add_subscription(s));
    core::Source src;
    src.org_id = org_;
    src.url = "https://a.example/feed";
    source_ = (*store)->add_source(src).value().id;
  }

  std::unique_ptr<SqliteStore> reopen() {
    auto store = SqliteStore::open({.path = path_});
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  core::Signal signal() const {
    core::Signal g;
    g.org_id = org_;
    g.kind = "analyst_alert";
    g.topic_id = topic_;
    return g;
  }

  testing::TempDir dir_;
  std::string path_;
  core::OrgId org_ = 0;
  core::TopicId topic_ = 0;
  core::SourceId source_ = 0;
};

TEST_F(SqliteOutboxTest, ASignalWhoseDeliveriesCannotBeWrittenIsNotStored) {
  exec_raw(path_,
           "CREATE TRIGGER fail_outbox BEFORE INSERT ON deliveries "
           "BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END;");
  auto store = reopen();
  ASSERT_NE(store, nullptr);
  EXPECT_FALSE(store->add_signal(signal()));

  core::Item it;
  it.org_id = org_;
  it.source_id = source_;
  it.guid = "g1";
  it.content_hash = "h1";
  std::vector<core::Item> items = {it};
  const ItemMatcher matcher =
      [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
    return std::vector<core::TopicMatch>{{0, topic_, 1.0, {}}};
  };
  EXPECT_FALSE(store->upsert_items(source_, items, matcher));
  EXPECT_TRUE(store->list_signals(org_, {}).value().empty());
  EXPECT_EQ(store->count_items(org_).value(), 0U);

  store.reset();
  exec_raw(path_, "DROP TRIGGER fail_outbox;");
  store = reopen();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->add_signal(signal()));
  ASSERT_TRUE(store->upsert_items(source_, items, matcher));
  EXPECT_EQ(store->list_signals(org_, {}).value().size(), 2U);
  EXPECT_EQ(store->list_deliveries(org_, {}).value().size(), 2U);
}

}  // namespace
}  // namespace vigie::storage::sqlite
