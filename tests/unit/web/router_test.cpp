// SPDX-License-Identifier: AGPL-3.0-or-later
// The route patterns and the router: captures, literal suffixes, HEAD as GET, 405 versus 404.
#include "web/router.h"

#include <gtest/gtest.h>

namespace vigie::web {
namespace {

struct PatternCase {
  const char* name;
  const char* pattern;
  const char* path;
  bool matches;
  const char* id;  // params["id"] when it matches and the pattern captures it
};

TEST(RouterTest, PatternsCaptureWholeSegmentsBetweenLiterals) {
  const PatternCase cases[] = {
      {"literal", "/healthz", "/healthz", true, ""},
      {"literal_other", "/healthz", "/health", false, ""},
      {"capture_with_suffix", "/feeds/topics/{id}.atom", "/feeds/topics/12.atom", true, "12"},
      {"wrong_suffix", "/feeds/topics/{id}.atom", "/feeds/topics/12.rss", false, ""},
      {"empty_capture", "/feeds/topics/{id}.atom", "/feeds/topics/.atom", false, ""},
      {"extra_segment", "/feeds/topics/{id}.atom", "/feeds/topics/1/2.atom", false, ""},
      {"trailing_slash", "/healthz", "/healthz/", false, ""},
      {"plain_capture", "/unsubscribe/{id}", "/unsubscribe/abc.DEF_-", true, "abc.DEF_-"},
      {"relative_path", "/healthz", "healthz", false, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::map<std::string, std::string, std::less<>> params;
    EXPECT_EQ(match_pattern(c.pattern, c.path, params), c.matches);
    if (c.matches && *c.id != '\0') {
      EXPECT_EQ(params["id"], c.id);
    }
  }
}

TEST(RouterTest, HeadIsRoutedAsGetAndOtherMethodsListTheAllowedOnes) {
  auto ok = [](const Request&) -> core::Result<Response> { return Response{}; };
  Router router({{"GET", "/a/{x}", ok}, {"POST", "/a/{x}", ok}, {"GET", "/b", ok}});
  EXPECT_NE(router.match("HEAD", "/b").route, nullptr);
  const auto post = router.match("POST", "/a/1");
  ASSERT_NE(post.route, nullptr);
  EXPECT_EQ(post.route->method, "POST");
  EXPECT_EQ(post.params.at("x"), "1");
  const auto del = router.match("DELETE", "/a/1");
  EXPECT_EQ(del.route, nullptr);
  EXPECT_EQ(del.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  const auto none = router.match("GET", "/c");
  EXPECT_EQ(none.route, nullptr);
  EXPECT_TRUE(none.allowed_methods.empty());
}

TEST(RouterTest, TheTableHasEveryPublicRoute) {
  Endpoints e;
  const auto routes = route_table(e);  // pointers are only used when a handler runs
  std::vector<std::string> got;
  for (const auto& r : routes) {
    got.push_back(r.method + " " + r.pattern);
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"GET /healthz", "GET /feeds/topics/{id}.atom",
                                      "GET /feeds/topics/{id}.rss", "GET /feeds/topics/{id}.json",
                                      "GET /unsubscribe/{token}", "POST /unsubscribe/{token}"}));
}

}  // namespace
}  // namespace vigie::web
