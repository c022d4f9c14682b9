// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/opml/opml.h"

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace vigie::ingest {

// Readable failures. GoogleTest looks this name up.
void PrintTo(  // NOLINT(readability-identifier-naming)
    const OpmlFeed& f, std::ostream* os) {
  *os << "{title=\"" << f.title << "\" xml_url=\"" << f.xml_url
      << "\" html_url=" << (f.html_url ? "\"" + *f.html_url + "\"" : "none") << " tags=[";
  for (const auto& t : f.tags) {
    *os << "\"" << t << "\",";
  }
  *os << "] language=" << f.language.value_or("none")
      << " description=" << f.description.value_or("none") << "}";
}

namespace {

OpmlFeed feed(std::string title, std::string xml_url, std::optional<std::string> html_url,
              std::vector<std::string> tags, std::optional<std::string> language = std::nullopt,
              std::optional<std::string> description = std::nullopt) {
  return OpmlFeed{std::move(title), std::move(xml_url),  std::move(html_url),
                  std::move(tags),  std::move(language), std::move(description)};
}

OpmlDocument parse_fixture(const std::string& name) {
  auto doc = parse_opml(testing::read_fixture("opml/" + name));
  EXPECT_TRUE(doc.has_value()) << name << ": " << (doc ? "" : doc.error().message);
  return doc ? *doc : OpmlDocument{};
}

struct FixtureCase {
  const char* file;
  OpmlDocument expected;
};

TEST(OpmlParseTest, ReadsTheExportsOfCommonReaders) {
  const std::vector<FixtureCase> cases = {
      {"miniflux_export.opml",
       {"Miniflux",
        {
            feed("AgriInfo – Filière coton", "https://agriinfo.example/category/coton/feed/",
                 "https://agriinfo.example/category/coton/", {"Agriculture"}, std::nullopt,
                 "L'actualité du coton en Afrique de l'Ouest"),
            feed("Karité Magazine", "https://karite-mag.example/rss.xml",
                 "https://karite-mag.example/", {"Agriculture"}),
            feed("Trade Watch West Africa", "https://tradewatch.example/atom.xml",
                 "https://tradewatch.example/", {"Commerce international"}),
            feed("Douanes & Fiscalité", "https://douanes.example/flux?format=rss&lang=fr",
                 "https://douanes.example/", {"Commerce international"}),
            feed("Journal officiel", "https://jo.example/rss", "https://jo.example/", {"All"}),
        }}},
      {"freshrss_export.opml",
       {"FreshRSS",
        {
            feed("Journal officiel", "https://jo.example/rss", "https://jo.example/",
                 {"Sans catégorie"}, std::nullopt, "Textes publiés au JO"),
            feed("UEMOA – Actes", "https://uemoa.example/fr/actes/rss",
                 "https://uemoa.example/fr/actes", {"Veille réglementaire"}),
            // The XPath scraper entry (xmlUrl="#") is not a feed.
            feed("WTO news", "https://wto.example/news.rss", "https://wto.example/",
                 {"Veille réglementaire"}, "en", "Trade news"),
        }}},
      {"newsboat_export.opml",
       {"newsboat - Exported Feeds",
        {
            feed("AgriInfo – Filière coton", "https://agriinfo.example/category/coton/feed/",
                 "https://agriinfo.example/category/coton/", {}),
            // newsboat writes empty titles and htmlUrls for feeds it has not fetched.
            feed("https://douanes.example/flux?format=rss&lang=fr",
                 "https://douanes.example/flux?format=rss&lang=fr", std::nullopt, {}),
            feed("Trade Watch West Africa", "https://tradewatch.example/atom.xml",
                 "https://tradewatch.example/", {}),
        }}},
      {"feedly_export.opml",
       {"Aïcha subscriptions in feedly Cloud",
        {
            // Listed in two categories: kept once, with both tags.
            feed("EcoAfrique", "http://feeds.feedburner.example/EcoAfrique",
                 "https://ecoafrique.example", {"Économie", "Coton"}),
            feed("Bourse régionale", "https://brvm.example/fr/rss.xml", "https://brvm.example/fr",
                 {"Économie"}),
            feed("Cotton Outlook", "https://cotton-outlook.example/feed",
                 "https://cotton-outlook.example/", {"Coton", "Must Read"}),
        }}},
      {"inoreader_export.opml",
       {"Subscriptions of Moussa from Inoreader [https://www.inoreader.example]",
        {
            feed("Conseil coton-anacarde", "https://conseil-cca.example/feed/",
                 "https://conseil-cca.example", {"Anacarde"}),
            feed("Cashew News", "https://cashew-news.example/rss", "https://cashew-news.example/",
                 {"Anacarde"}),
            feed("Appels d'offres", "https://marches.example/ao.xml", "https://marches.example/",
                 {}),
        }}},
      {"opml10_url_attribute.opml",
       {"mySubscriptions",
        {
            feed("CNET News.com", "http://news.example/2547-1_3-0-5.xml", "http://news.example/",
                 {}, "unknown", "Tech news"),
            feed("Old style", "http://oldstyle.example/index.xml", std::nullopt, {}),
        }}},
  };
  for (const FixtureCase& c : cases) {
    SCOPED_TRACE(c.file);
    const OpmlDocument doc = parse_fixture(c.file);
    EXPECT_EQ(doc.title, c.expected.title);
    EXPECT_EQ(doc.feeds, c.expected.feeds);
  }
}

TEST(OpmlParseTest, TurnsNestedFoldersIntoTagsAndRepairsSloppyFiles) {
  const OpmlDocument doc = parse_fixture("nested_folders_sloppy.opml");
  EXPECT_EQ(doc.title, "Veille économique — sources");
  const std::vector<OpmlFeed> expected = {
      // Relative htmlUrl dropped; the second listing under "Agriculture" adds nothing.
      feed("Cours du coton", "https://cours.example/coton.rss", std::nullopt,
           {"Agriculture", "Coton", "Prix"}),
      // title wins over text; a stray "&" in the URL is read as text.
      feed("Filière coton & textile", "https://filiere.example/rss?a=1&b=2", std::nullopt,
           {"Agriculture", "Coton"}, "fr", "Actualités de la filière"),
      // feed:// is http://; the folder name came from title=; attribute names in any case.
      feed("Karité & co", "http://karite.example/feed.xml", std::nullopt,
           {"Agriculture", "Karité"}),
      feed("Sans schéma", "http://www.nokey.example/rss", std::nullopt, {"Agriculture", "Karité"}),
      // A folder without a name adds no tag; a feed without a title is named by its URL.
      feed("https://anonymous-folder.example/rss", "https://anonymous-folder.example/rss",
           std::nullopt, {"Agriculture"}),
      // javascript:, relative, empty, free text and ftp URLs are skipped.
      feed("Feed scheme", "https://feedscheme.example/rss", std::nullopt, {"Mauvaises adresses"}),
      feed("Catégories OPML 2", "https://categories.example/rss", std::nullopt,
           {"Harvard/Berkman", "Politics", "Économie"}),
      feed("Top level", "https://top.example/rss", std::nullopt, {}),
  };
  EXPECT_EQ(doc.feeds, expected);
}

TEST(OpmlParseTest, NeverExpandsDeclaredEntities) {
  const OpmlDocument doc = parse_fixture("billion_laughs.opml");
  EXPECT_EQ(doc.title, "&lol9;");
  ASSERT_EQ(doc.feeds.size(), 1U);
  EXPECT_EQ(doc.feeds[0].title, "&lol9;");
  EXPECT_EQ(doc.feeds[0].xml_url, "https://laughs.example/rss");
}

TEST(OpmlParseTest, ReadsLegacyEncodings) {
  for (const char* file : {"encoding_windows1252_declared.opml",
                           "encoding_latin1_no_declaration.opml", "encoding_utf16le_bom.opml"}) {
    SCOPED_TRACE(file);
    const OpmlDocument doc = parse_fixture(file);
    EXPECT_EQ(doc.title, "Économie régionale");
    const std::vector<OpmlFeed> expected = {feed("Le Quotidien économique",
                                                 "https://quotidien.example/économie.rss",
                                                 std::nullopt, {"Sénégal"})};
    EXPECT_EQ(doc.feeds, expected);
  }
}

TEST(OpmlParseTest, ReturnsValidUtf8WhenTheDeclarationIsBroken) {
  // libxml2 cannot read these declarations. windows-1252 we decode ourselves; for other
  // encodings libxml2 falls back to UTF-8 and the stray bytes become U+FFFD.
  const auto cp1252 = parse_opml(
      "<?xml version=\"1`0\" encoding=\"windows-1252\"?>\n<opml><head><title>\xC9"
      "conomie</title></head></opml>");
  ASSERT_TRUE(cp1252.has_value());
  EXPECT_EQ(cp1252->title, "Économie");
  const auto latin9 = parse_opml(
      "<?xml version=\"1`0\" encoding=\"ISO-8859-15\"?>\n<opml><head><title>\xC9"
      "conomie</title></head></opml>");
  ASSERT_TRUE(latin9.has_value());
  EXPECT_EQ(latin9->title,
            "\xEF\xBF\xBD"
            "conomie");
}

TEST(OpmlParseTest, ReadsBytesWindows1252LeavesUndefined) {
  // 0x81 and 0x9D are undefined in windows-1252; iconv would stop there and lose the rest.
  const auto doc = parse_opml(
      "<?xml version=\"1.0\" encoding=\"windows-1252\"?><opml><head><title>a\x81"
      "b\x80</title>"
      "</head><body><outline xmlUrl=\"https://u.example/\x9D\"/></body></opml>");
  ASSERT_TRUE(doc.has_value());
  EXPECT_EQ(doc->title,
            "a\xC2\x81"
            "b€");
  EXPECT_EQ(doc->feeds.size(), 1U);
}

TEST(OpmlParseTest, RejectsWhatIsNotOpml) {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"empty", ""},
      {"text", "just some words"},
      {"rss feed", testing::read_fixture("opml/not_opml_rss.xml")},
      {"html page", "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>"},
      {"json", R"({"opml": {"body": []}})"},
  };
  for (const auto& [name, input] : cases) {
    SCOPED_TRACE(name);
    const auto doc = parse_opml(input);
    ASSERT_FALSE(doc.has_value());
    EXPECT_EQ(doc.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(doc.error().reason, "opml.invalid");
  }
}

TEST(OpmlParseTest, AcceptsMinimalAndBrokenButRecognisableDocuments) {
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"no body", "<opml version=\"1.0\"><head><title>T</title></head></opml>"},
      {"unclosed elements",
       R"(<opml><body><outline text="F"><outline type="rss" xmlUrl="https://u.example/")"},
      {"upper-case root", "<OPML><BODY><OUTLINE XMLURL=\"https://u.example/\"/></BODY></OPML>"},
      {"leading whitespace and BOM", "\xEF\xBB\xBF  \n<opml><body/></opml>"},
      {"control characters",
       "<opml><head><title>a\x01\x02"
       "b</title></head></opml>"},
  };
  for (const auto& [name, input] : cases) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(parse_opml(input).has_value());
  }
  const auto upper =
      parse_opml("<OPML><BODY><OUTLINE XMLURL=\"https://u.example/\"/></BODY></OPML>");
  ASSERT_TRUE(upper.has_value());
  ASSERT_EQ(upper->feeds.size(), 1U);
  EXPECT_EQ(upper->feeds[0].xml_url, "https://u.example/");
}

