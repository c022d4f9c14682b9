// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/evaluator.h"

#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vigie::match {
namespace {

class EvaluatorTest : public ::testing::Test {
 protected:
  EvaluatorTest()
      : tags_{"Coton Bio", "agro"},
        doc_(DocumentFields{
            .title = "Le prix du coton grimpe en Côte d'Ivoire",
            .text = "Les exportations de noix de cajou ont augmenté. Le coton reste la première "
                    "culture d'exportation du Burkina Faso.",
            .source = "Agence Ecofin",
            .author = "Jean Dupont",
            .lang = "FR",
            .country = "CI",
            .tags = tags_,
            .date = core::parse_iso8601_strict("2026-02-15T10:00:00Z"),
        }) {}

  bool matches(const char* query) {
    auto q = parse_query(query);
    EXPECT_TRUE(q.has_value()) << query;
    return q.has_value() && evaluate(*q, doc_);
  }

  std::vector<std::string> tags_;
  EvalDocument doc_;
};

struct Case {
  const char* query;
  bool expected;
};

TEST_F(EvaluatorTest, AppliesTheDocumentedRules) {
  const Case cases[] = {
      // Words: folded, or equal stems in the document's language.
      {"coton", true},
      {"COTON", true},
      {"cote", true},
      {"ivoire", true},
      {"augmenter", true},
      {"exportation", true},
      {"sport", false},
      // Phrases: folded forms in sequence, no stemming, inside one field.
      {"\"noix de cajou\"", true},
      {"\"noix cajou\"", false},
      {"\"augmenter\"", false},
      {"\"augmente\"", true},
      {"\"cote d ivoire\"", true},
      {"Côte-d'Ivoire", true},
      {"\"ivoire les exportations\"", false},
      // Prefixes: folded forms.
      {"expor*", true},
      {"burk*", true},
      {"xyz*", false},
      // Fields.
      {"title:coton", true},
      {"title:cajou", false},
      {"title:grimper", true},
      {"source:ecofin", true},
      {"source:coton", false},
      {"author:dupont", true},
      {"author:\"jean dupont\"", true},
      {"auteur:jeanne", false},
      {"lang:fr", true},
      {"lang:en", false},
      {"country:ci", true},
      {"tag:\"coton bio\"", true},
      {"tag:bio", false},
      {"tag:AGRO", true},
      // NEAR: same field, at most n words between, either order, folded forms only.
      {"cajou NEAR/3 coton", true},
      {"coton NEAR/3 cajou", true},
      {"cajou NEAR/2 coton", false},
      {"title:prix NEAR/1 title:coton", true},
      {"title:prix NEAR/0 title:coton", false},
      {"prix NEAR/50 cajou", false},
      {"\"noix de cajou\" NEAR/3 coton", true},
      {"\"noix de cajou\" NEAR/2 coton", false},
      {"expor* NEAR/0 noix", false},
      {"expor* NEAR/1 noix", true},
      {"augmenter NEAR/5 cajou", false},
      // Dates: the item date in [from, until).
      {"date:2026-02", true},
      {"date:2026-03", false},
      {"after:2026-02-15", true},
      {"before:2026-02-15", false},
      {"before:2026-02-16", true},
      // Boolean structure.
      {"-sport", true},
      {"-coton", false},
      {"coton -cajou", false},
      {"coton SAUF sport", true},
      {"sport OR cajou", true},
      {"(sport OR cajou) lang:en", false},
      {"NOT (sport OR tennis)", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    EXPECT_EQ(matches(c.query), c.expected);
  }
}

TEST(EvaluatorRulesTest, DoesNotStemDocumentsInLanguagesWithoutStemmer) {
  const EvalDocument doc(DocumentFields{.text = "exportations", .lang = "und"});
  auto stemmed = parse_query("exportation");
  ASSERT_TRUE(stemmed.has_value());
  EXPECT_FALSE(evaluate(*stemmed, doc));
  auto exact = parse_query("exportations");
  ASSERT_TRUE(exact.has_value());
  EXPECT_TRUE(evaluate(*exact, doc));
}

TEST(EvaluatorRulesTest, NeverMatchesADateRangeWithoutDate) {
  const EvalDocument doc(DocumentFields{.text = "coton"});
  auto q = parse_query("coton date:2026");
  ASSERT_TRUE(q.has_value());
  EXPECT_FALSE(evaluate(*q, doc));
}

TEST(EvaluatorRulesTest, NearNeedsTwoDistinctOccurrences) {
  const EvalDocument doc(DocumentFields{.text = "coton seul"});
  auto q = parse_query("coton NEAR/5 coton");
  ASSERT_TRUE(q.has_value());
  EXPECT_FALSE(evaluate(*q, doc));
  const EvalDocument twice(DocumentFields{.text = "coton et coton"});
  EXPECT_TRUE(evaluate(*q, twice));
}

TEST(NearMatchTest, CountsTheWordsBetweenOccurrences) {
  const Span a[] = {{2, 4}};
  const Span after[] = {{7, 7}};
  const Span inside[] = {{3, 3}};
  const Span before[] = {{0, 0}};
  EXPECT_TRUE(near_match(a, after, 2));
  EXPECT_FALSE(near_match(a, after, 1));
  EXPECT_FALSE(near_match(a, inside, 10));
  EXPECT_TRUE(near_match(a, before, 1));
  EXPECT_FALSE(near_match(a, before, 0));
}

// Long occurrence lists are searched rather than paired: the answer must be the one trying
// every pair gives, for spans in any order, overlapping or not.
TEST(NearMatchTest, LongListsAgreeWithTryingEveryPair) {
  std::uint64_t state = 20261128;
  const auto below = [&](std::uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % n);
  };
  const auto spans = [&](std::size_t n, std::uint32_t length) {
    std::vector<Span> out;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t first = below(600);
      out.push_back({first, first + below(length)});
    }
    return out;
  };
  int matched = 0;
  for (int round = 0; round < 300; ++round) {
    const auto left = spans(1 + below(40), 3);
    const auto right = spans(17 + below(40), 4);
    const int distance = static_cast<int>(below(4));
    bool expected = false;
    for (const Span& a : left) {
      for (const Span& b : right) {
        const auto gap_ok = [&](std::uint32_t before_last, std::uint32_t after_first) {
          return after_first > before_last
                 && after_first - before_last - 1 <= static_cast<std::uint32_t>(distance);
        };
        expected = expected || gap_ok(a.last, b.first) || gap_ok(b.last, a.first);
      }
    }
    EXPECT_EQ(near_match(left, right, distance), expected) << "round " << round;
    matched += expected ? 1 : 0;
  }
  EXPECT_GT(matched, 30);
  EXPECT_LT(matched, 270);
}

