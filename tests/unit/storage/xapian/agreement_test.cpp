// SPDX-License-Identifier: AGPL-3.0-or-later
// The index must select exactly the documents the reference evaluator selects. Documents and
// queries are generated from a small vocabulary (inflected French and English words, accents,
// repeated words) with a seeded RNG, so words, stems, phrases, prefixes, NEAR, fields, filters
// and dates all get hit and missed.

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "match/evaluator.h"
#include "match/query.h"
#include "query_generator.h"
#include "storage/xapian/xapian_index.h"
#include "temp_dir.h"

namespace vigie::storage {
namespace {

using testing::eval_document;
using testing::Generator;

// Also with a tiny max_ranked_matches: a huge result set's order favours recent documents, but
// which documents match must not change.
class XapianAgreementTest : public ::testing::TestWithParam<std::size_t> {};

INSTANTIATE_TEST_SUITE_P(MaxRankedMatches, XapianAgreementTest,
                         ::testing::Values(XapianIndexOptions{}.max_ranked_matches, 5));

TEST_P(XapianAgreementTest, SelectsTheSameDocumentsAsTheReferenceEvaluator) {
  testing::TempDir dir;
  auto opened = XapianIndex::open(dir / "index", {.max_ranked_matches = GetParam()});
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& index = **opened;
  Generator gen(20260301);

  // Build, then rewrite and delete some documents, so maintenance is covered too.
  std::map<core::ItemId, IndexDocument> docs;
  std::vector<IndexDocument> batch;
  for (core::ItemId id = 1; id <= 400; ++id) {
    batch.push_back(gen.document(id));
    docs[id] = batch.back();
  }
  ASSERT_TRUE(index.add(batch).has_value());
  ASSERT_TRUE(index.commit(1).has_value());
  batch.clear();
  std::vector<core::ItemId> removed;
  for (core::ItemId id = 1; id <= 400; id += 7) {
    if (id % 2 == 0) {
      batch.push_back(gen.document(id));
      docs[id] = batch.back();
    } else {
      removed.push_back(id);
      docs.erase(id);
    }
  }
  ASSERT_TRUE(index.add(batch).has_value());
  ASSERT_TRUE(index.remove(removed).has_value());
  ASSERT_TRUE(index.commit(2).has_value());

  std::map<core::ItemId, match::EvalDocument> evals;
  for (const auto& [id, d] : docs) {
    evals.emplace(id, eval_document(d));
  }

  int non_trivial = 0;
  for (int i = 0; i < 600; ++i) {
    const std::string text = gen.query();
    SCOPED_TRACE(text);
    auto q = match::parse_query(text);
    ASSERT_TRUE(q.has_value()) << q.error().message;
    for (core::OrgId org : {1, 2}) {
      std::vector<core::ItemId> expected;
      for (const auto& [id, d] : docs) {
        if (d.org_id == org && match::evaluate(*q, evals.at(id))) {
          expected.push_back(id);
        }
      }
      auto r = index.search(SearchRequest{*q, org, 0, kMaxSearchLimit, SearchSort::Relevance});
      ASSERT_TRUE(r.has_value()) << r.error().message;
      std::vector<core::ItemId> got;
      for (const auto& h : r->hits) {
        got.push_back(h.id);
      }
      std::sort(got.begin(), got.end());
      ASSERT_EQ(got, expected) << "canonical: " << match::to_string(*q) << " org " << org;
      if (!expected.empty() && expected.size() < 100) {
        ++non_trivial;
      }
    }
  }
  // The generator must produce selective queries, or the test proves little.
  EXPECT_GT(non_trivial, 300);
}

}  // namespace
}  // namespace vigie::storage