TEST(OpmlWriteTest, WritesOneLevelOfFoldersNamedAfterTheFirstTag) {
  OpmlDocument doc;
  doc.title = "Vigie — CCI";
  doc.feeds = {
      feed("Top \"quoted\"", "https://top.example/rss?a=1&b=2", std::nullopt, {}),
      feed("Coton", "https://coton.example/rss", "https://coton.example/",
           {"Agriculture", "Coton", "Export"}, "fr", "Filière <coton>"),
      feed("Karité", "https://karite.example/rss", std::nullopt, {"Agriculture"}),
  };
  const std::string expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<opml version=\"2.0\">\n"
      "  <head>\n"
      "    <title>Vigie — CCI</title>\n"
      "    <dateCreated>Thu, 01 Jan 2026 00:00:00 GMT</dateCreated>\n"
      "  </head>\n"
      "  <body>\n"
      "    <outline type=\"rss\" text=\"Top &quot;quoted&quot;\" title=\"Top &quot;quoted&quot;\" "
      "xmlUrl=\"https://top.example/rss?a=1&amp;b=2\"/>\n"
      "    <outline text=\"Agriculture\" title=\"Agriculture\">\n"
      "      <outline type=\"rss\" text=\"Coton\" title=\"Coton\" "
      "xmlUrl=\"https://coton.example/rss\" htmlUrl=\"https://coton.example/\" "
      "description=\"Filière &lt;coton&gt;\" language=\"fr\" category=\"Coton,Export\"/>\n"
      "      <outline type=\"rss\" text=\"Karité\" title=\"Karité\" "
      "xmlUrl=\"https://karite.example/rss\"/>\n"
      "    </outline>\n"
      "  </body>\n"
      "</opml>\n";
  EXPECT_EQ(write_opml(doc, "Thu, 01 Jan 2026 00:00:00 GMT"), expected);
  EXPECT_EQ(write_opml(OpmlDocument{}, ""),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n"
            "    <title></title>\n  </head>\n  <body>\n  </body>\n</opml>\n");
}

