// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/time.h"

#include <gtest/gtest.h>

namespace vigie::core {
namespace {

TEST(TimeTest, FormatsUtcInstantsAsIso8601) {
  EXPECT_EQ(format_iso8601(from_unix(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(from_unix(1'767'225'600)), "2026-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601(from_unix(951'825'599)), "2000-02-29T11:59:59Z");
}

TEST(TimeTest, ParsesWhatItFormats) {
  for (std::int64_t s : {0LL, 951'825'599LL, 1'767'225'600LL, 4'102'444'799LL}) {
    auto t = parse_iso8601_strict(format_iso8601(from_unix(s)));
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(to_unix(*t), s);
  }
  EXPECT_EQ(to_unix(*parse_iso8601_strict("2026-03-01")), 1'772'323'200);
}

TEST(TimeTest, RefusesMalformedInstants) {
  for (const char* s : {"", "2026", "2026-13-01", "2026-02-30", "2026-01-01T25:00:00Z",
                        "2026-01-01T00:00:00Zjunk", "2026-01-01 00:00:00"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(parse_iso8601_strict(s).has_value());
  }
}

}  // namespace
}  // namespace vigie::core
