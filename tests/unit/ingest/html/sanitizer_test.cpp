// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/html/sanitizer.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"

namespace vigie::ingest::html {
namespace {

constexpr std::string_view kBase = "https://example.org/news/item.html";
constexpr std::string_view kRel = R"( rel="nofollow noopener noreferrer")";

SanitizeOptions with_base(bool keep_images = false) {
  SanitizeOptions o;
  o.base_url = std::string(kBase);
  o.keep_images = keep_images;
  return o;
}

std::string link(std::string_view href, std::string_view text) {
  return "<a href=\"" + std::string(href) + "\"" + std::string(kRel) + ">" + std::string(text)
         + "</a>";
}

struct Case {
  const char* name;
  std::string input;
  std::string expected;
};

void run_cases(const std::vector<Case>& cases, const SanitizeOptions& options) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(sanitize(c.input, options), c.expected);
  }
}

struct OutTag {
  std::string name;
  bool end = false;
  std::vector<std::pair<std::string, std::string>> attributes;
};

// Text and attribute values as we write them: no raw "<", ">" or '"', and no "&" but the four
// references we write.
bool escaped_text(std::string_view s) {
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s[k] == '>' || s[k] == '"' || s[k] == '<') {
      return false;
    }
    if (s[k] == '&' && !s.substr(k).starts_with("&amp;") && !s.substr(k).starts_with("&lt;")
        && !s.substr(k).starts_with("&gt;") && !s.substr(k).starts_with("&quot;")) {
      return false;
    }
  }
  return true;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '1' && c <= '6');
}

// Reads the tag at html[lt] == '<' into `tag`; returns the position after its ">", or npos
// when it is not in the form we write.
std::size_t read_tag(const std::string& html, std::size_t lt, OutTag& tag) {
  tag.end = html.compare(lt, 2, "</") == 0;
  std::size_t j = lt + (tag.end ? 2 : 1);
  while (j < html.size() && is_name_char(html[j])) {
    tag.name.push_back(html[j++]);
  }
  while (!tag.name.empty() && j < html.size() && html[j] == ' ') {
    std::size_t k = j + 1;
    while (k < html.size() && html[k] >= 'a' && html[k] <= 'z') {
      ++k;
    }
    std::string name = html.substr(j + 1, k - j - 1);
    std::string value;
    if (html.compare(k, 2, "=\"") == 0) {
      const std::size_t close = html.find('"', k + 2);
      if (close == std::string::npos) {
        return std::string::npos;
      }
      value = html.substr(k + 2, close - k - 2);
      k = close + 1;
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
    j = k;
  }
  if (tag.name.empty() || j >= html.size() || html[j] != '>') {
    return std::string::npos;
  }
  return j + 1;
}

// Reads the output in the narrow form the sanitiser writes and checks it is well-formed: every
// non-void start tag closed in order, attribute values double-quoted, text and values escaped.
::testing::AssertionResult well_formed(const std::string& html,
                                       std::vector<OutTag>* tags = nullptr) {
  static const std::vector<std::string_view> kVoid = {"br", "hr", "img", "wbr", "col"};
  const auto fail = [&](std::string_view what, std::size_t at) {
    return ::testing::AssertionFailure() << what << " at " << at << " in " << html;
  };
  std::vector<std::string> open;
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = std::min(html.find('<', i), html.size());
    if (!escaped_text(std::string_view{html}.substr(i, lt - i))) {
      return fail("raw markup character or bare '&' in text", i);
    }
    if (lt == html.size()) {
      break;
    }
    OutTag tag;
    i = read_tag(html, lt, tag);
    if (i == std::string::npos) {
      return fail("bad tag", lt);
    }
    for (const auto& attribute : tag.attributes) {
      if (!escaped_text(attribute.second)) {
        return fail("bad attribute value", lt);
      }
    }
    const bool is_void = std::find(kVoid.begin(), kVoid.end(), tag.name) != kVoid.end();
    if (tag.end && (open.empty() || open.back() != tag.name)) {
      return fail("unbalanced end tag", lt);
    }
    if (tag.end) {
      open.pop_back();
    } else if (!is_void) {
      open.push_back(tag.name);
    }
    if (tags != nullptr) {
      tags->push_back(std::move(tag));
    }
  }
  if (!open.empty()) {
    return fail("element left open: " + open.back(), html.size());
  }
  return ::testing::AssertionSuccess();
}

