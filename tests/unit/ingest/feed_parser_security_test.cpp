// SPDX-License-Identifier: AGPL-3.0-or-later
// Hostile, malformed and huge documents (DESIGN.md §6 "Parsing"): each gets a clear error or a
// salvaged result, never a crash, a hang, unbounded memory or a file read.
#include <initializer_list>
#include <string>

#include <gtest/gtest.h>

#include "feed_test_util.h"
#include "ingest/feed_json.h"
#include "ingest/feed_parser.h"

namespace vigie::ingest {
namespace {

using test::parse_fixture;
using test::parse_ok;

core::Error parse_error(std::string_view bytes, std::size_t max_bytes = ParseOptions{}.max_bytes) {
  ParseOptions o;
  o.max_bytes = max_bytes;
  auto r = parse_feed(bytes, o);
  if (r) {
    ADD_FAILURE() << "parsed as a feed: " << to_json(*r).substr(0, 300);
    return {};
  }
  return r.error();
}

TEST(FeedSecurityTest, NeverExpandsTheBillionLaughs) {
  const core::ParsedFeed f = parse_fixture("xml_billion_laughs.xml");
  EXPECT_TRUE(f.bozo);
  EXPECT_NE(f.bozo_reason->find("undefined entity &lol9;"), std::string::npos);
  EXPECT_LT(to_json(f).size(), 4096u);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].link, "http://lol.example.com/1");
}

TEST(FeedSecurityTest, NeverExpandsAQuadraticBlowup) {
  const core::ParsedFeed f = parse_fixture("xml_quadratic_blowup.xml");
  EXPECT_TRUE(f.bozo);
  EXPECT_LT(to_json(f).size(), 64u * 1024u);
  ASSERT_EQ(f.entries.size(), 1u);
}

TEST(FeedSecurityTest, NeverReadsAnExternalEntity) {
  for (const char* name : {"xml_external_entity_passwd.xml", "xml_external_dtd.xml"}) {
    SCOPED_TRACE(name);
    const std::string json = to_json(parse_fixture(name));
    EXPECT_EQ(json.find("root:"), std::string::npos);
    EXPECT_EQ(json.find("/bin/"), std::string::npos);
  }
  const core::ParsedFeed f = parse_fixture("xml_external_entity_passwd.xml");
  EXPECT_EQ(f.feed.title, "XXE &xxe;");
  EXPECT_TRUE(f.bozo);
}

TEST(FeedSecurityTest, StopsAtLibxml2sDepthLimitAndKeepsWhatCameBefore) {
  const core::ParsedFeed f = parse_fixture("xml_deep_nesting.xml");
  EXPECT_TRUE(f.bozo);
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].title, "Before");
}

