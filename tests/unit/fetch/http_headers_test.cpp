// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/http_headers.h"

#include <optional>

#include <gtest/gtest.h>

namespace vigie::fetch {
namespace {

// 1994-11-06T08:49:37Z, the example date of RFC 9110 §5.6.7.
constexpr std::int64_t kRfcExample = 784111777;

TEST(HttpHeadersTest, ParsesTheThreeHttpDateForms) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> unix_seconds;
  };
  const Case cases[] = {
      {"Sun, 06 Nov 1994 08:49:37 GMT", kRfcExample},
      {"Sunday, 06-Nov-94 08:49:37 GMT", kRfcExample},
      {"Sun Nov  6 08:49:37 1994", kRfcExample},
      {"  Sun, 06 Nov 1994 08:49:37 GMT  ", kRfcExample},
      {"sun, 06 nov 1994 08:49:37 gmt", kRfcExample},
      {"Mon, 06 Nov 1994 08:49:37 GMT", kRfcExample},  // wrong day name: the date counts
      {"Thu, 01 Jan 1970 00:00:00 GMT", 0},
      {"Wed, 29 Feb 2024 12:00:00 GMT", 1709208000},
      {"Thursday, 01-Jan-26 00:00:00 GMT", 1767225600},
      {"Sat, 31 Dec 2016 23:59:60 GMT", 1483228799},
      {"Sun, 06 Nov 1994 08:49:37 UTC", std::nullopt},
      {"Sun, 06 Nov 1994 08:49:37", std::nullopt},
      {"Sun, 31 Nov 1994 08:49:37 GMT", std::nullopt},
      {"Thu, 29 Feb 2023 00:00:00 GMT", std::nullopt},
      {"Sun, 06 Nov 1994 24:00:00 GMT", std::nullopt},
      {"Sun, 06 Foo 1994 08:49:37 GMT", std::nullopt},
      {"1994-11-06T08:49:37Z", std::nullopt},
      {"", std::nullopt},
      {"120", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto t = parse_http_date(c.text);
    ASSERT_EQ(t.has_value(), c.unix_seconds.has_value());
    if (t) {
      EXPECT_EQ(core::to_unix(*t), *c.unix_seconds);
    }
  }
}

TEST(HttpHeadersTest, ReadsRetryAfterAsSecondsOrDateRelativeToNow) {
  const core::Timestamp now = core::from_unix(kRfcExample);
  struct Case {
    const char* text;
    std::optional<std::int64_t> seconds;
  };
  const Case cases[] = {
      {"120", 120},
      {" 0 ", 0},
      {"Sun, 06 Nov 1994 08:51:37 GMT", 120},
      {"Sun, 06 Nov 1994 08:00:00 GMT", 0},  // in the past: now
      {"99999999999999999999", 2147483648LL},
      {"-5", std::nullopt},
      {"1.5", std::nullopt},
      {"soon", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto d = parse_retry_after(c.text, now);
    ASSERT_EQ(d.has_value(), c.seconds.has_value());
    if (d) {
      EXPECT_EQ(d->count(), *c.seconds);
    }
  }
}

TEST(HttpHeadersTest, FindsMaxAgeAmongCacheControlDirectives) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> seconds;
  };
  const Case cases[] = {
      {"max-age=300", 300},
      {"public, max-age=600", 600},
      {"no-cache, MAX-AGE = 60 ,must-revalidate", 60},
      {"max-age=\"90\"", 90},
      {"s-maxage=100, max-age=30", 30},
      {"max-age=10, max-age=20", 10},
      {"max-age=99999999999", 2147483648LL},
      {"s-maxage=100", std::nullopt},
      {"no-store", std::nullopt},
      {"max-age", std::nullopt},
      {"max-age=-1", std::nullopt},
      {"max-age=abc", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const auto d = parse_cache_control_max_age(c.text);
    ASSERT_EQ(d.has_value(), c.seconds.has_value());
    if (d) {
      EXPECT_EQ(d->count(), *c.seconds);
    }
  }
}

}  // namespace
}  // namespace vigie::fetch
