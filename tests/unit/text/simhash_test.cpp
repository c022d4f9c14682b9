// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::text {
namespace {

// One story as three outlets publish it: the agency dispatch, a lightly edited copy, and a
// copy with a different headline and a closing sentence.
constexpr std::string_view kDispatch =
    "Abidjan, 12 mars (AFP) - Le Conseil du café-cacao a relevé mardi le prix garanti aux "
    "producteurs à 1 800 francs CFA le kilogramme pour la campagne intermédiaire, une hausse "
    "inédite destinée à freiner la contrebande vers les pays voisins. Les planteurs réclamaient "
    "depuis plusieurs semaines une revalorisation, alors que les cours mondiaux du cacao ont "
    "atteint des sommets historiques à Londres et à New York. Selon les exportateurs, la "
    "récolte intermédiaire devrait toutefois reculer de près de 30 % par rapport à l'an dernier "
    "en raison de la sécheresse et de la maladie du swollen shoot.";
constexpr std::string_view kLightEdit =
    "ABIDJAN, 12 mars - Le Conseil du café-cacao a relevé mardi le prix garanti aux "
    "producteurs à 1 800 francs CFA le kilo pour la campagne intermédiaire, une hausse "
    "inédite destinée à freiner la contrebande vers les pays voisins. Les planteurs réclamaient "
    "depuis plusieurs semaines une revalorisation, alors que les cours mondiaux du cacao ont "
    "atteint des sommets historiques à Londres et New York. Selon les exportateurs, la "
    "récolte intermédiaire devrait toutefois reculer de près de 30% par rapport à l'an dernier, "
    "en raison de la sécheresse et de la maladie du swollen shoot.";
constexpr std::string_view kNewHeadline =
    "Côte d'Ivoire : le prix du cacao relevé à 1 800 FCFA. Le Conseil du café-cacao a relevé "
    "mardi le prix garanti aux producteurs à 1 800 francs CFA le kilogramme pour la campagne "
    "intermédiaire, une hausse inédite destinée à freiner la contrebande vers les pays voisins. "
    "Les planteurs réclamaient depuis plusieurs semaines une revalorisation, alors que les "
    "cours mondiaux du cacao ont atteint des sommets historiques à Londres et à New York. Selon "
    "les exportateurs, la récolte intermédiaire devrait toutefois reculer de près de 30 % par "
    "rapport à l'an dernier en raison de la sécheresse et de la maladie du swollen shoot.";
constexpr std::string_view kUnrelated =
    "La Banque centrale des États de l'Afrique de l'Ouest a maintenu son principal taux "
    "directeur à 3,5 % lors de la réunion trimestrielle de son comité de politique monétaire, "
    "estimant que l'inflation devrait continuer de ralentir dans l'Union au second semestre. "
    "Le comité a également relevé que la croissance économique reste soutenue, portée par les "
    "investissements publics et par la production minière et pétrolière au Sénégal et au Niger.";
constexpr std::string_view kUnrelatedEnglish =
    "Brazil's soybean exports hit a monthly record in April as farmers rushed to sell a bumper "
    "crop before new Chinese tariffs on American beans shifted demand south. Shipments reached "
    "more than fifteen million tonnes, according to the national grain exporters association, "
    "while freight rates from Santos and Paranagua climbed to their highest level in a year.";

TEST(SimHashTest, PutsNearDuplicatesCloseAndUnrelatedStoriesFarApart) {
  struct Case {
    std::string_view name;
    std::string_view a;
    std::string_view b;
    int min_distance;
    int max_distance;
  };
  const std::string folded = fold(kDispatch);
  const Case cases[] = {
      {"identical", kDispatch, kDispatch, 0, 0},
      {"case and accents only", kDispatch, folded, 0, 0},
      {"light edit", kDispatch, kLightEdit, 1, 10},
      {"new headline", kDispatch, kNewHeadline, 1, 12},
      {"unrelated, same language", kDispatch, kUnrelated, 20, 44},
      {"unrelated, other language", kDispatch, kUnrelatedEnglish, 20, 44},
      {"unrelated to each other", kUnrelated, kUnrelatedEnglish, 20, 44},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const int d = hamming_distance(simhash(c.a), simhash(c.b));
    EXPECT_GE(d, c.min_distance);
    EXPECT_LE(d, c.max_distance);
  }
}

TEST(SimHashTest, IsStableAcrossBuildsAndMachines) {
  // Fingerprints are stored: a change here invalidates every stored fingerprint, and needs a
  // migration that recomputes them.
  EXPECT_EQ(simhash("Le prix du cacao relevé à 1 800 FCFA en Côte d’Ivoire"),
            0x642a77f480fa2424ULL);
  EXPECT_EQ(simhash("cacao"), 0x1e90273dfb30e89eULL);
  EXPECT_EQ(simhash(""), 0U);
  EXPECT_EQ(simhash("!!! ..."), 0U);
  EXPECT_EQ(simhash("cacao"), simhash("Cacao"));
  EXPECT_NE(simhash("cacao"), 0U);
  EXPECT_EQ(simhash("le prix du cacao"), simhash("Le prix du cacao."));
  EXPECT_NE(simhash("le prix du cacao"), simhash("le prix du coton"));
}

TEST(SimHashTest, GivesTheSameFingerprintFromTokens) {
  for (std::string_view text :
       {kDispatch, kUnrelatedEnglish, std::string_view("deux mots"), std::string_view("")}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(simhash(tokenize(text)), simhash(text));
  }
}

TEST(SimHashTest, CountsDifferingBits) {
  EXPECT_EQ(hamming_distance(0, 0), 0);
  EXPECT_EQ(hamming_distance(0, ~std::uint64_t{0}), 64);
  EXPECT_EQ(hamming_distance(0b1011, 0b0110), 3);
}

}  // namespace
}  // namespace vigie::text
