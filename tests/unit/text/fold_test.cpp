// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

struct FoldCase {
  std::string_view input;
  std::string_view expected;
};

TEST(FoldTest, LowerCasesAndStripsAccentsInEveryLatinLanguage) {
  const FoldCase cases[] = {
      {"Côte d'Ivoire", "cote d'ivoire"},
      {"ÉTÉ", "ete"},
      {"Économie ÉCONOMIQUE", "economie economique"},
      {"Straße", "strasse"},
      {"ẞ", "ss"},
      {"œuvre Œuvre", "oeuvre oeuvre"},
      {"Lætitia ÆGIR", "laetitia aegir"},
      {"ﬁnance", "finance"},
      {"Ørsted Łódź", "orsted lodz"},
      {"São Tomé e Príncipe", "sao tome e principe"},
      {"Año, España, pingüino", "ano, espana, pinguino"},
      {"Ağustos İstanbul", "agustos istanbul"},
      {"Ελλάδα", "ελλαδα"},
      {"МОСКВА ёлка", "москва елка"},
      {"ＡＢＣ１２３", "abc123"},
      {"m²", "m2"},
      {"", ""},
      {"plain ascii 123 !?", "plain ascii 123 !?"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.expected);
  }
}

TEST(FoldTest, GivesTheSameResultForComposedAndDecomposedInput) {
  EXPECT_EQ(fold("e\xCC\x81"
                 "conomie"),
            "economie");  // e + U+0301, as macOS writes it
  EXPECT_EQ(fold("E\xCC\x81TE\xCC\x81"), "ete");
  EXPECT_EQ(fold("e\xCC\x81"
                 "conomie"),
            fold("économie"));
}

TEST(FoldTest, KeepsArabicLettersAndDropsOptionalVowelMarks) {
  const FoldCase cases[] = {
      {"الاقتصاد", "الاقتصاد"},
      {"مُحَمَّد", "محمد"},                  // harakat and shadda dropped
      {"الـــتجارة", "التجارة"},         // tatweel dropped
      {"أحمد إلى آخر", "احمد الى اخر"},  // hamza and madda on alef fold to bare alef
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.expected);
  }
}

TEST(FoldTest, KeepsCjkAndIndicText) {
  EXPECT_EQ(fold("中国的棉花出口"), "中国的棉花出口");
  EXPECT_EQ(fold("ひらがな が"), "ひらがな が");  // voicing marks are part of the letter
  EXPECT_EQ(fold("हिन्दी"), "हिन्दी");              // virama kept
}

TEST(FoldTest, ReplacesInvalidUtf8WithTheReplacementCharacter) {
  const FoldCase cases[] = {
      {"caf\xE9", "caf\xEF\xBF\xBD"},  // Latin-1 byte
      {"a\xFF"
       "b",
       "a\xEF\xBF\xBD"
       "b"},
      {"\xC3", "\xEF\xBF\xBD"},      // truncated sequence
      {"\xE2\x82", "\xEF\xBF\xBD"},  // truncated 3-byte sequence: one U+FFFD
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate: one per byte
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                  // overlong
      {"\xC3\xA9\x80", "e\xEF\xBF\xBD"},                         // stray continuation byte
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    EXPECT_EQ(fold(c.input), c.expected);
  }
}

TEST(FoldTest, IsIdempotent) {
  for (std::string_view s : {"Côte d'Ivoire", "Straße", "مُحَمَّد", "ＡＢＣ", "ﬁ", "中国", "Ǆ ǅ"}) {
    SCOPED_TRACE(s);
    const std::string once = fold(s);
    EXPECT_EQ(fold(once), once);
  }
}

TEST(FoldTest, FoldsAMegabyteOfText) {
  std::string big;
  while (big.size() < (1U << 20)) {
    big += "Les exportations de café ivoirien progressent. ";
  }
  const std::string folded = fold(big);
  EXPECT_EQ(folded.size(), big.size() - big.size() / 48);  // "é" (2 bytes) -> "e", once per 48
  EXPECT_EQ(folded.substr(0, 48), "les exportations de cafe ivoirien progressent. l");
}

}  // namespace
}  // namespace vigie::text
