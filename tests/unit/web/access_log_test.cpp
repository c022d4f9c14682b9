// SPDX-License-Identifier: AGPL-3.0-or-later
// The access log carries no secret and cannot be forged by a client.
#include "web/access_log.h"

#include <gtest/gtest.h>

namespace vigie::web {
namespace {

TEST(AccessLogTest, TokensAreRedactedFromPathsAndQueries) {
  const struct {
    const char* target;
    const char* logged;
  } cases[] = {
      {"/feeds/topics/3.atom", "/feeds/topics/3.atom"},
      {"/feeds/topics/3.atom?token=abc.def", "/feeds/topics/3.atom?token=REDACTED"},
      {"/feeds/topics/3.rss?x=1&token=abc&key=k",
       "/feeds/topics/3.rss?x=1&token=REDACTED&key=REDACTED"},
      {"/feeds/topics/3.rss?tokens=abc", "/feeds/topics/3.rss?tokens=abc"},
      {"/unsubscribe/eyJhIjoxfQ.c2ln", "/unsubscribe/REDACTED"},
      {"/unsubscribe/eyJ/more?token=x", "/unsubscribe/REDACTED/more?token=REDACTED"},
      {"/healthz?", "/healthz?"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    EXPECT_EQ(redact_target(c.target), c.logged);
  }
}

TEST(AccessLogTest, LineQuotesClientTextSafely) {
  const auto line = access_log_line(
      {"127.0.0.1", "GET", "/unsubscribe/secret?token=t", 404, 512, "evil\"\n200 ok"});
  EXPECT_EQ(line,
            R"(127.0.0.1 "GET /unsubscribe/REDACTED?token=REDACTED" 404 512 "evil\"\x0a200 ok")");
  EXPECT_EQ(line.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace vigie::web
