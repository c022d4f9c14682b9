// SPDX-License-Identifier: AGPL-3.0-or-later
// The ReviewStore contract (store.h): reviews, comments, tags, history and the triage lists,
// run against every backend like store_contract_test.cpp.
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "backends.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace vigie::storage {
namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kT0 = 1'767'225'600;  // 2026-01-01

class ReviewStoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = GetParam().open(dir_);
    ASSERT_NE(store_, nullptr);
    auto op = store_->ensure_operator("CCI Test");
    ASSERT_TRUE(op) << op.error().message;
    org_ = op->id;
    feed_a_ = add_feed("https://a.example/feed", "Agence A");
    feed_b_ = add_feed("https://b.example/feed", "Journal B");
    normal_ = add_topic("cajou", core::Priority::Normal);
    high_ = add_topic("coton", core::Priority::High);
    critical_ = add_topic("or", core::Priority::Critical);
  }

  core::Source add_feed(const std::string& url, const std::string& title) {
    core::Source s;
    s.org_id = org_;
    s.url = url;
    s.title = title;
    auto added = store_->add_source(s);
    EXPECT_TRUE(added) << added.error().message;
    return added.value_or(core::Source{});
  }

  core::TopicId add_topic(const std::string& name, core::Priority p) {
    core::Topic t;
    t.org_id = org_;
    t.name = name;
    t.query = name;
    t.priority = p;
    t.created_at = core::from_unix(kT0);
    t.updated_at = t.created_at;
    auto added = store_->add_topic(t);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  // Stores one item seen on `day`, matching `topics` with `score`, in story `story` (0: a new
  // one); returns its story.
  core::StoryId add(const core::Source& src, const std::string& guid, std::int64_t day,
                    std::vector<core::TopicId> topics, double score, core::StoryId story = 0) {
    core::Item it;
    it.org_id = org_;
    it.source_id = src.id;
    it.guid = guid;
    it.url = "https://news.example/" + guid;
    it.canonical_url = it.url;
    it.title = "Title " + guid;
    it.text = "text " + guid;
    it.content_hash = "hash-" + guid;
    it.published_at = core::from_unix(kT0 + day * kDay);
    it.fetched_at = core::from_unix(kT0 + day * kDay + 60);
    it.lang = "fr";
    std::vector<core::Item> one = {it};
    const ItemMatcher matcher =
        [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
      std::vector<core::TopicMatch> out;
      for (auto t : topics) {
        out.push_back({0, t, score, {}});
      }
      return out;
    };
    auto st = store_->upsert_items(src.id, one, matcher);
    EXPECT_TRUE(st) << st.error().message;
    if (!st || st->inserted_ids.empty()) {
      return 0;
    }
    auto s = store_->assign_story(st->inserted_ids.at(0), story, {});
    EXPECT_TRUE(s) << s.error().message;
    return s.value_or(0);
  }

  std::vector<core::StoryId> ids(ReviewState state, std::optional<core::TopicId> topic = {},
                                 std::size_t offset = 0, std::size_t limit = 50) {
    auto list = store_->list_triage({org_, state, topic, offset, limit});
    EXPECT_TRUE(list) << list.error().message;
    std::vector<core::StoryId> out;
    for (const auto& e : list.value_or(std::vector<TriageEntry>{})) {
      out.push_back(e.story.id);
    }
    return out;
  }

  ReviewChange change(core::StoryId story, std::string action, ReviewState state,
                      std::int64_t day) {
    ReviewChange c;
    c.story_id = story;
    c.action = std::move(action);
    c.state = state;
    c.actor = "analyste";
    c.at = core::from_unix(kT0 + day * kDay);
    return c;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  core::OrgId org_ = 0;
  core::Source feed_a_;
  core::Source feed_b_;
  core::TopicId normal_ = 0;
  core::TopicId high_ = 0;
  core::TopicId critical_ = 0;
};

TEST_P(ReviewStoreContractTest, InboxOrdersNewMatchedStoriesByPriorityScoreAndRecency) {
  const auto unmatched = add(feed_a_, "unmatched", 9, {}, 0);
  const auto normal_old = add(feed_a_, "normal-old", 1, {normal_}, 3.0);
  const auto normal_new = add(feed_a_, "normal-new", 2, {normal_}, 3.0);
  const auto normal_best = add(feed_a_, "normal-best", 0, {normal_}, 9.0);
  const auto high = add(feed_a_, "high", 0, {high_, normal_}, 1.0);
  const auto critical = add(feed_a_, "critical", 0, {critical_}, 0.5);
  // The same story seen on a second source: listed once, with both sources.
  ASSERT_EQ(add(feed_b_, "high-again", 3, {high_}, 2.0, high), high);

  EXPECT_EQ(ids(ReviewState::New),
            (std::vector<core::StoryId>{critical, high, normal_best, normal_new, normal_old}));
  (void)unmatched;
  auto list = store_->list_triage({org_, ReviewState::New, std::nullopt, 0, 50});
  ASSERT_TRUE(list);
  const auto& h = (*list)[1];
  EXPECT_EQ(h.source_count, 2U);
  EXPECT_EQ(h.story.item_count, 2U);
  EXPECT_EQ(h.topics, (std::vector<std::string>{"cajou", "coton"}));
  EXPECT_EQ(h.priority, core::Priority::High);
  EXPECT_DOUBLE_EQ(h.score, 2.0);
  EXPECT_FALSE(h.review);

  // Per topic (only that topic's matches count), and paged.
  EXPECT_EQ(ids(ReviewState::New, normal_),
            (std::vector<core::StoryId>{normal_best, normal_new, normal_old, high}));
  EXPECT_EQ(ids(ReviewState::New, std::nullopt, 1, 2),
            (std::vector<core::StoryId>{high, normal_best}));

  // A disabled topic no longer brings its stories in.
  auto t = store_->get_topic(critical_);
  ASSERT_TRUE(t);
  t->enabled = false;
  ASSERT_TRUE(store_->update_topic(*t));
  EXPECT_EQ(ids(ReviewState::New),
            (std::vector<core::StoryId>{high, normal_best, normal_new, normal_old}));
}

TEST_P(ReviewStoreContractTest, ReviewsLeaveTheInboxAndKeepTheirHistory) {
  const auto a = add(feed_a_, "a", 1, {high_}, 1.0);
  const auto b = add(feed_a_, "b", 2, {normal_}, 1.0);
  const auto c = add(feed_a_, "c", 3, {normal_}, 1.0);
  EXPECT_FALSE(store_->get_review(a).value());

  auto keep = change(a, "keep", ReviewState::Kept, 10);
  keep.tags = {"coton", "export"};
  keep.comment = "à suivre";
  auto r = store_->record_review(keep);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->state, ReviewState::Kept);
  EXPECT_FALSE(r->highlight);
  EXPECT_FALSE(r->rating);
  EXPECT_EQ(r->reviewer, "analyste");
  EXPECT_EQ(r->tags, (std::vector<std::string>{"coton", "export"}));

  auto hl = change(a, "highlight", ReviewState::Kept, 11);
  hl.highlight = true;
  hl.rating = 4;
  hl.tags = {"export"};  // already there: not logged again
  r = store_->record_review(hl);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->highlight);
  EXPECT_EQ(r->rating, 4);
  EXPECT_EQ(r->reviewed_at, core::from_unix(kT0 + 11 * kDay));

  ASSERT_TRUE(store_->record_review(change(b, "discard", ReviewState::Discarded, 12)));
  EXPECT_EQ(ids(ReviewState::New), (std::vector<core::StoryId>{c}));
  EXPECT_EQ(ids(ReviewState::Kept), (std::vector<core::StoryId>{a}));
  EXPECT_EQ(ids(ReviewState::Discarded), (std::vector<core::StoryId>{b}));
  EXPECT_EQ(ids(ReviewState::Kept, high_), (std::vector<core::StoryId>{a}));
  EXPECT_TRUE(ids(ReviewState::Kept, normal_).empty());
  auto kept = store_->list_triage({org_, ReviewState::Kept, std::nullopt, 0, 10});
  ASSERT_TRUE(kept);
  ASSERT_EQ(kept->size(), 1U);
  ASSERT_TRUE((*kept)[0].review);
  EXPECT_TRUE((*kept)[0].review->highlight);
  EXPECT_EQ((*kept)[0].review->tags, (std::vector<std::string>{"coton", "export"}));

  // Discarding a highlight clears it; keeping again later does not bring it back.
  ASSERT_TRUE(store_->record_review(change(a, "discard", ReviewState::Discarded, 13)));
  r = store_->record_review(change(a, "keep", ReviewState::Kept, 14));
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->highlight);
  EXPECT_EQ(r->rating, 4);  // unchanged unless given

  auto comments = store_->comments_of(a);
  ASSERT_TRUE(comments);
  ASSERT_EQ(comments->size(), 1U);
  EXPECT_EQ((*comments)[0].body, "à suivre");
  EXPECT_EQ((*comments)[0].author, "analyste");

  auto history = store_->review_history(a);
  ASSERT_TRUE(history);
  std::vector<std::string> seen;
  for (const auto& e : *history) {
    seen.push_back(e.action + (e.value.empty() ? "" : "=" + e.value));
    EXPECT_EQ(e.actor, "analyste");
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"keep", "tag=coton", "tag=export", "comment=à suivre",
                                            "highlight", "rating=4", "discard", "keep"}));
  EXPECT_EQ(history->front().at, core::from_unix(kT0 + 10 * kDay));
}

TEST_P(ReviewStoreContractTest, BadReviewsAreRefusedAndChangeNothing) {
  const auto a = add(feed_a_, "a", 1, {high_}, 1.0);
  auto missing = store_->record_review(change(a + 1000, "keep", ReviewState::Kept, 1));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().reason, "storage.not_found");

  auto rated = change(a, "keep", ReviewState::Kept, 1);
  rated.rating = 6;
  auto bad = store_->record_review(rated);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, core::ErrorCode::InvalidInput);

  auto tagged = change(a, "keep", ReviewState::Kept, 1);
  tagged.tags = {""};
  EXPECT_FALSE(store_->record_review(tagged));
  EXPECT_FALSE(store_->record_review(change(a, "keep", ReviewState::New, 1)));

  EXPECT_FALSE(store_->get_review(a).value());
  EXPECT_TRUE(store_->review_history(a).value().empty());
  EXPECT_EQ(ids(ReviewState::New), (std::vector<core::StoryId>{a}));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewStoreContractTest, store_backends(), backend_name);

}  // namespace
}  // namespace vigie::storage
