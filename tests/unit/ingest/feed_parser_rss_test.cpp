// SPDX-License-Identifier: AGPL-3.0-or-later
#include <array>
#include <initializer_list>
#include <string>
#include <vector>

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
TEST(RssParserTest, ReadsAnRss20ChannelAndItsItems) {
  const core::ParsedFeed f = parse_fixture("rss20_basic.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Rss20);
  EXPECT_FALSE(f.bozo);
  EXPECT_EQ(f.feed.title, "Chambre de Commerce \xE2\x80\x94 Veille export");
  EXPECT_EQ(f.feed.link, "https://cci.example.org/veille/");
  EXPECT_EQ(f.feed.subtitle, "Les actualités de l'export pour les PME");
  EXPECT_EQ(f.feed.language, "fr-FR");
  EXPECT_EQ(iso(f.feed.updated), "2025-01-06T08:30:00Z");
  EXPECT_EQ(f.feed.author, "Cellule de veille (veille@cci.example.org)");
  EXPECT_EQ(f.feed.ttl_minutes, 60);
  EXPECT_EQ(f.feed.hub, "https://hub.example.net/");
  ASSERT_EQ(f.entries.size(), 2u);

  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.id, "cci-2025-001");
  EXPECT_EQ(a.title, "Nouveau salon du coton à Bamako");
  EXPECT_EQ(a.link, "https://cci.example.org/veille/salon-coton");
  EXPECT_EQ(a.summary, "<p>Le salon ouvre ses portes le <b>3 mars</b>.</p>");
  EXPECT_TRUE(a.content.empty());
  EXPECT_EQ(iso(a.published), "2025-01-05T14:00:00Z");
  EXPECT_FALSE(a.updated);
  EXPECT_EQ(a.author, "Awa Traoré (redaction@cci.example.org)");
  ASSERT_EQ(a.categories.size(), 2u);
  EXPECT_EQ(a.categories[0].term, "Agriculture");
  EXPECT_EQ(a.categories[0].scheme, "https://cci.example.org/themes");
  EXPECT_EQ(a.categories[1].term, "Salons");
  EXPECT_FALSE(a.categories[1].scheme);

  const core::FeedEntry& b = f.entries[1];
  ASSERT_EQ(b.enclosures.size(), 1u);
  EXPECT_EQ(b.enclosures[0].href, "https://cci.example.org/docs/tarifs-2025.pdf");
  EXPECT_EQ(b.enclosures[0].type, "application/pdf");
  EXPECT_EQ(b.enclosures[0].length, 482133);
  ASSERT_EQ(b.links.size(), 2u);
  EXPECT_EQ(b.links[1].rel, "enclosure");
  EXPECT_EQ(b.links[1].href, b.enclosures[0].href);
}

TEST(RssParserTest, IgnoresTheTitleAndLinkOfTheChannelImage) {
  const core::ParsedFeed f = parse_fixture("rss091_netscape_doctype.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Rss091);
  EXPECT_EQ(f.feed.title, "RSS 0.91 channel");
  EXPECT_EQ(f.feed.link, "http://rss091.example.com/");
  EXPECT_EQ(f.feed.subtitle, "An old édition");  // HTML entity, DTD never loaded
  EXPECT_FALSE(f.bozo);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Item one");
}

TEST(RssParserTest, ReadsContentEncodedAndDublinCore) {
  const core::ParsedFeed f = parse_fixture("rss20_content_encoded.xml");
  ASSERT_EQ(f.entries.size(), 2u);
  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.summary, "Short summary of the cashew market.");
  ASSERT_EQ(a.content.size(), 1u);
  EXPECT_EQ(a.content[0].type, "text/html");
  EXPECT_NE(a.content[0].value.find("<em>cashew</em>"), std::string::npos);
  EXPECT_EQ(a.author, "Jean Dupont");
  EXPECT_EQ(iso(a.updated), "2024-11-20T09:00:00Z");
  ASSERT_EQ(a.categories.size(), 1u);
  EXPECT_EQ(a.categories[0].term, "Agriculture");
  // Without a description, the summary falls back to the content.
  const core::FeedEntry& b = f.entries[1];
  ASSERT_EQ(b.content.size(), 1u);
  EXPECT_EQ(b.summary, b.content[0].value);
  EXPECT_EQ(iso(b.published), "2024-11-20T12:00:00Z");
}

