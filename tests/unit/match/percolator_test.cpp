// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/percolator.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace vigie::match {
namespace {

struct Doc {
  std::string title;
  std::string text;
  std::string lang = "fr";
  std::string country;
  std::vector<std::string> tags;
  std::string source = "Agence Ecofin";
  std::string author;
  std::optional<core::Timestamp> date = core::parse_iso8601_strict("2026-02-15T10:00:00Z");

  EvalDocument eval() const {
    return EvalDocument(DocumentFields{.title = title,
                                       .text = text,
                                       .source = source,
                                       .author = author,
                                       .lang = lang,
                                       .country = country,
                                       .tags = tags,
                                       .date = date});
  }
};

Doc make_doc(std::string lang, std::string title, std::string body = {}) {
  Doc d;
  d.lang = std::move(lang);
  d.title = std::move(title);
  d.text = std::move(body);
  return d;
}

PercolatorTopic topic(std::int64_t id, const char* query) {
  auto q = parse_query(query);
  EXPECT_TRUE(q.has_value()) << query;
  return PercolatorTopic{id, q.value_or(Query{}), {}, {}};
}

std::vector<std::int64_t> ids(const std::vector<PercolatorHit>& hits) {
  std::vector<std::int64_t> out;
  for (const auto& h : hits) {
    out.push_back(h.topic_id);
  }
  return out;
}

struct Case {
  const char* name;
  const char* query;
  Doc doc;
  bool expected;
};

class PercolatorCaseTest : public ::testing::TestWithParam<Case> {};

// Each case is checked against the reference evaluator too, so the table documents rules
// both follow.
TEST_P(PercolatorCaseTest, MatchesLikeTheEvaluator) {
  const Case& c = GetParam();
  const std::vector<PercolatorTopic> topics = {topic(1, c.query)};
  const Percolator p(topics);
  const EvalDocument doc = c.doc.eval();
  EXPECT_EQ(evaluate(topics[0].query, doc), c.expected) << "evaluator disagrees with the table";
  EXPECT_EQ(ids(p.percolate(doc)),
            c.expected ? std::vector<std::int64_t>{1} : std::vector<std::int64_t>{});
}

const Doc kCotton = [] {
  Doc d = make_doc("fr", "Le prix du coton grimpe en Côte d'Ivoire",
                   "Les exportations de noix de cajou ont augmenté. Le coton reste la première "
                   "culture d'exportation du Burkina Faso.");
  d.country = "CI";
  d.tags = {"Coton Bio"};
  d.author = "Jean Dupont";
  return d;
}();

INSTANTIATE_TEST_SUITE_P(
    Table, PercolatorCaseTest,
    ::testing::Values(Case{"Word", "coton", kCotton, true},
                      Case{"MissingWord", "mangue", kCotton, false},
                      Case{"StemmedWord", "exportation", kCotton, true},
                      Case{"AccentFolded", "COTE", kCotton, true},
                      Case{"AndBothPresent", "coton cajou", kCotton, true},
                      Case{"AndOneMissing", "coton mangue", kCotton, false},
                      Case{"OrOnePresent", "mangue OR cajou", kCotton, true},
                      Case{"Phrase", "\"prix du coton\"", kCotton, true},
                      Case{"PhraseWrongOrder", "\"coton du prix\"", kCotton, false},
                      Case{"Prefix", "expor*", kCotton, true},
                      Case{"PrefixMissing", "mang*", kCotton, false},
                      Case{"Near", "coton NEAR/3 grimpe", kCotton, true},
                      Case{"NearTooFar", "prix NEAR/0 grimpe", kCotton, false},
                      Case{"NearPhraseOperand", "\"prix du coton\" NEAR/0 grimpe", kCotton, true},
                      Case{"NearPhraseOperandTooFar", "\"le prix\" NEAR/1 grimpe", kCotton, false},
                      Case{"NearPrefixOperand", "expor* NEAR/3 cajou", kCotton, true},
                      Case{"NearPrefixOperandTooFar", "expor* NEAR/2 cajou", kCotton, false},
                      Case{"NearEitherOrder", "cajou NEAR/3 exportations", kCotton, true},
                      Case{"NearSecondOccurrence", "coton NEAR/2 premiere", kCotton, true},
                      Case{"PhraseSecondOccurrence", "\"coton reste\"", kCotton, true},
                      Case{"PrefixAccentFolded", "IVOI*", kCotton, true},
                      Case{"PrefixLongerThanEightBytes", "exportatio*", kCotton, true},
                      Case{"PrefixLongerThanTheWord", "exportationsx*", kCotton, false},
                      Case{"PrefixOfAnotherField", "title:expor*", kCotton, false},
                      Case{"StemOfABodyWordInTheTitleField", "title:exportation", kCotton, false},
                      Case{"NotPresent", "coton -cajou", kCotton, false},
                      Case{"NotAbsent", "coton -mangue", kCotton, true},
                      Case{"PureNotAbsent", "-mangue", kCotton, true},
                      Case{"PureNotPresent", "NOT coton", kCotton, false},
                      Case{"TitleField", "title:grimpe", kCotton, true},
                      Case{"TitleFieldBodyOnly", "title:cajou", kCotton, false},
                      Case{"SourceField", "source:ecofin", kCotton, true},
                      Case{"AuthorField", "author:dupont", kCotton, true},
                      Case{"LangFilter", "lang:fr coton", kCotton, true},
                      Case{"LangFilterOther", "lang:en coton", kCotton, false},
                      Case{"LangFilterAlone", "lang:fr", kCotton, true},
                      Case{"CountryFilter", "country:ci", kCotton, true},
                      Case{"TagFilter", "tag:\"coton bio\"", kCotton, true},
                      Case{"DateIn", "coton date:2026-02", kCotton, true},
                      Case{"DateOut", "coton before:2026-01-01", kCotton, false},
                      Case{"DateAlone", "after:2026-01-01", kCotton, true},
                      Case{"Arabic", "القطن", make_doc("ar", "ارتفاع أسعار القطن"), true},
                      Case{"ArabicVowelMarks", "القُطن", make_doc("ar", "ارتفاع أسعار القطن"), true},
                      Case{"Chinese", "棉花", make_doc("zh", "中国的棉花价格上涨"), true},
                      Case{"ChineseMissing", "大豆", make_doc("zh", "中国的棉花价格上涨"), false}),
    [](const auto& c) { return std::string(c.param.name); });

TEST(PercolatorTest, CandidatesAreTopicsSharingARequiredTerm) {
  const std::vector<PercolatorTopic> topics = {
      topic(1, "coton prix"),   topic(2, "mangue"),  topic(3, "cajou OR anacarde"),
      topic(4, "-sport"),       topic(5, "lang:en"), topic(6, "coton mangue"),
      topic(7, "\"coton bio\"")};
  const Percolator p(topics);
  const auto c = p.candidates(kCotton.eval());
  // 1 by "coton" and "prix", 3 by "cajou", 4 is purely negative (always checked); 2 and 5 have
  // no key in the document, 6 and 7 only one of the two words they require.
  EXPECT_EQ(c, (std::vector<std::int64_t>{1, 3, 4}));
  EXPECT_EQ(ids(p.percolate(kCotton.eval())), (std::vector<std::int64_t>{1, 3, 4}));
  EXPECT_EQ(p.stats().always_checked, 1U);
}

TEST(PercolatorTest, VariantReplacesTheMainQueryForItsLanguage) {
  PercolatorTopic t = topic(7, "coton");
  t.variants.emplace_back("en", *parse_query("cotton"));
  t.variants.emplace_back("es", *parse_query("algodón"));
  const Percolator p(std::vector<PercolatorTopic>{t});
  EXPECT_EQ(ids(p.percolate(make_doc("en", "Cotton prices rise").eval())),
            std::vector<std::int64_t>{7});
  EXPECT_EQ(ids(p.percolate(make_doc("es", "Precio del algodón").eval())),
            std::vector<std::int64_t>{7});
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "Le coton").eval())), std::vector<std::int64_t>{7});
  // An English item that says "coton" is matched against the English variant only.
  EXPECT_TRUE(p.percolate(make_doc("en", "Coton in English").eval()).empty());
}

