// SPDX-License-Identifier: AGPL-3.0-or-later
// Migrations: every embedded migration is applied once, whatever order branches merged them
// in, and a database written by a newer Vigie is refused rather than damaged.
#include <algorithm>
#include <string>
#include <vector>

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

// The first column of the first row of `sql` on the database file, as text ("" when none).
std::string query_raw(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  std::string out;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW
        && sqlite3_column_text(st, 0) != nullptr) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// signals as migration 0002 made it (CHECKs with IN lists), its rows and ids kept; the
// database goes back to schema 7. Foreign keys are off on a raw connection, as the procedure
// wants.
constexpr const char* kSignalsAtSchema7 =
    "CREATE TABLE signals_old (id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL REFERENCES "
    "organisations(id), kind TEXT NOT NULL, severity TEXT NOT NULL CHECK (severity IN ('normal', "
    "'high', 'critical')), audience TEXT NOT NULL DEFAULT 'internal' CHECK (audience IN "
    "('internal', 'members', 'public')), topic_id INTEGER REFERENCES topics(id) ON DELETE SET "
    "NULL, item_id INTEGER REFERENCES items(id) ON DELETE SET NULL, story_id INTEGER, title TEXT "
    "NOT NULL DEFAULT '', created_at INTEGER NOT NULL, state TEXT NOT NULL DEFAULT 'new' CHECK "
    "(state IN ('new', 'reviewed', 'dispatched', 'closed'))); "
    "INSERT INTO signals_old SELECT * FROM signals; DROP TABLE signals; "
    "ALTER TABLE signals_old RENAME TO signals; "
    "CREATE INDEX signals_org_state ON signals (org_id, state, id); "
    "CREATE UNIQUE INDEX signals_topic_item ON signals (kind, topic_id, item_id) WHERE topic_id "
    "IS NOT NULL AND item_id IS NOT NULL; "
    "DELETE FROM schema_version WHERE version = 8;";

// deliveries as migration 0006 made it (CHECKs with IN lists, the digest key without the
// target), its rows and ids kept, with the triggers of 0006 on the tables that update it; the
// database goes back to schema 8.
constexpr const char* kDeliveriesAtSchema8 = R"sql(
DROP TRIGGER deliveries_cancel_user_removed;
DROP TRIGGER deliveries_cancel_user_inactive;
DROP TRIGGER deliveries_cancel_topic_removed;
DROP TRIGGER deliveries_cancel_unsubscribed;
DROP TRIGGER deliveries_cancel_orphan_digest;
CREATE TABLE deliveries_old (
  id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL CHECK (kind IN ('alert', 'digest')),
  signal_id INTEGER REFERENCES signals(id) ON DELETE SET NULL,
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE SET NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')), target TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending'
    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL, give_up_at INTEGER NOT NULL, lease_until INTEGER,
  sent_at INTEGER, last_error TEXT NOT NULL DEFAULT '',
  rhythm TEXT CHECK (rhythm IN ('immediate', 'daily', 'weekly')),
  period_from INTEGER, period_to INTEGER);
INSERT INTO deliveries_old SELECT * FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_old RENAME TO deliveries;
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at, id);
CREATE INDEX deliveries_lease ON deliveries (state, lease_until);
CREATE INDEX deliveries_org ON deliveries (org_id, id);
CREATE INDEX deliveries_signal ON deliveries (signal_id);
CREATE INDEX deliveries_subscription ON deliveries (subscription_id);
CREATE INDEX deliveries_user ON deliveries (user_id, state);
CREATE UNIQUE INDEX deliveries_alert_once ON deliveries (signal_id, subscription_id)
  WHERE kind = 'alert';
CREATE UNIQUE INDEX deliveries_digest_once ON deliveries (user_id, rhythm, channel, period_from)
  WHERE kind = 'digest';
CREATE TRIGGER deliveries_cancel_user_removed BEFORE DELETE ON users BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
    last_error = 'outbox.user_removed' WHERE user_id = OLD.id AND state IN ('pending', 'sending');
END;
CREATE TRIGGER deliveries_cancel_user_inactive AFTER UPDATE OF active ON users
  WHEN OLD.active <> 0 AND NEW.active = 0 BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
    last_error = 'outbox.user_inactive' WHERE user_id = NEW.id AND state IN ('pending', 'sending');
END;
CREATE TRIGGER deliveries_cancel_topic_removed BEFORE DELETE ON topics BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
    last_error = 'outbox.topic_removed' WHERE state IN ('pending', 'sending')
    AND subscription_id IN (SELECT id FROM subscriptions WHERE topic_id = OLD.id);
