// SPDX-License-Identifier: AGPL-3.0-or-later
// prepare_xml's out-of-band text must not change what a feed says: every fixture feed, and a
// few documents made for it, read with the text decoded by prepare_xml and with the text left
// to libxml2, give the same feed, the same bozo flag and the same first reason. (The
// fuzz_feed_prepare_diff target asks the same of arbitrary documents.)

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "ingest/encoding.h"
#include "ingest/feed_adapter.h"
#include "ingest/feed_json.h"
#include "ingest/xml_prepare.h"
#include "ingest/xml_reader.h"

namespace vigie::ingest {
namespace {

constexpr std::string_view kUrl = "http://doc.example.com/feeds/feed.xml";

std::string read_both_ways(std::string_view bytes, bool out_of_band) {
  const DecodedDocument doc = decode_document(bytes, "");
  const PreparedXml xml = prepare_xml(doc.text(), PrepareOptions{out_of_band});
  auto r = read_xml_feed(xml, kUrl, 10000);
  if (!r) {
    return "error " + r.error().reason;
  }
  std::string out =
      "prepare: " + xml.problem().value_or("") + "\nreader: " + r->problem.value_or("") + "\n";
  const AdaptOptions adapt{kUrl, false, nullptr};
  return out + to_json(adapt_xml_feed(std::move(r->feed), adapt));
}

TEST(XmlTextOutOfBandTest, ReadsEveryFixtureFeedAlike) {
  std::size_t read = 0;
  for (const auto& f : std::filesystem::directory_iterator(testing::fixture_path("feeds"))) {
    if (!f.is_regular_file()) {
      continue;
    }
    SCOPED_TRACE(f.path().filename().string());
    const std::string bytes = testing::read_file(f.path());
    if (bytes.find('<') == std::string::npos) {
      continue;  // JSON Feed
    }
    EXPECT_EQ(read_both_ways(bytes, true), read_both_ways(bytes, false));
    ++read;
  }
  EXPECT_GT(read, 20u);
}

TEST(XmlTextOutOfBandTest, ReadsTextConstructsAlike) {
  const std::vector<std::string> docs = {
      // French text with references, escaped HTML, CDATA next to text, line ends.
      "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Caf&eacute; &amp; "
      "th\xC3\xA9</title>\r\n<item><title>R&amp;D : l&#8217;&#233;t&#xE9;</title>"
      "<description>&lt;p&gt;Un &lt;b&gt;pr\xC3\xA9"
      "avis&lt;/b&gt;&lt;/p&gt;<![CDATA[<i>x</i>]]> &#150; fin\r\n</description>"
      "<category>\xC3\xA9nergie</category><author>a@b.fr (\xC3\x89lise)</author>"
      "<guid isPermaLink=\"false\">id-\xC3\xA9</guid></item></channel></rss>",
      // Atom with XHTML content, xml:base and people.
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://x.example/\">"
      "<title type=\"html\">&lt;b&gt;Titre&lt;/b&gt; \xC3\xA0 la une</title>"
      "<author><name>\xC3\x89lise &amp; Jo</name></author>"
      "<entry><id>urn:\xC3\xA9</id><title>T\xC3\xAAte</title>"
      "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>D\xC3\xA9j\xC3\xA0 "
      "&amp; <a href=\"a?b=1&amp;c=\xC3\xA9\">lien \xC3\xA9</a></p></div></content>"
      "<link href=\"/e\"/></entry></feed>",
      // Broken: mismatched tags after out-of-band text, an undefined entity, a bare &.
      "<rss><channel><title>\xC3\xA9t\xC3\xA9 &foo; & co</title><item><title>a\xC3\xA9</b>"
      "</item></channel></rss>",
      // An uppercase hexadecimal reference (HTML allows it, XML does not), found by
      // fuzz_feed_prepare_diff: libxml2 kept "X41;" as text after an error.
      "<feed><channel>&#X41;</feed>",
      // A control character dropped right after "<" makes another kind of markup for libxml2:
      // a processing instruction, an end tag, a comment (found by fuzz_feed_prepare_diff).
      "<\x01?j>&<feed",
      "<rss><channel><\x01/channel>\xC3\xA9<item>x</item></channel></rss>",
      "<rss><channel><\x01!-- \xC3\xA9 <item>&amp;</item> --><item>\xC3\xA9</item></channel></rss>",
      // "]]>" that libxml2 sees once a comment or a control character is dropped.
      "<rss><channel><title>\xC3\xA9]]<!---->>x</title><link>]<!---->]>\xC3\xA9</link>"
      "<description>\xC3\xA9]]\x01>x</description></channel></rss>",
      "<rss><channel><title>]]<!---->>\xC3\xA9</title></channel></rss>",
      // Truncated mid-text.
      "<rss><channel><item><title>\xC3\xA9t\xC3\xA9 &amp; hiver",
  };
  for (const std::string& d : docs) {
    SCOPED_TRACE(d);
    EXPECT_EQ(read_both_ways(d, true), read_both_ways(d, false));
  }
}

TEST(XmlTextOutOfBandTest, TruncatesAnOversizedFieldAlike) {
  std::string doc = "<rss><channel><item><title>\xC3\xA9</title><description>";
  // 7 MiB written, over 4 MiB once the references are decoded.
  while (doc.size() < std::size_t{7} * 1024 * 1024) {
    doc += "caf\xC3\xA9 &amp; th\xC3\xA9 &eacute;t\xC3\xA9 ";
  }
  doc += "</description></item></channel></rss>";
  const std::string out_of_band = read_both_ways(doc, true);
  EXPECT_NE(out_of_band.find("a field over 4 MiB was truncated"), std::string::npos);
  EXPECT_TRUE(out_of_band == read_both_ways(doc, false));
}

}  // namespace
}  // namespace vigie::ingest
