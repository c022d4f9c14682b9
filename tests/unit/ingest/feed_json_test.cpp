// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/feed_json.h"

#include <string>

#include <gtest/gtest.h>

#include "feed_test_util.h"

namespace vigie::ingest {
namespace {

TEST(FeedJsonTest, PrintsTheContractShapeWithNullsAndOptionalKeys) {
  core::ParsedFeed f;
  f.bozo = true;
  f.bozo_reason = "line 3: broken";
  f.feed.title = "T";
  core::FeedEntry e;
  e.id = "1";
  e.links.push_back(core::FeedLink{"alternate", std::nullopt, "http://x.example/1", {}, {}, {}});
  e.links.push_back(
      core::FeedLink{"enclosure", "audio/mpeg", "http://x.example/a.mp3", "A", 42, "fr"});
  e.content.push_back(core::FeedContent{"text/plain", "quote \" and \\ and \n é"});
  e.published = core::from_unix(1'767'225'600);
  e.categories.push_back(core::FeedCategory{"c", std::nullopt, std::nullopt});
  e.enclosures.push_back(core::FeedEnclosure{"http://x.example/a.mp3", std::nullopt, 42});
  f.entries.push_back(e);
  EXPECT_EQ(
      to_json(f),
      R"({"bozo":true,"bozo_reason":"line 3: broken","feed":{"title":"T","link":null,)"
      R"("subtitle":null,"updated":null,"language":null,"author":null},"entries":[{"id":"1",)"
      R"("title":null,"link":null,"links":[{"rel":"alternate","type":null,)"
      R"("href":"http://x.example/1"},{"rel":"enclosure","type":"audio/mpeg",)"
      R"("href":"http://x.example/a.mp3","title":"A","length":42,"hreflang":"fr"}],)"
      R"("summary":null,"content":[{"type":"text/plain","value":"quote \" and \\ and \n é"}],)"
      R"("published":"2026-01-01T00:00:00Z","updated":null,"author":null,)"
      R"("categories":[{"term":"c","scheme":null,"label":null}],)"
      R"("enclosures":[{"href":"http://x.example/a.mp3","length":42}]}]})");
}

TEST(FeedJsonTest, ReplacesInvalidUtf8InsteadOfThrowing) {
  core::ParsedFeed f;
  f.feed.title = std::string("bad \xFF byte");
  EXPECT_NE(to_json(f).find("bad \xEF\xBF\xBD byte"), std::string::npos);
}

// Whole-pipeline goldens: tests/fixtures/feeds/golden/<fixture>.json holds the expected output
// of to_json(parse_feed(<fixture>)) with base URL test::kDocUrl. When behaviour changes on
// purpose, regenerate with `vigie parse` (or the bench driver's --json mode) and review the diff.
TEST(FeedJsonTest, MatchesTheGoldenOutputs) {
  for (const char* name :
       {"rss20_basic.xml", "rss10_rdf_dc.xml", "atom10_basic.xml", "atom03_basic.xml",
        "jsonfeed11_attachments.json", "rss20_media_itunes.xml", "rss20_broken_unclosed.xml"}) {
    SCOPED_TRACE(name);
    std::string golden =
        vigie::testing::read_fixture(std::string("feeds/golden/") + name + ".json");
    while (!golden.empty() && (golden.back() == '\n' || golden.back() == '\r')) {
      golden.pop_back();
    }
    EXPECT_EQ(to_json(test::parse_fixture(name)), golden);
  }
}

}  // namespace
}  // namespace vigie::ingest
