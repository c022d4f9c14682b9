// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/xml_prepare.h"

#include <initializer_list>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/named_entities.h"

namespace vigie::ingest {
namespace {

TEST(NamedEntitiesTest, KnowsTheHtml5Names) {
  EXPECT_EQ(find_named_entity("eacute")->first, U'\u00E9');
  EXPECT_EQ(find_named_entity("nbsp")->first, U'\u00A0');
  EXPECT_EQ(find_named_entity("rsquo")->first, U'\u2019');
  EXPECT_EQ(find_named_entity("hellip")->first, U'\u2026');
  EXPECT_EQ(find_named_entity("AElig")->first, U'\u00C6');
  EXPECT_EQ(find_named_entity("zwnj")->first, U'\u200C');
  const auto pair = find_named_entity("NotEqualTilde");
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->first, U'\u2242');
  EXPECT_EQ(pair->second, U'\u0338');
  EXPECT_FALSE(find_named_entity("Eacute2"));
  EXPECT_FALSE(find_named_entity("EACUTE"));
  EXPECT_FALSE(find_named_entity(""));
}

struct PrepareCase {
  const char* name;
  std::string input;
  std::string expected;
  bool problem;
};

TEST(XmlPrepareTest, RewritesWhatLibxml2WouldRefuse) {
  const std::initializer_list<PrepareCase> cases = {
      {"clean documents pass unchanged", "<rss><t>a &amp; b &lt; c &#233; &#xE9;</t></rss>",
       "<rss><t>a &amp; b &lt; c &#233; &#xE9;</t></rss>", false},
      {"HTML named entities become numeric references", "<t>caf&eacute;&nbsp;&rsquo;</t>",
       "<t>caf&#xE9;&#xA0;&#x2019;</t>", false},
      {"two-code-point entities", "<t>&NotEqualTilde;</t>", "<t>&#x2242;&#x338;</t>", false},
      {"entities in attributes too", "<a href=\"/?a=1&amp;b=&eacute;\"/>",
       "<a href=\"/?a=1&amp;b=&#xE9;\"/>", false},
      {"windows-1252 numeric references", "<t>&#150; &#x93;q&#148;</t>",
       "<t>&#x2013; &#x201C;q&#x201D;</t>", false},
      {"an HTML-style &#X reference is spelt the XML way", "<t>&#X41;&#XE9;</t>",
       "<t>&#x41;&#xE9;</t>", false},
      {"a bare ampersand is text", "<t>AT&T & co</t>", "<t>AT&amp;T &amp; co</t>", true},
      {"an unknown name is text", "<t>&foo; &bar</t>", "<t>&amp;foo; &amp;bar</t>", true},
      {"a forbidden character reference", "<t>a&#1;b&#xD800;c&#0;</t>",
       "<t>a&#xFFFD;b&#xFFFD;c&#xFFFD;</t>", true},
      {"an unterminated character reference", "<t>&#12 &#x;</t>", "<t>&amp;#12 &amp;#x;</t>", true},
      {"control characters are dropped",
       "<t>a\x01"
       "b\x0B"
       "c\x1F"
       "d\te\nf</t>",
       "<t>abcd\te\nf</t>", true},
      {"non-characters become U+FFFD", "<t>\xEF\xBF\xBF\xEF\xBF\xBE\xEF\xBF\xBD</t>",
       "<t>\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD</t>", true},
      {"CDATA goes out of band", "<t><![CDATA[a & b &eacute; < c]]></t>",
       "<t><?vigie-cdata 0?></t>", false},
      {"comments are dropped, their newlines kept", "<t><!-- R&D\n --></t>", "<t>\n</t>", false},
      {"an unterminated CDATA section", "<t><![CDATA[a & b", "<t><?vigie-cdata 0?>", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    // Text left for libxml2 to read, to see the rewriting (out of band, the same readings are
    // decoded: TakesTextOutOfBandDecoded).
    const PreparedXml p = prepare_xml(c.input, PrepareOptions{false});
    EXPECT_EQ(p.text(), c.expected);
    EXPECT_EQ(p.problem().has_value(), c.problem) << p.problem().value_or("");
  }
}

TEST(XmlPrepareTest, DropsTheDeclarationAndTheDoctypeWithItsEntities) {
  const std::string doc =
      "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n"
      "<!-- generator: x -->\n"
      "<?xml-stylesheet href=\"s.xsl\"?>\n"
      "<!DOCTYPE rss [\n"
      "  <!ENTITY a \"]>\">\n"
      "  <!-- a comment with ]> inside -->\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "]>\n"
      "<rss>&a;&xxe;</rss>";
  const PreparedXml p = prepare_xml(doc);
  EXPECT_EQ(p.text(), "<rss><?vigie-cdata 0?></rss>");
  EXPECT_EQ(p.cdata(0), "&a;&xxe;");
  EXPECT_TRUE(p.dropped_doctype());
  EXPECT_TRUE(p.declared_entities());
  EXPECT_EQ(p.line_offset(), 8u);
  ASSERT_TRUE(p.problem());
  EXPECT_EQ(*p.problem(), "line 9: undefined entity &a; kept as text");
  EXPECT_EQ(p.repair_count(), 2u);
}

TEST(XmlPrepareTest, ViewsTheInputWhenNothingChanges) {
  const std::string doc = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>";
  const PreparedXml p = prepare_xml(doc);
  EXPECT_EQ(p.text(), "<rss version=\"2.0\"><channel/></rss>");
  EXPECT_EQ(p.text().data(), doc.data() + doc.find("<rss"));
  EXPECT_FALSE(p.problem());
  EXPECT_FALSE(p.dropped_doctype());
}

TEST(XmlPrepareTest, SkipsJunkBeforeTheXmlDeclaration) {
  const PreparedXml p = prepare_xml(
      "<br />\n<b>Warning</b>: headers already sent<br />\n<?xml version=\"1.0\"?><rss/>");
  EXPECT_EQ(p.text(), "<rss/>");
  EXPECT_EQ(p.problem(), "text before the XML declaration ignored");
}

TEST(XmlPrepareTest, DoesNotSkipAFeedThatMerelyMentionsAnXmlDeclaration) {
  const std::string doc = "<rss><d><![CDATA[<?xml version=\"1.0\"?>]]></d></rss>";
  const PreparedXml p = prepare_xml(doc);
  EXPECT_EQ(p.text(), "<rss><d><?vigie-cdata 0?></d></rss>");
  EXPECT_EQ(p.cdata(0), "<?xml version=\"1.0\"?>");
}

TEST(XmlPrepareTest, TakesCdataSectionsOutOfBandAndCleansThem) {
  const std::string doc =
      "<rss>\n<a><![CDATA[one\ntwo & <b>]]></a>\n<b><![CDATA[x\x01y\xEF\xBF\xBFz]]></b>"
      "<c>&bad;</c></rss>";
  const PreparedXml p = prepare_xml(doc, PrepareOptions{false});
  EXPECT_EQ(p.text(),
            "<rss>\n<a><?vigie-cdata 0\n?></a>\n<b><?vigie-cdata 1?></b><c>&amp;bad;</c></rss>");
  ASSERT_EQ(p.cdata_count(), 2u);
  EXPECT_EQ(p.cdata(0), "one\ntwo & <b>");
  EXPECT_EQ(p.cdata(0)->data(), doc.data() + doc.find("one"));  // a view, not a copy
  EXPECT_EQ(p.cdata(1), "xy\xEF\xBF\xBDz");
  EXPECT_FALSE(p.cdata(2));
  // Line numbers count the original: the control character is on line 4.
  EXPECT_EQ(p.problem(), "line 4: control character removed");
  EXPECT_EQ(p.repair_count(), 3u);
}

struct OutOfBandCase {
  const char* name;
  std::string input;
  std::string expected;
  std::vector<std::string> texts;  // cdata(0), cdata(1), ...
  bool problem;
};

TEST(XmlPrepareTest, TakesTextOutOfBandDecoded) {
  const std::initializer_list<OutOfBandCase> cases = {
      {"XML references",
       "<rss><t>a &amp; b &lt; c &gt; &quot;&apos; &#233; &#xE9;</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"a & b < c > \"' \u00E9 \u00E9"},
       false},
      {"HTML named entities",
       "<rss><t>caf&eacute;&nbsp;&rsquo;&NotEqualTilde;</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"caf\u00E9\u00A0\u2019\u2242\u0338"},
       false},
      {"windows-1252 numeric references",
       "<rss><t>&#150; &#x93;q&#148;</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"\u2013 \u201Cq\u201D"},
       false},
      {"a bare ampersand",
       "<rss><t>AT&T & co</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"AT&T & co"},
       true},
      {"an unknown name",
       "<rss><t>&foo; &bar</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"&foo; &bar"},
       true},
      {"forbidden and malformed references",
       "<rss><t>a&#1;b&#xD800;c&#0;&#12 &#x;</t></rss>",
       "<rss><t><?vigie-cdata 0?></t></rss>",
       {"a\uFFFDb\uFFFDc\uFFFD&#12 &#x;"},
       true},
      {"control characters, line ends, non-characters",
       "<rss><t>\u00E9\x01\r\nx\ry\tz\xEF\xBF\xBE</t></rss>",
       "<rss><t><?vigie-cdata 0\n?></t></rss>",
       {"\u00E9\nx\ny\tz\uFFFD"},
       true},
      {"newlines stay in the instruction",
       "<rss>\n<t>\u00E9\n\nx</t>\n</rss>",
       "<rss>\n<t><?vigie-cdata 0\n\n?></t>\n</rss>",
       {"\u00E9\n\nx"},
       false},
      {"ASCII text stays",
       "<rss><t>plain text</t></rss>",
       "<rss><t>plain text</t></rss>",
       {},
       false},
      {"attribute values are rewritten, not taken out",
       "<rss><a href=\"?a=1&amp;b=&eacute;\" t='x>\u00E9'>\u00E9</a></rss>",
       "<rss><a href=\"?a=1&amp;b=&#xE9;\" t='x>\u00E9'><?vigie-cdata 0?></a></rss>",
       {"\u00E9"},
       false},
      {"CDATA and text in turn",
       "<rss><t>\u00E9<![CDATA[&x]]>&lt;</t></rss>",
       "<rss><t><?vigie-cdata 0?><?vigie-cdata 1?><?vigie-cdata 2?></t></rss>",
       {"\u00E9", "&x", "<"},
       false},
      {"text after the root stays",
       "<rss>\u00E9</rss>\u00E9<?x?>",
       "<rss><?vigie-cdata 0?></rss>\u00E9<?x?>",
       {"\u00E9"},
       false},
      {"nothing after an empty root", "<rss/>\u00E9<?x?>", "<rss/>\u00E9<?x?>", {}, false},
      {"text before the root stays",
       "\u00E9<rss>\u00E9</rss>",
       "\u00E9<rss>\u00E9</rss>",
       {},
       false},
      {"text after the last tag stays", "<rss>\u00E9", "<rss>\u00E9", {}, false},
      {"]]> stays for libxml2 to report",
       "<rss>\u00E9]]></rss>",
       "<rss>\u00E9]]></rss>",
       {},
       false},
      {"'<' in an attribute stops it",
       "<rss><a t=\"<\">\u00E9</a>&lt;</rss>",
       "<rss><a t=\"<\">\u00E9</a>&lt;</rss>",
       {},
       false},
      {"a DOCTYPE in the body stops it",
       "<rss><!DOCTYPE x>&lt;</rss>",
       "<rss><!DOCTYPE x>&lt;</rss>",
       {},
       false},
      {"an unclosed tag stops it",
       "<rss><a &lt;<b>&lt;</b></rss>",
       "<rss><a &lt;<b>&lt;</b></rss>",
       {},
       false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const PreparedXml p = prepare_xml(c.input);
    EXPECT_EQ(p.text(), c.expected);
    ASSERT_EQ(p.cdata_count(), c.texts.size());
    for (std::size_t k = 0; k < c.texts.size(); ++k) {
      EXPECT_EQ(p.cdata(k), c.texts[k]) << k;
    }
    EXPECT_EQ(p.problem().has_value(), c.problem) << p.problem().value_or("");
  }
}

TEST(XmlPrepareTest, LeavesAVeryLongTextRunToLibxml2) {
  // Its newlines in an instruction could pass libxml2's 10 MB limit on one.
  std::string text;
  for (std::size_t k = 0; k < std::size_t{3} * 1024 * 1024; ++k) {
    text += "\n\xC3\xA9";
  }
  const std::string doc = "<rss><d>" + text + "</d><t>&lt;</t></rss>";
  const PreparedXml p = prepare_xml(doc);
  EXPECT_EQ(p.text(), "<rss><d>" + text + "</d><t><?vigie-cdata 0?></t></rss>");
  ASSERT_EQ(p.cdata_count(), 1u);
  EXPECT_EQ(p.cdata(0), "<");
}

TEST(XmlPrepareTest, OutOfBandTextKeepsTheLinesOfRepairs) {
  const PreparedXml p = prepare_xml("<rss>\n<a>\u00E9</a>\n<b>x &bad; y</b></rss>");
  EXPECT_EQ(p.problem(), "line 3: undefined entity &bad; kept as text");
  EXPECT_EQ(p.repair_count(), 1u);
}

}  // namespace
}  // namespace vigie::ingest