// Nothing active survives: only allow-listed elements and attributes, and URLs that are http,
// https or mailto.
::testing::AssertionResult inert(const std::string& html) {
  static const std::vector<std::string_view> kElements = {
      "a",    "abbr",     "acronym",    "address", "article", "aside",  "b",     "bdi",
      "bdo",  "big",      "blockquote", "br",      "caption", "center", "cite",  "code",
      "col",  "colgroup", "dd",         "del",     "details", "dfn",    "div",   "dl",
      "dt",   "em",       "figcaption", "figure",  "footer",  "h1",     "h2",    "h3",
      "h4",   "h5",       "h6",         "header",  "hgroup",  "hr",     "i",     "img",
      "ins",  "kbd",      "li",         "main",    "mark",    "nav",    "ol",    "p",
      "pre",  "q",        "rb",         "rp",      "rt",      "rtc",    "ruby",  "s",
      "samp", "section",  "small",      "span",    "strike",  "strong", "sub",   "summary",
      "sup",  "table",    "tbody",      "td",      "tfoot",   "th",     "thead", "time",
      "tr",   "tt",       "u",          "ul",      "var",     "wbr"};
  static const std::vector<std::string_view> kAttributes = {
      "href",    "title",          "rel",     "src",      "alt",   "width",    "height",
      "loading", "referrerpolicy", "cite",    "datetime", "start", "reversed", "type",
      "value",   "colspan",        "rowspan", "scope",    "span",  "lang",     "dir"};
  std::vector<OutTag> tags;
  if (auto r = well_formed(html, &tags); !r) {
    return r;
  }
  for (const OutTag& t : tags) {
    if (std::find(kElements.begin(), kElements.end(), t.name) == kElements.end()) {
      return ::testing::AssertionFailure() << "element <" << t.name << "> in " << html;
    }
    for (const auto& [name, value] : t.attributes) {
      if (std::find(kAttributes.begin(), kAttributes.end(), name) == kAttributes.end()) {
        return ::testing::AssertionFailure() << "attribute " << name << " in " << html;
      }
      if ((name == "href" || name == "src" || name == "cite") && !value.starts_with("http://")
          && !value.starts_with("https://") && !(name == "href" && value.starts_with("mailto:"))) {
        return ::testing::AssertionFailure() << "URL " << value << " in " << html;
      }
    }
  }
  return ::testing::AssertionSuccess();
}

TEST(SanitizerTest, DropsActiveContentWithItsText) {
  run_cases(
      {
          {"script", "<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"},
          {"style element", "<style>p{color:red}</style><p>x</p>", "<p>x</p>"},
          {"iframe", "<p>a</p><iframe src=\"https://evil.example/\">fallback</iframe>", "<p>a</p>"},
          {"object and embed",
           R"(<object data="x.swf"><param name=a value=b><embed src="x.swf">alt</object>ok)", "ok"},
          {"form controls", "<form action=\"/s\"><input name=q><button>Go</button>Texte</form>",
           "Texte"},
          {"select", "<select><option>Un</option><option>Deux</option></select>fin", "fin"},
          {"svg with script", "<svg><script>alert(1)</script><circle r=1 /></svg>ok", "ok"},
          {"mathml", "<math><mi>x</mi></math>ok", "ok"},
          {"noscript", "<noscript><img src=\"/t.gif\"></noscript>ok", "ok"},
          {"template", "<template><p>hidden</p></template>ok", "ok"},
          {"head elements in a page",
           "<html><head><title>T</title><meta charset=utf-8><link rel=stylesheet href=a.css>"
           "<base href=\"https://evil.example/\"><script src=x.js></script></head>"
           "<body onload=\"x()\"><p>Corps</p></body></html>",
           "<p>Corps</p>"},
          {"comments", "<p>a<!-- secret -->b</p><!--[if IE]><script></script><![endif]-->",
           "<p>ab</p>"},
      },
      with_base());
}

