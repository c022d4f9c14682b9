// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/story.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "text/text.h"

namespace vigie::match {
namespace {

constexpr std::string_view kWire =
    "La Compagnie malienne pour le développement des textiles a annoncé mardi à Bamako le prix "
    "d'achat du coton graine de premier choix pour la campagne 2026-2027 : 300 FCFA le "
    "kilogramme, soit le même niveau que la campagne précédente. Le prix du coton de deuxième "
    "choix est fixé à 275 FCFA. La décision a été prise à l'issue de la réunion du conseil "
    "d'administration élargi aux représentants des sociétés coopératives de producteurs. Selon "
    "la direction générale, le maintien du prix tient compte de la baisse des cours mondiaux de "
    "la fibre depuis janvier et du coût des engrais, dont le prix de cession aux producteurs "
    "reste subventionné à 14 000 FCFA le sac de 50 kg. La compagnie vise une production de "
    "720 000 tonnes de coton graine, contre 668 000 tonnes lors de la campagne écoulée.";

constexpr std::string_view kWireTitle =
    "Mali : la CMDT fixe le prix du coton graine à 300 FCFA le kilo pour 2026-2027";

core::Item item(std::string title, std::string text, std::string lang = "fr",
                std::string url = "") {
  static int serial = 0;
  core::Item it;
  it.id = ++serial;
  it.title = std::move(title);
  it.text = std::move(text);
  it.lang = std::move(lang);
  it.url = url.empty() ? "https://site" + std::to_string(serial) + ".example/a" : url;
  it.canonical_url = it.url;
  it.content_hash = text::sha256_hex(it.title + "\n" + it.text);
  it.simhash = text::simhash(it.title + "\n" + it.text);
  return it;
}

std::string replace(std::string s, std::string_view from, std::string_view to) {
  const auto pos = s.find(from);
  if (pos != std::string::npos) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

std::string replace_all(std::string s,
                        std::initializer_list<std::pair<std::string_view, std::string_view>> subs) {
  for (const auto& [from, to] : subs) {
    s = replace(std::move(s), from, to);
  }
  return s;
}

struct Case {
  const char* name;
  core::Item a;
  core::Item b;
  StoryLink expected;
};

std::vector<Case> cases() {
  const std::string wire(kWire);
  const std::string title(kWireTitle);
  // The last sentence cut, a dateline put in front, another title: an edited republication.
  const std::string cut = wire.substr(0, wire.rfind(" La compagnie vise"));
  return {
      {"exact copy under another URL", item(title, wire), item(title, wire),
       StoryLink::ContentHash},
      {"same canonical URL, corrected text", item(title, wire, "fr", "https://aoape.example/cmdt"),
       item(title, replace(wire, "mardi", "lundi"), "fr", "https://aoape.example/cmdt"),
       StoryLink::CanonicalUrl},
      {"edited: dateline, new title, last sentence cut", item(title, wire),
       item("Coton : le prix au producteur maintenu au Mali",
            "Bamako, 21 avril 2026 (AOAPE) - " + cut),
       StoryLink::NearDuplicate},
      {"edited: a sentence added", item(title, wire),
       item(title + " (mise à jour)",
            wire + " Les premiers marchés d'achat ouvriront en novembre."),
       StoryLink::NearDuplicate},
      {"translated: the story in English", item(title, wire),
       item("Mali: CMDT sets seed cotton price at CFA 300 per kilo for 2026-27",
            "The Malian textile development company announced on Tuesday in Bamako the purchase "
            "price of first-grade seed cotton for the 2026-2027 season: CFA 300 per kilogram, "
            "unchanged from last season. Second-grade cotton is set at CFA 275. The company "
            "targets 720,000 tonnes of seed cotton against 668,000 tonnes last season.",
            "en"),
       StoryLink::None},
      {"distinct: the same template, other country and figures", item(title, wire),
       item("Burkina Faso : le prix du coton graine fixé à 310 FCFA le kilo",
            replace_all(wire, {{"malienne", "burkinabè"},
                               {"Bamako", "Ouagadougou"},
                               {"300 FCFA", "310 FCFA"},
                               {"275", "285"},
                               {"14 000", "15 500"},
                               {"720 000", "650 000"},
                               {"668 000", "612 000"}})),
       StoryLink::None},
      {"distinct: week 12 and week 13 price reports",
       item("Prix du coton : semaine 12",
            "Semaine 12. Le prix moyen du coton graine sur les marchés de collecte s'établit à "
            "292 FCFA le kilo, en hausse de 3 FCFA. Les volumes collectés atteignent 12 400 "
            "tonnes. La fibre s'échange à 1 105 FCFA le kilo à l'export. Les égreneurs "
            "signalent des arrivages réguliers et une qualité conforme aux normes."),
       item("Prix du coton : semaine 13",
            "Semaine 13. Le prix moyen du coton graine sur les marchés de collecte s'établit à "
            "288 FCFA le kilo, en baisse de 4 FCFA. Les volumes collectés atteignent 10 900 "
            "tonnes. La fibre s'échange à 1 098 FCFA le kilo à l'export. Les égreneurs "
            "signalent des arrivages réguliers et une qualité conforme aux normes."),
       StoryLink::None},
      {"unrelated", item(title, wire),
       item("Port d'Abidjan : fermeture temporaire du quai 12",
            "Le Port autonome d'Abidjan informe ses usagers que le quai numéro 12 sera fermé du "
            "3 au 9 mars pour des travaux de dragage. Les navires concernés seront redirigés "
            "vers les quais 14 et 15 selon le plan de la capitainerie."),
       StoryLink::None},
  };
}

TEST(StoryDecisionTest, GroupsCopiesAndEditsButNotTranslationsOrLookAlikes) {
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    const StoryFeatures a = story_features(c.a);
    const StoryFeatures b = story_features(c.b);
    const StoryDecision ab = decide_story(a, b);
    const StoryDecision ba = decide_story(b, a);
    EXPECT_EQ(ab.link, c.expected)
        << "hamming " << ab.hamming << " text " << ab.text_similarity << " title "
        << ab.title_similarity << " numbers " << ab.number_overlap << " title numbers differ "
        << ab.title_numbers_differ;
    EXPECT_EQ(ba.link, ab.link) << "symmetric";
  }
}

TEST(StoryHeadTest, RulesOutOnlyWhatDecideStoryWouldNotLink) {
  // StoryService skips a candidate when may_share_story() is false, without loading it: that
  // must never change a decision, in any mode.
  std::size_t ruled_out = 0;
  for (const auto& c : cases()) {
    SCOPED_TRACE(c.name);
    for (const auto mode : {StoryMode::Full, StoryMode::ExactOnly, StoryMode::SimHashOnly}) {
      StoryParams params;
      params.mode = mode;
      const StoryFeatures a = story_features(c.a);
      const StoryFeatures b = story_features(c.b);
      // The head as the store gives it: the title key is recomputed from the stored title.
      EXPECT_EQ(story_title_key(c.b.title, c.b.lang), b.title_key);
      for (const auto& [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
        const bool may = may_share_story(*x, story_head(*y), params);
        if (decide_story(*x, *y, params).same()) {
          EXPECT_TRUE(may);
        }
        ruled_out += may ? 0 : 1;
      }
    }
  }
  EXPECT_GT(ruled_out, 0U) << "the filter never filters";
}

TEST(StoryHeadTest, ExactKeysAlwaysPassAndOtherLanguagesNeverDo) {
  const auto a = story_features(item(std::string(kWireTitle), std::string(kWire)));
  auto far_item = item("Port d'Abidjan : fermeture du quai 12",
                       "Le quai numéro 12 sera fermé du 3 au 9 mars pour des travaux.");
  auto far = story_features(far_item);
  ASSERT_GT(text::hamming_distance(a.simhash, far.simhash), kStoryMaxHamming);
  EXPECT_FALSE(may_share_story(a, story_head(far)));
  far.canonical_url = a.canonical_url;
  EXPECT_TRUE(may_share_story(a, story_head(far)));
  far.canonical_url = "https://other.example/";
  far.content_hash = a.content_hash;
  EXPECT_TRUE(may_share_story(a, story_head(far)));
  far.content_hash = "other";
  far.title_key = a.title_key;
  EXPECT_TRUE(may_share_story(a, story_head(far)));
  far.lang = "en";
  EXPECT_FALSE(may_share_story(a, story_head(far)));
}

TEST(StoryDecisionTest, ExactOnlyModeIgnoresNearDuplicates) {
  const std::string wire(kWire);
  const auto a = story_features(item(std::string(kWireTitle), wire));
  const auto b = story_features(item("Autre titre", wire + " Une phrase de plus."));
  StoryParams exact;
  exact.mode = StoryMode::ExactOnly;
  EXPECT_TRUE(decide_story(a, b).same());
  EXPECT_FALSE(decide_story(a, b, exact).same());
}

TEST(StoryDecisionTest, TranslationsNeverMatchByFingerprintEvenInSimHashOnlyPeers) {
  // A story and its translation share numbers and names: only the language gate keeps them
  // apart in the measured mode.
  const auto fr = story_features(item(std::string(kWireTitle), std::string(kWire), "fr"));
  auto en_item = item(std::string(kWireTitle), std::string(kWire), "en", "https://en.example/x");
  en_item.content_hash = "other";
  const auto en = story_features(en_item);
  EXPECT_FALSE(decide_story(fr, en).same());
}

TEST(StoryLookupKeysTest, CloseItemsShareAKeyAndKeysAreStable) {
  const std::string wire(kWire);
  const auto a = story_features(item(std::string(kWireTitle), wire));
  const auto b = story_features(item(std::string(kWireTitle) + " (maj)", wire + " Fin."));
  const auto ka = story_lookup_keys(a);
  const auto kb = story_lookup_keys(b);
  EXPECT_EQ(ka, story_lookup_keys(a));
  std::size_t shared = 0;
  for (const auto& k : ka) {
    shared += static_cast<std::size_t>(std::count(kb.begin(), kb.end(), k));
  }
  EXPECT_GT(shared, 0U);
  EXPECT_EQ(ka.size(), 3 + static_cast<std::size_t>(kStoryBands) + kStoryMinHashKeys);
}

TEST(StoryLookupKeysTest, BandsCoverEveryBitOnce) {
  std::uint64_t rebuilt = 0;
  const std::uint64_t h = 0xF0E1D2C3B4A59687ULL;
  int shift = 0;
  for (int b = 0; b < kStoryBands; ++b) {
    rebuilt |= std::uint64_t{simhash_band(h, b)} << shift;
    shift += 64 / kStoryBands;
  }
  EXPECT_EQ(rebuilt, h);
}

TEST(StoryIndexTest, ClustersInOrderAndKeepsTheFirstStory) {
  const std::string wire(kWire);
  StoryIndex index;
  const auto s1 = index.add(story_features(item(std::string(kWireTitle), wire)));
  const auto s2 = index.add(story_features(item("Prix du coton au Mali", "Bamako - " + wire)));
  const auto s3 = index.add(story_features(
      item("Port d'Abidjan : avis", "Le quai 12 du port sera fermé du 3 au 9 mars.")));
  EXPECT_EQ(s1, s2);
  EXPECT_NE(s1, s3);
  EXPECT_EQ(index.story_count(), 2);
}

TEST(ShingleJaccardTest, ExactOnShortTextsAndEstimatedOnLongOnes) {
  std::string long_a;
  std::string long_b;
  for (int i = 0; i < 2000; ++i) {
    long_a += "mot" + std::to_string(i) + " ";
    long_b += "mot" + std::to_string(i < 1000 ? i : i + 5000) + " ";
  }
  const auto a = story_features(item("a", long_a));
  const auto b = story_features(item("b", long_b));
  EXPECT_EQ(a.shingles.size(), kStoryMaxShingles);
  // True Jaccard: about 1000 / 3000 shingles.
  EXPECT_NEAR(shingle_jaccard(a, b), 1.0 / 3.0, 0.1);
  const auto c = story_features(item("c", std::string(kWire)));
  EXPECT_DOUBLE_EQ(shingle_jaccard(c, c), 1.0);
}

}  // namespace
}  // namespace vigie::match