TEST(RssParserTest, UsesAPermalinkGuidAsTheLink) {
  const core::ParsedFeed f = parse_fixture("rss20_guid_permalink_no_link.xml");
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[0].link, "http://guids.example.com/posts/1");
  EXPECT_EQ(f.entries[0].id, "http://guids.example.com/posts/1");
  EXPECT_FALSE(f.entries[1].link);  // isPermaLink="false"
  EXPECT_EQ(f.entries[1].id, "tag:guids.example.com,2024:2");
  EXPECT_EQ(f.entries[2].link, "http://doc.example.com/posts/3");
  EXPECT_EQ(f.entries[2].id, "/posts/3");
  EXPECT_TRUE(f.entries[0].links.empty());
}

TEST(RssParserTest, DecodesHtmlEntitiesInTitles) {
  const core::ParsedFeed f = parse_fixture("rss20_html_entities.xml");
  EXPECT_FALSE(f.bozo) << f.bozo_reason.value_or("");
  EXPECT_EQ(f.feed.title, "Café & Cacao");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].title, "L’été du cacao – bilan");
  EXPECT_EQ(f.entries[0].link, "http://cafe.example.com/ete?a=1&b=2");
  EXPECT_EQ(f.entries[1].title, "Double-escaped & entity © 2024 …");
}

TEST(RssParserTest, ReducesHtmlTitlesToPlainText) {
  const core::ParsedFeed f = parse_fixture("rss20_html_in_title.xml");
  ASSERT_EQ(f.entries.size(), 4u);
  EXPECT_EQ(f.entries[0].title, "Bold news & more");
  EXPECT_EQ(f.entries[1].title, "CDATA title");
  EXPECT_EQ(f.entries[2].title, "Plain 3 < 5 comparison");
  EXPECT_EQ(f.entries[3].title, "Spread over lines");

  const core::ParsedFeed mixed = parse_ok(
      "<rss version=\"2.0\"><channel><item><title>A <![CDATA[<b>B</b> &amp;]]> C &amp; D"
      "</title></item></channel></rss>");
  ASSERT_EQ(mixed.entries.size(), 1u);
  EXPECT_EQ(mixed.entries[0].title, "A B & C & D");
}

// NOLINTNEXTLINE(readability-function-cognitive-complexity)
TEST(RssParserTest, ReadsPodcastAndMediaRssExtensions) {
  const core::ParsedFeed f = parse_fixture("rss20_media_itunes.xml");
  EXPECT_EQ(f.feed.author, "Radio Export");
  EXPECT_EQ(f.feed.subtitle, "Un podcast sur le commerce international.");
  ASSERT_EQ(f.entries.size(), 2u);
  const core::FeedEntry& ep = f.entries[0];
  EXPECT_EQ(ep.author, "Fatou Diallo");
  EXPECT_EQ(ep.summary, "Comment répondre aux appels d'offres.");
  ASSERT_EQ(ep.enclosures.size(), 1u);  // enclosure and media:content name the same file
  EXPECT_EQ(ep.enclosures[0].href, "https://podcast.example.org/ep12.mp3");
  EXPECT_EQ(ep.enclosures[0].length, 12345678);
  ASSERT_EQ(ep.categories.size(), 3u);
  EXPECT_EQ(ep.categories[0].term, "marchés publics");
  EXPECT_EQ(ep.categories[1].term, "appels d'offres");
  EXPECT_EQ(ep.categories[2].term, "PME");
  EXPECT_EQ(ep.categories[2].scheme, "http://www.itunes.com/");
  bool thumbnail = false;
  for (const auto& l : ep.links) {
    thumbnail =
        thumbnail || (l.rel == "thumbnail" && l.href == "https://podcast.example.org/ep12.jpg");
  }
  EXPECT_TRUE(thumbnail);

  const core::FeedEntry& photo = f.entries[1];
  EXPECT_EQ(photo.summary, "Le port de Dakar au lever du soleil.");
  ASSERT_EQ(photo.enclosures.size(), 1u);
  EXPECT_EQ(photo.enclosures[0].type, "image/jpeg");
  ASSERT_EQ(photo.categories.size(), 1u);
  EXPECT_EQ(photo.categories[0].scheme, "urn:example:topics");
}

TEST(RssParserTest, ResolvesRelativeLinksAgainstXmlBaseAndTheDocument) {
  const core::ParsedFeed f = parse_fixture("rss20_relative_links.xml");
  EXPECT_EQ(f.feed.link, "http://relative.example.com/blog/");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].link, "http://relative.example.com/blog/posts/1.html");
  ASSERT_EQ(f.entries[0].enclosures.size(), 1u);
  EXPECT_EQ(f.entries[0].enclosures[0].href, "http://relative.example.com/files/report.pdf");
  ASSERT_TRUE(f.entries[0].summary);
  EXPECT_NE(f.entries[0].summary->find("http://relative.example.com/blog/images/chart.png"),
            std::string::npos);
  EXPECT_EQ(f.entries[1].link, "http://other.example.net/news/2.html");

  const core::ParsedFeed no_base = parse_ok(
      "<rss version=\"2.0\"><channel><title>t</title><link>/</link>"
      "<item><link>a/b.html</link></item></channel></rss>",
      "https://site.example.org/feeds/rss");
  EXPECT_EQ(no_base.feed.link, "https://site.example.org/");
  EXPECT_EQ(no_base.entries.at(0).link, "https://site.example.org/feeds/a/b.html");
}

