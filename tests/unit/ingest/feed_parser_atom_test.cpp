// SPDX-License-Identifier: AGPL-3.0-or-later
#include <initializer_list>

#include <gtest/gtest.h>

#include "feed_test_util.h"
#include "ingest/feed_parser.h"

namespace vigie::ingest {
namespace {

using test::iso;
using test::parse_fixture;
using test::parse_ok;

bool contains(const std::optional<std::string>& s, std::string_view part) {
  return s && s->find(part) != std::string::npos;
}

// A scenario checked field by field: each EXPECT is a branch to the complexity metric.
// NOLINTNEXTLINE(readability-function-cognitive-complexity)
TEST(AtomParserTest, ReadsAnAtom10FeedAndItsEntries) {
  const core::ParsedFeed f = parse_fixture("atom10_basic.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Atom10);
  EXPECT_FALSE(f.bozo);
  EXPECT_EQ(f.feed.title, "Trade Watch");
  EXPECT_EQ(f.feed.subtitle, "Tenders and regulations");
  EXPECT_EQ(f.feed.link, "https://watch.example.com/");
  EXPECT_EQ(f.feed.hub, "https://hub.example.com/");
  EXPECT_EQ(f.feed.language, "en");
  EXPECT_EQ(f.feed.author, "Watch Desk (desk@watch.example.com)");
  EXPECT_EQ(iso(f.feed.updated), "2024-03-15T18:30:02Z");
  ASSERT_EQ(f.entries.size(), 2u);

  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.id, "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a");
  EXPECT_EQ(a.link, "https://watch.example.com/tenders/77");
  ASSERT_EQ(a.links.size(), 2u);
  EXPECT_EQ(a.links[1].type, "application/pdf");
  EXPECT_EQ(iso(a.published), "2024-03-14T08:00:00Z");
  EXPECT_EQ(iso(a.updated), "2024-03-15T18:30:02Z");
  EXPECT_EQ(a.summary, "Call for tenders for cranes.");
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].type, "text/html");
  EXPECT_TRUE(contains(a.content[0].value, "<strong>two cranes</strong>"));
  EXPECT_EQ(a.author, "Ana Souza");
  ASSERT_EQ(a.categories.size(), 1u);
  EXPECT_EQ(a.categories[0].term, "tenders");
  EXPECT_EQ(a.categories[0].scheme, "https://watch.example.com/cats");
  EXPECT_EQ(a.categories[0].label, "Tenders");

  const core::FeedEntry& b = f.entries[1];
  EXPECT_EQ(b.title, "Regulation 2024/12 & you");
  ASSERT_EQ(b.content.size(), 1u);
  EXPECT_EQ(b.content[0].type, "text/plain");
  EXPECT_EQ(b.content[0].value, "Plain text content <not markup>.");
  EXPECT_EQ(b.summary, "Plain text content <not markup>.");
}

TEST(AtomParserTest, KeepsXhtmlContentWithoutItsWrapperDiv) {
  const core::ParsedFeed f = parse_fixture("atom10_xhtml_content.xml");
  EXPECT_EQ(f.feed.title, "XHTML title");
  ASSERT_EQ(f.entries.size(), 2u);
  const core::FeedEntry& a = f.entries[0];
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].type, "application/xhtml+xml");
  const std::string& v = a.content[0].value;
  EXPECT_EQ(v.find("<div"), std::string::npos);
  EXPECT_NE(v.find("<p>Paragraph with <em>emphasis</em> &amp; an ampersand."), std::string::npos);
  EXPECT_NE(v.find("http://doc.example.com/chart.png"), std::string::npos);
  EXPECT_EQ(f.entries[1].summary, "A <b> is text here");
}

TEST(AtomParserTest, ResolvesNestedXmlBase) {
  const core::ParsedFeed f = parse_fixture("atom10_xml_base_nested.xml");
  EXPECT_EQ(f.feed.link, "http://base.example.org/root/index.html");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].link, "http://base.example.org/root/entries/one.html");
  ASSERT_EQ(f.entries[0].content.size(), 1u);
  EXPECT_TRUE(contains(f.entries[0].content[0].value, "http://base.example.org/content/doc.html"));
  EXPECT_TRUE(contains(f.entries[0].content[0].value, "http://base.example.org/content/pic.png"));
  EXPECT_EQ(f.entries[1].link, "http://elsewhere.example.net/two.html");
  ASSERT_EQ(f.entries[1].enclosures.size(), 1u);
  EXPECT_EQ(f.entries[1].enclosures[0].href, "http://elsewhere.example.net/x/audio/two.mp3");
  EXPECT_EQ(f.entries[1].enclosures[0].length, 2048);
  // A javascript: base is refused; the parent base stays in effect.
  EXPECT_EQ(f.entries[2].link, "http://base.example.org/root/three.html");
}

