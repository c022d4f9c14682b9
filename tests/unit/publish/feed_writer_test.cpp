// SPDX-License-Identifier: AGPL-3.0-or-later
// Feeds out, read back by Vigie's own parser: every format keeps titles, links, ids, dates
// and summaries, escapes what must be, and drops what XML cannot carry.
#include "publish/feed_writer.h"

#include <gtest/gtest.h>

#include "ingest/feed_parser.h"
#include "sample_feed.h"

namespace vigie::publish {
namespace {

struct FormatCase {
  FeedFormat format;
  core::FeedFormat parsed_as;
};

class FeedWriterRoundTrip : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FeedWriterRoundTrip, OurParserReadsBackWhatWeWrote) {
  const auto feed = sample_feed();
  const auto bytes = write_feed(feed, GetParam().format);
  auto parsed = ingest::parse_feed(bytes, {});
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_FALSE(parsed->bozo) << parsed->bozo_reason.value_or("") << "\n" << bytes;
  EXPECT_EQ(parsed->format, GetParam().parsed_as);
  EXPECT_EQ(parsed->feed.title, feed.title);
  EXPECT_EQ(parsed->feed.link, feed.home_url);
  ASSERT_EQ(parsed->entries.size(), 2U);
  const auto& a = parsed->entries[0];
  EXPECT_EQ(a.id, feed.entries[0].id);
  EXPECT_EQ(a.title, feed.entries[0].title);
  EXPECT_EQ(a.link, feed.entries[0].link);
  EXPECT_EQ(a.published, feed.entries[0].published);
  ASSERT_TRUE(a.summary);
  EXPECT_NE(a.summary->find("<b>SOFITEX</b>"), std::string::npos) << *a.summary;
  ASSERT_EQ(a.categories.size(), 2U);
  EXPECT_EQ(a.categories[1].term, "prix & marchés");
  // The control character and the invalid byte are gone; the Arabic word stays.
  const auto& b = parsed->entries[1];
  EXPECT_EQ(b.title, "Controle des normes \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A");
}

INSTANTIATE_TEST_SUITE_P(Formats, FeedWriterRoundTrip,
                         ::testing::Values(FormatCase{FeedFormat::Atom, core::FeedFormat::Atom10},
                                           FormatCase{FeedFormat::Rss, core::FeedFormat::Rss20},
                                           FormatCase{FeedFormat::Json,
                                                      core::FeedFormat::JsonFeed11}),
                         [](const auto& p) {
                           return std::string(p.param.format == FeedFormat::Atom  ? "Atom"
                                              : p.param.format == FeedFormat::Rss ? "Rss"
                                                                                  : "Json");
                         });

TEST(FeedWriter, EscapesMarkupInTextAndAttributes) {
  const auto atom = write_atom(sample_feed());
  EXPECT_NE(atom.find("<title>Coton &amp; filière textile — veille CCI</title>"),
            std::string::npos);
  EXPECT_NE(atom.find("href=\"https://veille.cci.example/feeds/topics/3.atom?key=s3cr3t&amp;v=1\""),
            std::string::npos);
  EXPECT_NE(atom.find("&lt;graine&gt;"), std::string::npos);
  EXPECT_EQ(atom.find('\x01'), std::string::npos);
  EXPECT_EQ(atom.find('\xff'), std::string::npos);
}

TEST(FeedWriter, AnEmptyFeedIsStillValid) {
  FeedDocument f;
  f.id = "tag:vigie.example,2026:topic/9";
  f.title = "Vide";
  f.home_url = "https://veille.example/topics/9";
  for (auto format : {FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json}) {
    auto parsed = ingest::parse_feed(write_feed(f, format), {});
    ASSERT_TRUE(parsed);
    EXPECT_FALSE(parsed->bozo);
    EXPECT_TRUE(parsed->entries.empty());
  }
}

TEST(FeedWriter, NamesFormatsAndTypes) {
  EXPECT_EQ(parse_feed_format("atom"), FeedFormat::Atom);
  EXPECT_EQ(parse_feed_format("rss"), FeedFormat::Rss);
  EXPECT_EQ(parse_feed_format("json"), FeedFormat::Json);
  EXPECT_EQ(parse_feed_format("xml"), std::nullopt);
  EXPECT_STREQ(content_type(FeedFormat::Json), "application/feed+json; charset=utf-8");
}

TEST(FeedWriter, TheETagFollowsTheBytes) {
  const auto a = write_atom(sample_feed());
  EXPECT_EQ(etag_of(a), etag_of(a));
  EXPECT_NE(etag_of(a), etag_of(a + " "));
  EXPECT_EQ(etag_of(a).front(), '"');
  EXPECT_EQ(etag_of(a).size(), 34U);
}

}  // namespace
}  // namespace vigie::publish
