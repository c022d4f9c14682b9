// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/encoding.h"

#include <initializer_list>
#include <string>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace vigie::ingest {
namespace {

using namespace std::string_literals;

TEST(EncodingTest, ReadsTheCharsetParameterOfContentType) {
  struct Case {
    const char* header;
    std::optional<std::string> expected;
  };
  const std::initializer_list<Case> cases = {
      {"application/rss+xml; charset=UTF-8", "utf-8"},
      {"text/xml;charset=\"ISO-8859-1\"", "iso-8859-1"},
      {"text/xml; foo=bar; Charset = windows-1251 ", "windows-1251"},
      {"application/xml", std::nullopt},
      {"", std::nullopt},
      {"text/xml; charset=", std::nullopt},
      {"text/xml; charset=\xE9t\xE9", std::nullopt},
      {"text/xml; charset=utf-8 <script>", std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.header);
    EXPECT_EQ(charset_from_content_type(c.header), c.expected);
  }
}

TEST(EncodingTest, ReadsTheEncodingOfTheXmlDeclaration) {
  EXPECT_EQ(charset_from_xml_declaration("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>"),
            "iso-8859-1");
  EXPECT_EQ(charset_from_xml_declaration("\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>"),
            "utf-8");
  EXPECT_EQ(charset_from_xml_declaration("<?xml version=\"1.0\"?><rss/>"), std::nullopt);
  EXPECT_EQ(charset_from_xml_declaration("<rss encoding=\"x\"/>"), std::nullopt);
  // Found by fuzzing: a byte that is not ASCII in the name once reached the bozo reason.
  EXPECT_EQ(charset_from_xml_declaration("<?xml version=\"1.0\" encoding=\"\x8Autf-8\"?>"),
            std::nullopt);
}

TEST(EncodingTest, ValidatesUtf8Strictly) {
  EXPECT_TRUE(is_valid_utf8("plain ascii, long enough to take the eight-byte path"));
  EXPECT_TRUE(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  for (const std::string& bad : {"\xC3"s, "\xC0\xAF"s, "\xE0\x80\xAF"s, "\xED\xA0\x80"s,
                                 "\xF4\x90\x80\x80"s, "\xFF"s, "abc\x80"s}) {
    SCOPED_TRACE(::testing::PrintToString(bad));
    EXPECT_FALSE(is_valid_utf8(bad));
  }
}

TEST(EncodingTest, KeepsValidUtf8WithoutCopyingOrComplaining) {
  const std::string bytes = "<rss>caf\xC3\xA9</rss>";
  const DecodedDocument d = decode_document(bytes, "");
  EXPECT_EQ(d.text(), bytes);
  EXPECT_EQ(d.text().data(), bytes.data());
  EXPECT_EQ(d.encoding(), "utf-8");
  EXPECT_FALSE(d.problem());
}

TEST(EncodingTest, StripsAUtf8ByteOrderMark) {
  const DecodedDocument d = decode_document("\xEF\xBB\xBF<rss/>", "");
  EXPECT_EQ(d.text(), "<rss/>");
  EXPECT_FALSE(d.problem());
}

TEST(EncodingTest, DecodesEveryWayFeedsDeclareTheirCharset) {
  struct Case {
    const char* name;
    std::string bytes;
    const char* content_type;
    const char* text;
    const char* encoding;
    bool problem;
  };
  const std::initializer_list<Case> cases = {
      {"undeclared windows-1252", "<t>caf\xE9 \x93q\x94 \x80</t>", "",
       "<t>caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC</t>", "windows-1252", true},
      {"declared iso-8859-1 reads as windows-1252",
       "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>\xE9t\xE9 \x96</t>", "",
       "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>\xC3\xA9t\xC3\xA9 \xE2\x80\x93</t>",
       "windows-1252", false},
      {"HTTP charset wins over the declaration",
       "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\xEE\xF7</t>", "text/xml; charset=koi8-r",
       "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\xD0\x9D\xD0\x92</t>", "koi8-r", false},
      {"declared windows-1251",
       "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\xCC\xE8\xF0</t>", "",
       "<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>\xD0\x9C\xD0\xB8\xD1\x80</t>",
       "windows-1251", false},
      {"declared legacy but valid UTF-8",
       "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>caf\xC3\xA9</t>", "",
       "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><t>caf\xC3\xA9</t>", "utf-8", true},
      {"declared utf-8, one stray byte", "<t>caf\xC3\xA9 \x96 ok</t>", "text/xml; charset=utf-8",
       "<t>caf\xC3\xA9 \xE2\x80\x93 ok</t>", "utf-8", true},
      {"unknown charset falls back to repaired UTF-8", "<t>caf\xC3\xA9 \xE9</t>",
       "text/xml; charset=x-no-such-charset", "<t>caf\xC3\xA9 \xC3\xA9</t>", "utf-8", true},
      {"a UTF-16 declaration on 8-bit bytes is ignored",
       R"(<?xml version="1.0" encoding="UTF-16"?><t>ok</t>)", "",
       R"(<?xml version="1.0" encoding="UTF-16"?><t>ok</t>)", "utf-8", false},
      {"UTF-16LE with a BOM", "\xFF\xFE<\0t\0>\0\xE9\0<\0/\0t\0>\0"s, "", "<t>\xC3\xA9</t>",
       "utf-16le", false},
      {"UTF-16BE with a BOM", "\xFE\xFF\0<\0t\0>\0\xE9\0<\0/\0t\0>"s, "", "<t>\xC3\xA9</t>",
       "utf-16be", false},
      {"UTF-16LE without a BOM", "<\0?\0x\0m\0l\0?\0>\0"s, "", "<?xml?>", "utf-16le", false},
      {"UTF-16 with a lone surrogate", "\xFF\xFE<\0\x00\xD8>\0"s, "", "<\xEF\xBF\xBD>", "utf-16le",
       true},
      {"UTF-16LE with a surrogate pair and a euro sign", "\xFF\xFE<\0\x3D\xD8\x00\xDE\xAC\x20>\0"s,
       "", "<\xF0\x9F\x98\x80\xE2\x82\xAC>", "utf-16le", false},
      {"UTF-16BE with a surrogate pair and a euro sign", "\xFE\xFF\0<\xD8\x3D\xDE\x00\x20\xAC\0>"s,
       "", "<\xF0\x9F\x98\x80\xE2\x82\xAC>", "utf-16be", false},
      {"UTF-16 with a lone low surrogate", "\xFF\xFE<\0\x00\xDC>\0"s, "", "<\xEF\xBF\xBD>",
       "utf-16le", true},
      {"UTF-16 with a high surrogate at the end", "\xFF\xFE<\0\x3D\xD8"s, "", "<\xEF\xBF\xBD",
       "utf-16le", true},
      // Runs of ASCII are read four units at a time: runs of every length around the rest.
      {"UTF-16LE, long ASCII runs",
       "\xFF\xFE<\0t\0i\0t\0l\0e\0>\0\xE9\0a\0b\0c\0d\0e\0\x80\0f\0g\0h\0i\0\xAC\x20<\0/\0t\0>\0"s,
       "",
       "<title>\xC3\xA9"
       "abcde\xC2\x80"
       "fghi\xE2\x82\xAC</t>",
       "utf-16le", false},
      {"UTF-16BE, long ASCII runs",
       "\xFE\xFF\0<\0t\0i\0t\0l\0e\0>\0\xE9\0a\0b\0c\0d\0e\0\x80\0f\0g\0h\0i\x20\xAC\0<\0/\0t\0>"s,
       "",
       "<title>\xC3\xA9"
       "abcde\xC2\x80"
       "fghi\xE2\x82\xAC</t>",
       "utf-16be", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const DecodedDocument d = decode_document(c.bytes, c.content_type);
    EXPECT_EQ(d.text(), c.text);
    EXPECT_EQ(d.encoding(), c.encoding);
    EXPECT_EQ(d.problem().has_value(), c.problem) << d.problem().value_or("");
    EXPECT_TRUE(is_valid_utf8(d.text()));
  }
}

TEST(EncodingTest, SaysWhyADocumentWasRepaired) {
  const DecodedDocument d =
      decode_document("<?xml version=\"1.0\" encoding=\"utf-8\"?><t>\xE9</t>", "");
  ASSERT_TRUE(d.problem());
  EXPECT_EQ(*d.problem(),
            "declared as utf-8 (XML declaration) but not valid UTF-8: invalid bytes read as "
            "windows-1252");
}

TEST(EncodingTest, AlwaysReturnsValidUtf8WhateverTheBytes) {
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all.push_back(static_cast<char>(i));
  }
  for (const char* ct : {"", "text/xml; charset=utf-8", "text/xml; charset=shift_jis",
                         "text/xml; charset=utf-16", "text/xml; charset=gb2312"}) {
    SCOPED_TRACE(ct);
    EXPECT_TRUE(is_valid_utf8(decode_document(all, ct).text()));
  }
  EXPECT_TRUE(is_valid_utf8(
      decode_document(vigie::testing::read_fixture("feeds/not_a_feed_png.png"), "").text()));
}

}  // namespace
}  // namespace vigie::ingest