// In long lists too, an occurrence starting or ending where the other one is does not count
// (they overlap), and must not hide the next one that does.
TEST(NearMatchTest, LongListsLookPastOverlappingOccurrences) {
  const auto with_far = [](std::vector<Span> near, std::uint32_t far_from) {
    for (std::uint32_t i = 0; i < 20; ++i) {
      near.push_back({far_from + 10 * i, far_from + 10 * i});
    }
    return near;
  };
  const auto after = with_far({{10, 10}}, 1000);
  const auto after_other = with_far({{10, 10}, {12, 12}}, 5000);  // 10 overlaps, 12 is after
  EXPECT_TRUE(near_match(after, after_other, 1));
  EXPECT_FALSE(near_match(after, after_other, 0));
  const auto before = with_far({{20, 20}}, 1000);
  const auto before_other = with_far({{20, 20}, {18, 18}}, 5000);  // 20 overlaps, 18 before
  EXPECT_TRUE(near_match(before, before_other, 1));
  EXPECT_FALSE(near_match(before, before_other, 0));
}

// A hostile item repeating both words 200,000 times (4 MiB fields allow it) must not cost
// 4 * 10^10 comparisons: the lists are searched.
TEST(NearMatchTest, RepeatedWordsFarApartAreDecidedWithoutTryingEveryPair) {
  constexpr std::uint32_t kRepeats = 200'000;
  std::vector<Span> left;
  std::vector<Span> right;
  for (std::uint32_t i = 0; i < kRepeats; ++i) {
    left.push_back({i, i});
    right.push_back({kRepeats + 10 + i, kRepeats + 10 + i});
  }
  EXPECT_FALSE(near_match(left, right, 9));
  EXPECT_TRUE(near_match(left, right, 10));
  EXPECT_TRUE(near_match(right, left, 10));
}

}  // namespace
}  // namespace vigie::match
