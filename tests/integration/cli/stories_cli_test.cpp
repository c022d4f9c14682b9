// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie stories` end to end: ingesting the demo feeds groups republished items into stories,
// ingesting them again duplicates nothing, and `stories show` tells where a story appeared
// first.
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/temp_dir.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;

class StoriesCliTest : public ::testing::Test {
 protected:
  CommandResult vigie(std::vector<std::string> args, std::string lang = "en") {
    return testing::run_command(
        VIGIE_BINARY, args,
        {{"VIGIE_DB", (dir_ / "vigie.db").string()}, {"VIGIE_LANG", lang}, {"VIGIE_CONFIG", ""}});
  }

  CommandResult ingest_demo() {
    std::vector<std::string> args{"ingest"};
    for (const auto& e : fs::directory_iterator(fs::path(VIGIE_DEMO_DIR) / "feeds")) {
      args.push_back(e.path().string());
    }
    std::sort(args.begin() + 1, args.end());
    return vigie(args);
  }

  nlohmann::json list_all() {
    auto r = vigie({"stories", "list", "--json", "--limit", "1000"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  testing::TempDir dir_;
};

std::size_t items_in(const nlohmann::json& list) {
  std::size_t n = 0;
  for (const auto& s : list["stories"]) {
    n += s["items"].get<std::size_t>();
  }
  return n;
}

TEST_F(StoriesCliTest, IngestingTheDemoTwiceGroupsStoriesAndDuplicatesNothing) {
  auto first = ingest_demo();
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto before = list_all();
  const std::size_t stories = before["total"].get<std::size_t>();
  // 320 items; 137 of them tell 41 stories, so 224 stories when everything groups. The 38
  // translations are not expected to join by fingerprint: about 262 stories.
  EXPECT_EQ(items_in(before), 320U);
  EXPECT_GE(stories, 224U);
  EXPECT_LE(stories, 266U);
  EXPECT_EQ(before["stories"].size(), stories);
  std::size_t multi = 0;
  for (const auto& s : before["stories"]) {
    if (s["items"].get<int>() > 1) {
      ++multi;
      EXPECT_GE(s["sources"].size(), 2U) << s;  // one story, many sources
    }
  }
  EXPECT_GE(multi, 35U);

  auto second = ingest_demo();
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto after = list_all();
  EXPECT_EQ(after["total"].get<std::size_t>(), stories);
  EXPECT_EQ(items_in(after), 320U);

  // Newest first.
  std::string previous = "9999";
  for (const auto& s : after["stories"]) {
    EXPECT_LE(s["first_seen"].get<std::string>(), previous);
    previous = s["first_seen"].get<std::string>();
  }
}

TEST_F(StoriesCliTest, ShowListsTheItemsAndMarksTheFirstAppearance) {
  ASSERT_EQ(ingest_demo().exit_code, 0);
  const auto list = list_all();
  const nlohmann::json* biggest = nullptr;
  for (const auto& s : list["stories"]) {
    if (biggest == nullptr || s["items"].get<int>() > (*biggest)["items"].get<int>()) {
      biggest = &s;
    }
  }
  ASSERT_NE(biggest, nullptr);
  const std::string id = std::to_string((*biggest)["id"].get<long>());

  auto shown = vigie({"stories", "show", id, "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto j = nlohmann::json::parse(shown.out);
  EXPECT_EQ(j["item_count"], (*biggest)["items"]);
  ASSERT_EQ(j["items"].size(), j["item_count"].get<std::size_t>());
  int firsts = 0;
  for (const auto& it : j["items"]) {
    firsts += it["first_appearance"].get<bool>() ? 1 : 0;
  }
  EXPECT_EQ(firsts, 1);
  EXPECT_TRUE(j["items"][0]["first_appearance"].get<bool>());
  EXPECT_EQ(j["items"][0]["id"], j["first_item"]);

  auto text = vigie({"stories", "show", id}, "fr");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("première parution"), std::string::npos) << text.out;
  auto listed = vigie({"stories", "list", "--limit", "3"}, "fr");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find("actualité(s)"), std::string::npos) << listed.out;

  auto missing = vigie({"stories", "show", "999999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_FALSE(missing.err.empty());
}

}  // namespace
}  // namespace vigie
