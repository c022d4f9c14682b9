// SPDX-License-Identifier: AGPL-3.0-or-later
#include <string>

#include <gtest/gtest.h>

#include "match/query.h"

namespace vigie::match {
namespace {

struct Canonical {
  const char* input;
  const char* expected;
};

TEST(QueryParserTest, ParsesTheDocumentedSyntaxIntoItsCanonicalForm) {
  const Canonical cases[] = {
      {"coton", "coton"},
      {"COTON", "coton"},
      {"Côte", "cote"},
      {"coton anacarde", "coton AND anacarde"},
      {"coton AND anacarde", "coton AND anacarde"},
      {"coton ET anacarde", "coton AND anacarde"},
      {"coton et anacarde", "coton AND et AND anacarde"},
      {"coton OR cajou", "coton OR cajou"},
      {"coton OU cajou", "coton OR cajou"},
      {"coton OR anacarde cajou", "coton OR (anacarde AND cajou)"},
      {"(coton OR anacarde) cajou", "(coton OR anacarde) AND cajou"},
      {"coton NOT sport", "coton AND NOT sport"},
      {"coton SAUF sport", "coton AND NOT sport"},
      {"coton AND NOT sport", "coton AND NOT sport"},
      {"-sport coton", "NOT sport AND coton"},
      {"NOT NOT coton", "NOT NOT coton"},
      {"NOT (a OR b)", "NOT (a OR b)"},
      {"((coton))", "coton"},
      {"a AND (b AND c)", "a AND b AND c"},
      {"a OR (b OR c)", "a OR b OR c"},
      {"coton , cajou", "coton AND cajou"},
      {"coton - cajou", "coton AND cajou"},
      {"\"prix du coton\"", "\"prix du coton\""},
      {"\u00ABprix du coton\u00BB", "\"prix du coton\""},
      {"\u00AB\u00A0prix du coton\u00A0\u00BB", "\"prix du coton\""},
      {"\u201Cprix du coton\u201D", "\"prix du coton\""},
      {"\"Coton\"", "\"coton\""},
      {"e-commerce", "\"e commerce\""},
      {"l'exportation", "\"l exportation\""},
      {"http://example.com", "\"http example com\""},
      {"unknown:coton", "\"unknown coton\""},
      {"export*", "export*"},
      {"Écon*", "econ*"},
      {"coton NEAR/5 prix", "coton NEAR/5 prix"},
      {"coton NEAR prix", "coton NEAR/10 prix"},
      {"coton PRES/3 prix", "coton NEAR/3 prix"},
      {"coton PR\u00C8S/0 prix", "coton NEAR/0 prix"},
      {"\"noix de cajou\" NEAR/5 export*", "\"noix de cajou\" NEAR/5 export*"},
      {"a NEAR/2 b c", "a NEAR/2 b AND c"},
      {"-a NEAR/2 b", "NOT (a NEAR/2 b)"},
      {"c NOT a NEAR b", "c AND NOT (a NEAR/10 b)"},
      {"title:coton", "title:coton"},
      {"Titre:coton", "title:coton"},
      {"title:\"prix du coton\"", "title:\"prix du coton\""},
      {"title:(coton OR cajou)", "title:coton OR title:cajou"},
      {"title:(coton NEAR/2 prix)", "title:coton NEAR/2 title:prix"},
      {"title:expo*", "title:expo*"},
      {"source:\"Le Monde\" auteur:Dupont", "source:\"le monde\" AND author:dupont"},
      {"lang:FR", "lang:fr"},
      {"langue:(fr OR en)", "lang:fr OR lang:en"},
      {"country:CI pays:sn", "country:ci AND country:sn"},
      {"tag:\"Coton  Bio\"", "tag:\"coton bio\""},
      {"tag:agro-industrie", "tag:agro-industrie"},
      {"etiquette:x", "tag:x"},
      {"date:2026-01-01..2026-03-31", "date:2026-01-01..2026-03-31"},
      {"date:2026", "date:2026-01-01..2026-12-31"},
      {"date:2024-02", "date:2024-02-01..2024-02-29"},
      {"date:2026-02-03", "date:2026-02-03..2026-02-03"},
      {"date:>=2026-01-01", "date:>=2026-01-01"},
      {"date:>2026-01-01", "date:>=2026-01-02"},
      {"date:<2026-01-01", "date:<2026-01-01"},
      {"date:<=2026-01", "date:<2026-02-01"},
      {"date:2026-01-01..", "date:>=2026-01-01"},
      {"date:..2026-01-31", "date:<2026-02-01"},
      {"after:2026-01-01", "date:>=2026-01-01"},
      {"apr\u00E8s:2026-01-01", "date:>=2026-01-01"},
      {"before:2026-01-01", "date:<2026-01-01"},
      {"avant:2026-01", "date:<2026-01-01"},
      {"-date:2026 coton", "NOT date:2026-01-01..2026-12-31 AND coton"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input);
    auto q = parse_query(c.input);
    ASSERT_TRUE(q.has_value()) << q.error().message;
    EXPECT_EQ(to_string(*q), c.expected);
    auto again = parse_query(to_string(*q));
    ASSERT_TRUE(again.has_value()) << again.error().message;
    EXPECT_EQ(*again, *q);
  }
}

TEST(QueryParserTest, KeepsOperatorWordsInLowerCaseAsPlainWords) {
  auto q = parse_query("or and not near");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(to_string(*q), "or AND and AND not AND near");
}

TEST(QueryParserTest, BuildsTheExpectedTree) {
  auto q = parse_query("title:coton -lang:en date:2026");
  ASSERT_TRUE(q.has_value());
  const auto* a = std::get_if<And>(&q->node);
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->children.size(), 3U);
  EXPECT_EQ(a->children[0], (Query{Term{"coton", Field::Title}}));
  const auto* n = std::get_if<Not>(&a->children[1].node);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->operand(), (Query{Filter{FilterField::Lang, "en"}}));
  const auto* d = std::get_if<DateRange>(&a->children[2].node);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(core::format_iso8601(*d->from), "2026-01-01T00:00:00Z");
  EXPECT_EQ(core::format_iso8601(*d->until), "2027-01-01T00:00:00Z");
}

