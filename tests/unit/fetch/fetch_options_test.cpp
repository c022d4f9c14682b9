// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/fetch_options.h"

#include <functional>

#include <gtest/gtest.h>

namespace vigie::fetch {
namespace {

TEST(FetchOptionsTest, DefaultsAreValid) {
  EXPECT_TRUE(validate_fetch_options(FetchOptions{}));
}

TEST(FetchOptionsTest, RefusesOutOfRangeFieldsAndBadAllowListEntries) {
  struct Case {
    const char* name;
    std::function<void(FetchOptions&)> change;
  };
  const Case cases[] = {
      {"no concurrency", [](FetchOptions& o) { o.max_concurrent = 0; }},
      {"no per-host concurrency", [](FetchOptions& o) { o.per_host_max_concurrent = 0; }},
      {"negative gap",
       [](FetchOptions& o) { o.per_host_min_delay = std::chrono::milliseconds{-1}; }},
      {"zero timeout", [](FetchOptions& o) { o.total_timeout = std::chrono::milliseconds{0}; }},
      {"negative redirects", [](FetchOptions& o) { o.max_redirects = -1; }},
      {"zero body cap", [](FetchOptions& o) { o.max_body_bytes = 0; }},
      {"header injection", [](FetchOptions& o) { o.user_agent = "x\r\nX-Evil: 1"; }},
      {"bad allow-list entry", [](FetchOptions& o) { o.allow_list = {"10.0.0.1/8"}; }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    FetchOptions o;
    c.change(o);
    const auto status = validate_fetch_options(o);
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().reason, "fetch.invalid_options");
    EXPECT_EQ(status.error().code, core::ErrorCode::InvalidInput);
  }
}

}  // namespace
}  // namespace vigie::fetch