TEST(SanitizerTest, DropsEventAndStyleAttributes) {
  run_cases(
      {
          {"onclick and style", "<p onclick=\"x()\" style=\"color:red\" class=\"c\" id=\"i\">t</p>",
           "<p>t</p>"},
          {"onmouseover on a link", "<a href=\"https://a.example/\" onmouseover=\"x()\">l</a>",
           link("https://a.example/", "l")},
          {"data attributes", "<div data-x=\"1\" hidden>d</div>", "<div>d</div>"},
          {"kept attributes",
           R"(<ol start="3" reversed type="a" onclick="x"><li value="7">i</li></ol>)",
           R"(<ol start="3" reversed type="a"><li value="7">i</li></ol>)"},
          {"bad numbers", R"(<ol start="3x"><li value="1e9">i</li></ol>)", "<ol><li>i</li></ol>"},
          {"language and direction", "<p lang=\"ar\" dir=\"RTL\">نص</p>",
           "<p lang=\"ar\" dir=\"rtl\">نص</p>"},
          {"bad direction", R"(<p dir="sideways" lang="x y">t</p>)", "<p>t</p>"},
          {"abbr title", "<abbr title=\"Union économique\" onclick=\"x\">UEMOA</abbr>",
           "<abbr title=\"Union économique\">UEMOA</abbr>"},
          {"quote cite", "<blockquote cite=\"javascript:x\">q</blockquote>",
           "<blockquote>q</blockquote>"},
          {"quote cite resolved", "<q cite=\"/src\">q</q>",
           "<q cite=\"https://example.org/src\">q</q>"},
      },
      with_base());
}

TEST(SanitizerTest, KeepsOnlyHttpHttpsAndMailtoLinks) {
  const std::vector<std::string> dangerous = {
      "javascript:alert(1)",
      "  JaVaScRiPt:alert(1)",
      "java&#x09;script:alert(1)",
      "java&#10;script:alert(1)",
      "jav&#x0D;ascript:alert(1)",
      "&#106;avascript:alert(1)",
      "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
      "javascript&colon;alert(1)",
      "&#1;javascript:alert(1)",
      "\x01\x02javascript:alert(1)",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "DATA:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "livescript:x",
      "file:///etc/passwd",
      "ftp://example.org/x",
      "feed:https://example.org/rss",
      "mailto:",
  };
  for (const std::string& href : dangerous) {
    SCOPED_TRACE(href);
    const std::string out = sanitize("<a href=\"" + href + "\">x</a>", with_base());
    // Dropped, or (when the parser turned the control characters into U+FFFD, so that no
    // scheme is left) a harmless link below the base URL.
    if (out != "x") {
      EXPECT_TRUE(out.starts_with("<a href=\"https://example.org/news/")) << out;
    }
  }
  run_cases(
      {
          {"http", "<a href=\"http://a.example/p\">x</a>", link("http://a.example/p", "x")},
          {"https with query", "<a href=\"https://a.example/?a=1&amp;b=2\">x</a>",
           link("https://a.example/?a=1&amp;b=2", "x")},
          {"mailto", "<a href=\"mailto:veille@cci.example\">écrire</a>",
           link("mailto:veille@cci.example", "écrire")},
          {"title kept", R"(<a href="https://a.example/" title="Le &quot;titre&quot;">x</a>)",
           R"(<a href="https://a.example/" title="Le &quot;titre&quot;")" + std::string(kRel)
               + ">x</a>"},
          {"our rel replaces theirs", R"(<a href="https://a.example/" rel="opener">x</a>)",
           link("https://a.example/", "x")},
          {"tab inside the scheme of a good link", "<a href=\"ht&#9;tps://a.example/\">x</a>",
           link("https://a.example/", "x")},
          {"anchor without href", "<a name=\"top\">haut</a>", "haut"},
      },
      with_base());
}

