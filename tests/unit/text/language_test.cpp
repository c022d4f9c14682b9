// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

struct LanguageCase {
  std::string_view expected;
  std::string_view text;
};

TEST(DetectLanguageTest, RecognisesTradeNewsInTheWatchedLanguages) {
  const LanguageCase cases[] = {
      {"fr",
       "La campagne cotonnière 2024-2025 s'annonce favorable au Burkina Faso et au Mali, où les "
       "producteurs ont bénéficié de pluies régulières. Le prix d'achat du coton graine a été "
       "fixé à 300 francs CFA le kilogramme par les sociétés cotonnières."},
      {"en",
       "Cocoa prices rose sharply on Tuesday after exporters in Côte d'Ivoire and Ghana warned "
       "that the mid-crop harvest would be smaller than expected. Traders said the shortage "
       "could push processors to draw on their stocks before the main crop arrives."},
      {"es",
       "Las exportaciones agrícolas de Colombia crecieron un doce por ciento durante el primer "
       "trimestre, impulsadas por el café y las flores. El gobierno espera que los nuevos "
       "acuerdos comerciales abran mercados en Asia para los pequeños productores."},
      {"pt",
       "A produção de caju na Guiné-Bissau deve atingir um recorde este ano, segundo o "
       "ministério da agricultura. Os exportadores pedem ao governo que reduza as taxas sobre "
       "a castanha para manter a competitividade face à Índia e ao Vietname."},
      {"ar",
       "ارتفعت صادرات المغرب من الفوسفات والأسمدة خلال الأشهر الستة الأولى من العام، وفق "
       "بيانات مكتب الصرف. ويعزى هذا الارتفاع إلى تزايد الطلب في الأسواق الأفريقية "
       "والآسيوية على المنتجات الزراعية."},
      {"zh",
       "中国今年上半年的棉花进口量大幅增加，主要来自美国和巴西。分析人士认为，纺织企业的需求正在恢"
       "复。"},
      {"de",
       "Die deutschen Exporte nach Afrika sind im vergangenen Jahr deutlich gestiegen. Vor "
       "allem Maschinen und Fahrzeuge wurden stärker nachgefragt als im Vorjahr."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected);
    EXPECT_EQ(detect_language(c.text), c.expected);
    EXPECT_EQ(detect_language(c.text, "en"), c.expected) << "a wrong hint must not win";
  }
}

TEST(DetectLanguageTest, SaysUndeterminedWhenThereIsTooLittleText) {
  for (std::string_view text : {"", "   ", "2024", "!!!", "OK"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(detect_language(text), "und");
  }
}

TEST(DetectLanguageTest, FallsBackToTheHintWhenUnreliable) {
  EXPECT_EQ(detect_language("", "fr"), "fr");
  EXPECT_EQ(detect_language("2024", "fr-FR"), "fr");
  EXPECT_EQ(detect_language("OK", "PT_br"), "pt");
  EXPECT_EQ(detect_language("", "not a language"), "und");
}

TEST(DetectLanguageTest, SurvivesInvalidUtf8) {
  const std::string text =
      "La r\xE9"
      "colte de cacao en C\xF4te d'Ivoire devrait atteindre deux millions de tonnes "
      "cette ann\xE9"
      "e selon le conseil du caf\xE9-cacao et les exportateurs du pays.";
  EXPECT_EQ(detect_language(text), "fr");
}

TEST(DetectLanguageTest, JudgesMixedTextByItsMajorityLanguage) {
  const std::string text =
      "Le gouvernement sénégalais a annoncé de nouvelles mesures pour soutenir la filière "
      "arachidière, très touchée par la baisse des cours mondiaux et par la concurrence des "
      "exportateurs chinois. Selon le ministre, the market is recovering. Les producteurs "
      "restent prudents et attendent la fixation du prix au producteur pour la campagne.";
  EXPECT_EQ(detect_language(text), "fr");
}

TEST(DetectLanguageTest, JudgesLongTextsByTheirBodyNotTheirLead) {
  std::string text =
      "Reuters - Breaking news: markets update. Click here to subscribe to our newsletter and "
      "receive the best of our coverage every morning in your inbox. ";
  while (text.size() < 6000) {
    text +=
        "Les producteurs de coton du Bénin attendent la fixation du prix d'achat pour la "
        "prochaine campagne, alors que les intrants ont fortement augmenté cette année. ";
  }
  EXPECT_EQ(detect_language(text), "fr");
}

TEST(DetectLanguageTest, HandlesAMegabyteOfText) {
  std::string big;
  while (big.size() < (1U << 20)) {
    big += "Les producteurs de cacao attendent la hausse du prix garanti par l'État. ";
  }
  EXPECT_EQ(detect_language(big), "fr");
}

}  // namespace
}  // namespace vigie::text
