// SPDX-License-Identifier: AGPL-3.0-or-later
// The sanitiser's fast path against its gumbo path: on every input the fast path accepts, the
// two must give the same bytes (sanitizer_paths.h). Inputs: a table of tricky fragments, every
// named entity, the fixture pages and their pieces, and generated well-nested markup. Feed
// fixtures' fragments are checked in tests/unit/ingest/sanitizer_paths_feed_test.cpp.
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "core/url.h"
#include "fixtures.h"
#include "ingest/html/entities.h"
#include "ingest/html/sanitizer.h"
#include "ingest/html/sanitizer_paths.h"

namespace vigie::ingest::html {
namespace {

std::vector<SanitizeOptions> all_options() {
  std::vector<SanitizeOptions> out;
  for (const char* base : {"", "https://example.org/news/item.html"}) {
    for (const bool keep : {false, true}) {
      SanitizeOptions o;
      o.base_url = base;
      o.keep_images = keep;
      out.push_back(o);
    }
  }
  return out;
}

// Whether the fast path took the input (under any options); fails the test on a difference.
bool agree(std::string_view input) {
  bool taken = false;
  for (const SanitizeOptions& o : all_options()) {
    const std::string slow = detail::sanitize_with_gumbo(input, o);
    const auto fast = detail::sanitize_fast(input, o);
    if (fast) {
      taken = true;
      EXPECT_EQ(*fast, slow) << "input: " << ::testing::PrintToString(std::string(input))
                             << "\nbase: " << o.base_url << ", keep_images: " << o.keep_images;
      EXPECT_EQ(sanitize(input, o), slow);
    }
  }
  return taken;
}

// Inputs the fast path must take (the common shapes of feed HTML) and agree on.
TEST(SanitizerFastPathTest, TakesCommonMarkupAndAgreesWithGumbo) {
  const std::vector<std::string> inputs = {
      "",
      "plain text",
      "a > b \"quoted\" 'single'",
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
      "<p>One</p>\n<p>Two <a href=\"/article/12\">more</a></p>",
      "<p>Une <strong>phrase</strong>. <em>Deux</em> <b>b</b> <i>i</i> <u>u</u></p>",
      "<P>upper <STRONG>case</STRONG></P>",
      "<p><img src=\"/img/1.jpg\" alt=\"cacao\" width=\"600\" height=\"400\"></p>",
      "<p><img src=\"https://cdn.example.com/x.png\"/></p>",
      "<p><img src='/t.gif' width=1 height=1></p>",
      "<img src=\"https://feeds.feedburner.com/~r/x/~4/abc\">",
      "<a href=\"https://example.com/\"><img src=\"/i.png\" alt=\"logo\"></a>",
      "<a href=\"https://example.com/\"><img src=\"/open.gif\"></a>",
      "<a href=\"https://example.com/\"> </a>",
      "<a href=\"javascript:alert(1)\">text only</a>",
      "<a href=\"mailto:someone@example.org\">mail</a>",
      "<a href=\"/rel\" title=\"T &amp; S\">rel</a>",
      "<a HREF=/unquoted TITLE=x>u</a>",
      "<ul>\n<li>one</li>\n<li>two</li>\n</ul>",
      "<ol start=\"3\" reversed type=\"i\"><li value=\"7\">x</li></ol>",
      "<dl><dt>term</dt><dd>definition</dd></dl>",
      "<blockquote cite=\"https://example.org/q\"><p>quote</p></blockquote>",
      "<h2>Title</h2><p>para</p><hr><p>after</p><hr/>",
      "<div><p>in div</p><span lang=\"fr\" dir=\"RTL\">x</span></div>",
      "<pre>code\n  indented</pre>",
      "<pre><code>x = 1;</code></pre>",
      "<p>line<br>break<br/>again<wbr>x</p>",
      "<p>&amp; &lt; &gt; &quot; &apos; &nbsp; &eacute; &#233; &#xE9; &#x1F600;</p>",
      "R&D, a & b, &, &x y",
      "a < b, 3<4, <3",
      "<time datetime=\"2024-01-02T03:04:05Z\">then</time>",
      "<abbr title=\"Chambre de commerce\">CCI</abbr> <del cite=\"/why\" datetime=\"2024\">x</del>",
      "<font color=\"red\">plain in font</font>",
      "<span style=\"color:red\" onclick=\"x()\" class=\"c\" id=\"i\">attrs dropped</span>",
      "<figure><img src=\"/a.jpg\" alt=\"A\"><figcaption>cap</figcaption></figure>",
      "<b><p>block in formatting</p></b>",
      "<a href=\"/x\"><div>block in link</div></a>",
      "<p>unclosed at the end <b>bold",
      "<details><summary>s</summary>d</details>",
  };
  for (const std::string& input : inputs) {
    EXPECT_TRUE(agree(input)) << "fast path refused: " << input;
  }
}

// Inputs where the parser does more than nest tags; the fast path may refuse them, and when it
// takes one it must agree.
TEST(SanitizerFastPathTest, AgreesOrRefusesOnTrickyMarkup) {
  const std::vector<std::string> inputs = {
      "<p>one<p>two",
      "<p><div>x</div></p>",
      "<b><i>misnested</b></i>",
      "<b>x<p>y</b>z</p>",
      "<li>a<li>b",
      "<ul><li>a<li>b</ul>",
      "<ul><span><li>x</li></span></ul>",
      "<li>outside</li>",
      "<dd>x</dd>",
      "<h1><h2>x</h2></h1>",
      "<h1><span><h2>x</h2></span></h1>",
      "<a href=/a><a href=/b>x</a></a>",
      "<b><b><b><b>x</b></b></b></b>",
      "<table><tr><td>x</td></tr></table>",
      "<p><table><tr><td>x</td></tr></table>",
      "<!-- comment -->x",
      "<!DOCTYPE html>x",
      "<?php echo 1; ?>",
      "<![CDATA[x]]>",
      "<script>alert(1)</script>x",
      "<style>p{}</style>x",
      "<pre>\nfirst newline</pre>",
      "<pre>&#10;ref newline</pre>",
      "<pre><b>\nx</b></pre>",
      "<pre><font>\nx</font></pre>",
      "<pre><a href=\"/x\"><img src=\"/open.gif\"></a>\nx</pre>",
      "<p/>",
      "<div/>x",
      "<br></br>",
      "</p>",
      "</br>",
      "<image src=/x.png>",
      "<a href=\"x\"title=\"y\">no space</a>",
      "<a href=x\"y>quote in unquoted</a>",
      "<a href= >empty unquoted</a>",
      "<a href>no value</a>",
      "<a b\"c>odd name</a>",
      "<p a=1 a=2 a=3>",
      "<a href=\"x\" href=\"https://second.example/\">dup</a>",
      // Found by fuzz_html_sanitizer_fast: gumbo drops the value after a valueless duplicate.
      "<blockquote a b a cite=\"/q\">x</blockquote>",
      "<font><b>x</b></font>",
      "<a href=\"javascript:x\"><b>x</b></a>",
      "<a href=\"javascript:x\">x</a>",
      "&lang; &rang; &copy &amp &notin; &not; &NotANameAtAll;",
      "&copy2024",
      "&ampx",
      "&notit;",
      "&notin",
      "&lt3",
      "&Amp",
      "&AMPx",
      "&sup1x",
      "&frac12",
      "&Dagger",
      "&DD;",
      "&hellip",
      "<a title=\"&copy=1\">x</a>",
      "<a href=\"/?a=1&b=2\">x</a>",
      "&#; &#0; &#128; &#x80; &#x9F; &#13; &#xD800; &#x110000; &#xFFFE; &#xFDD0; &#12345678;",
      "a\rb",
      "a\r\nb",
      std::string("nul\0byte", 8),
      "\x01\x7F",
      "\xC2\x80",
      "\xEF\xBB\xBF"
      "bom",
      "\xFF\xFE",
      "\xC3",
      "\xED\xA0\x80",
      "\xEF\xB7\x90",
      "<p title=\"\xC2\x85\">x</p>",
      "<p lang=\"fr\r\">x</p>",
      "<div><b>x</div>",
      "<span>a</b>",
      "<listing>x</listing>",
      "<xmp><b></xmp>",
      "<plaintext><b>",
      "<textarea>x</textarea>",
      "<noscript><b>x</b></noscript>",
      "<svg><p>x</p></svg>",
      "<math>x</math>",
      "<form><p>x</p></form>",
      "<audio src=\"/a.mp3\"></audio>",
      "<ruby>x<rt>y</rt></ruby>",
      "<nobr>x</nobr>",
      "<custom-el>x</custom-el>",
      "<a href=\"/x\" \n\t title='t'\f>ws</a>",
      "<p\n>newline in tag</p\n>",
      "<p>x</p x>",
      "<p>x</p/>",
      "<br/ >",
      "<img src=\"/a.png\" / >",
      "<",
      "x<",
      "<a",
      "<a href=\"x",
      "</",
      "</a",
      "<p>&amp",
      "<p data-x=\"&#x41;&#65;&amp;\">x</p>",
      "<img data-src=\"/real.jpg\" src=\"data:image/gif;base64,R0l\" alt=\"lazy\">",
      "<img src=\"/x.png\" style=\"display: none\">",
      "<a href=\"http://a.example/&quot;onmouseover=&quot;x\">q</a>",
      "<a href=\"  java\tscript:alert(1)\">x</a>",
      "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
      "<p>\xEF\xBF\xBE</p>",
  };
  for (const std::string& input : inputs) {
    agree(input);
  }
}

// Named references: the XHTML set the fast path decodes must mean in HTML5 what it means in
// entities.cpp (lang and rang do not, and are refused).
TEST(SanitizerFastPathTest, AgreesOnEveryNamedEntity) {
  std::size_t checked = 0;
  for (const std::string_view name : named_entity_names()) {
    const std::string n(name);
    const std::string input = "<p title=\"&" + n + ";\">&" + n + ";</p>";
    agree(input);
    ++checked;
  }
  EXPECT_GE(checked, 250U);
}

std::vector<std::string> fixture_pages() {
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("pages"))) {
    pages.push_back(testing::read_file(entry.path()));
  }
  return pages;
}

