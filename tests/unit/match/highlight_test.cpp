// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/highlight.h"

#include <string>

#include <gtest/gtest.h>

namespace vigie::match {
namespace {

Query parsed(const char* text) {
  auto q = parse_query(text);
  EXPECT_TRUE(q.has_value()) << text;
  return q.value_or(Query{Term{"x"}});
}

struct Case {
  const char* name;
  const char* text;
  const char* query;
  const char* expected;
};

TEST(HighlightTest, MarksWhatThePositivePartsOfTheQueryMatch) {
  const Case cases[] = {
      {"stemmed word", "Les exportations de coton", "exportation",
       "Les <mark>exportations</mark> de coton"},
      {"folded word", "La Côte d'Ivoire", "cote", "La <mark>Côte</mark> d&#39;Ivoire"},
      {"phrase only where it occurs", "noix de cajou, de coton", "\"noix de cajou\"",
       "<mark>noix</mark> <mark>de</mark> <mark>cajou</mark>, de coton"},
      {"prefix", "export, exportateurs", "exporta*", "export, <mark>exportateurs</mark>"},
      {"negated words stay plain", "coton et sport", "coton -sport", "<mark>coton</mark> et sport"},
      {"title-only words are not marked in the body", "coton", "title:coton", "coton"},
      {"html is escaped", "<b>coton</b> & co", "coton",
       "&lt;b&gt;<mark>coton</mark>&lt;/b&gt; &amp; co"},
      {"near operands", "prix du coton", "prix NEAR/3 coton",
       "<mark>prix</mark> du <mark>coton</mark>"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(snippet_html(c.text, "fr", parsed(c.query)), c.expected);
  }
}

TEST(HighlightTest, MarksTitleFieldWordsInTitles) {
  EXPECT_EQ(highlight_html("Prix du coton", "fr", parsed("title:coton"), HighlightTarget::Title),
            "Prix du <mark>coton</mark>");
  EXPECT_EQ(highlight_html("Prix du coton", "fr", parsed("author:coton"), HighlightTarget::Title),
            "Prix du coton");
}

TEST(HighlightTest, ChoosesThePassageWithTheMostDistinctMatches) {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "mot ";
  }
  text += "coton cajou ";
  for (int i = 0; i < 50; ++i) {
    text += "fin ";
  }
  const std::string s = snippet_html(text, "fr", parsed("coton cajou"), 10);
  EXPECT_EQ(s,
            "\u2026 mot mot mot <mark>coton</mark> <mark>cajou</mark> fin fin fin fin fin "
            "\u2026");
}

TEST(HighlightTest, StartsAtTheBeginningWhenNothingMatches) {
  EXPECT_EQ(snippet_html("un deux trois quatre", "fr", parsed("coton"), 2), "un deux \u2026");
  EXPECT_EQ(snippet_html("", "fr", parsed("coton")), "");
}

}  // namespace
}  // namespace vigie::match