END;
CREATE TRIGGER deliveries_cancel_unsubscribed BEFORE DELETE ON subscriptions BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
    last_error = 'outbox.unsubscribed'
    WHERE subscription_id = OLD.id AND state IN ('pending', 'sending');
END;
CREATE TRIGGER deliveries_cancel_orphan_digest AFTER DELETE ON subscriptions BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
    last_error = 'outbox.unsubscribed'
    WHERE kind = 'digest' AND user_id = OLD.user_id AND rhythm = OLD.rhythm
      AND channel = OLD.channel AND state IN ('pending', 'sending')
      AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = OLD.user_id
                        AND s.rhythm = OLD.rhythm AND s.channel = OLD.channel);
END;
DELETE FROM schema_version WHERE version IN (9, 10);
)sql";

// What the schema holds (type, name, table and, for triggers, their SQL), one line each.
std::vector<std::string> schema_of(const std::string& path) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || "
                           "CASE type WHEN 'trigger' THEN sql ELSE '' END FROM sqlite_schema "
                           "ORDER BY type, name",
                           -1, &st, nullptr)
        == SQLITE_OK) {
      while (sqlite3_step(st) == SQLITE_ROW) {
        out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
      }
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

// A store with a topic, an immediate subscriber on its alert list, and two signals of it (one
// reviewed), each with its alert delivery. Returns the topic.
core::TopicId signals_with_deliveries(SqliteStore& store, std::vector<core::SignalId>& signals) {
  auto org = store.ensure_operator("CCI").value();
  core::User u;
  u.email = "awa@cci.example";
  const core::UserId user = store.create_user(u).value().id;
  core::Topic t;
  t.org_id = org.id;
  t.name = "coton";
  t.query = "coton";
  t.priority = core::Priority::High;
  const core::TopicId topic = store.add_topic(t).value().id;
  EXPECT_TRUE(store.add_to_alert_list(topic, user));
  core::Subscription s;
  s.user_id = user;
  s.topic_id = topic;
  s.rhythm = core::Rhythm::Immediate;
  EXPECT_TRUE(store.add_subscription(s));
  for (const auto severity : {core::Priority::High, core::Priority::Critical}) {
    core::Signal g;
    g.org_id = org.id;
    g.kind = "analyst_alert";
    g.severity = severity;
    g.audience = core::Audience::Members;
    g.topic_id = topic;
    g.title = fmt::format("signal {}", signals.size());
    signals.push_back(store.add_signal(g).value().id);
  }
  EXPECT_TRUE(store.set_signal_state(signals.back(), core::SignalState::Reviewed));
  return topic;
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

TEST(SqliteMigrations, RebuildsSignalsWithCheapChecksKeepingRowsAndReferences) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  std::vector<core::SignalId> ids;
  core::TopicId topic = 0;
  int latest = 0;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    latest = (*store)->schema_version();
    ASSERT_GE(latest, 8);
    topic = signals_with_deliveries(**store, ids);
  }
  exec_raw(path, kSignalsAtSchema7);
  ASSERT_NE(query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'signals'").find(" IN ("),
            std::string::npos);
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest);
  EXPECT_EQ(query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'signals'").find(" IN ("),
            std::string::npos);
  // Rows, ids and states kept.
  const core::OrgId org = (*store)->get_topic(topic).value().org_id;
  auto listed = (*store)->list_signals(org, {});
  ASSERT_TRUE(listed) << listed.error().message;
  ASSERT_EQ(listed->size(), 2U);
  EXPECT_EQ((*listed)[0].id, ids[1]);
  EXPECT_EQ((*listed)[0].severity, core::Priority::Critical);
  EXPECT_EQ((*listed)[0].audience, core::Audience::Members);
  EXPECT_EQ((*listed)[0].state, core::SignalState::Reviewed);
  EXPECT_EQ((*listed)[0].topic_id, topic);
  EXPECT_EQ((*listed)[0].title, "signal 1");
  EXPECT_EQ((*listed)[1].id, ids[0]);
  EXPECT_EQ((*listed)[1].state, core::SignalState::New);
  // The deliveries still point at their signals, through a foreign key on the new table.
  auto deliveries = (*store)->list_deliveries(org, {});
  ASSERT_TRUE(deliveries) << deliveries.error().message;
  ASSERT_EQ(deliveries->size(), 2U);
  std::vector<core::SignalId> delivered;
  for (const auto& d : *deliveries) {
    ASSERT_TRUE(d.signal_id);
    delivered.push_back(*d.signal_id);
  }
  std::sort(delivered.begin(), delivered.end());
  EXPECT_EQ(delivered, ids);
  EXPECT_EQ(query_raw(path, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_EQ(query_raw(path,
                      "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'signals' AND "
                      "name IN ('signals_org_state', 'signals_topic_item')"),
            "2");
  EXPECT_NE(query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'deliveries'")
                .find("REFERENCES signals(id) ON DELETE SET NULL"),
            std::string::npos);
  // The new CHECKs refuse what the old ones did; ids go on after the highest kept.
  core::Signal g;
  g.org_id = org;
  g.kind = "analyst_alert";
  g.topic_id = topic;
  auto added = (*store)->add_signal(g);
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_GT(added->id, ids[1]);
  EXPECT_EQ((*store)->list_deliveries(org, {}).value().size(), 3U);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  for (const char* bad :
       {"INSERT INTO signals (org_id, kind, severity, created_at) VALUES (1, 'k', 'urgent', 0)",
        "INSERT INTO signals (org_id, kind, severity, audience, created_at) VALUES (1, 'k', "
        "'high', 'everyone', 0)",
        "UPDATE signals SET state = 'done'"}) {
    EXPECT_EQ(sqlite3_exec(db, bad, nullptr, nullptr, nullptr), SQLITE_CONSTRAINT) << bad;
  }
  sqlite3_close(db);
}

TEST(SqliteMigrations, RefusesARebuildThatWouldLeaveAForeignKeyBroken) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  std::vector<core::SignalId> ids;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    signals_with_deliveries(**store, ids);
  }
  // A delivery whose signal is gone (written with foreign keys off): the rebuild must not
  // commit over it.
  exec_raw(path, kSignalsAtSchema7);
  exec_raw(path, fmt::format("DELETE FROM signals WHERE id = {};", ids[0]).c_str());
  auto store = SqliteStore::open({.path = path});
  ASSERT_FALSE(store);
  // (The migrations after 8 stay recorded: the test only took 8 back.)
  EXPECT_EQ(query_raw(path, "SELECT count(*) FROM schema_version WHERE version = 8"), "0");
  EXPECT_NE(query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'signals'").find(" IN ("),
            std::string::npos);
}

// signals_with_deliveries, plus what the outbox's other columns hold: an alert claimed then
// sent, with its attempt, and two webhook digests of one period to two URLs (at two rhythms,
// so that they fit the digest key of schema 8 too). Fills `out` with the deliveries, newest
// first; returns the organisation.
core::OrgId outbox_with_every_state(SqliteStore& store, std::vector<core::Delivery>& out) {
  std::vector<core::SignalId> signals;
  const core::TopicId topic = signals_with_deliveries(store, signals);
  const core::OrgId org = store.get_topic(topic).value().org_id;
  const core::UserId user = store.find_user_by_email("awa@cci.example").value().id;
  for (const char* url : {"https://a.example/h", "https://b.example/h"}) {
    core::Subscription s;
    s.user_id = user;
    s.topic_id = topic;
    s.rhythm = url[8] == 'a' ? core::Rhythm::Daily : core::Rhythm::Weekly;
    s.channel = core::Channel::Webhook;
    s.webhook_url = url;
    EXPECT_TRUE(store.add_subscription(s));
  }
  auto claimed = store.claim_deliveries(core::from_unix(10), core::from_unix(70), 1);
  EXPECT_TRUE(claimed && claimed->size() == 1U);
  storage::AttemptResult sent;
  sent.attempt.delivery_id = claimed->front().id;
  sent.attempt.at = core::from_unix(20);
  sent.attempt.outcome = "sent";
  sent.attempt.code = 250;
  sent.new_state = core::DeliveryState::Sent;
  EXPECT_TRUE(store.record_attempt(sent));
  core::Delivery d;
  d.org_id = org;
  d.kind = core::DeliveryKind::Digest;
  d.user_id = user;
  d.channel = core::Channel::Webhook;
  d.rhythm = core::Rhythm::Daily;
  d.period_from = core::from_unix(0);
  d.period_to = core::from_unix(86'400);
  d.created_at = *d.period_to;
  d.target = "https://a.example/h";
  EXPECT_TRUE(store.add_digest(d));
  d.rhythm = core::Rhythm::Weekly;
  d.target = "https://b.example/h";
  EXPECT_TRUE(store.add_digest(d));
  out = store.list_deliveries(org, {}).value();
  return org;
}

TEST(SqliteMigrations, RebuildsDeliveriesWithCheapChecksKeepingRowsIndexesAndTriggers) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  std::vector<core::Delivery> before;
  core::OrgId org = 0;
  int latest = 0;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    latest = (*store)->schema_version();
    ASSERT_GE(latest, 10);
    org = outbox_with_every_state(**store, before);
    ASSERT_EQ(before.size(), 4U);
  }
  const auto schema = schema_of(path);
  exec_raw(path, kDeliveriesAtSchema8);
  ASSERT_NE(
      query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'deliveries'").find(" IN ("),
      std::string::npos);
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_EQ((*store)->schema_version(), latest);
  EXPECT_EQ(
      query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'deliveries'").find(" IN ("),
      std::string::npos);
  // The same tables, indexes and triggers (by name, and the triggers' text) as a new database.
  EXPECT_EQ(schema_of(path), schema);
  // Rows, ids, states and attempts kept.
  auto after = (*store)->list_deliveries(org, {});
  ASSERT_TRUE(after) << after.error().message;
  ASSERT_EQ(after->size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    SCOPED_TRACE(i);
    const auto& a = (*after)[i];
    const auto& b = before[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.signal_id, b.signal_id);
    EXPECT_EQ(a.subscription_id, b.subscription_id);
    EXPECT_EQ(a.user_id, b.user_id);
    EXPECT_EQ(a.channel, b.channel);
    EXPECT_EQ(a.target, b.target);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.attempts, b.attempts);
    EXPECT_EQ(a.next_attempt_at, b.next_attempt_at);
    EXPECT_EQ(a.give_up_at, b.give_up_at);
    EXPECT_EQ(a.lease_until, b.lease_until);
    EXPECT_EQ(a.sent_at, b.sent_at);
    EXPECT_EQ(a.rhythm, b.rhythm);
    EXPECT_EQ(a.period_from, b.period_from);
    EXPECT_EQ(a.period_to, b.period_to);
  }
  const auto sent = std::find_if(after->begin(), after->end(), [](const auto& d) {
    return d.state == core::DeliveryState::Sent;
  });
  ASSERT_NE(sent, after->end());
  EXPECT_EQ((*store)->attempts_of(sent->id).value().size(), 1U);
  EXPECT_EQ(query_raw(path, "SELECT count(*) FROM pragma_foreign_key_check"), "0");
  EXPECT_NE(query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'delivery_attempts'")
                .find("REFERENCES deliveries(id) ON DELETE CASCADE"),
            std::string::npos);
  // The triggers still act on the new table: deactivating the user cancels what is pending.
  auto user = (*store)->find_user_by_email("awa@cci.example").value();
  user.active = false;
  ASSERT_TRUE((*store)->update_user(user));
  const auto cancelled = (*store)->list_deliveries(org, {}).value();
  for (const auto& d : cancelled) {
    EXPECT_EQ(d.state,
              d.id == sent->id ? core::DeliveryState::Sent : core::DeliveryState::Cancelled)
        << d.id;
  }
  // The new CHECKs refuse what the old ones did.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const auto insert = [&](const char* kind, const char* channel, const char* state,
                          const char* rhythm) {
    return fmt::format(
        "INSERT INTO deliveries (org_id, kind, channel, target, state, created_at, "
        "next_attempt_at, give_up_at, rhythm) VALUES ({}, {}, {}, 't', {}, 0, 0, 0, {})",
        org, kind, channel, state, rhythm);
  };
  EXPECT_EQ(sqlite3_exec(db, insert("'alert'", "'email'", "'pending'", "NULL").c_str(), nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  for (const auto& bad : {insert("'memo'", "'email'", "'pending'", "NULL"),
                          insert("'alert'", "'sms'", "'pending'", "NULL"),
                          insert("'alert'", "'email'", "'done'", "NULL"),
                          insert("'digest'", "'email'", "'pending'", "'monthly'"),
                          std::string("UPDATE deliveries SET state = 'lost'")}) {
    EXPECT_EQ(sqlite3_exec(db, bad.c_str(), nullptr, nullptr, nullptr), SQLITE_CONSTRAINT) << bad;
  }
  sqlite3_close(db);
}

TEST(SqliteMigrations, RefusesADeliveriesRebuildThatWouldLeaveAForeignKeyBroken) {
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  std::vector<core::Delivery> deliveries;
  {
    auto store = SqliteStore::open({.path = path});
    ASSERT_TRUE(store) << store.error().message;
    outbox_with_every_state(**store, deliveries);
  }
  // An attempt whose delivery is gone (written with foreign keys off): the rebuild must not
  // commit over it.
  exec_raw(path, kDeliveriesAtSchema8);
  exec_raw(path, "DELETE FROM deliveries WHERE state = 'sent';");
  auto store = SqliteStore::open({.path = path});
  ASSERT_FALSE(store);
  EXPECT_EQ(query_raw(path, "SELECT count(*) FROM schema_version WHERE version = 10"), "0");
  EXPECT_NE(
      query_raw(path, "SELECT sql FROM sqlite_schema WHERE name = 'deliveries'").find(" IN ("),
      std::string::npos);
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