TEST(SanitizerTest, ResolvesRelativeLinksAgainstTheBaseUrl) {
  run_cases(
      {
          {"root-relative", "<a href=\"/a?b=1&c=2\">x</a>",
           link("https://example.org/a?b=1&amp;c=2", "x")},
          {"path-relative", "<a href=\"../coton.html\">x</a>",
           link("https://example.org/coton.html", "x")},
          {"scheme-relative", "<a href=\"//cdn.example/x\">x</a>",
           link("https://cdn.example/x", "x")},
          {"fragment", "<a href=\"#s2\">x</a>", link("https://example.org/news/item.html#s2", "x")},
          {"colon after a slash is a path", "<a href=\"./javascript:alert(1)\">x</a>",
           link("https://example.org/news/javascript:alert(1)", "x")},
      },
      with_base());

  SanitizeOptions no_base;
  EXPECT_EQ(sanitize("<a href=\"/a\">x</a> <a href=\"https://a.example/\">y</a>", no_base),
            "x " + link("https://a.example/", "y"));
  SanitizeOptions bad_base;
  bad_base.base_url = "javascript:alert(1)//";
  EXPECT_EQ(sanitize("<a href=\"/a\">x</a>", bad_base), "x");
}

TEST(SanitizerTest, TurnsImagesIntoLinksUnlessAskedToKeepThem) {
  run_cases(
      {
          {"alt text", R"(<p><img src="/i/chart.png" alt="Cours du coton"></p>)",
           "<p>" + link("https://example.org/i/chart.png", "Cours du coton") + "</p>"},
          {"no alt: the file name", "<img src=\"chart.png\">",
           link("https://example.org/news/chart.png", "chart.png")},
          {"title when no alt", R"(<img src="c.png" title="Titre">)",
           link("https://example.org/news/c.png", "Titre")},
          {"inside a link: its words", R"(<a href="/article"><img src="/t.jpg" alt="Photo"></a>)",
           link("https://example.org/article", "Photo")},
          {"inside a link without alt: the link goes",
           R"(<a href="/article"><img src="/t.jpg"></a>)", ""},
          {"no src", "<img alt=\"x\">", ""},
          {"javascript src", "<img src=\"javascript:alert(1)\" alt=\"x\">", ""},
          {"lazy loading",
           R"(<img src="data:image/gif;base64,R0lGOD" data-src="/real.jpg" alt="r">)",
           link("https://example.org/real.jpg", "r")},
          {"video", R"(<video src="/v.mp4" onplay="x">Your browser...</video>)",
           link("https://example.org/v.mp4", "v.mp4")},
          {"audio with source", R"(<audio><source src="/a.mp3" type="audio/mpeg"></audio>)",
           link("https://example.org/a.mp3", "a.mp3")},
      },
      with_base(false));
  run_cases(
      {
          {"kept",
           "<img src=\"i.png\" alt=\"A\" width=\"300\" height=\"200px\" onerror=\"x()\" "
           "srcset=\"a.png 2x\" style=\"border:0\">",
           "<img src=\"https://example.org/news/i.png\" alt=\"A\" width=\"300\" loading=\"lazy\" "
           "referrerpolicy=\"no-referrer\">"},
          {"kept inside a link", R"(<a href="/a"><img src="/i.png" alt=""></a>)",
           "<a href=\"https://example.org/a\"" + std::string(kRel)
               + "><img src=\"https://example.org/i.png\" alt=\"\" loading=\"lazy\" "
                 "referrerpolicy=\"no-referrer\"></a>"},
      },
      with_base(true));
}

