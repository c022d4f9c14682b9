// SPDX-License-Identifier: AGPL-3.0-or-later
#include <gtest/gtest.h>

#include "feed_test_util.h"
#include "ingest/feed_parser.h"

namespace vigie::ingest {
namespace {

using test::iso;
using test::parse_fixture;
using test::parse_ok;

// A scenario checked field by field: each EXPECT is a branch to the complexity metric.
// NOLINTNEXTLINE(readability-function-cognitive-complexity)
TEST(JsonFeedParserTest, ReadsJsonFeed11WithAttachments) {
  const core::ParsedFeed f = parse_fixture("jsonfeed11_attachments.json");
  EXPECT_EQ(f.format, core::FeedFormat::JsonFeed11);
  EXPECT_FALSE(f.bozo);
  EXPECT_EQ(f.feed.title, "Podcast de la filière");
  EXPECT_EQ(f.feed.link, "https://filiere.example.org/");
  EXPECT_EQ(f.feed.subtitle, "Nouvelles de la filière coton");
  EXPECT_EQ(f.feed.language, "fr");
  EXPECT_EQ(f.feed.author, "Équipe filière");
  EXPECT_EQ(f.feed.hub, "https://hub.example.org/");
  ASSERT_EQ(f.entries.size(), 2u);

  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.id, "ep-3");
  EXPECT_EQ(a.title, "Épisode 3");
  EXPECT_EQ(a.link, "https://filiere.example.org/ep3");
  EXPECT_EQ(a.summary, "Prix du coton");
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].type, "text/html");
  EXPECT_NE(a.content[0].value.find("<b>coton</b>"), std::string::npos);
  EXPECT_EQ(iso(a.published), "2024-02-01T07:00:00Z");
  EXPECT_EQ(iso(a.updated), "2024-02-02T08:30:00Z");
  EXPECT_EQ(a.author, "Équipe filière");  // item authors default to the feed's
  ASSERT_EQ(a.categories.size(), 2u);
  EXPECT_EQ(a.categories[1].term, "prix");
  ASSERT_EQ(a.enclosures.size(), 2u);
  EXPECT_EQ(a.enclosures[0].length, 5000000);
  EXPECT_EQ(a.enclosures[1].href, "http://doc.example.com/ep3.ogg");
  EXPECT_EQ(a.enclosures[1].type, "audio/ogg");
  bool related = false;
  for (const auto& l : a.links) {
    related = related || (l.rel == "related" && l.href == "https://news.example.com/story");
  }
  EXPECT_TRUE(related);

  const core::FeedEntry& b = f.entries[1];
  EXPECT_EQ(b.id, "4");
  EXPECT_FALSE(b.title);
  ASSERT_EQ(b.content.size(), 1u);
  EXPECT_EQ(b.content[0].type, "text/plain");
  EXPECT_EQ(b.summary, "Texte brut seulement.");
  EXPECT_EQ(b.author, "Moussa");
}

TEST(JsonFeedParserTest, ReadsJsonFeed10) {
  const core::ParsedFeed f = parse_fixture("jsonfeed10_basic.json");
  EXPECT_EQ(f.format, core::FeedFormat::JsonFeed10);
  EXPECT_EQ(f.feed.author, "Old Author");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].summary, "<p>One</p>");
  EXPECT_EQ(f.entries[1].summary, "Two");
}

TEST(JsonFeedParserTest, KeepsTheCompleteItemsOfATruncatedFeed) {
  const core::ParsedFeed f = parse_fixture("jsonfeed11_truncated.json");
  EXPECT_TRUE(f.bozo);
  ASSERT_TRUE(f.bozo_reason);
  EXPECT_NE(f.bozo_reason->find("JSON syntax error"), std::string::npos);
  ASSERT_GE(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Complete item");
}

TEST(JsonFeedParserTest, ToleratesWrongTypes) {
  const core::ParsedFeed f = parse_ok(
      R"({"version": "https://jsonfeed.org/version/1.1", "title": 42,
          "items": [1, {"id": 1.5, "title": ["x"], "tags": [1, "ok"],
                        "attachments": [{"url": 3}, "x", {"url": "/a", "size_in_bytes": "big"}]}]})");
  EXPECT_TRUE(f.bozo);  // the item that is not an object
  EXPECT_FALSE(f.feed.title);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].id, "1.5");
  EXPECT_FALSE(f.entries[0].title);
  ASSERT_EQ(f.entries[0].categories.size(), 1u);
  ASSERT_EQ(f.entries[0].enclosures.size(), 1u);
  EXPECT_FALSE(f.entries[0].enclosures[0].length);
}

TEST(JsonFeedParserTest, AcceptsAFeedWithItemsButNoVersionAsBozo) {
  const core::ParsedFeed f = parse_ok(R"({"title": "No version", "items": [{"id": "1"}]})");
  EXPECT_TRUE(f.bozo);
  EXPECT_EQ(f.bozo_reason, "no JSON Feed version");
  EXPECT_EQ(f.entries.size(), 1u);
}

TEST(JsonFeedParserTest, RefusesNestingBeyondSixtyFourLevels) {
  std::string deep = R"({"version": "https://jsonfeed.org/version/1.1", "items": [], "x": )";
  for (int i = 0; i < 100000; ++i) {
    deep += "[";
  }
  const core::ParsedFeed f = parse_ok(deep);
  EXPECT_TRUE(f.bozo);
  EXPECT_NE(f.bozo_reason->find("deeper than 64"), std::string::npos);
}

}  // namespace
}  // namespace vigie::ingest