TEST(PercolatorTest, LanguagesRestrictWhatATopicWatches) {
  PercolatorTopic t = topic(3, "coton");
  t.languages = {"FR"};
  const Percolator p(std::vector<PercolatorTopic>{t});
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "coton").eval())), std::vector<std::int64_t>{3});
  EXPECT_TRUE(p.percolate(make_doc("en", "coton").eval()).empty());
}

TEST(PercolatorTest, RecordsMatchedTermsAndADeterministicScore) {
  const Percolator p(
      std::vector<PercolatorTopic>{topic(1, "coton (cajou OR mangue) -sport"), topic(2, "coton")});
  const auto hits = p.percolate(kCotton.eval());
  ASSERT_EQ(hits.size(), 2U);
  EXPECT_EQ(hits[0].matched_terms, (std::vector<std::string>{"coton", "cajou"}));
  EXPECT_EQ(hits[1].matched_terms, std::vector<std::string>{"coton"});
  EXPECT_GT(hits[0].score, hits[1].score);
  EXPECT_EQ(p.percolate(kCotton.eval())[0].score, hits[0].score);
}

TEST(PercolatorTest, TitleMatchesScoreHigherThanBodyMatches) {
  const Percolator p(std::vector<PercolatorTopic>{topic(1, "grimpe"), topic(2, "burkina")});
  const auto hits = p.percolate(kCotton.eval());
  ASSERT_EQ(hits.size(), 2U);
  EXPECT_GT(hits[0].score, hits[1].score);
}