TEST(SanitizerTest, DropsTrackingPixelsWhateverTheImageOption) {
  const std::vector<std::string> pixels = {
      R"(<img src="https://example.org/p.gif" width="1" height="1">)",
      R"(<img src="https://example.org/p.gif" width="0" height="0" alt="">)",
      R"(<img src="https://example.org/p.gif" height="1px">)",
      R"(<img src="https://example.org/p.gif" style="display: none">)",
      R"(<img src="http://feeds.feedburner.com/~r/LesEchos/~4/abc" height="1" width="1">)",
      R"(<img src="http://feeds.feedburner.com/~r/LesEchos/~4/abc">)",
      R"(<img src="https://pixel.wp.com/b.gif?host=x&blog=1">)",
      R"(<img src="https://stats.wordpress.com/b.gif?v=noscript">)",
      R"(<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1">)",
      R"(<img src="https://news.example/track/open.gif?u=42">)",
      R"(<img src="https://us1.list-manage.com/track/open.php?u=1">)",
      R"(<img src="https://www.facebook.com/tr?id=1&ev=PageView">)",
  };
  for (bool keep : {false, true}) {
    for (const std::string& img : pixels) {
      SCOPED_TRACE(img);
      EXPECT_EQ(sanitize("<p>a" + img + "b</p>", with_base(keep)), "<p>ab</p>");
    }
  }
  // FeedBurner "flare" share buttons: the image goes, and the link with nothing left in it.
  EXPECT_EQ(sanitize("<div class=\"feedflare\"><a href=\"http://feeds.feedburner.com/~ff/X?a=1\">"
                     "<img src=\"http://feeds.feedburner.com/~ff/X?d=yIl2AUoC8zA\" border=\"0\">"
                     "</a> </div>",
                     with_base(true)),
            "<div> </div>");
}

TEST(SanitizerTest, KeepsStructureAndFormatting) {
  run_cases(
      {
          {"paragraphs and inline", "<h2>Titre</h2><p>Un <b>mot</b>, <em>deux</em>.<br>Fin</p>",
           "<h2>Titre</h2><p>Un <b>mot</b>, <em>deux</em>.<br>Fin</p>"},
          {"lists", "<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>",
           "<ul><li>a</li><li>b</li></ul><dl><dt>t</dt><dd>d</dd></dl>"},
          {"tables get their tbody",
           "<table border=1><caption>C</caption><tr><th scope=col>h<td colspan=2 rowspan=\"3\" "
           "style=\"x\">a</table>",
           "<table><caption>C</caption><tbody><tr><th scope=\"col\">h</th><td colspan=\"2\" "
           "rowspan=\"3\">a</td></tr></tbody></table>"},
          {"figure", "<figure><figcaption>Légende</figcaption></figure>",
           "<figure><figcaption>Légende</figcaption></figure>"},
          {"code", "<pre><code>x &lt; y</code></pre>", "<pre><code>x &lt; y</code></pre>"},
          {"sup, sub, abbr, q, cite, hr", "<sup>1</sup><sub>2</sub><hr><cite>c</cite>",
           "<sup>1</sup><sub>2</sub><hr><cite>c</cite>"},
          {"font and span-like wrappers", "<font color=red face=x>rouge</font> <label>l</label>",
           "rouge l"},
          {"custom elements", "<my-widget foo=bar>texte</my-widget>", "texte"},
          {"old lists", "<dir><li>a</li></dir><menu><li>b</li></menu>",
           "<ul><li>a</li></ul><ul><li>b</li></ul>"},
          {"xmp and listing", "<xmp><b>x</b></xmp><listing>y</listing>",
           "<pre>&lt;b&gt;x&lt;/b&gt;</pre><pre>y</pre>"},
          {"unclosed tags are closed", "<p><b>gras <i>italique",
           "<p><b>gras <i>italique</i></b></p>"},
          {"misnested formatting", "<b>1<i>2</b>3</i>", "<b>1<i>2</i></b><i>3</i>"},
      },
      with_base());
}

