// SPDX-License-Identifier: AGPL-3.0-or-later
// The StoryStore contract (store.h), run against every backend like store_contract_test.cpp.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "backends.h"
#include "core/try.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace vigie::storage {
namespace {

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kT0 = 1'767'225'600;  // 2026-01-01

class StoryStoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = GetParam().open(dir_);
    ASSERT_NE(store_, nullptr);
    auto op = store_->ensure_operator("CCI Test");
    ASSERT_TRUE(op) << op.error().message;
    org_ = op->id;
    feed_a_ = add_feed("https://a.example/feed", "Agence A");
    feed_b_ = add_feed("https://b.example/feed", "Journal B");
  }

  core::Source add_feed(const std::string& url, const std::string& title, core::OrgId org = 0) {
    core::Source s;
    s.org_id = org == 0 ? org_ : org;
    s.url = url;
    s.title = title;
    auto added = store_->add_source(s);
    EXPECT_TRUE(added) << added.error().message;
    return added.value_or(core::Source{});
  }

  // Stores one item published at kT0 + `day` days (fetched later), returns its id.
  core::ItemId add_item(const core::Source& src, const std::string& guid, std::int64_t day,
                        bool published = true) {
    core::Item it;
    it.org_id = src.org_id;
    it.source_id = src.id;
    it.guid = guid;
    it.url = "https://news.example/" + guid;
    it.canonical_url = it.url;
    it.title = "Title " + guid;
    it.text = "text " + guid;
    it.content_hash = "hash-" + guid;
    it.fetched_at = core::from_unix(kT0 + (day + 1) * kDay);
    if (published) {
      it.published_at = core::from_unix(kT0 + day * kDay);
    } else {
      it.fetched_at = core::from_unix(kT0 + day * kDay);
    }
    it.lang = "fr";
    it.simhash = 0xF0F0'F0F0'F0F0'F0F0ULL + static_cast<std::uint64_t>(day);  // high bit set
    std::vector<core::Item> one = {it};
    auto st = store_->upsert_items(src.id, one);
    EXPECT_TRUE(st) << st.error().message;
    return st ? st->inserted_ids.at(0) : 0;
  }

  core::StoryId assign(core::ItemId item, core::StoryId story, std::vector<std::string> keys) {
    auto s = store_->assign_story(item, story, keys);
    EXPECT_TRUE(s) << s.error().message;
    return s.value_or(0);
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  core::OrgId org_ = 0;
  core::Source feed_a_;
  core::Source feed_b_;
};

TEST_P(StoryStoreContractTest, PendingItemsComeInOrderOfAppearanceUntilAssigned) {
  const auto late = add_item(feed_a_, "late", 5);
  const auto early = add_item(feed_b_, "early", 1);
  const auto unpublished = add_item(feed_a_, "unpublished", 3, /*published=*/false);
  auto pending = store_->items_without_story(org_, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  ASSERT_EQ(pending->size(), 3U);
  EXPECT_EQ((*pending)[0].id, early);
  EXPECT_EQ((*pending)[1].id, unpublished);  // no publication date: its fetch time counts
  EXPECT_EQ((*pending)[2].id, late);
  auto limited = store_->items_without_story(org_, 1);
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->size(), 1U);

  assign(early, 0, {});
  auto rest = store_->items_without_story(org_, 10);
  ASSERT_TRUE(rest);
  EXPECT_EQ(rest->size(), 2U);
  auto of = store_->story_of(early);
  ASSERT_TRUE(of);
  EXPECT_TRUE(of->has_value());
  auto none = store_->story_of(late);
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->has_value());
  EXPECT_EQ(store_->story_of(999'999).error().code, core::ErrorCode::NotFound);
}

TEST_P(StoryStoreContractTest, AssigningStartsOrJoinsAStoryAndTracksItsFirstAppearance) {
  const auto second = add_item(feed_a_, "second", 4);
  const auto first = add_item(feed_b_, "first", 2);
  const auto last = add_item(feed_b_, "last", 9);
  const core::StoryId story = assign(second, 0, {"u:second"});
  ASSERT_NE(story, 0);
  EXPECT_EQ(assign(first, story, {"u:first"}), story);
  EXPECT_EQ(assign(last, story, {"u:last"}), story);

  auto detail = store_->get_story(story);
  ASSERT_TRUE(detail) << detail.error().message;
  EXPECT_EQ(detail->story.org_id, org_);
  EXPECT_EQ(detail->story.item_count, 3U);
  EXPECT_EQ(detail->story.first_item_id, first);  // the earliest, though assigned later
  EXPECT_EQ(detail->story.title, "Title first");
  EXPECT_EQ(detail->story.first_seen_at, core::from_unix(kT0 + 2 * kDay));
  EXPECT_EQ(detail->story.last_seen_at, core::from_unix(kT0 + 9 * kDay));
  ASSERT_EQ(detail->members.size(), 3U);
  EXPECT_EQ(detail->members[0].item.id, first);
  EXPECT_EQ(detail->members[0].source_title, "Journal B");
  EXPECT_EQ(detail->members[1].item.id, second);
  EXPECT_EQ(detail->members[1].source_title, "Agence A");
  EXPECT_EQ(detail->members[2].item.id, last);
}

TEST_P(StoryStoreContractTest, AssigningIsIdempotent) {
  const auto item = add_item(feed_a_, "a", 1);
  const auto other = add_item(feed_b_, "b", 1);
  const core::StoryId story = assign(item, 0, {"u:a"});
  const core::StoryId second_story = assign(other, 0, {"u:b"});
  // Asked again, with another story or none: the item keeps its first story.
  EXPECT_EQ(assign(item, 0, {"u:a"}), story);
  EXPECT_EQ(assign(item, second_story, {"u:a"}), story);
  auto detail = store_->get_story(story);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->story.item_count, 1U);
  auto count = store_->count_stories(org_);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2U);
}

