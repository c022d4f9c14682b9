// SPDX-License-Identifier: AGPL-3.0-or-later
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

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
      {"fr", "économique", "econom"},  {"fr", "économiques", "econom"},
      {"fr", "économie", "econom"},    {"fr", "exportations", "export"},
      {"fr", "exporter", "export"},    {"fr", "marchés", "march"},
      {"en", "exports", "export"},     {"en", "exporting", "export"},
      {"en", "economies", "economi"},  {"es", "exportaciones", "export"},
      {"es", "económicos", "econom"},  {"es", "exportación", "export"},
      {"pt", "exportações", "export"}, {"pt", "agrícolas", "agricol"},
      {"de", "Märkte", "markt"},       {"it", "esportazioni", "esport"},
      {"nl", "boeren", "boer"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.lang << " " << c.word);
    EXPECT_EQ(stem(fold(c.word), c.lang), c.expected);
  }
}

TEST(StemTest, GroupsInflectionsOfTheSameWordWithOrWithoutAccents) {
  // Users type queries without accents: "utilisees" must find "utilisées".
  struct Group {
    std::string_view lang;
    std::vector<std::string_view> words;
  };
  const Group groups[] = {
      {"fr", {"agricole", "agricoles", "AGRICOLE"}},
      {"fr", {"producteur", "producteurs"}},
      {"fr", {"cotonnier", "cotonniers"}},
      {"fr", {"utilisées", "utilisees", "utilisée", "utilisés", "utiliser", "utilisation"}},
      {"fr", {"activité", "activites", "activités"}},
      {"fr", {"première", "premiere", "premier", "premiers"}},
      {"fr", {"développèrent", "developperent", "développer"}},
      {"fr", {"économique", "economiques", "économie", "économies"}},
      {"en", {"tariff", "tariffs"}},
      {"es", {"agrícola", "agricolas"}},
      {"es", {"exportación", "exportacion", "exportaciones", "exportar"}},
      {"es", {"decisión", "decision", "decisiones"}},
      {"pt", {"produtor", "produtores"}},
      {"pt", {"exportação", "exportacao", "exportações", "exportacoes"}},
      {"pt", {"nação", "nacao", "nações", "nacoes"}},
      {"pt", {"milhões", "milhoes", "milhão", "milhao"}},
  };
  for (const auto& g : groups) {
    SCOPED_TRACE(testing::Message() << g.lang << " " << g.words.front());
    const std::string first = stem(fold(g.words.front()), g.lang);
    for (std::string_view w : g.words) {
      EXPECT_EQ(stem(fold(w), g.lang), first) << w;
    }
  }
}

TEST(StemTest, KeepsUnrelatedWordsApart) {
  const std::string_view pairs[][3] = {
      {"fr", "marché", "marche"},  // folding merges these anyway; stemming must not split them
      {"fr", "cacao", "cacaoyer"},
      {"fr", "or", "ore"},
      {"pt", "pão", "pais"},
  };
  EXPECT_EQ(stem(fold(pairs[0][1]), "fr"), stem(fold(pairs[0][2]), "fr"));
  for (std::size_t i = 1; i < std::size(pairs); ++i) {
    SCOPED_TRACE(pairs[i][1]);
    EXPECT_NE(stem(fold(pairs[i][1]), pairs[i][0]), stem(fold(pairs[i][2]), pairs[i][0]));
  }
}

TEST(StemTest, ReturnsFoldedStems) {
  for (std::string_view lang : {"fr", "es", "pt", "de", "ar"}) {
    for (std::string_view word :
         {"créée", "creee", "decisión", "nações", "Märkte", "والاقتصادية"}) {
      SCOPED_TRACE(testing::Message() << lang << " " << word);
      const std::string s = stem(fold(word), lang);
      EXPECT_EQ(fold(s), s);
      EXPECT_FALSE(s.empty());
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

// stem_all() is stem() of each token; the memo it shares with stem() is bounded and dropped
// when full, which 40,000 distinct words force more than once. Each word is stemmed twice (a
// memo miss, then a hit) and must give the same stem both times.
TEST(StemTest, StemsEveryTokenAsStemDoesAcrossMemoResets) {
  std::vector<Token> tokens;
  for (std::uint32_t i = 0; i < 40'000; ++i) {
    const std::string word = fold("exportations" + std::to_string(i % 20'000) + "ées");
    tokens.push_back(Token{word, i, 0, 0});
  }
  tokens.push_back(Token{std::string(5000, 'a') + "ations", 40'000, 0, 0});
  for (std::string_view lang : {"fr", "en", "xx", ""}) {
    SCOPED_TRACE(lang);
    const std::vector<std::string> stems = stem_all(tokens, lang);
    ASSERT_EQ(stems.size(), tokens.size());
    for (std::size_t i = 0; i < tokens.size(); i += 997) {
      EXPECT_EQ(stems[i], stem(tokens[i].term, lang)) << tokens[i].term;
    }
    EXPECT_EQ(stems[0], stems[20'000]);
  }
  EXPECT_TRUE(stem_all({}, "fr").empty());
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
