// SPDX-License-Identifier: AGPL-3.0-or-later
// Invariants of fold() and tokenize() over many generated texts: the cheap cousin of a fuzzer,
// run with every unit test. The generator is seeded, so a failure reproduces.

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

// Pieces that stress the fast paths and their hand-over to ICU.
constexpr std::string_view kPieces[] = {"a",
                                        "Z",
                                        "7",
                                        " ",
                                        "\n",
                                        ",",
                                        ".",
                                        "-",
                                        "'",
                                        "’",
                                        "ʼ",
                                        "«\u00a0",
                                        "é",
                                        "É",
                                        "e\xCC\x81",
                                        "\xCC\x81",
                                        "ß",
                                        "ẞ",
                                        "œ",
                                        "Æ",
                                        "ﬁ",
                                        "ｆ",
                                        "²",
                                        "ǅ",
                                        "ŀ",
                                        "İ",
                                        "ı",
                                        "Σ",
                                        "ς",
                                        "й",
                                        "ё",
                                        "مُ",
                                        "ـ",
                                        "أ",
                                        "中",
                                        "国",
                                        "の",
                                        "ガ",
                                        "カ\xE3\x82\x99",
                                        "한",
                                        "ไทย",
                                        "हि",
                                        "\u00ad",
                                        "\u200b",
                                        "\u200d",
                                        "\xEF\xBB\xBF",
                                        "\xFF",
                                        "\xC3",
                                        "\xE2\x82",
                                        "\xED\xA0\x80",
                                        "\xF0\x9F\x98\x80",
                                        "\xF4\x90\x80\x80",
                                        "\xC0\xAF",
                                        "\x80",
                                        "l'",
                                        "qu’",
                                        "porte-",
                                        "2,5",
                                        "\t"};

std::string generate(std::mt19937& rng) {
  std::uniform_int_distribution<std::size_t> count(0, 40);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string s;
  for (std::size_t n = count(rng); n > 0; --n) {
    s += kPieces[pick(rng)];
  }
  return s;
}

bool is_valid_utf8(std::string_view s) {
  // fold() maps ill-formed input to U+FFFD, so folding valid UTF-8 must not add any.
  const std::string folded = fold(s);
  return folded.find("\xEF\xBF\xBD") == std::string::npos
         || s.find("\xEF\xBF\xBD") != std::string_view::npos;
}

TEST(TextPropertiesTest, FoldIsIdempotentAndProducesValidUtf8) {
  std::mt19937 rng(20240312);
  for (int i = 0; i < 3000; ++i) {
    const std::string s = generate(rng);
    SCOPED_TRACE(testing::PrintToString(s));
    const std::string once = fold(s);
    EXPECT_EQ(fold(once), once);
    EXPECT_TRUE(is_valid_utf8(once));
  }
}

TEST(TextPropertiesTest, TokensAreOrderedFoldedSlicesOfTheInput) {
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    const std::string s = generate(rng);
    SCOPED_TRACE(testing::PrintToString(s));
    const std::vector<Token> tokens = tokenize(s);
    std::size_t end_of_previous = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      EXPECT_EQ(t.position, k);
      EXPECT_FALSE(t.term.empty());
      EXPECT_GE(t.offset, end_of_previous);
      ASSERT_LE(std::size_t{t.offset} + t.length, s.size());
      EXPECT_EQ(t.term, fold(std::string_view(s).substr(t.offset, t.length)));
      EXPECT_EQ(t.term.find_first_of(" \t\n,.'-"), std::string::npos) << t.term;
      end_of_previous = std::size_t{t.offset} + t.length;
    }
  }
}

TEST(TextPropertiesTest, StemAndSimHashAcceptAnything) {
  std::mt19937 rng(99);
  for (int i = 0; i < 500; ++i) {
    const std::string s = generate(rng);
    SCOPED_TRACE(testing::PrintToString(s));
    for (const Token& t : tokenize(s)) {
      for (std::string_view lang : {"fr", "es", "pt", "ar", "en"}) {
        const std::string stemmed = stem(t.term, lang);
        EXPECT_EQ(fold(stemmed), stemmed);
      }
    }
    EXPECT_EQ(simhash(s), simhash(s));
    EXPECT_FALSE(detect_language(s).empty());
  }
}

}  // namespace
}  // namespace vigie::text
