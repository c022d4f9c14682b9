// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/feed_adapter.h"

#include <string>

#include <gtest/gtest.h>

#include "ingest/html/sanitizer.h"

namespace vigie::ingest {
namespace {

// The adapter skips the HTML parse for values with no "<" or "&": its result must be exactly
// what the sanitiser gives, or the shortcut has drifted.
TEST(FeedAdapterTest, PlainTextShortcutAgreesWithTheSanitiser) {
  using namespace std::string_literals;
  for (const std::string& s : std::initializer_list<std::string>{
           "", " ", "plain text.", "a > b", "say \"hi\"", "it's", "  lead and trail  ",
           "line\nbreak\r\nand\ttab\rcr", "nul\0byte\x01\x0C"s,
           "caf\xC3\xA9 \xC2\xA0 \xE2\x80\x94 \xF0\x9F\x98\x80", "x\xEF\xBF\xBDy", "1 > 0 && b",
           "<p>markup</p>", "&amp; entity", "= ' ` / \\ ;", "javascript:alert(1)",
           "http://example.com/a?b=c"}) {
    SCOPED_TRACE(::testing::PrintToString(s));
    for (const bool images : {false, true}) {
      EXPECT_EQ(sanitize_html_for_test(s, images),
                html::sanitize(s, html::SanitizeOptions{"http://test.example/", images}));
    }
  }
}

}  // namespace
}  // namespace vigie::ingest