TEST(RssParserTest, ReadsTheDatesFeedsWrite) {
  const core::ParsedFeed f = parse_fixture("rss20_dates_broken.xml");
  const std::array<const char*, 8> expected = {"2003-06-10T04:00:00Z",
                                               "2003-06-10T04:00:00Z",
                                               "2003-06-10T02:00:00Z",
                                               "2003-06-10T09:00:00Z",
                                               "2003-06-10T04:00:00Z",
                                               "2003-06-10T04:00:00Z",
                                               "(none)",
                                               "(none)"};
  ASSERT_EQ(f.entries.size(), expected.size());
  for (std::size_t i = 0; i < f.entries.size(); ++i) {
    SCOPED_TRACE(f.entries[i].title.value_or(""));
    EXPECT_EQ(iso(f.entries[i].published), expected[i]);
  }
}

TEST(RssParserTest, ReadsRss092ItemsWithoutTitles) {
  const core::ParsedFeed f = parse_fixture("rss092.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Rss092);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_FALSE(f.entries[0].title);
  EXPECT_EQ(f.entries[0].summary, "An item with only a description <i>and markup</i>");
  EXPECT_EQ(f.entries[0].categories.at(0).scheme, "http://www.example.com/cats");
}

TEST(RssParserTest, ReadsRss090) {
  const core::ParsedFeed f = parse_fixture("rss090_rdf.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Rss090);
  EXPECT_EQ(f.feed.title, "RSS 0.90");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[1].link, "http://rss090.example.com/2");
}

TEST(RssParserTest, ReadsRss10WithDublinCore) {
  const core::ParsedFeed f = parse_fixture("rss10_rdf_dc.xml");
  EXPECT_EQ(f.format, core::FeedFormat::Rss10);
  EXPECT_EQ(f.feed.title, "Observatoire régional");
  EXPECT_EQ(f.feed.language, "fr");
  EXPECT_EQ(f.feed.author, "Observatoire");
  EXPECT_EQ(iso(f.feed.updated), "2024-05-02T08:00:00Z");
  ASSERT_EQ(f.entries.size(), 2u);
  const core::FeedEntry& a = f.entries[0];
  EXPECT_EQ(a.id, "http://rdf.example.org/note/42");
  EXPECT_EQ(a.author, "Marie Martin");
  EXPECT_EQ(iso(a.updated), "2024-05-01T07:30:00Z");
  ASSERT_EQ(a.categories.size(), 2u);
  EXPECT_EQ(a.categories[1].term, "Industrie");
  const core::FeedEntry& b = f.entries[1];
  EXPECT_EQ(iso(b.published), "2024-04-30T00:00:00Z");
  EXPECT_EQ(iso(b.updated), "2024-05-01T12:00:00Z");
}

TEST(RssParserTest, ReadsAuthorsInEveryShape) {
  struct Case {
    const char* xml;
    const char* expected;
  };
  const std::initializer_list<Case> cases = {
      {"<author>joe@example.com (Joe Bloggs)</author>", "Joe Bloggs (joe@example.com)"},
      {"<author>Joe Bloggs &lt;joe@example.com&gt;</author>", "Joe Bloggs (joe@example.com)"},
      {"<author>joe@example.com</author>", "joe@example.com"},
      {"<author>Joe Bloggs</author>", "Joe Bloggs"},
      {"<dc:creator>  Joe\n  Bloggs </dc:creator>", "Joe Bloggs"},
      {"<itunes:author>Joe</itunes:author>", "Joe"},
      {"<author><![CDATA[joe@example.com (Joe Bloggs)]]></author>", "Joe Bloggs (joe@example.com)"},
      {"<atom:author><atom:name>Joe</atom:name><atom:email>j@example.com</atom:email>"
       "</atom:author>",
       "Joe (j@example.com)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.xml);
    const core::ParsedFeed f =
        parse_ok(std::string("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                             "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
                             "xmlns:atom=\"http://www.w3.org/2005/Atom\"><channel><item>")
                 + c.xml + "</item></channel></rss>");
    ASSERT_EQ(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].author, c.expected);
  }
}

TEST(RssParserTest, ReadsPlainTextThatLooksLikeHtmlAsHtml) {
  const core::ParsedFeed f = parse_ok(
      "<rss version=\"2.0\"><channel><item><title>t</title>"
      "<description>No markup at all, 3 &lt; 4.</description></item></channel></rss>");
  ASSERT_EQ(f.entries.size(), 1u);
  ASSERT_TRUE(f.entries[0].summary);
  // RSS descriptions are HTML: "<" arrives escaped for HTML.
  EXPECT_NE(f.entries[0].summary->find("3 &lt; 4"), std::string::npos);
}

TEST(RssParserTest, ToleratesNamespacesAndCaseThatFeedsGetWrong) {
  const core::ParsedFeed f = parse_ok(
      "<rss version=\"2.0\" xmlns=\"http://backend.userland.com/rss2\"><channel>"
      "<title>Namespaced RSS</title><item><title>One</title><PubDate>Tue, 10 Jun 2003 "
      "04:00:00 GMT</PubDate><pubdate>Wed, 11 Jun 2003 04:00:00 GMT</pubdate></item>"
      "</channel></rss>");
  EXPECT_EQ(f.feed.title, "Namespaced RSS");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(iso(f.entries[0].published), "2003-06-10T04:00:00Z");  // the first one wins
}

TEST(RssParserTest, KeepsItemsThatComeAfterTheChannel) {
  const core::ParsedFeed f = parse_ok(
      "<rss version=\"2.0\"><channel><title>c</title></channel>"
      "<item><title>stray</title></item></rss>");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "stray");
}

}  // namespace
}  // namespace vigie::ingest