TEST_P(StoryStoreContractTest, RefusesUnknownItemsAndStoriesAndOtherOrganisations) {
  const auto item = add_item(feed_a_, "a", 1);
  EXPECT_EQ(store_->assign_story(999'999, 0, {}).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->assign_story(item, 999'999, {}).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->get_story(999'999).error().code, core::ErrorCode::NotFound);

  auto other_org = store_->ensure_operator("Autre CCI");
  ASSERT_TRUE(other_org);
  const core::Source foreign = add_feed("https://c.example/feed", "C", other_org->id);
  const auto foreign_item = add_item(foreign, "c", 1);
  const core::StoryId foreign_story = assign(foreign_item, 0, {"u:c"});
  EXPECT_EQ(store_->assign_story(item, foreign_story, {}).error().code, core::ErrorCode::Conflict);
  auto pending = store_->items_without_story(org_, 10);
  ASSERT_TRUE(pending);
  EXPECT_EQ(pending->size(), 1U);  // still pending after the refusal
}

TEST_P(StoryStoreContractTest, CandidatesShareAKeyWithinTheWindowAndHaveAStory) {
  const auto near = add_item(feed_a_, "near", 10);
  const auto far = add_item(feed_a_, "far", 100);
  const auto other_key = add_item(feed_b_, "other", 10);
  const auto pending = add_item(feed_b_, "pending", 10);
  const core::StoryId s1 = assign(near, 0, {"m:1", "b0:ff"});
  assign(far, 0, {"m:1"});
  assign(other_key, 0, {"m:2"});
  (void)pending;  // filed under nothing: pending items are never candidates

  const std::vector<std::string> keys = {"m:1", "b0:ff", "m:3"};
  auto hits = store_->story_candidates(org_, keys, core::from_unix(kT0),
                                       core::from_unix(kT0 + 20 * kDay), 10);
  ASSERT_TRUE(hits) << hits.error().message;
  ASSERT_EQ(hits->size(), 1U);  // once, though it shares two keys
  EXPECT_EQ((*hits)[0].item_id, near);
  EXPECT_EQ((*hits)[0].story_id, s1);
  // The candidate's head, for match::may_share_story().
  EXPECT_EQ((*hits)[0].simhash, 0xF0F0'F0F0'F0F0'F0FAULL);  // day 10
  EXPECT_EQ((*hits)[0].lang, "fr");
  EXPECT_EQ((*hits)[0].canonical_url, "https://news.example/near");
  EXPECT_EQ((*hits)[0].content_hash, "hash-near");
  EXPECT_EQ((*hits)[0].title, "Title near");

  auto other_org = store_->ensure_operator("Autre CCI");
  ASSERT_TRUE(other_org);
  auto foreign = store_->story_candidates(other_org->id, keys, core::from_unix(kT0),
                                          core::from_unix(kT0 + 200 * kDay), 10);
  ASSERT_TRUE(foreign);
  EXPECT_TRUE(foreign->empty());
}

TEST_P(StoryStoreContractTest, CandidatesPerKeyAreTheMostRecentlySeen) {
  std::vector<core::ItemId> ids;
  for (int day = 0; day < 5; ++day) {
    ids.push_back(add_item(feed_a_, "d" + std::to_string(day), day));
    assign(ids.back(), 0, {"m:boilerplate"});
  }
  const std::vector<std::string> keys = {"m:boilerplate"};
  auto hits = store_->story_candidates(org_, keys, core::from_unix(kT0),
                                       core::from_unix(kT0 + 10 * kDay), 2);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 2U);
  std::vector<core::ItemId> got = {(*hits)[0].item_id, (*hits)[1].item_id};
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<core::ItemId>{ids[3], ids[4]}));
}