TEST(SanitizerTest, EscapesTextAndKeepsItsCharacters) {
  run_cases(
      {
          {"entities", "<p>a &amp; b &lt; c &gt; d \"q\" &eacute; &nbsp;x</p>",
           "<p>a &amp; b &lt; c &gt; d &quot;q&quot; é \xC2\xA0x</p>"},
          {"plain text", "Coton & karité > 5 % <3", "Coton &amp; karité &gt; 5 % &lt;3"},
          {"numeric references", "&#233;&#x20AC;&#150;", "é€–"},
          {"null bytes", std::string("a\0b", 3), "ab"},
          {"invalid UTF-8 is replaced",
           "a\xFF"
           "b",
           "a\xEF\xBF\xBD"
           "b"},
          {"pre keeps its leading newline", "<pre>\n\nx\n</pre>", "<pre>\n\nx\n</pre>"},
          {"pre drops the one the parser drops", "<pre>\nx</pre>", "<pre>x</pre>"},
          {"empty input", "", ""},
          {"control characters from references go", "a&#2;b&#x7F;c&#13;d", "abc\nd"},
          {"noncharacters become U+FFFD", "&#xFDD0;&#xFFFF;&#x10FFFE;",
           "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
          {"out-of-range references", "a&#8555555555;b",
           "a\xEF\xBF\xBD"
           "b"},
          {"raw controls are replaced by the parser",
           "a\x02"
           "b\xC2\x85"
           "c",
           "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD"
           "c"},
      },
      with_base());
}

TEST(SanitizerTest, NeverNestsLinks) {
  // The parser allows <a> inside <a> across a table cell; a re-parse would not.
  const std::string out = sanitize(
      R"(<a href="/1">a<table><tr><td><a href="/2">b</a></td></tr></table></a>)", with_base());
  EXPECT_EQ(out, "<a href=\"https://example.org/1\"" + std::string(kRel)
                     + ">a<table><tbody><tr><td>b</td></tr></tbody></table></a>");
}

// ---------------------------------------------------------------------------------------------
// Properties over the page fixtures and generated inputs.

std::vector<std::string> fixture_pages() {
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("pages"))) {
    if (entry.path().extension() == ".html") {
      pages.push_back(testing::read_file(entry.path()));
    }
  }
  return pages;
}

// Fragments chosen to hit the parser's special cases: implied end tags, scope boundaries,
// foster parenting, formatting reconstruction and the adoption agency, raw text, foreign
// content, and the sanitiser's own rewrites (unwraps, renames, image links).
std::vector<std::string> generated_inputs(std::size_t count, std::uint32_t seed) {
  static const std::vector<std::string> kPieces = {
      "<p>",
      "</p>",
      "<li>",
      "</li>",
      "<ul>",
      "</ul>",
      "<ol>",
      "<dl>",
      "<dt>",
      "<dd>",
      "<table>",
      "</table>",
      "<tr>",
      "<td>",
      "</td>",
      "<th>",
      "<caption>",
      "<colgroup>",
      "<col>",
      "<tbody>",
      "<a href=/x>",
      "<a href=\"javascript:x\">",
      "</a>",
      "<b>",
      "</b>",
      "<i>",
      "</i>",
      "<font>",
      "</font>",
      "<nobr>",
      "<form>",
      "</form>",
      "<fieldset>",
      "<marquee>",
      "<button>",
      "<object>",
      "<h1>",
      "<h2>",
      "</h1>",
      "<img src=/i.png alt=A>",
      "<img src=/i.png>",
      "<img>",
      "<svg>",
      "</svg>",
      "<math>",
      "<select>",
      "<option>",
      "<textarea>",
      "</textarea>",
      "<xmp>",
      "</xmp>",
      "<pre>",
      "</pre>",
      "<listing>",
      "\n",
      " ",
      "text",
      "&amp;",
      "&lt;",
      "<!--",
      "-->",
      "<script>",
      "</script>",
      "<style>",
      "<noscript>",
      "<template>",
      "<ruby>",
      "<rt>",
      "<rp>",
      "<center>",
      "<div>",
      "</div>",
      "<span>",
      "<blockquote>",
      "<br>",
      "</br>",
      "<hr>",
      "<frameset>",
      "<body>",
      "<html>",
      "<head>",
      "<title>",
      "<video src=/v.mp4>",
      "<label>",
      "<dir>",
      "<menu>",
      "<plaintext>",
      "<iframe>",
      "<my-el>",
      "</my-el>",
      "<summary>",
      "<details>",
      "<figure>",
      "<sup>",
      "<q>",
      "<address>",
      "<main>",
      "<section>",
      "<nav>",
      "<image src=/j.png>",
      "<a name=n>",
      "<p/>",
      "<div/>",
      "<a href=/y><img src=/k.png></a>",
  };
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, 40);
  std::vector<std::string> inputs;
  for (std::size_t i = 0; i < count; ++i) {
    std::string s;
    for (std::size_t n = length(rng); n > 0; --n) {
      s += kPieces[piece(rng)];
    }
    inputs.push_back(std::move(s));
  }
  return inputs;
}

