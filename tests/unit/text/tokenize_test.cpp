// SPDX-License-Identifier: AGPL-3.0-or-later
#include <atomic>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

std::vector<std::string> terms(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) {
    out.push_back(t.term);
  }
  return out;
}

using Terms = std::vector<std::string>;

struct TokenizeCase {
  std::string_view input;
  Terms expected;
};

TEST(TokenizeTest, SplitsWordsAndDropsPunctuation) {
  const TokenizeCase cases[] = {
      {"", {}},
      {"   \n\t ", {}},
      {"Hello, world!", {"hello", "world"}},
      {"La Côte d’Ivoire exporte du cacao.",
       {"la", "cote", "d", "ivoire", "exporte", "du", "cacao"}},
      {"« Les prix du coton » — selon l’UEMOA…",
       {"les", "prix", "du", "coton", "selon", "l", "uemoa"}},
      {"Quelle croissance ? 3,5 %", {"quelle", "croissance", "3", "5"}},
      {"El café de Colombia sube un 12%.", {"el", "cafe", "de", "colombia", "sube", "un", "12"}},
      {"A produção de soja no Brasil", {"a", "producao", "de", "soja", "no", "brasil"}},
      {"The EU's tariffs don't help", {"the", "eu", "s", "tariffs", "don", "t", "help"}},
      {"COVID19 et covid-19", {"covid19", "et", "covid", "19"}},
      {"contact@cci.fr https://example.org/a_b",
       {"contact", "cci", "fr", "https", "example", "org", "a", "b"}},
      {"prix\u00a0: 1\u202f000 FCFA", {"prix", "1", "000", "fcfa"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(terms(c.input), c.expected);
  }
}

TEST(TokenizeTest, SplitsFrenchElisionsWithBothApostrophes) {
  const TokenizeCase cases[] = {
      {"l'économie", {"l", "economie"}},
      {"l’économie", {"l", "economie"}},
      {"d'Afrique qu'il j'ai n'est s'est c'est m'a t'a",
       {"d", "afrique", "qu", "il", "j", "ai", "n", "est", "s", "est", "c", "est", "m", "a", "t",
        "a"}},
      {"jusqu'au lorsqu'elle puisqu’on", {"jusqu", "au", "lorsqu", "elle", "puisqu", "on"}},
      {"L\u02BCAfrique", {"l", "afrique"}},
      {"aujourd'hui", {"aujourd", "hui"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(terms(c.input), c.expected);
  }
}

TEST(TokenizeTest, EmitsThePartsOfHyphenatedWordsOnly) {
  const TokenizeCase cases[] = {
      {"porte-parole", {"porte", "parole"}},
      {"Guinée-Bissau", {"guinee", "bissau"}},
      {"sud‐est", {"sud", "est"}},  // U+2010 hyphen
      {"e-mail", {"e", "mail"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(terms(c.input), c.expected);
  }
}

TEST(TokenizeTest, ReportsPositionsAndByteOffsetsInTheOriginalText) {
  const std::string_view text = "L’Économie, c’est «\u00a0ça\u00a0».";
  const std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 5U);
  const Terms expected = {"l", "economie", "c", "est", "ca"};
  const std::string_view original[] = {"L", "Économie", "c", "est", "ça"};
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(tokens[i].term, expected[i]);
    EXPECT_EQ(tokens[i].position, i);
    EXPECT_EQ(text.substr(tokens[i].offset, tokens[i].length), original[i]);
  }
}

TEST(TokenizeTest, EveryTermIsTheFoldOfItsOriginalBytes) {
  for (std::string_view text : {"L’Économie ivoirienne résiste", "Ελλάδα και Κύπρος",
                                "مُحَمَّد والتجارة", "中国的棉花出口增长了", "Straße ﬁnance ＡＢＣ",
                                "e\xCC\x81"
                                "conomie"}) {
    SCOPED_TRACE(text);
    for (const Token& t : tokenize(text)) {
      EXPECT_EQ(t.term, fold(text.substr(t.offset, t.length)));
    }
  }
}

TEST(TokenizeTest, KeepsArabicWords) {
  EXPECT_EQ(terms("ارتفعت صادرات القطن، في مالي."),
            (Terms{"ارتفعت", "صادرات", "القطن", "في", "مالي"}));
  EXPECT_EQ(terms("التِّجَارَة"), (Terms{"التجارة"}));
}

TEST(TokenizeTest, SegmentsChineseAndJapaneseWithTheDictionary) {
  const Terms chinese = terms("中国的棉花出口增长了。");
  ASSERT_GE(chinese.size(), 4U);
  EXPECT_EQ(chinese.front(), "中国");
  std::string joined;
  for (const auto& t : chinese) {
    joined += t;
  }
  EXPECT_EQ(joined, "中国的棉花出口增长了");  // nothing lost but the full stop
  EXPECT_EQ(terms("Export 中国 2024"), (Terms{"export", "中国", "2024"}));
  EXPECT_FALSE(terms("東京都の経済").empty());
}

TEST(TokenizeTest, KeepsMixedScriptsInOrder) {
  EXPECT_EQ(terms("Le Maroc (المغرب) et la Chine (中国)"),
            (Terms{"le", "maroc", "المغرب", "et", "la", "chine", "中国"}));
}

TEST(TokenizeTest, TreatsInvalidUtf8AsASeparator) {
  EXPECT_EQ(terms("caf\xE9 noir"), (Terms{"caf", "noir"}));
  EXPECT_EQ(terms("ab\xFF\xFE"
                  "cd"),
            (Terms{"ab", "cd"}));
  EXPECT_EQ(terms("\xC3"), Terms{});
  EXPECT_EQ(terms("中国\xFF经济"), (Terms{"中国", "经济"}));
}

TEST(TokenizeTest, DropsWordsLongerThanAnyRealWord) {
  const std::string blob(4096, 'a');
  EXPECT_EQ(terms("avant " + blob + " après"), (Terms{"avant", "apres"}));
  const std::string long_word(100, 'x');
  EXPECT_EQ(terms(long_word), Terms{long_word});
}

TEST(TokenizeTest, TokenizesAMegabyteOfText) {
  std::string big;
  while (big.size() < (1U << 20)) {
    big += "L’Afrique de l’Ouest exporte 3,5 millions de tonnes de cacao. ";
  }
  const std::vector<Token> tokens = tokenize(big);
  const std::size_t sentences =
      big.size()
      / std::string_view("L’Afrique de l’Ouest exporte 3,5 millions de tonnes de cacao. ").size();
  ASSERT_EQ(tokens.size(), sentences * 13);
  EXPECT_EQ(tokens.back().term, "cacao");
  EXPECT_EQ(tokens.back().position, sentences * 13 - 1);
}

TEST(TokenizeTest, TokenizesAMegabyteOfChineseOrArabic) {
  for (std::string_view sentence : {std::string_view("中国的棉花出口增长了。"),
                                    std::string_view("ارتفعت صادرات القطن في مالي. ")}) {
    SCOPED_TRACE(sentence);
    std::string big;
    while (big.size() < (1U << 20)) {
      big += sentence;
    }
    const std::vector<Token> tokens = tokenize(big);
    const std::size_t per_sentence = tokenize(sentence).size();
    EXPECT_EQ(tokens.size(), per_sentence * (big.size() / sentence.size()));
    EXPECT_EQ(big.substr(tokens.back().offset + tokens.back().length),
              sentence.substr(sentence.size() - (sentence.back() == ' ' ? 2 : 3)));
  }
}

TEST(TokenizeTest, GivesTheSameTokensOnEveryThread) {
  const std::string_view texts[] = {"L’économie ivoirienne résiste", "中国的棉花出口增长了",
                                    "ارتفعت صادرات القطن"};
  std::vector<std::vector<std::string>> expected;
  for (std::string_view t : texts) {
    expected.push_back(terms(t));
  }
  std::vector<std::jthread> threads;
  std::atomic<int> mismatches{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int round = 0; round < 50; ++round) {
        for (std::size_t k = 0; k < std::size(texts); ++k) {
          if (terms(texts[k]) != expected[k] || stem("exportations", "fr") != "export") {
            ++mismatches;
          }
        }
      }
    });
  }
  threads.clear();  // joins
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace vigie::text
