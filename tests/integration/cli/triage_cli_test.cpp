// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie inbox`, `vigie review` and `vigie kept` end to end over the demo corpus: the inbox
// lists stories (not items), reviewing takes them out of it, an alert raises a signal, and
// bad input is refused with a clear message.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"

namespace vigie {
namespace {

class TriageCliTest : public CliTest {
 protected:
  void SetUp() override {
    auto added = vigie({"topics", "add", "Coton", "coton OR cotton", "--priority", "high"});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    ASSERT_EQ(vigie({"topics", "add", "Cajou", "cajou OR anacarde OR cashew"}).exit_code, 0);
    std::vector<std::string> args{"ingest"};
    for (const auto& f : demo_feeds()) {
      args.push_back(f);
    }
    auto ingested = vigie(args);
    ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  }

  nlohmann::json list(const std::string& what, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{what, "--json", "--limit", "1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = vigie(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["stories"];
  }

  static std::set<std::int64_t> ids(const nlohmann::json& stories) {
    std::set<std::int64_t> out;
    for (const auto& s : stories) {
      out.insert(s["id"].get<std::int64_t>());
    }
    return out;
  }
};

TEST_F(TriageCliTest, InboxListsMatchedStoriesOnceMostImportantFirst) {
  const auto inbox = list("inbox");
  ASSERT_GE(inbox.size(), 4U);
  EXPECT_EQ(ids(inbox).size(), inbox.size()) << "a story appears once";
  bool multi_source = false;
  bool seen_normal = false;
  for (const auto& s : inbox) {
    EXPECT_FALSE(s["topics"].empty()) << s;
    multi_source = multi_source || s["sources"].get<int>() > 1;
    if (s["priority"] == "normal") {
      seen_normal = true;
    } else {
      EXPECT_FALSE(seen_normal) << "high before normal: " << s;
    }
  }
  EXPECT_TRUE(multi_source) << "a story seen on several sources is one line";
  EXPECT_EQ(inbox[0]["priority"], "high");

  const auto coton = list("inbox", {"--topic", "Coton"});
  ASSERT_FALSE(coton.empty());
  for (const auto& s : coton) {
    EXPECT_NE(std::find(s["topics"].begin(), s["topics"].end(), "Coton"), s["topics"].end());
  }
  EXPECT_LT(coton.size(), inbox.size());

  auto text = vigie({"inbox", "--limit", "3"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("3 new story(ies) to review"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("topics: "), std::string::npos) << text.out;
  auto fr = vigie({"inbox", "--limit", "2"}, "fr");
  ASSERT_EQ(fr.exit_code, 0) << fr.err;
  EXPECT_NE(fr.out.find("2 actualité(s) nouvelle(s) à trier"), std::string::npos) << fr.out;
  EXPECT_NE(fr.out.find("axes : "), std::string::npos) << fr.out;

  auto unknown = vigie({"inbox", "--topic", "Nope"});
  EXPECT_EQ(unknown.exit_code, 1);
}

TEST_F(TriageCliTest, ReviewingTakesStoriesOutOfTheInboxAndKeepsTheKnowledgeBase) {
  const auto inbox = list("inbox");
  ASSERT_GE(inbox.size(), 4U);
  const auto a = std::to_string(inbox[0]["id"].get<std::int64_t>());
  const auto b = std::to_string(inbox[1]["id"].get<std::int64_t>());
  const auto c = std::to_string(inbox[2]["id"].get<std::int64_t>());
  const auto d = std::to_string(inbox[3]["id"].get<std::int64_t>());

  auto keep = vigie({"review", a, "keep", "--note", "À suivre", "--tag", "export", "--tag", "prix",
                     "--by", "awa"});
  ASSERT_EQ(keep.exit_code, 0) << keep.err;
  EXPECT_NE(keep.out.find("Story " + a + " kept"), std::string::npos) << keep.out;
  auto hl = vigie({"review", b, "highlight", "--rating", "4"});
  ASSERT_EQ(hl.exit_code, 0) << hl.err;
  EXPECT_NE(hl.out.find("kept as a highlight"), std::string::npos) << hl.out;
  auto discard = vigie({"review", c, "discard"}, "fr");
  ASSERT_EQ(discard.exit_code, 0) << discard.err;
  EXPECT_NE(discard.out.find("Actualité " + c + " écartée"), std::string::npos) << discard.out;
  auto alert = vigie({"review", d, "alert"});
  ASSERT_EQ(alert.exit_code, 0) << alert.err;
  EXPECT_NE(alert.out.find("analyst alert"), std::string::npos) << alert.out;

  // Reviewed stories leave the inbox.
  const auto after = ids(list("inbox"));
  EXPECT_EQ(after.size(), inbox.size() - 4);
  for (const auto& id : {a, b, c, d}) {
    EXPECT_EQ(after.count(std::stoll(id)), 0U) << id;
  }

  // Kept ones (keep, highlight, alert) are the knowledge base; the discarded one is not.
  const auto kept = list("kept");
  EXPECT_EQ(ids(kept), (std::set<std::int64_t>{std::stoll(a), std::stoll(b), std::stoll(d)}));
  for (const auto& s : kept) {
    const auto id = std::to_string(s["id"].get<std::int64_t>());
    if (id == a) {
      EXPECT_EQ(s["review"]["tags"], nlohmann::json({"export", "prix"}));
      EXPECT_EQ(s["review"]["reviewer"], "awa");
    } else if (id == b) {
      EXPECT_EQ(s["review"]["highlight"], true);
      EXPECT_EQ(s["review"]["rating"], 4);
      EXPECT_EQ(s["review"]["reviewer"], "cli");
    }
  }

  // The alert is a signal, ready for distribution.
  auto signals = vigie({"signals", "list", "--kind", "analyst_alert", "--json"});
  ASSERT_EQ(signals.exit_code, 0) << signals.err;
  auto sj = nlohmann::json::parse(signals.out);
  ASSERT_EQ(sj.size(), 1U) << sj;
  EXPECT_EQ(sj[0]["story_id"], std::stoll(d));
  EXPECT_EQ(sj[0]["title"], inbox[3]["title"]);
  EXPECT_EQ(sj[0]["severity"], inbox[3]["priority"]);
  auto all = vigie({"signals", "list"});
  EXPECT_NE(all.out.find("analyst_alert"), std::string::npos) << all.out;

  // Who reviewed what and when.
  auto history = vigie({"review", a, "--history"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  EXPECT_NE(history.out.find("awa"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("keep"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("À suivre"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("4 event(s)"), std::string::npos) << history.out;
}

TEST_F(TriageCliTest, BadReviewsAreRefusedClearly) {
  const auto inbox = list("inbox");
  ASSERT_FALSE(inbox.empty());
  const auto a = std::to_string(inbox[0]["id"].get<std::int64_t>());
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"review", "999999", "keep"}, "no such story"},
      {{"review", "abc", "keep"}, "not a story number"},
      {{"review", a, "archive"}, "unknown review action"},
      {{"review", a}, "unknown review action"},
      {{"review", a, "keep", "--rating", "6"}, "from 1 to 5"},
      {{"review", a, "keep", "--rating", "x"}, "from 1 to 5"},
      {{"review", a, "discard", "--rating", "3"}, "from 1 to 5"},
      {{"review", a, "keep", "--tag", " "}, "a tag cannot be empty"},
  };
  for (const auto& c : cases) {
    auto r = vigie(c.args);
    EXPECT_EQ(r.exit_code, 1) << c.args[1] << ' ' << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  auto fr = vigie({"review", a, "archive"}, "fr");
  EXPECT_EQ(fr.exit_code, 1);
  EXPECT_NE(fr.err.find("action de tri inconnue"), std::string::npos) << fr.err;
  // Nothing was recorded.
  EXPECT_EQ(list("inbox").size(), inbox.size());
  EXPECT_TRUE(list("kept").empty());
}

}  // namespace
}  // namespace vigie
