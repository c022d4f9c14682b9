// SPDX-License-Identifier: AGPL-3.0-or-later
// The one mapping from an item and its source to what queries look at (item_fields.h): the
// percolator's document (eval_document) and the search index's (to_index_document) carry the
// same fields, and a change to one of them (here an item's categories) shows up alike in a
// topic's matches and in search results.
#include "service/item_fields.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "match/percolator.h"
#include "match/query.h"
#include "service/index_sync.h"
#include "service/topic_matcher.h"
#include "storage/xapian/xapian_index.h"
#include "support/query_generator.h"
#include "support/temp_dir.h"

namespace vigie::service {
namespace {

constexpr std::int64_t kT0 = 1'767'225'600;  // 2026-01-01

core::Source source_with(std::vector<std::string> tags, std::optional<std::string> country) {
  core::Source s;
  s.id = 3;
  s.org_id = 1;
  s.title = "Sidwaya Économie";
  s.tags = std::move(tags);
  s.country = std::move(country);
  return s;
}

core::Item item_with(std::vector<std::string> categories, bool published) {
  core::Item it;
  it.id = 7;
  it.org_id = 1;
  it.source_id = 3;
  it.title = "Le coton grimpe à l'export";
  it.text = "Les cours du coton montent; les exportateurs de cajou suivent.";
  it.author = "Awa Traoré";
  it.lang = "fr";
  it.categories = std::move(categories);
  it.fetched_at = core::from_unix(kT0 + 3'600);
  if (published) {
    it.published_at = core::from_unix(kT0);
  }
  return it;
}

std::vector<std::string> terms(const match::FieldTokens& f) {
  std::vector<std::string> out;
  for (const auto& t : f.tokens) {
    out.push_back(t.term);
  }
  out.insert(out.end(), f.stems.begin(), f.stems.end());
  return out;
}

struct FieldsCase {
  const char* name;
  std::vector<std::string> source_tags;
  std::vector<std::string> categories;
  std::optional<std::string> country;
  bool published;
  std::vector<std::string> tags;  // expected, source's first
};

class ItemFieldsTest : public ::testing::TestWithParam<FieldsCase> {};

TEST_P(ItemFieldsTest, TheEvaluatorAndTheIndexSeeTheSameFields) {
  const auto& c = GetParam();
  const auto src = source_with(c.source_tags, c.country);
  const auto it = item_with(c.categories, c.published);
  const auto fields = item_fields(it, src);
  std::vector<std::string> scratch;
  const auto tags = fields.tags(scratch);
  EXPECT_EQ(std::vector<std::string>(tags.begin(), tags.end()), c.tags);
  EXPECT_EQ(fields.date(), c.published ? core::from_unix(kT0) : core::from_unix(kT0 + 3'600));

  const auto doc = to_index_document(it, src);
  EXPECT_EQ(doc.tags, c.tags);
  EXPECT_EQ(doc.date(), fields.date());
  EXPECT_EQ(doc.country, c.country.value_or(""));
  // The percolator's view of the item, and the evaluator's view of what the index holds.
  const auto percolated = eval_document(it, src);
  const auto indexed = testing::eval_document(doc);
  EXPECT_EQ(percolated.lang(), indexed.lang());
  EXPECT_EQ(percolated.country(), indexed.country());
  EXPECT_EQ(percolated.tags(), indexed.tags());
  EXPECT_EQ(percolated.date(), indexed.date());
  EXPECT_EQ(terms(percolated.title()), terms(indexed.title()));
  EXPECT_EQ(terms(percolated.text()), terms(indexed.text()));
  EXPECT_EQ(terms(percolated.source()), terms(indexed.source()));
  EXPECT_EQ(terms(percolated.author()), terms(indexed.author()));
  EXPECT_FALSE(terms(percolated.author()).empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ItemFieldsTest,
    ::testing::Values(
        FieldsCase{"NoTags", {}, {}, std::nullopt, true, {}},
        FieldsCase{"SourceTagsOnly", {"Filière coton"}, {}, "BF", true, {"Filière coton"}},
        FieldsCase{"CategoriesOnly", {}, {"Export", "Prix"}, "bf", false, {"Export", "Prix"}},
        FieldsCase{"SourceTagsThenCategories",
                   {"Filière coton", "Presse"},
                   {"Export"},
                   std::nullopt,
                   false,
                   {"Filière coton", "Presse", "Export"}}),
    [](const ::testing::TestParamInfo<FieldsCase>& p) { return std::string(p.param.name); });

// A topic on a tag: the item's category decides, for its matches and for the search alike.
TEST(ItemFieldsAgreementTest, ACategoryChangeShowsUpInMatchesAndSearchAlike) {
  testing::TempDir dir;
  auto opened = storage::XapianIndex::open(dir / "index");
  ASSERT_TRUE(opened) << opened.error().message;
  auto& index = **opened;
  core::Topic topic;
  topic.id = 11;
  topic.org_id = 1;
  topic.query = "tag:export coton";
  auto compiled = percolator_topic(topic);
  ASSERT_TRUE(compiled) << compiled.error().message;
  const std::vector<match::PercolatorTopic> topics = {std::move(*compiled)};
  const match::Percolator percolator(topics);
  storage::SearchRequest request;
  request.query = match::parse_query(topic.query).value();
  request.org_id = 1;

  struct Step {
    const char* name;
    std::vector<std::string> source_tags;
    std::vector<std::string> categories;
    bool matches;
  };
  const Step steps[] = {
      {"no category", {}, {}, false},
      {"category added", {}, {"Export"}, true},
      {"another category", {}, {"Prix"}, false},
      {"with the source's tags", {"Presse"}, {"Prix", "EXPORT"}, true},
      {"category removed", {"Presse"}, {}, false},
  };
  std::uint64_t position = 0;
  for (const auto& s : steps) {
    SCOPED_TRACE(s.name);
    const auto src = source_with(s.source_tags, "BF");
    const auto it = item_with(s.categories, true);
    const auto hits = percolator.percolate(eval_document(it, src));
    const auto doc = to_index_document(it, src);
    ASSERT_TRUE(index.add(std::span(&doc, 1)));
    ASSERT_TRUE(index.commit(++position));
    auto found = index.search(request);
    ASSERT_TRUE(found) << found.error().message;
    EXPECT_EQ(hits.size(), s.matches ? 1U : 0U);
    EXPECT_EQ(found->hits.size(), hits.size());
    if (!hits.empty() && !found->hits.empty()) {
      EXPECT_EQ(hits[0].topic_id, topic.id);
      EXPECT_EQ(found->hits[0].id, it.id);
    }
  }
}

}  // namespace
}  // namespace vigie::service