TEST(AtomParserTest, ReadsAtom03) {
  const core::ParsedFeed f = parse_fixture("atom03_basic.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Atom03);
  EXPECT_EQ(f.feed.subtitle, "Un vieux format");
  EXPECT_EQ(f.feed.language, "fr");
  EXPECT_EQ(f.feed.author, "Paul");
  EXPECT_EQ(iso(f.feed.updated), "2004-01-05T12:00:00Z");
  ASSERT_EQ(f.entries.size(), 2u);
  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.title, "Entrée 0.3");
  EXPECT_EQ(iso(a.published), "2004-01-04T09:00:00Z");
  EXPECT_EQ(iso(a.updated), "2004-01-05T11:00:00Z");
  EXPECT_EQ(a.summary, "Résumé court");
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].type, "text/html");
  EXPECT_TRUE(contains(a.content[0].value, "<i>échappé</i>"));
  EXPECT_TRUE(f.entries[1].content.empty());  // base64 content is not shown
}

TEST(AtomParserTest, PicksTheHtmlAlternateAsTheLink) {
  const core::ParsedFeed f = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
      "<link rel=\"self\" href=\"/self\"/>"
      "<link rel=\"alternate\" type=\"application/pdf\" href=\"/doc.pdf\"/>"
      "<link rel=\"alternate\" type=\"text/html\" href=\"/page\" hreflang=\"fr\" title=\"Page\"/>"
      "<link rel=\"replies\" href=\"/comments\"/></entry></feed>");
  ASSERT_EQ(f.entries.size(), 1u);
  const core::FeedEntry& e = f.entries[0];
  EXPECT_EQ(e.link, "http://doc.example.com/page");
  ASSERT_EQ(e.links.size(), 4u);
  EXPECT_EQ(e.links[0].rel, "self");
  EXPECT_EQ(e.links[2].hreflang, "fr");
  EXPECT_EQ(e.links[2].title, "Page");
  EXPECT_EQ(e.links[3].rel, "replies");
}

TEST(AtomParserTest, TellsTextFromHtmlByTheTypeAttribute) {
  struct Case {
    const char* content;
    const char* type;
    const char* value_part;
  };
  const std::initializer_list<Case> cases = {
      {"<content>a &lt;b&gt; c</content>", "text/plain", "a <b> c"},
      {"<content type=\"text\">a &lt;b&gt; c</content>", "text/plain", "a <b> c"},
      {"<content type=\"html\">a &lt;b&gt;c&lt;/b&gt;</content>", "text/html", "<b>c</b>"},
      {"<content type=\"text/html\"><![CDATA[a <b>c</b>]]></content>", "text/html", "<b>c</b>"},
      {"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">a <b>c</b></div>"
       "</content>",
       "application/xhtml+xml", "a <b>c</b>"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.content);
    const core::ParsedFeed f =
        parse_ok(std::string("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>")
                 + c.content + "</entry></feed>");
    ASSERT_EQ(f.entries.size(), 1u);
    ASSERT_EQ(f.entries[0].content.size(), 1u);
    EXPECT_EQ(f.entries[0].content[0].type, c.type);
    EXPECT_TRUE(contains(f.entries[0].content[0].value, c.value_part))
        << f.entries[0].content[0].value;
  }
}

TEST(AtomParserTest, IgnoresOutOfLineAndBinaryContent) {
  const core::ParsedFeed f = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>t</title>"
      "<content type=\"image/png\">iVBORw0KGgo=</content>"
      "<content src=\"http://example.com/x\" type=\"text/html\"/></entry></feed>");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_TRUE(f.entries[0].content.empty());
  EXPECT_FALSE(f.entries[0].summary);
}

TEST(AtomParserTest, DoesNotTakeTheSourceFeedTitleForTheEntry) {
  const core::ParsedFeed f = parse_ok(
      "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Aggregator</title><entry>"
      "<source><title>Original feed</title><link href=\"http://orig.example.com/\"/></source>"
      "<title>The entry</title><link href=\"http://agg.example.com/1\"/></entry></feed>");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "The entry");
  EXPECT_EQ(f.entries[0].link, "http://agg.example.com/1");
  EXPECT_EQ(f.feed.title, "Aggregator");
}

}  // namespace
}  // namespace vigie::ingest