TEST(OpmlWriteTest, KeepsFeedOrderWhenATagComesBack) {
  OpmlDocument doc;
  doc.feeds = {
      feed("A", "https://a.example/", std::nullopt, {"Coton"}),
      feed("B", "https://b.example/", std::nullopt, {}),
      feed("C", "https://c.example/", std::nullopt, {"Coton", "Prix"}),
  };
  const std::string out = write_opml(doc, "");
  // Two folders named "Coton": one per run of feeds.
  const std::size_t first = out.find("<outline text=\"Coton\"");
  ASSERT_NE(first, std::string::npos);
  EXPECT_NE(out.find("<outline text=\"Coton\"", first + 1), std::string::npos);
  const auto back = parse_opml(out);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->feeds, doc.feeds);
}

TEST(OpmlWriteTest, WritesOnlyCharactersXmlCanCarry) {
  OpmlDocument doc;
  doc.title = std::string(
      "a\x01"
      "b\xFF"
      "c<d>&",
      9);
  doc.feeds = {feed("line\nbreak\ttab", "https://u.example/", std::nullopt, {})};
  const std::string out = write_opml(doc, "");
  EXPECT_NE(out.find("<title>ab\xEF\xBF\xBD"
                     "c&lt;d&gt;&amp;</title>"),
            std::string::npos);
  EXPECT_NE(out.find("title=\"line&#10;break&#9;tab\""), std::string::npos);
  const auto back = parse_opml(out);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->title,
            "ab\xEF\xBF\xBD"
            "c<d>&");
}

