// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/url.h"

#include <initializer_list>

#include <gtest/gtest.h>

namespace vigie::core {
namespace {

struct ResolveCase {
  const char* ref;
  const char* expected;
};

// RFC 3986 §5.4.1 and §5.4.2, verbatim.
TEST(UrlTest, ResolvesTheReferenceExamplesOfRfc3986) {
  constexpr const char* kBase = "http://a/b/c/d;p?q";
  const std::initializer_list<ResolveCase> cases = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {"g?y#s", "http://a/b/c/g?y#s"},
      {";x", "http://a/b/c/;x"},
      {"g;x", "http://a/b/c/g;x"},
      {"g;x?y#s", "http://a/b/c/g;x?y#s"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../", "http://a/"},
      {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},
      {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g?y/../x", "http://a/b/c/g?y/../x"},
      {"g#s/./x", "http://a/b/c/g#s/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.ref);
    EXPECT_EQ(resolve_url(kBase, c.ref), c.expected);
  }
}

TEST(UrlTest, ResolvesTheShapesFeedsUse) {
  struct Case {
    const char* base;
    const char* ref;
    const char* expected;
  };
  const std::initializer_list<Case> cases = {
      {"http://example.com", "item/1", "http://example.com/item/1"},
      {"http://example.com", "/item/1", "http://example.com/item/1"},
      {"https://example.com/feed/", "../a.html", "https://example.com/a.html"},
      {"https://example.com/blog/feed.xml", "2024/post.html",
       "https://example.com/blog/2024/post.html"},
      {"https://example.com/a", "//cdn.example.net/x.png", "https://cdn.example.net/x.png"},
      {"https://example.com/a", "  \n https://other.example/x \n", "https://other.example/x"},
      {"https://example.com/a", "mailto:someone@example.com", "mailto:someone@example.com"},
      {"https://example.com/a", "/p?a=1&b=2#top", "https://example.com/p?a=1&b=2#top"},
      {"", "relative/path", "relative/path"},
      {"not a url", "x.html", "x.html"},
      {"https://[::1]:8080/dir/", "x", "https://[::1]:8080/dir/x"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.base) + " + " + c.ref);
    EXPECT_EQ(resolve_url(c.base, c.ref), c.expected);
  }
}

TEST(UrlTest, ParsesAbsoluteUrlsIntoTheirParts) {
  const auto u = parse_url("HTTPS://user:pw@Example.COM:8443/a/b?x=1#frag");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->userinfo, "user:pw");
  EXPECT_EQ(u->host, "example.com");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(u->fragment, "frag");
  EXPECT_EQ(to_string(*u), "https://user:pw@example.com:8443/a/b?x=1#frag");

  const auto v6 = parse_url("http://[2001:db8::1]:80/");
  ASSERT_TRUE(v6.has_value());
  EXPECT_EQ(v6->host, "2001:db8::1");
  EXPECT_EQ(to_string(*v6), "http://[2001:db8::1]:80/");

  const auto mail = parse_url("mailto:a@example.com");
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->host, "");
  EXPECT_EQ(mail->path, "a@example.com");
  EXPECT_EQ(to_string(*mail), "mailto:a@example.com");

  const auto file = parse_url("file:///etc/hosts");
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(to_string(*file), "file:///etc/hosts");
}

// What fuzz_dates_urls checks, on the cases it found: a URL prints to a form that parses to
// the same print, and a canonical form canonicalises to itself.
TEST(UrlTest, PrintsAndCanonicalFormsReadBackAsThemselves) {
  struct Case {
    const char* name;
    const char* input;
    const char* printed;    // to_string(parse_url(input))
    const char* canonical;  // canonicalize_url(input)
  };
  const std::initializer_list<Case> cases = {
      {"a path starting with // keeps its empty authority", "at:////A", "at:////A", "at:////A"},
      {"a trailing space in a path", "ttp:/00 #lt[p", "ttp:/00 #lt[p", "ttp:/00%20"},
      {"a % that starts no escape, before escapes of hex digits", "http://h/%%34%31?q=%%34",
       "http://h/%%34%31?q=%%34", "http://h/%2541?q=%254"},
      {"spaces and controls in a query", "https://h/p?a=1 2&b=\x7F", "https://h/p?a=1 2&b=\x7F",
       "https://h/p?a=1%202&b=%7F"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const auto u = parse_url(c.input);
    ASSERT_TRUE(u.has_value());
    const std::string printed = to_string(*u);
    EXPECT_EQ(printed, c.printed);
    const auto again = parse_url(printed);
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(to_string(*again), printed);
    const std::string canonical = canonicalize_url(c.input);
    EXPECT_EQ(canonical, c.canonical);
    EXPECT_EQ(canonicalize_url(canonical), canonical);
  }
}

TEST(UrlTest, RefusesWhatIsNotAnAbsoluteUrl) {
  for (const char* s : {"", "   ", "example.com/x", "/path", "//host/x", "1http://x",
                        "http://host:99999/", "http://host:8a/", "http://[::1/", "http://a b/",
                        // Colons and brackets outside an IPv6 literal (found by fuzz_dates_urls).
                        "http://A::0]:8080/", "http://a:b:80/", "http://[a[b]/", "http://a]/"}) {
    SCOPED_TRACE(s);
    EXPECT_FALSE(parse_url(s).has_value());
  }
}

TEST(UrlTest, CanonicalisesForDuplicateDetection) {
  const std::initializer_list<ResolveCase> cases = {
      {"HTTP://Example.COM", "http://example.com/"},
      {"http://example.com:80/a", "http://example.com/a"},
      {"https://example.com:443/a", "https://example.com/a"},
      {"https://example.com:8443/a", "https://example.com:8443/a"},
      {"https://example.com/a#section", "https://example.com/a"},
      {"https://example.com/a?utm_source=x&id=3&utm_medium=y", "https://example.com/a?id=3"},
      {"https://example.com/a?fbclid=abc", "https://example.com/a"},
      {"https://example.com/a?gclid=1&UTM_Campaign=2&b=%7e", "https://example.com/a?b=~"},
      {"https://example.com/a/./b/../c", "https://example.com/a/c"},
      {"https://example.com/%7euser/%2f", "https://example.com/~user/%2F"},
      {"not a url", "not a url"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.ref);
    EXPECT_EQ(canonicalize_url(c.ref), c.expected);
  }
}

TEST(UrlTest, RecognisesHttpUrls) {
  EXPECT_TRUE(is_http_url("http://example.com"));
  EXPECT_TRUE(is_http_url(" https://example.com/x "));
  EXPECT_FALSE(is_http_url("ftp://example.com/"));
  EXPECT_FALSE(is_http_url("javascript:alert(1)"));
  EXPECT_FALSE(is_http_url("http:///path-only"));
  EXPECT_FALSE(is_http_url("/relative"));
}

}  // namespace
}  // namespace vigie::core