TEST(FeedSecurityTest, RefusesWhatIsNotAFeed) {
  struct Case {
    const char* name;
    std::string bytes;
  };
  const std::initializer_list<Case> cases = {
      {"empty", ""},
      {"whitespace", " \n\t "},
      {"HTML page", vigie::testing::read_fixture("feeds/not_a_feed_html_page.html")},
      {"PNG image", vigie::testing::read_fixture("feeds/not_a_feed_png.png")},
      {"OPML", vigie::testing::read_fixture("feeds/not_a_feed_opml.opml")},
      {"JSON object", vigie::testing::read_fixture("feeds/not_a_feed_json_object.json")},
      {"JSON array", "[1, 2, 3]"},
      {"JSON garbage", "{{{{"},
      {"plain text", "Just some words, no markup at all."},
      {"an Atom entry document", "<entry xmlns=\"http://www.w3.org/2005/Atom\"><title/></entry>"},
      {"SVG", "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>x</title></svg>"},
      {"NUL bytes", std::string(1000, '\0')},
      {"a lone start tag", "<"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const core::Error e = parse_error(c.bytes);
    EXPECT_EQ(e.code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(e.reason, "ingest.not_a_feed");
    EXPECT_EQ(e.message.rfind("ingest: ", 0), 0u) << e.message;
  }
}

TEST(FeedSecurityTest, RefusesADocumentOverTheSizeLimitBeforeParsing) {
  // 100 MB, well over the 32 MiB default.
  std::string huge = "<rss version=\"2.0\"><channel><title>Huge</title>";
  const std::string item =
      "<item><title>An item title of ordinary length</title>"
      "<link>http://huge.example.com/item</link><description>Some description text that is "
      "neither short nor long.</description></item>";
  huge.reserve(std::size_t{100} * 1024 * 1024 + item.size());
  while (huge.size() < std::size_t{100} * 1024 * 1024) {
    huge += item;
  }
  huge += "</channel></rss>";
  const core::Error e = parse_error(huge);
  EXPECT_EQ(e.reason, "ingest.too_large");
  EXPECT_EQ(e.code, core::ErrorCode::InvalidInput);
  EXPECT_EQ(parse_error("<rss/>", 3).reason, "ingest.too_large");
}

TEST(FeedSecurityTest, ReadsALargeFeedWithinTheLimit) {
  std::string doc = "<rss version=\"2.0\"><channel><title>Large</title>";
  for (int i = 0; i < 20000; ++i) {
    doc += "<item><title>Item " + std::to_string(i) + "</title><guid isPermaLink=\"false\">id-"
           + std::to_string(i) + "</guid></item>";
  }
  doc += "</channel></rss>";
  const core::ParsedFeed f = parse_ok(doc);
  EXPECT_FALSE(f.bozo);
  ASSERT_EQ(f.entries.size(), 20000u);
  EXPECT_EQ(f.entries.back().id, "id-19999");
}

TEST(FeedSecurityTest, TruncatesAnOversizedFieldAndSaysSo) {
  std::string doc = "<rss version=\"2.0\"><channel><item><title>Kept</title></item><item><guid>";
  doc.append(std::size_t{5} * 1024 * 1024, 'x');
  doc += "</guid><title>After</title></item></channel></rss>";
  const core::ParsedFeed f = parse_ok(doc);
  EXPECT_TRUE(f.bozo);
  EXPECT_EQ(f.bozo_reason, "a field over 4 MiB was truncated");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].title, "Kept");
  EXPECT_EQ(f.entries[1].id->size(), std::size_t{4} * 1024 * 1024);
  EXPECT_EQ(f.entries[1].title, "After");
}

TEST(FeedSecurityTest, CapsWhatATinyElementCanMakeUsAllocate) {
  ParseOptions o;
  o.max_entries = 100;
  std::string many_items = "<rss version=\"2.0\"><channel>";
  for (int i = 0; i < 150; ++i) {
    many_items += "<item/>";
  }
  many_items += "<item><title>";
  for (int i = 0; i < 1500; ++i) {
    many_items += "<category>c" + std::to_string(i) + "</category>";
  }
  many_items += "</title></item></channel></rss>";
  auto f = parse_feed(many_items, o);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->entries.size(), 100u);
  EXPECT_EQ(f->bozo_reason, "more than 100 entries: the rest were ignored");

  o.max_entries = 1000;
  std::string categories = "<rss version=\"2.0\"><channel><item>";
  for (int i = 0; i < 1500; ++i) {
    categories += "<category>c" + std::to_string(i) + "</category>";
  }
  categories += "</item></channel></rss>";
  f = parse_feed(categories, o);
  ASSERT_TRUE(f);
  ASSERT_EQ(f->entries.size(), 1u);
  EXPECT_EQ(f->entries[0].categories.size(), 1000u);
  EXPECT_TRUE(f->bozo);

  o.max_entries = 5;
  std::string json = R"({"version": "https://jsonfeed.org/version/1.1", "items": [)";
  for (int i = 0; i < 10; ++i) {
    json += std::string(i > 0 ? "," : "") + R"({"id": ")" + std::to_string(i) + R"("})";
  }
  json += R"(], "x": [)";
  for (int i = 0; i < 1'100'000; ++i) {
    json += i > 0 ? ",0" : "0";
  }
  json += "]}";
  f = parse_feed(json, o);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->entries.size(), 5u);
  EXPECT_EQ(f->bozo_reason, "more than a million JSON values: the rest was ignored");
}

