// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/html/sanitizer.h"

namespace vigie::ingest::html {
namespace {

struct TextCase {
  const char* name;
  std::string html;
  std::string text;
};

TEST(ToTextTest, GivesLinesForBlocksAndCollapsesWhitespace) {
  const std::vector<TextCase> cases = {
      {"plain", "Bonjour", "Bonjour"},
      {"paragraphs", "<p>Un</p><p>Deux</p>", "Un\nDeux"},
      {"inline stays on the line", "Le <b>coton</b> <i>bio</i>.", "Le coton bio."},
      {"br", "a<br>b<br/>c", "a\nb\nc"},
      {"whitespace collapsed", "  a \n\t b  ", "a b"},
      {"blank blocks collapse", "<div><p></p><p>x</p></div><div></div><p>y</p>", "x\ny"},
      {"lists", "<ul><li>un</li><li>deux</li></ul>", "un\ndeux"},
      {"headings", "<h1>Titre</h1>Texte", "Titre\nTexte"},
      {"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
      {"no space where there was none", "co<b>ton</b>", "coton"},
      {"nbsp is a space",
       "a&nbsp;&nbsp;b\xC2\xA0\xC2\xA0"
       "c",
       "a b c"},
      {"unclosed tags", "<p>a<p>b", "a\nb"},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(to_text(c.html), c.text);
  }
}

TEST(ToTextTest, DecodesEntities) {
  const std::vector<TextCase> cases = {
      {"named", "caf&eacute; &amp; th&eacute; &lt;ok&gt; &quot;q&quot; &apos;s&apos;",
       "café & thé <ok> \"q\" 's'"},
      {"numeric", "&#233;&#xE9;&#X20AC;&#8212;", "éé€—"},
      {"windows-1252 references", "&#150;&#147;x&#148;", "–“x”"},
      {"invalid references", "&#0;&#xD800;&#x110000;", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"legacy names without semicolon", "&lt 5 &copy 2026 &amp", "< 5 © 2026 &"},
      {"unknown and bare", "R&D &foo; Tom & Jerry &", "R&D &foo; Tom & Jerry &"},
      {"no decoding inside a longer word", "&copyright", "&copyright"},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(to_text(c.html), c.text);
  }
}

TEST(ToTextTest, DropsScriptsStylesAndHiddenMarkup) {
  const std::vector<TextCase> cases = {
      {"script", "a<script>var s = '<p>x</p>';</script>b", "ab"},
      {"script with attributes and odd case", "a<SCRIPT type=\"text/javascript\">x</ScRiPt >b",
       "ab"},
      {"style", "<style>p { color: red }</style>texte", "texte"},
      {"noscript", "a<noscript><img src=x>Activez JavaScript</noscript>b", "ab"},
      {"svg", "a<svg><text>label</text></svg>b", "ab"},
      {"self-closing svg does not swallow", "a<svg/>b", "ab"},
      {"unclosed svg does not swallow", "a<svg>b", "ab"},
      {"unclosed script swallows, as in a browser", "a<script>b", "a"},
      {"form controls", "a<select><option>1</option></select><textarea>t</textarea>b", "ab"},
      {"comments", "a<!-- <p>hidden</p> -->b<!---->c<!-->d", "abcd"},
      {"doctype and processing instructions", "<!DOCTYPE html><?xml version=\"1.0\"?>x", "x"},
      {"attributes with angle brackets", "<a title=\"a>b\" href='x>y'>lien</a>", "lien"},
      {"cdata", "<![CDATA[a <b> c]]>", "a <b> c"},
      {"xmp is shown as written", "<xmp><b>x</b></xmp>", "<b>x</b>"},
  };
  for (const TextCase& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(to_text(c.html), c.text);
  }
}

TEST(ToTextTest, KeepsStrayAngleBracketsAsText) {
  EXPECT_EQ(to_text("a < b > c"), "a < b > c");
  EXPECT_EQ(to_text("x <3 y"), "x <3 y");
  EXPECT_EQ(to_text("fin <"), "fin <");
  EXPECT_EQ(to_text("fin </"), "fin </");
  EXPECT_EQ(to_text("a <b"), "a");  // an unterminated tag is dropped, as the parser does
}

TEST(ToTextTest, ReadsTheSanitiserOutput) {
  SanitizeOptions o;
  o.base_url = "https://example.org/";
  EXPECT_EQ(to_text(sanitize("<h1>T&amp;C</h1><p>Prix &lt; 5&nbsp;€<img src=/i.png alt=x></p>", o)),
            "T&C\nPrix < 5 €x");
}

TEST(LooksLikeHtmlTest, TellsMarkupFromText) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"<p>Bonjour</p>", true},
      {"Texte avec <b>gras</b>", true},
      {"Ligne<br/>suite", true},
      {"AT&amp;T", true},
      {"caf&#233;", true},
      {"<!-- note -->x", true},
      {"Plain text", false},
      {"a < b and c > d", false},
      {"R&D and Tom & Jerry", false},
      {"Contact: <veille@cci.example>", false},
      {"x<y", false},
      {"<notatag>", false},
      {"<p", false},
      {"", false},
  };
  for (const auto& [s, expected] : cases) {
    SCOPED_TRACE(s);
    EXPECT_EQ(looks_like_html(s), expected);
  }
}

TEST(ToTextTest, HandlesLargeInputsInOnePass) {
  std::string big;
  for (int i = 0; i < 200000; ++i) {
    big += "<div class=\"c\"><p>mot&nbsp;" + std::to_string(i) + "</p></div>";
  }
  const std::string text = to_text(big);
  EXPECT_TRUE(text.starts_with("mot 0\nmot 1\n"));
  EXPECT_TRUE(text.ends_with("mot 199999"));
}

}  // namespace
}  // namespace vigie::ingest::html