void check_properties(const std::string& input) {
  for (bool keep : {false, true}) {
    SCOPED_TRACE(keep ? "keep_images" : "images as links");
    const std::string once = sanitize(input, with_base(keep));
    const std::string twice = sanitize(once, with_base(keep));
    EXPECT_EQ(twice, once) << "input: " << input;
    EXPECT_TRUE(well_formed(once)) << "input: " << input;
    EXPECT_TRUE(inert(once)) << "input: " << input;
  }
}

TEST(SanitizerPropertyTest, FixturePagesComeOutIdempotentWellFormedAndInert) {
  const auto pages = fixture_pages();
  ASSERT_GE(pages.size(), 5U);
  for (const std::string& page : pages) {
    check_properties(page);
  }
}

TEST(SanitizerPropertyTest, GeneratedNastyInputsComeOutIdempotentWellFormedAndInert) {
  for (const std::string& input : generated_inputs(3000, 20260101)) {
    check_properties(input);
    if (HasFailure()) {
      break;  // one minimal case is enough to read
    }
  }
}

TEST(SanitizerPropertyTest, DeepNestingNeitherOverflowsNorTakesQuadraticTime) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) {
    deep += "<div>";
  }
  deep += "fond";
  const std::string out = sanitize(deep, with_base());
  EXPECT_NE(out.find("fond"), std::string::npos);
  EXPECT_TRUE(well_formed(out));
  EXPECT_EQ(sanitize(out, with_base()), out);

  std::string lists;
  for (int i = 0; i < 50000; ++i) {
    lists += "<li><ul>";
  }
  EXPECT_TRUE(well_formed(sanitize(lists, with_base())));

  std::string mixed;
  for (int i = 0; i < 30000; ++i) {
    mixed += "<a href=/x><div><b><span><table><tr><td>";
  }
  EXPECT_TRUE(well_formed(sanitize(mixed, with_base())));
}

TEST(SanitizerPropertyTest, HugeTagsAndManyElementsStayLinear) {
  std::string attrs = "<p ";
  for (int i = 0; i < 100000; ++i) {
    attrs += "a" + std::to_string(i) + "=1 ";
  }
  attrs += "lang=fr>x</p>";
  EXPECT_EQ(sanitize(attrs, with_base()), "<p>x</p>");

  std::string many;
  for (int i = 0; i < 100000; ++i) {
    many += "<p>Paragraphe <b>" + std::to_string(i) + "</b> &amp; suite</p>";
  }
  const std::string out = sanitize(many, with_base());
  EXPECT_TRUE(well_formed(out));
  EXPECT_NE(out.find("<b>99999</b>"), std::string::npos);
}

}  // namespace
}  // namespace vigie::ingest::html