TEST(FeedSecurityTest, SalvagesBrokenXmlAndSaysWhy) {
  const core::ParsedFeed f = parse_fixture("rss20_broken_unclosed.xml");
  EXPECT_TRUE(f.bozo);
  ASSERT_TRUE(f.bozo_reason);
  EXPECT_EQ(f.bozo_reason->rfind("line 12: Opening and ending tag mismatch", 0), 0u)
      << *f.bozo_reason;
  ASSERT_EQ(f.entries.size(), 3u);
  EXPECT_EQ(f.entries[1].title, "Second item has an unclosed bold tag");
  EXPECT_EQ(f.entries[1].link, "http://broken.example.com/2");
  EXPECT_EQ(f.entries[2].title, "Third item is cut short");
  EXPECT_EQ(f.entries[2].summary, "This description never ends");
}

// NOLINTNEXTLINE(readability-function-cognitive-complexity)
TEST(FeedSecurityTest, SalvagesCommonSyntaxSlips) {
  struct Case {
    const char* fixture;
    const char* reason_part;
    const char* title;  // of the first entry
  };
  const std::initializer_list<Case> cases = {
      {"rss20_unescaped_ampersand.xml", "unescaped &", "Q&A: tariffs & quotas"},
      {"rss20_control_chars.xml", "control character",
       "Bad \xEF\xBF\xBD reference and "
       "\xEF\xBF\xBD non-character"},
      {"rss20_undeclared_namespace.xml", "Namespace prefix dc", "Item"},
      {"rss20_php_warning_prefix.xml", "text before the XML declaration", "Still readable"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fixture);
    const core::ParsedFeed f = parse_fixture(c.fixture);
    EXPECT_TRUE(f.bozo);
    ASSERT_TRUE(f.bozo_reason);
    EXPECT_NE(f.bozo_reason->find(c.reason_part), std::string::npos) << *f.bozo_reason;
    ASSERT_GE(f.entries.size(), 1u);
    EXPECT_EQ(f.entries[0].title, c.title);
  }
  const core::ParsedFeed ns = parse_fixture("rss20_undeclared_namespace.xml");
  EXPECT_EQ(ns.entries.at(0).author, "Undeclared Creator");
  EXPECT_EQ(ns.entries.at(0).content.size(), 1u);
}

TEST(FeedSecurityTest, DecodesEveryEncodingToUtf8) {
  struct Case {
    const char* fixture;
    const char* content_type;
    const char* feed_title;
    bool bozo;
  };
  const std::initializer_list<Case> cases = {
      {"rss20_windows1252_no_decl.xml", "", "Actualités de l’économie", true},
      {"rss20_iso8859_1_declared.xml", "", "Déclaré en Latin-1", false},
      {"rss20_utf8_declared_cp1252_bytes.xml", "", "Mislabelled élégance", true},
      {"rss20_utf8_stray_byte.xml", "", "Café UTF-8", true},
      {"rss20_utf16le_bom.xml", "", "UTF-16 été 日本", false},
      {"rss20_windows1251_declared.xml", "", "Новости экспорта", false},
      {"rss20_windows1252_no_decl.xml", "application/rss+xml; charset=windows-1252",
       "Actualités de l’économie", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fixture);
    const core::ParsedFeed f = parse_fixture(c.fixture, c.content_type);
    EXPECT_EQ(f.feed.title, c.feed_title);
    EXPECT_EQ(f.bozo, c.bozo) << f.bozo_reason.value_or("");
    ASSERT_EQ(f.entries.size(), 1u);
  }
  EXPECT_EQ(parse_fixture("rss20_utf8_stray_byte.xml").entries.at(0).title, "Stray – byte");
}

TEST(FeedSecurityTest, SurvivesEveryPrefixOfAFeed) {
  // Truncation at every byte: each prefix is a feed (salvaged) or "not a feed", never a crash.
  const std::string doc = vigie::testing::read_fixture("feeds/rss20_basic.xml");
  for (std::size_t n = 0; n <= doc.size(); n += 7) {
    SCOPED_TRACE(n);
    const auto r = parse_feed(doc.substr(0, n), ParseOptions{});
    if (!r) {
      EXPECT_EQ(r.error().reason, "ingest.not_a_feed");
    }
  }
}

}  // namespace
}  // namespace vigie::ingest
