// SPDX-License-Identifier: AGPL-3.0-or-later
// item_matches.matches is written by hand (the writer's hot path): the bytes must be what
// nlohmann's dump(-1, ' ', false, replace) wrote before, whatever the terms and scores.
#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "storage/sqlite/sqlite_store.h"
#include "support/temp_dir.h"

namespace vigie::storage::sqlite {
namespace {

// What the store wrote before: best score first, then by topic, through nlohmann.
std::string reference_json(std::vector<core::TopicMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.topic_id < b.topic_id;
  });
  nlohmann::json j = nlohmann::json::array();
  for (const auto& m : matches) {
    j.push_back({m.topic_id, m.score, m.matched_terms});
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string stored_json(const std::string& path, core::ItemId item) {
  sqlite3* db = nullptr;
  std::string out;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT matches FROM item_matches WHERE item_id = ?", -1, &st,
                               nullptr),
            SQLITE_OK);
  sqlite3_bind_int64(st, 1, item);
  if (sqlite3_step(st) == SQLITE_ROW) {
    out.assign(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)),
               static_cast<std::size_t>(sqlite3_column_bytes(st, 0)));
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

struct Case {
  const char* name;
  std::vector<std::pair<double, std::vector<std::string>>> matches;  // score, terms
};

TEST(SqliteMatchesJson, WritesTheBytesNlohmannWrote) {
  const std::vector<Case> cases = {
      {"plain", {{2.5, {"coton"}}, {1.0, {"cajou", "noix de cajou"}}}},
      {"accents and other scripts", {{0.75, {"récolte", "égrenage", "中文", "😀"}}}},
      {"escapes", {{3.0, {"a\"b", "c\\d", "e\nf\tg\rh\bi\fj", std::string("k\x01l\x1fm", 5)}}}},
      {"delete character kept", {{1.5, {"a\x7f"}}}},
      {"ill-formed utf-8",
       {{1.25,
         {"\xff", "caf\xc3", "\xc3\x28", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
          "ok\xc0\xafok", "\xe2\x82"}}}},
      {"scores",
       {{0.1, {}},
        {1e-7, {"x"}},
        {123456789.125, {"y"}},
        {1e21, {"z"}},
        {-0.0, {}},
        {0.3333333333333333, {"w"}},
        {std::numeric_limits<double>::infinity(), {"inf"}}}},
      {"equal scores by topic", {{1.0, {"b"}}, {1.0, {"a"}}, {1.0, {"c"}}}},
      {"no terms", {{0.5, {}}}},
  };
  testing::TempDir dir;
  const auto path = (dir / "vigie.db").string();
  auto store = SqliteStore::open({.path = path});
  ASSERT_TRUE(store) << store.error().message;
  auto org = (*store)->ensure_operator("CCI").value();
  std::vector<core::TopicId> topics;
  for (int i = 0; i < 8; ++i) {
    core::Topic t;
    t.org_id = org.id;
    t.name = "t" + std::to_string(i);
    t.query = "coton";
    topics.push_back((*store)->add_topic(t).value().id);
  }
  core::Source src;
  src.org_id = org.id;
  src.url = "https://m.example/feed";
  src.title = "M";
  const auto source = (*store)->add_source(src).value().id;
  for (std::size_t c = 0; c < cases.size(); ++c) {
    SCOPED_TRACE(cases[c].name);
    core::Item it;
    it.org_id = org.id;
    it.source_id = source;
    it.guid = std::to_string(c);
    it.title = cases[c].name;
    it.content_hash = std::to_string(c);
    std::vector<core::TopicMatch> matches;
    for (std::size_t i = 0; i < cases[c].matches.size(); ++i) {
      matches.push_back({0, topics[(i * 5) % topics.size()], cases[c].matches[i].first,
                         cases[c].matches[i].second});
    }
    auto up = (*store)->upsert_items(
        source, std::vector<core::Item>{it},
        [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> { return matches; });
    ASSERT_TRUE(up) << up.error().message;
    ASSERT_EQ(up->inserted_ids.size(), 1U);
    EXPECT_EQ(stored_json(path, up->inserted_ids.front()), reference_json(matches));
  }
}

}  // namespace
}  // namespace vigie::storage::sqlite