// Every fixture that parses, with its file name.
std::vector<std::pair<std::string, OpmlDocument>> fixture_documents() {
  std::vector<std::pair<std::string, OpmlDocument>> docs;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("opml"))) {
    if (auto doc = parse_opml(testing::read_file(entry.path()))) {
      docs.emplace_back(entry.path().filename().string(), std::move(*doc));
    }
  }
  return docs;
}

void expect_round_trip(const OpmlDocument& doc) {
  const std::string exported = write_opml(doc, "Thu, 01 Jan 2026 00:00:00 GMT");
  const auto again = parse_opml(exported);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->title, doc.title);
  EXPECT_EQ(again->feeds, doc.feeds);
  EXPECT_EQ(write_opml(*again, "Thu, 01 Jan 2026 00:00:00 GMT"), exported);
}

TEST(OpmlRoundTripTest, OurExportsOfImportsReimportUnchanged) {
  const auto docs = fixture_documents();
  ASSERT_GE(docs.size(), 10U);
  for (const auto& [name, doc] : docs) {
    SCOPED_TRACE(name);
    expect_round_trip(doc);
  }
}

TEST(OpmlParseTest, HandlesDeepNestingAndManyFeeds) {
  std::string deep = "<opml><body>";
  for (int i = 0; i < 5000; ++i) {
    deep += "<outline text=\"f" + std::to_string(i) + "\">";
  }
  deep += "<outline xmlUrl=\"https://deep.example/\"/>";
  const auto d = parse_opml(deep);  // libxml2 stops at its own depth limit; we must not crash
  ASSERT_TRUE(d.has_value());

  std::string many = "<opml><body>";
  for (int i = 0; i < 20000; ++i) {
    many += R"(<outline text="t" xmlUrl="https://m.example/)" + std::to_string(i % 10000)
            + "\" category=\"c" + std::to_string(i % 7) + "\"/>";
  }
  many += "</body></opml>";
  const auto m = parse_opml(many);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->feeds.size(), 10000U);
  EXPECT_EQ(m->feeds[3].tags.size(), 2U);  // listed twice, categories 3 and (10003 % 7) = 0
}

}  // namespace
}  // namespace vigie::ingest