namespace vigie::ingest {
namespace {

// NOLINTNEXTLINE(readability-function-cognitive-complexity)
TEST(RssParserTest, LeavesOutTheEntriesTheCallerAlreadyHas) {
  ParseOptions o;
  o.base_url = test::kDocUrl;
  std::vector<std::string> seen;
  o.keep_entry = [&seen](const core::FeedEntry& e) {
    seen.push_back(e.id.value_or("?") + "|" + e.title.value_or("?") + "|" + e.link.value_or("?"));
    EXPECT_FALSE(e.summary);  // not computed yet: that is the point
    EXPECT_TRUE(e.content.empty());
    return e.id != "cci-2025-001";
  };
  const auto f = parse_feed(vigie::testing::read_fixture("feeds/rss20_basic.xml"), o);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->entries.size(), 1u);
  EXPECT_EQ(f->entries[0].id, "https://cci.example.org/veille/tarifs-2025");
  EXPECT_EQ(f->entries[0].summary, "Les nouveaux tarifs de la CEDEAO entrent en vigueur.");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(
      seen[0],
      "cci-2025-001|Nouveau salon du coton à Bamako|https://cci.example.org/veille/salon-coton");

  o.keep_entry = [](const core::FeedEntry&) { return false; };
  const auto none =
      parse_feed(vigie::testing::read_fixture("feeds/jsonfeed11_attachments.json"), o);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->entries.empty());
  EXPECT_EQ(none->feed.title, "Podcast de la filière");
}

}  // namespace
}  // namespace vigie::ingest

namespace vigie::ingest {
namespace {

TEST(RssParserTest, TellsTheFormatVersions) {
  struct Case {
    const char* doc;
    core::FeedFormat format;
  };
  const std::initializer_list<Case> cases = {
      {R"(<rss version="0.91"><channel/></rss>)", core::FeedFormat::Rss091},
      {R"(<rss version="0.92"><channel/></rss>)", core::FeedFormat::Rss092},
      {R"(<rss version="0.93"><channel/></rss>)", core::FeedFormat::Rss093},
      {R"(<rss version="0.94"><channel/></rss>)", core::FeedFormat::Rss094},
      {R"(<rss version="2.0"><channel/></rss>)", core::FeedFormat::Rss20},
      {R"(<rss><channel/></rss>)", core::FeedFormat::Rss20},
      {R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" )"
       R"(xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>)",
       core::FeedFormat::Rss10},
      {R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" )"
       R"(xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel/></rdf:RDF>)",
       core::FeedFormat::Rss090},
      {R"(<feed xmlns="http://www.w3.org/2005/Atom"/>)", core::FeedFormat::Atom10},
      {R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>)", core::FeedFormat::Atom03},
      {R"(<feed version="0.3"/>)", core::FeedFormat::Atom03},
      {R"({"version": "https://jsonfeed.org/version/1", "items": []})",
       core::FeedFormat::JsonFeed10},
      {R"({"version": "https://jsonfeed.org/version/1.1", "items": []})",
       core::FeedFormat::JsonFeed11},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.doc);
    EXPECT_EQ(test::parse_ok(c.doc).format, c.format);
  }
}

}  // namespace
}  // namespace vigie::ingest