TEST(PercolatorTest, RefusesQueriesBeyondTheKeyLimit) {
  std::string wide;
  for (int i = 0; i < 40; ++i) {
    wide += (i ? " OR " : "") + std::string("mot") + std::to_string(i) + "x*";
  }
  auto q = parse_query(wide);
  ASSERT_TRUE(q.has_value()) << q.error().message;
  auto st = check_percolatable(
      *q, PercolatorLimits{.max_keys_per_query = 2048, .max_prefixes_per_query = 32});
  ASSERT_FALSE(st.has_value());
  EXPECT_EQ(st.error().reason, "topic.too_broad");
  const Percolator p(std::vector<PercolatorTopic>{PercolatorTopic{9, *q, {}, {}}, topic(10, "a")},
                     PercolatorLimits{.max_keys_per_query = 2048, .max_prefixes_per_query = 32});
  EXPECT_EQ(p.refused(), std::vector<std::int64_t>{9});
  EXPECT_EQ(p.stats().topics, 1U);
  EXPECT_TRUE(check_percolatable(*parse_query("coton OR cajou")).has_value());
}

TEST(PercolatorTest, PurelyNegativeAndDateOnlyQueriesAreAlwaysChecked) {
  EXPECT_TRUE(is_always_checked(*parse_query("-sport")));
  EXPECT_TRUE(is_always_checked(*parse_query("after:2026-01-01")));
  EXPECT_TRUE(is_always_checked(*parse_query("coton OR -sport")));
  EXPECT_FALSE(is_always_checked(*parse_query("coton -sport")));
  EXPECT_FALSE(is_always_checked(*parse_query("coton after:2026-01-01")));
}

// Thousands of distinct words and prefixes grow the term dictionary many times over; every
// topic must still find exactly its own document.
TEST(PercolatorTest, ManyTopicsEachFindTheirOwnDocument) {
  constexpr int kTopics = 3000;
  const auto word = [](int i) { return "mot" + std::to_string(i) + "x"; };
  std::vector<PercolatorTopic> topics;
  for (int i = 0; i < kTopics; ++i) {
    const std::string q =
        i % 3 == 0 ? word(i) + "*" : (i % 3 == 1 ? "\"" + word(i) + " coton\"" : word(i));
    topics.push_back(topic(i + 1, q.c_str()));
  }
  const Percolator p(topics);
  ASSERT_TRUE(p.refused().empty());
  for (int i = 0; i < kTopics; i += 7) {
    const Doc d = make_doc("und", "Titre", "le " + word(i) + "suffixe et " + word(i) + " coton");
    EXPECT_EQ(ids(p.percolate(d.eval())), std::vector<std::int64_t>{i + 1}) << i;
  }
}

// Phrases, NEAR and prefixes are checked on the occurrences view() lists per word and field:
// every occurrence counts, in the field it is in, and the score follows the count.
TEST(PercolatorTest, RepeatedPhrasesAndPrefixesScoreByTheirOccurrences) {
  const Percolator p(std::vector<PercolatorTopic>{topic(1, "\"prix du coton\""), topic(2, "expor*"),
                                                  topic(3, "mangue")});
  const Doc once = make_doc("fr", "Marchés", "Le prix du coton baisse. Les exportations aussi.");
  const Doc twice = make_doc(
      "fr", "Marchés",
      "Le prix du coton baisse. Le prix du coton remonte. Les exportations et les exportateurs.");
  const auto a = p.percolate(once.eval());
  const auto b = p.percolate(twice.eval());
  ASSERT_EQ(ids(a), (std::vector<std::int64_t>{1, 2}));
  ASSERT_EQ(ids(b), (std::vector<std::int64_t>{1, 2}));
  EXPECT_GT(b[0].score, a[0].score);
  EXPECT_GT(b[1].score, a[1].score);
  EXPECT_EQ(b[0].matched_terms, std::vector<std::string>{"\"prix du coton\""});
  EXPECT_EQ(b[1].matched_terms, std::vector<std::string>{"expor*"});
}