TEST_P(StoryStoreContractTest, ListsStoriesNewestFirstInPagesWithTheirSources) {
  std::vector<core::StoryId> stories;
  for (int day = 0; day < 5; ++day) {
    const auto a = add_item(feed_a_, "a" + std::to_string(day), day);
    stories.push_back(assign(a, 0, {}));
  }
  // The newest story was republished by B a day after A.
  const auto copy = add_item(feed_b_, "copy", 5);
  assign(copy, stories.back(), {});

  auto page1 = store_->list_stories(org_, 2);
  ASSERT_TRUE(page1) << page1.error().message;
  ASSERT_EQ(page1->size(), 2U);
  EXPECT_EQ((*page1)[0].story.id, stories[4]);
  EXPECT_EQ((*page1)[0].story.item_count, 2U);
  EXPECT_EQ((*page1)[0].sources, (std::vector<std::string>{"Agence A", "Journal B"}));
  EXPECT_EQ((*page1)[1].story.id, stories[3]);
  EXPECT_EQ((*page1)[1].sources, (std::vector<std::string>{"Agence A"}));

  const auto& last = page1->back().story;
  auto page2 = store_->list_stories(org_, 10, StoryCursor{last.first_seen_at, last.id});
  ASSERT_TRUE(page2);
  ASSERT_EQ(page2->size(), 3U);
  EXPECT_EQ((*page2)[0].story.id, stories[2]);
  EXPECT_EQ((*page2)[2].story.id, stories[0]);
  auto count = store_->count_stories(org_);
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 5U);
}

TEST_P(StoryStoreContractTest, RemovingASourceShrinksItsStoriesAndDropsEmptyOnes) {
  const auto a = add_item(feed_a_, "a", 1);
  const auto b = add_item(feed_b_, "b", 2);
  const auto alone = add_item(feed_a_, "alone", 3);
  const core::StoryId shared = assign(a, 0, {"u:a"});
  assign(b, shared, {"u:b"});
  const core::StoryId single = assign(alone, 0, {"u:alone"});
  ASSERT_TRUE(store_->remove_source(feed_a_.id));

  auto detail = store_->get_story(shared);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->story.item_count, 1U);
  ASSERT_EQ(detail->members.size(), 1U);
  EXPECT_EQ(detail->members[0].item.id, b);
  EXPECT_EQ(store_->get_story(single).error().code, core::ErrorCode::NotFound);
  const std::vector<std::string> keys = {"u:a"};
  auto hits = store_->story_candidates(org_, keys, core::from_unix(0),
                                       core::from_unix(kT0 + 100 * kDay), 10);
  ASSERT_TRUE(hits);
  EXPECT_TRUE(hits->empty());
}

TEST_P(StoryStoreContractTest, OneTransactionSeesItsOwnWritesAndCommitsOrRollsBackTogether) {
  const core::ItemId a = add_item(feed_a_, "a", 0);
  const core::ItemId b = add_item(feed_b_, "b", 1);
  const core::ItemId c = add_item(feed_b_, "c", 2);
  const std::vector<std::string> keys = {"k:shared"};
  const auto from = core::from_unix(kT0 - 10 * kDay);
  const auto to = core::from_unix(kT0 + 10 * kDay);

  // A failing batch leaves nothing behind, though its writes were visible inside it
  // (including an assignment refused in the middle, which fails alone).
  auto failed = store_->in_one_transaction([&]() -> core::Status {
    auto s = store_->assign_story(a, 0, keys);
    EXPECT_TRUE(s) << s.error().message;
    auto seen = store_->story_candidates(org_, keys, from, to, 8);
    EXPECT_TRUE(seen && seen->size() == 1U);
    EXPECT_FALSE(store_->assign_story(b, 999'999, keys));  // no such story
    auto still = store_->story_candidates(org_, keys, from, to, 8);
    EXPECT_TRUE(still && still->size() == 1U);
    return core::make_error(core::ErrorCode::Internal, "test.failed", "test: roll back");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().reason, "test.failed");
  auto none = store_->story_candidates(org_, keys, from, to, 8);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
  auto pending = store_->items_without_story(org_, 10);
  ASSERT_TRUE(pending) << pending.error().message;
  EXPECT_EQ(pending->size(), 3U);

  // A successful one: the second assignment finds the first (same transaction) and joins its
  // story; both are committed.
  core::StoryId story = 0;
  auto ok = store_->in_one_transaction([&]() -> core::Status {
    VIGIE_TRY_ASSIGN(story, store_->assign_story(a, 0, keys));
    VIGIE_TRY_ASSIGN(auto hits, store_->story_candidates(org_, keys, from, to, 8));
    EXPECT_EQ(hits.size(), 1U);
    VIGIE_TRY_ASSIGN(auto joined, store_->assign_story(b, hits.at(0).story_id, keys));
    EXPECT_EQ(joined, story);
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  auto both = store_->story_candidates(org_, keys, from, to, 8);
  ASSERT_TRUE(both) << both.error().message;
  EXPECT_EQ(both->size(), 2U);
  auto detail = store_->get_story(story);
  ASSERT_TRUE(detail) << detail.error().message;
  EXPECT_EQ(detail->story.item_count, 2U);
  auto left = store_->items_without_story(org_, 10);
  ASSERT_TRUE(left) << left.error().message;
  ASSERT_EQ(left->size(), 1U);
  EXPECT_EQ(left->at(0).id, c);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoryStoreContractTest, store_backends(), backend_name);

}  // namespace
}  // namespace vigie::storage
