// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/html/entities.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vigie::ingest::html {
namespace {

TEST(EntitiesTest, FindsTheXhtmlNames) {
  EXPECT_EQ(named_entity("eacute"), U'\u00E9');
  EXPECT_EQ(named_entity("AElig"), U'\u00C6');
  EXPECT_EQ(named_entity("zwnj"), U'\u200C');
  EXPECT_EQ(named_entity("apos"), U'\'');
  EXPECT_EQ(named_entity("euro"), U'\u20AC');
  EXPECT_FALSE(named_entity("Eacute2").has_value());
  EXPECT_FALSE(named_entity("EACUTE").has_value());  // names are case-sensitive
  EXPECT_FALSE(named_entity("").has_value());
}

TEST(EntitiesTest, DecodesReferencesAndReportsTheirLength) {
  struct Case {
    std::string in;
    char32_t cp;
    std::size_t length;
  };
  const std::vector<Case> cases = {
      {"&amp;x", U'&', 5},
      {"&eacute;", U'\u00E9', 8},
      {"&#65;", U'A', 5},
      {"&#x41;", U'A', 6},
      {"&#X41", U'A', 5},
      {"&#0;", 0xFFFD, 4},
      {"&#128;", U'\u20AC', 6},
      {"&#x10FFFF;", 0x10FFFF, 10},
      {"&#99999999999;", 0xFFFD, 14},
      {"&nbsp ", U'\u00A0', 5},
      {"&lt", U'<', 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    const auto ref = decode_char_ref(c.in);
    ASSERT_TRUE(ref.has_value());
    EXPECT_EQ(ref->code_point, c.cp);
    EXPECT_EQ(ref->length, c.length);
  }
}

TEST(EntitiesTest, LeavesWhatIsNotAReferenceAlone) {
  for (const char* s : {"&", "& x", "&#;", "&#x;", "&unknown;", "&eacute", "&ltfoo", "x"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(decode_char_ref(s).has_value());
  }
}

TEST(EntitiesTest, EncodesUtf8) {
  std::string s;
  for (char32_t cp : {U'A', U'\u00E9', U'\u20AC', U'\U0001F600', char32_t{0xD800}}) {
    append_utf8(s, cp);
  }
  EXPECT_EQ(s, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBD");
}

}  // namespace
}  // namespace vigie::ingest::html