TEST(SanitizerFastPathTest, AgreesOnFixturePagesAndTheirPieces) {
  for (const std::string& page : fixture_pages()) {
    agree(page);
    // Pieces cut at tag boundaries, so some of them are the well-nested kind.
    std::size_t from = 0;
    for (std::size_t at = page.find('<', 1); at != std::string::npos; at = page.find('<', at + 1)) {
      if (at - from > 200) {
        agree(std::string_view(page).substr(from, at - from));
        from = at;
      }
    }
  }
}

// Random well-nested markup from the fast path's own alphabet with a few irregular pieces
// mixed in, so that both acceptance and refusal are exercised deep in the input.
std::string generate(std::mt19937& rng, int depth) {
  static const std::vector<std::string> kOpen = {
      "p",  "div", "b",          "i",  "em",   "strong", "a href=\"/x\"",
      "ul", "ol",  "blockquote", "h3", "span", "pre",    "a href=\"javascript:x\"",
      "li", "dl",  "dd",         "u",  "font", "code",   "a href=\"https://e.example/\""};
  static const std::vector<std::string> kLeaf = {"text ",
                                                 "&amp;",
                                                 "&eacute;",
                                                 "&#233;",
                                                 "caf\xC3\xA9 ",
                                                 "\n",
                                                 "<br>",
                                                 "<hr>",
                                                 "<wbr>",
                                                 "a < b ",
                                                 " R&D ",
                                                 "&lt;b&gt;",
                                                 "<img src=\"/i.png\" alt=\"I\">",
                                                 "<img src=\"/open.gif\">",
                                                 "\"q\" ",
                                                 "<!-- c -->",
                                                 "</p>",
                                                 "<p>",
                                                 "&nbsp;",
                                                 "<img src=/x.jpg width=1>",
                                                 "<li>",
                                                 "\r\n",
                                                 "&copy",
                                                 "<table><td>"};
  std::uniform_int_distribution<int> coin(0, 9);
  std::string s;
  const int n = std::uniform_int_distribution<int>(1, 5)(rng);
  for (int k = 0; k < n; ++k) {
    if (depth < 6 && coin(rng) < 4) {
      const std::string& open =
          kOpen[std::uniform_int_distribution<std::size_t>(0, kOpen.size() - 1)(rng)];
      const std::string name = open.substr(0, open.find(' '));
      s += "<" + open + ">" + generate(rng, depth + 1);
      if (coin(rng) != 0) {
        s += "</" + name + ">";
      }
    } else {
      const std::string& leaf =
          kLeaf[std::uniform_int_distribution<std::size_t>(0, kLeaf.size() - 1)(rng)];
      if (coin(rng) < 8 || leaf[0] != '<' || leaf.size() < 3 || leaf[1] == 'b' || leaf[1] == 'i') {
        s += leaf;
      }
    }
  }
  return s;
}

