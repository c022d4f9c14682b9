// SPDX-License-Identifier: AGPL-3.0-or-later
// text/utf8.h: strict decoding, and escaping that never lets invalid UTF-8 or characters XML
// forbids through, whatever the input.
#include "text/utf8.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::text {
namespace {

TEST(Utf8Test, DecodesOnlyShortestFormScalarValues) {
  struct Case {
    const char* name;
    std::string bytes;
    std::size_t length;  // 0: invalid
    char32_t cp;
  };
  const Case cases[] = {
      {"ascii", "a", 1, U'a'},
      {"two_bytes", "\xC3\xA9", 2, U'\u00E9'},
      {"three_bytes", "\xE2\x82\xAC", 3, U'\u20AC'},
      {"four_bytes", "\xF0\x9F\x98\x80", 4, U'\U0001F600'},
      {"overlong_slash", "\xE0\x80\xAF", 0, 0},
      {"overlong_nul", "\xC0\x80", 0, 0},
      {"surrogate", "\xED\xA0\x80", 0, 0},
      {"past_max", "\xF4\x90\x80\x80", 0, 0},
      {"truncated", "\xE2\x82", 0, 0},
      {"lone_continuation", "\x80", 0, 0},
      {"bad_continuation", "\xC3\x28", 0, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    char32_t cp = 0;
    EXPECT_EQ(decode_utf8(c.bytes, 0, cp), c.length);
    if (c.length != 0) {
      EXPECT_EQ(cp, c.cp);
    }
  }
}

TEST(Utf8Test, EscapesMarkupAndDropsWhatCannotBeCarried) {
  struct Case {
    const char* name;
    std::string in;
    std::string xml;
    std::string html;
    std::string clean;
  };
  const Case cases[] = {
      {"plain", "Côte d'Ivoire", "Côte d&apos;Ivoire", "Côte d&#39;Ivoire", "Côte d'Ivoire"},
      {"markup", "<b>\"a\" & b</b>", "&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;",
       "&lt;b&gt;&quot;a&quot; &amp; b&lt;/b&gt;", "<b>\"a\" & b</b>"},
      {"controls", "a\x01\tb\x7F", "a\tb\x7F", "a\tb\x7F", "a\tb\x7F"},
      {"invalid_bytes", "a\xFF\xC3z", "az", "az", "az"},
      {"overlong_is_dropped_not_copied", "a\xE0\x80\xAFz", "az", "az", "az"},
      {"noncharacter", "a\xEF\xBF\xBEz", "az", "az", "az"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(xml_escape(c.in), c.xml);
    EXPECT_EQ(html_escape(c.in), c.html);
    EXPECT_EQ(clean_utf8(c.in), c.clean);
  }
}

}  // namespace
}  // namespace vigie::text
