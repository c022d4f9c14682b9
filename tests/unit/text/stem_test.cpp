// SPDX-License-Identifier: AGPL-3.0-or-later
#include <algorithm>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

struct StemCase {
  std::string_view lang;
  std::string_view word;  // as written; the test folds it first, as indexing does
  std::string_view expected;
};

TEST(StemTest, StemsFoldedTermsPerLanguage) {
  const StemCase cases[] = {
      {"fr", "économique", "econom"}, {"fr", "économiques", "econom"},
      {"fr", "économie", "econom"},   {"fr", "exportations", "export"},
      {"fr", "exporter", "export"},   {"fr", "marchés", "march"},
      {"en", "exports", "export"},    {"en", "exporting", "export"},
      {"en", "economies", "economi"}, {"es", "exportaciones", "export"},
      {"es", "económicos", "econom"}, {"pt", "agrícolas", "agricol"},
      {"de", "Märkte", "markt"},      {"it", "esportazioni", "esport"},
      {"nl", "boeren", "boer"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.lang << " " << c.word);
    EXPECT_EQ(stem(fold(c.word), c.lang), c.expected);
  }
}

TEST(StemTest, GroupsInflectionsOfTheSameWord) {
  const std::string_view groups[][4] = {
      {"fr", "agricole", "agricoles", ""},   {"fr", "producteur", "producteurs", ""},
      {"fr", "cotonnier", "cotonniers", ""}, {"en", "tariff", "tariffs", ""},
      {"es", "agrícola", "agrícolas", ""},   {"pt", "produtor", "produtores", ""},
  };
  for (const auto& g : groups) {
    SCOPED_TRACE(g[1]);
    const std::string first = stem(fold(g[1]), g[0]);
    for (std::size_t i = 2; i < 4 && !g[i].empty(); ++i) {
      EXPECT_EQ(stem(fold(g[i]), g[0]), first) << g[i];
    }
  }
}

TEST(StemTest, StemsArabic) {
  const std::string stemmed = stem(fold("والاقتصادية"), "ar");
  EXPECT_FALSE(stemmed.empty());
  EXPECT_LT(stemmed.size(), fold("والاقتصادية").size());
}

TEST(StemTest, AcceptsRegionTagsAndUpperCaseCodes) {
  EXPECT_EQ(stem("exportations", "fr-CI"), "export");
  EXPECT_EQ(stem("exportations", "FR"), "export");
  EXPECT_EQ(stem("exportations", "fr_BE"), "export");
}

TEST(StemTest, ReturnsTheTermUnchangedForUnknownLanguages) {
  for (std::string_view lang : {"", "und", "xx", "zh", "wo", "f"}) {
    SCOPED_TRACE(lang);
    EXPECT_EQ(stem("exportations", lang), "exportations");
  }
  EXPECT_EQ(stem("", "fr"), "");
}

TEST(StemTest, ListsTheLanguagesItStemsInAStableOrder) {
  const auto& langs = stem_languages();
  EXPECT_TRUE(std::is_sorted(langs.begin(), langs.end()));
  for (std::string_view lang : {"ar", "de", "en", "es", "fr", "it", "nl", "pt"}) {
    SCOPED_TRACE(lang);
    EXPECT_TRUE(std::find(langs.begin(), langs.end(), lang) != langs.end());
  }
}

TEST(StemTest, StemsVeryLongTerms) {
  const std::string word = std::string(5000, 'a') + "ations";
  EXPECT_FALSE(stem(word, "fr").empty());
}

struct StopCase {
  std::string_view lang;
  std::string_view word;
  bool stop;
};

TEST(StopWordTest, KnowsTheCommonWordsOfEachLanguage) {
  const StopCase cases[] = {
      {"fr", "le", true},   {"fr", "l", true},       {"fr", "qu", true},
      {"fr", "ete", true},  {"fr", "etaient", true}, {"fr", "cacao", false},
      {"fr", "or", false},  {"fr", "coton", false},  {"en", "the", true},
      {"en", "don", true},  {"en", "s", true},       {"en", "trade", false},
      {"en", "may", false}, {"en", "us", false},     {"es", "el", true},
      {"es", "mas", true},  {"es", "cafe", false},   {"pt", "nao", true},
      {"pt", "voce", true}, {"pt", "sao", false},    {"pt", "soja", false},
      {"de", "uber", true}, {"it", "perche", true},  {"ar", "في", true},
      {"ar", "الى", true},  {"ar", "القطن", false},  {"fr-FR", "les", true},
      {"FR", "les", true},  {"xx", "le", false},     {"", "the", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.lang << " " << c.word);
    EXPECT_EQ(is_stop_word(c.word, c.lang), c.stop);
  }
}

TEST(StopWordTest, ExpectsFoldedTerms) {
  for (std::string_view written : {"été", "Étaient", "À", "où", "Très"}) {
    SCOPED_TRACE(written);
    EXPECT_TRUE(is_stop_word(fold(written), "fr"));
  }
  EXPECT_TRUE(is_stop_word(fold("Você"), "pt"));
  EXPECT_TRUE(is_stop_word(fold("también"), "es"));
  EXPECT_TRUE(is_stop_word(fold("إلى"), "ar"));
}

}  // namespace
}  // namespace vigie::text