// A query word found in a document gives its stem without a second lookup; a body-only or a
// title-only document, stemmed or not, must still match by stem in the field it has.
TEST(PercolatorTest, StemsMatchInWhicheverFieldTheDocumentHas) {
  const Percolator p(std::vector<PercolatorTopic>{topic(1, "exportation"), topic(2, "exportations"),
                                                  topic(3, "title:exportation")});
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "", "Les exportations de cajou").eval())),
            (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "Les exportations de cajou").eval())),
            (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "", "Une exportation record").eval())),
            (std::vector<std::int64_t>{1, 2}));
  // No stemmer for the language: folded forms only.
  EXPECT_EQ(ids(p.percolate(make_doc("und", "", "Les exportations de cajou").eval())),
            (std::vector<std::int64_t>{2}));
}

// Prefixes are first screened by their leading bytes; prefixes of several lengths (in bytes:
// accents take two) and a token shorter than some of them must all be handled.
TEST(PercolatorTest, PrefixesOfEveryLengthAreFound) {
  const Percolator p(std::vector<PercolatorTopic>{topic(1, "cot*"), topic(2, "côte*"),
                                                  topic(3, "exportati*"), topic(4, "cajoux*"),
                                                  topic(5, "burkina*")});
  EXPECT_EQ(ids(p.percolate(kCotton.eval())), (std::vector<std::int64_t>{1, 2, 3, 5}));
  EXPECT_EQ(ids(p.percolate(make_doc("fr", "co", "cot").eval())), std::vector<std::int64_t>{1});
  EXPECT_TRUE(p.percolate(make_doc("fr", "c", "co").eval()).empty());
}

// Words are kept in the lookup table by their first 16 bytes and their length, longer ones
// compared in full: words of every length are found, and a word differing from one in a single
// byte, anywhere, or longer by one, is not taken for it.
TEST(PercolatorTest, WordsOfEveryLengthAreFoundAndNoNearMiss) {
  const std::string letters = "qwertzuiopasdfghjklyxcvbnm";
  std::vector<std::string> words;
  for (std::size_t n = 2; n <= 40; ++n) {
    std::string w;
    for (std::size_t i = 0; i < n; ++i) {
      w += letters[(i * 7 + n) % letters.size()];
    }
    words.push_back(w);
  }
  words.push_back(std::string(kMaxTermBytes, 'k'));
  std::vector<PercolatorTopic> topics;
  for (std::size_t i = 0; i < words.size(); ++i) {
    topics.push_back(topic(static_cast<std::int64_t>(i + 1), words[i].c_str()));
  }
  const Percolator p(topics);
  std::string all;
  std::string near_misses;
  for (const auto& w : words) {
    all += w + " ";
    std::string last = w;
    last.back() = '7';
    std::string middle = w;
    middle[w.size() / 2] = '7';
    near_misses += last + " " + middle + " " + w + "7 " + w.substr(1) + " ";
  }
  for (const char* lang : {"und", "fr"}) {
    SCOPED_TRACE(lang);
    const EvalDocument found = make_doc(lang, "", all).eval();
    const EvalDocument missed = make_doc(lang, "", near_misses).eval();
    const auto hits = p.percolate(found);
    EXPECT_EQ(hits.size(), words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
      EXPECT_TRUE(evaluate(topics[i].query, found)) << words[i];
      EXPECT_FALSE(evaluate(topics[i].query, missed)) << words[i];
    }
    EXPECT_TRUE(p.percolate(missed).empty());
  }
}

// Two words of 24 bytes with the same first 16 bytes whose text::term_hash() agrees on every
// bit a one-word table uses (tag, filter bit, slot): found by searching 2 million such words.
// Only comparing the rest of the words tells them apart. (If term_hash changes, they no longer
// collide and this checks less.)
TEST(PercolatorTest, WordsWhoseHashesCollideAreToldApart) {
  const char* kWord = "zzzzhashheadzzzzofrlcaaa";
  const char* kCollision = "zzzzhashheadzzzzoddmpaaa";
  const Percolator p(std::vector<PercolatorTopic>{topic(1, kWord)});
  EXPECT_EQ(ids(p.percolate(make_doc("und", kWord).eval())), std::vector<std::int64_t>{1});
  EXPECT_TRUE(p.percolate(make_doc("und", kCollision).eval()).empty());
}

TEST(PercolatorTest, NoTopicsMatchNothing) {
  const Percolator p;
  EXPECT_TRUE(p.percolate(kCotton.eval()).empty());
}

}  // namespace
}  // namespace vigie::match
