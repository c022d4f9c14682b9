// SPDX-License-Identifier: AGPL-3.0-or-later
// The percolator, the reference evaluator and the search index must agree: every generated
// query is registered as a topic, every generated document is percolated against all of them
// at once, and the documents each topic matched must be exactly those the evaluator accepts
// and those a search for the same query returns.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "match/evaluator.h"
#include "match/percolator.h"
#include "match/query.h"
#include "query_generator.h"
#include "storage/xapian/xapian_index.h"
#include "temp_dir.h"

namespace vigie::storage {
namespace {

using testing::eval_document;
using testing::Generator;

// Arabic and Chinese words join the vocabulary, so other scripts are tokenised, stemmed (ar)
// and matched the same way everywhere.
const std::vector<std::string> kOtherScripts = {"القطن", "الأسعار", "تصدير",
                                                "棉花",  "价格",    "出口"};

TEST(PercolatorAgreementTest, PercolatorEvaluatorAndSearchSelectTheSameDocuments) {
  testing::TempDir dir;
  auto opened = XapianIndex::open(dir / "index");
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& index = **opened;
  Generator gen(20261127, kOtherScripts);

  std::vector<IndexDocument> docs;
  for (core::ItemId id = 1; id <= 400; ++id) {
    docs.push_back(gen.document(id));
    docs.back().org_id = 1;
  }
  ASSERT_TRUE(index.add(docs).has_value());
  ASSERT_TRUE(index.commit(1).has_value());

  std::vector<match::PercolatorTopic> topics;
  std::vector<std::string> texts;
  for (int i = 0; i < 500; ++i) {
    texts.push_back(gen.query());
    auto q = match::parse_query(texts.back());
    ASSERT_TRUE(q.has_value()) << texts.back() << ": " << q.error().message;
    topics.push_back({i + 1, std::move(*q), {}, {}});
  }
  const match::Percolator percolator(topics);
  ASSERT_TRUE(percolator.refused().empty());

  // topic id -> matched documents, from percolating each document once.
  std::map<std::int64_t, std::vector<core::ItemId>> percolated;
  std::size_t candidates = 0;
  for (const auto& d : docs) {
    const auto ev = eval_document(d);
    candidates += percolator.candidates(ev).size();
    for (const auto& hit : percolator.percolate(ev)) {
      percolated[hit.topic_id].push_back(d.id);
      EXPECT_GE(hit.score, 0.0);
    }
  }

  std::vector<match::EvalDocument> evals;
  for (const auto& d : docs) {
    evals.push_back(eval_document(d));
  }
  int non_trivial = 0;
  for (const auto& topic : topics) {
    const std::string& text = texts[static_cast<std::size_t>(topic.id - 1)];
    SCOPED_TRACE(text);
    std::vector<core::ItemId> expected;
    for (std::size_t i = 0; i < docs.size(); ++i) {
      if (match::evaluate(topic.query, evals[i])) {
        expected.push_back(docs[i].id);
      }
    }
    ASSERT_EQ(percolated[topic.id], expected) << "canonical: " << match::to_string(topic.query);
    auto r = index.search(SearchRequest{topic.query, 1, 0, kMaxSearchLimit, SearchSort::Relevance});
    ASSERT_TRUE(r.has_value()) << r.error().message;
    std::vector<core::ItemId> searched;
    for (const auto& h : r->hits) {
      searched.push_back(h.id);
    }
    std::sort(searched.begin(), searched.end());
    ASSERT_EQ(searched, expected) << "canonical: " << match::to_string(topic.query);
    if (!expected.empty() && expected.size() < 100) {
      ++non_trivial;
    }
  }
  EXPECT_GT(non_trivial, 150);
  // The pre-filter must filter even on this tiny vocabulary, where most documents contain the
  // common words (realistic selectivity is measured by bench/percolate).
  EXPECT_LT(candidates, docs.size() * topics.size() * 3 / 4);
}

TEST(PercolatorAgreementTest, LanguagesAndVariantsChooseTheQueryByItemLanguage) {
  Generator gen(7, kOtherScripts);
  std::vector<IndexDocument> docs;
  for (core::ItemId id = 1; id <= 300; ++id) {
    docs.push_back(gen.document(id));
  }
  struct Spec {
    std::vector<std::string> languages;
    std::vector<std::pair<std::string, match::Query>> variants;
  };
  std::vector<match::PercolatorTopic> topics;
  const std::vector<std::vector<std::string>> language_sets = {{}, {"fr"}, {"en", "es"}};
  for (int i = 0; i < 200; ++i) {
    match::PercolatorTopic t;
    t.id = i + 1;
    t.query = *match::parse_query(gen.query());
    t.languages = language_sets[static_cast<std::size_t>(i) % language_sets.size()];
    if (i % 2 == 0) {
      t.variants.emplace_back("en", *match::parse_query(gen.query()));
    }
    topics.push_back(std::move(t));
  }
  const match::Percolator percolator(topics);
  for (const auto& d : docs) {
    const auto ev = eval_document(d);
    std::vector<std::int64_t> expected;
    for (const auto& t : topics) {
      const match::Query* q = &t.query;
      bool watched =
          t.languages.empty()
          || std::find(t.languages.begin(), t.languages.end(), ev.lang()) != t.languages.end();
      for (const auto& [lang, vq] : t.variants) {
        if (lang == ev.lang()) {
          q = &vq;
          watched = true;
        }
      }
      if (watched && match::evaluate(*q, ev)) {
        expected.push_back(t.id);
      }
    }
    std::vector<std::int64_t> got;
    for (const auto& h : percolator.percolate(ev)) {
      got.push_back(h.topic_id);
    }
    ASSERT_EQ(got, expected) << "document " << d.id << " lang " << d.lang;
  }
}

}  // namespace
}  // namespace vigie::storage