TEST(SanitizerFastPathTest, AgreesOnGeneratedMarkup) {
  std::mt19937 rng(20261127);
  std::size_t taken = 0;
  for (int i = 0; i < 3000 && !HasFailure(); ++i) {
    taken += agree(generate(rng, 0)) ? 1U : 0U;
  }
  EXPECT_GE(taken, 300U);  // the generator must keep the fast path busy
}

// Relative links take shortcuts past core::resolve_url (a cached origin for path-absolute
// references, no second parse of the result): they must still give what it gives.
TEST(SanitizerLinkTest, RelativeLinksResolveAsResolveUrlDoes) {
  const std::vector<std::string> bases = {
      "https://example.org/news/item.html", "HTTP://Example.ORG:8080/a/b/?q=1#f",
      "https://example.org", "https://u@example.org/dir/", "http://example.org/a%20b/c"};
  const std::vector<std::string> refs = {"/",
                                         "/x",
                                         "/a/b/c.html",
                                         "/a//b",
                                         "/a/./b",
                                         "/a/../b",
                                         "/..",
                                         "/.",
                                         "/a/.",
                                         "/a/..",
                                         "/.x/..y/",
                                         "/a?b=/../c",
                                         "/a#/./b",
                                         "/a?x#y",
                                         "/?",
                                         "/#",
                                         "/%2e%2e/x",
                                         "/a b",
                                         "x",
                                         "./x",
                                         "../x",
                                         "?q",
                                         "#f",
                                         "//other.example/p",
                                         "//other.example",
                                         "x/../../y",
                                         "/\\evil.example/",
                                         "/:x",
                                         "/a:b"};
  for (const std::string& base : bases) {
    for (const std::string& ref : refs) {
      const SanitizeOptions o{base, false};
      const std::string out = sanitize("<a href=\"" + ref + "\">x</a>", o);
      const std::string expected = core::resolve_url(base, ref);
      std::string escaped;
      for (const char c : expected) {
        escaped += c == '&'   ? std::string("&amp;")
                   : c == '"' ? std::string("&quot;")
                              : std::string(1, c);
      }
      if (core::is_http_url(expected)) {
        EXPECT_NE(out.find("href=\"" + escaped + "\""), std::string::npos)
            << base << " + " << ref << " -> " << out;
      } else {
        EXPECT_EQ(out, "x") << base << " + " << ref;
      }
    }
  }
}

TEST(SanitizerFastPathTest, ItsOutputIsAFixedPoint) {
  for (const std::string input :
       {"<p>One <a href=\"/a\">two</a> &amp; <img src=\"/i.png\"></p>", "<ul><li>x</li></ul>"}) {
    const SanitizeOptions o{"https://example.org/", false};
    const std::string once = sanitize(input, o);
    EXPECT_EQ(sanitize(once, o), once);
    EXPECT_TRUE(detail::sanitize_fast(once, o).has_value()) << once;
  }
}

}  // namespace
}  // namespace vigie::ingest::html