struct Failure {
  std::string input;
  int column;
  const char* key;
  int related_column = 0;
};

TEST(QueryParserTest, ReportsTheColumnAndWhatWasExpected) {
  const Failure cases[] = {
      {"", 1, "query.empty"},
      {"  ,; ", 6, "query.empty"},
      {"(coton", 7, "query.expected_close_paren", 1},
      {"\u00E9coute (coton", 14, "query.expected_close_paren", 8},
      {"coton AND", 10, "query.expected_term"},
      {"AND coton", 1, "query.expected_term"},
      {"coton OR OR cajou", 10, "query.expected_term"},
      {"( )", 3, "query.expected_term"},
      {"NOT", 4, "query.expected_term"},
      {"coton)", 6, "query.unexpected_close_paren"},
      {"\"prix du", 9, "query.unterminated_phrase", 1},
      {"co*", 1, "query.prefix_too_short"},
      {"*", 1, "query.prefix_too_short"},
      {"co*ton", 3, "query.wildcard_position"},
      {"l'expo*", 1, "query.prefix_not_single_word"},
      {"coton NEAR/500 prix", 7, "query.near_distance"},
      {"coton NEAR/x prix", 7, "query.near_distance"},
      {"(a OR b) NEAR c", 1, "query.near_operand"},
      {"a NEAR -b", 8, "query.near_operand"},
      {"a NEAR b NEAR c", 10, "query.near_chain"},
      {"title:a NEAR b", 9, "query.near_field_mismatch"},
      {"lang:(fr NEAR en)", 7, "query.near_operand"},
      {"title:", 7, "query.expected_field_value"},
      {"title: coton", 7, "query.expected_field_value"},
      {"title:(a author:b)", 10, "query.nested_field"},
      {"date:2026-13-01", 6, "query.bad_date"},
      {"date:2026-02-30", 6, "query.bad_date"},
      {"date:soon", 6, "query.bad_date"},
      {"date:..", 6, "query.bad_date"},
      {"date:(2026)", 6, "query.bad_date"},
      {"after:>2026", 7, "query.bad_date"},
      {"date:2026-03-01..2026-01-01", 6, "query.empty_date_range"},
      {"tag:cot*", 8, "query.field_value"},
      {std::string(40, '(') + "a" + std::string(40, ')'), 33, "query.too_deep"},
      {std::string(5000, 'a'), 4097, "query.too_long"},
      {"x" + std::string(124, 'a'), 1, "query.term_too_long"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.input.substr(0, 40));
    auto q = parse_query_detailed(c.input);
    ASSERT_FALSE(q.has_value()) << to_string(*q);
    EXPECT_EQ(q.error().expected_key, c.key);
    EXPECT_EQ(q.error().column, c.column);
    EXPECT_EQ(q.error().related_column, c.related_column);
  }
}

TEST(QueryParserTest, LimitsNestingOfNotAndTheNumberOfTerms) {
  std::string nots;
  for (int i = 0; i < 40; ++i) {
    nots += "NOT ";
  }
  auto deep = parse_query_detailed(nots + "a");
  ASSERT_FALSE(deep.has_value());
  EXPECT_EQ(deep.error().expected_key, "query.too_deep");

  std::string many;
  for (int i = 0; i < 300; ++i) {
    many += "w" + std::to_string(i) + " ";
  }
  auto wide = parse_query_detailed(many);
  ASSERT_FALSE(wide.has_value());
  EXPECT_EQ(wide.error().expected_key, "query.too_many_terms");

  ParseLimits loose;
  loose.max_terms = 1000;
  EXPECT_TRUE(parse_query_detailed(many, loose).has_value());
}

TEST(QueryParserTest, DescribesErrorsInEnglishWithTheColumn) {
  auto q = parse_query("(coton");
  ASSERT_FALSE(q.has_value());
  EXPECT_EQ(q.error().code, core::ErrorCode::InvalidInput);
  EXPECT_EQ(q.error().reason, "query.syntax");
  EXPECT_EQ(q.error().message,
            "column 7: expected ')' to close the '(' at column 1 but found the end of the query");
  auto and_first = parse_query_detailed("AND coton");
  ASSERT_FALSE(and_first.has_value());
  EXPECT_EQ(and_first.error().found, "AND");
  EXPECT_EQ(describe(and_first.error()),
            "column 1: expected a word, a phrase or '(' but found 'AND'");
}

TEST(QueryParserTest, NormalisesFilterValues) {
  EXPECT_EQ(normalize_filter_value("  Coton \t Bio "), "coton bio");
  EXPECT_EQ(normalize_filter_value("CÔTE"), "cote");
  EXPECT_EQ(normalize_filter_value(""), "");
}

}  // namespace
}  // namespace vigie::match
