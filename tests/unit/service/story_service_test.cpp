// SPDX-License-Identifier: AGPL-3.0-or-later
// StoryService over the demo corpus: every item gets a story, the grouping is measured
// against the labelled pairs (data/demo/story_pairs.tsv) and must stay above floors, and
// assigning again or ingesting again changes nothing.
#include "service/story_service.h"

#include <map>
#include <memory>

#include <gtest/gtest.h>

#include "demo/demo_corpus.h"
#include "storage/sqlite/sqlite_store.h"
#include "support/fake_clock.h"

namespace vigie::service {
namespace {

using testing::PairScores;

// Floors, below the figures measured when the thresholds were chosen (bench/README.md:
// same-language precision 1.000, recall 0.956), so that a regression fails loudly.
constexpr double kMinPrecision = 0.98;
constexpr double kMinRecall = 0.93;

class StoryServiceDemoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = storage::sqlite::SqliteStore::open({.path = ":memory:"});
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    auto op = store_->ensure_operator("CCI Demo");
    ASSERT_TRUE(op);
    org_ = op->id;
    ids_ = testing::load_demo_corpus(*store_, clock_, org_);
  }

  core::StoryId story(core::ItemId id) {
    auto s = store_->story_of(id);
    EXPECT_TRUE(s && s->has_value());
    return s && *s ? **s : 0;
  }

  testing::FakeClock clock_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  core::OrgId org_ = 0;
  std::map<testing::DemoRef, core::ItemId> ids_;
};

TEST_F(StoryServiceDemoTest, GroupsTheDemoStoriesAbovePrecisionAndRecallFloors) {
  ASSERT_EQ(ids_.size(), 320U);
  StoryService service(*store_);
  auto report = service.assign_pending();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->assigned, 320U);

  const auto pairs = testing::read_story_pairs(testing::demo_dir() / "story_pairs.tsv");
  ASSERT_GE(pairs.size(), 300U);
  const auto scores = testing::score_pairs(
      pairs, ids_, [&](core::ItemId a, core::ItemId b) { return story(a) == story(b); });
  const double precision = PairScores::precision_of(scores.monolingual);
  const double recall = PairScores::recall_of(scores.monolingual);
  RecordProperty("same_language_precision", std::to_string(precision));
  RecordProperty("same_language_recall", std::to_string(recall));
  RecordProperty("translated_recall",
                 std::to_string(PairScores::recall_of(scores.by_class.at("translated"))));
  EXPECT_GE(precision, kMinPrecision);
  EXPECT_GE(recall, kMinRecall);
  EXPECT_EQ(PairScores::recall_of(scores.by_class.at("exact")), 1.0);
  for (const char* hard : {"trap", "sibling", "template"}) {
    SCOPED_TRACE(hard);
    EXPECT_EQ(scores.by_class.at(hard).false_positive, 0U);
  }
  // Translations are not expected to group, and never at the cost of precision.
  EXPECT_EQ(PairScores::precision_of(scores.all), precision);
}

TEST_F(StoryServiceDemoTest, AssigningOrIngestingAgainChangesNothing) {
  StoryService service(*store_);
  ASSERT_TRUE(service.assign_pending());
  auto stories = store_->count_stories(org_);
  ASSERT_TRUE(stories);

  auto again = service.assign_pending();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->assigned, 0U);
  const auto reloaded = testing::load_demo_corpus(*store_, clock_, org_);
  EXPECT_EQ(reloaded, ids_);
  StoryService fresh(*store_);  // a new process: nothing pending, nothing cached
  auto after = fresh.assign_pending();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->assigned, 0U);
  auto stories_after = store_->count_stories(org_);
  ASSERT_TRUE(stories_after);
  EXPECT_EQ(*stories_after, *stories);
}

TEST_F(StoryServiceDemoTest, AStoryStartsWithItsEarliestItem) {
  StoryService service(*store_);
  ASSERT_TRUE(service.assign_pending());
  for (const auto& [key, members] : testing::read_stories(testing::demo_dir() / "stories.tsv")) {
    SCOPED_TRACE(key);
    const core::StoryId s = story(ids_.at(members.front()));
    auto detail = store_->get_story(s);
    ASSERT_TRUE(detail);
    ASSERT_FALSE(detail->members.empty());
    core::Timestamp earliest = core::Timestamp::max();
    for (const auto& m : detail->members) {
      earliest = std::min(earliest, m.item.published_at.value_or(m.item.fetched_at));
    }
    EXPECT_EQ(detail->story.first_seen_at, earliest);
    EXPECT_EQ(detail->members.front().item.id, detail->story.first_item_id);
    EXPECT_EQ(detail->story.item_count, detail->members.size());
  }
}

TEST(StoryServiceTest, PicksUpItemsStoredSinceTheLastPass) {
  testing::FakeClock clock;
  auto store = storage::sqlite::SqliteStore::open({.path = ":memory:"});
  ASSERT_TRUE(store);
  StoryService service(**store);
  auto empty = service.assign_pending();
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->assigned, 0U);
  auto op = (*store)->ensure_operator("CCI");
  ASSERT_TRUE(op);
  // Stored while no pass ran (as after a crash between the store and the clustering).
  const auto ids = testing::load_demo_corpus(**store, clock, op->id);
  auto report = service.assign_pending();
  ASSERT_TRUE(report);
  EXPECT_EQ(report->assigned, ids.size());
  auto pending = (*store)->items_without_story(op->id, 10);
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->empty());
}

}  // namespace
}  // namespace vigie::service
