// SPDX-License-Identifier: AGPL-3.0-or-later
// TriageService over an in-memory store: what each action records, the analyst_alert signal
// an alert raises, and the requests it refuses without recording anything.
#include "service/triage_service.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "service/topic_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/memory_store.h"

namespace vigie::service {
namespace {

class TriageServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::open_memory_store(store_, org_));
    auto other = store_->create_member(org_, "Membre");
    ASSERT_TRUE(other);
    other_org_ = other->id;
    topics_ = std::make_unique<TopicService>(*store_, clock_, org_);
    triage_ = std::make_unique<TriageService>(*store_, *topics_, clock_, org_);
    gold_ = add_topic("Or", core::Priority::Critical, core::Audience::Members);
    cashew_ = add_topic("Cajou", core::Priority::Normal, core::Audience::Internal);
  }

  core::TopicId add_topic(const std::string& name, core::Priority p, core::Audience a) {
    core::Topic t;
    t.org_id = org_;
    t.name = name;
    t.query = "x";
    t.priority = p;
    t.audience = a;
    auto added = store_->add_topic(t);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  // One item in a new story of `org`, matching `topics`; returns the story.
  core::StoryId story(core::OrgId org, const std::string& title,
                      std::vector<core::TopicId> topics) {
    core::Source src;
    src.org_id = org;
    src.url = "https://feed.example/" + std::to_string(++n_);
    auto added = store_->add_source(src);
    EXPECT_TRUE(added) << added.error().message;
    core::Item it;
    it.org_id = org;
    it.source_id = added->id;
    it.guid = title;
    it.url = "https://news.example/" + std::to_string(n_);
    it.title = title;
    it.content_hash = "hash-" + title;
    it.fetched_at = clock_.now();
    std::vector<core::Item> one = {it};
    auto st = store_->upsert_items(
        added->id, one, [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
          std::vector<core::TopicMatch> out;
          for (auto t : topics) {
            out.push_back({0, t, 1.0, {}});
          }
          return out;
        });
    EXPECT_TRUE(st) << st.error().message;
    auto s = store_->assign_story(st->inserted_ids.at(0), 0, {});
    EXPECT_TRUE(s) << s.error().message;
    return s.value_or(0);
  }

  std::vector<core::Signal> alerts() {
    storage::SignalFilter f;
    f.kind = std::string(core::kSignalAnalystAlert);
    auto list = store_->list_signals(org_, f);
    EXPECT_TRUE(list) << list.error().message;
    return list.value_or(std::vector<core::Signal>{});
  }

  testing::FakeClock clock_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<TopicService> topics_;
  std::unique_ptr<TriageService> triage_;
  core::OrgId org_ = 0;
  core::OrgId other_org_ = 0;
  core::TopicId gold_ = 0;
  core::TopicId cashew_ = 0;
  int n_ = 0;
};

TEST_F(TriageServiceTest, AlertKeepsTheStoryAndRaisesASignalFromItsBestTopic) {
  const auto s = story(org_, "Gold price", {cashew_, gold_});
  auto out = triage_->review({s, "alert", "  urgent  ", {" prix ", "prix", "or"}, 5, ""});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->review.state, storage::ReviewState::Kept);
  EXPECT_FALSE(out->review.highlight);
  EXPECT_EQ(out->review.rating, 5);
  EXPECT_EQ(out->review.reviewer, "cli");
  EXPECT_EQ(out->review.reviewed_at, clock_.now());
  EXPECT_EQ(out->review.tags, (std::vector<std::string>{"or", "prix"}));
  ASSERT_TRUE(out->signal);
  EXPECT_EQ(out->signal->kind, core::kSignalAnalystAlert);
  EXPECT_EQ(out->signal->severity, core::Priority::Critical);
  EXPECT_EQ(out->signal->audience, core::Audience::Members);
  EXPECT_EQ(out->signal->topic_id, gold_);
  EXPECT_EQ(out->signal->story_id, s);
  EXPECT_FALSE(out->signal->item_id);
  EXPECT_EQ(out->signal->title, "Gold price");
  EXPECT_EQ(out->signal->created_at, clock_.now());
  auto comments = triage_->comments(s);
  ASSERT_TRUE(comments);
  ASSERT_EQ(comments->size(), 1U);
  EXPECT_EQ((*comments)[0].body, "urgent");

  // Alerting again raises a second signal; a story without topics gives a normal one.
  clock_.advance(std::chrono::hours(1));
  ASSERT_TRUE(triage_->review({s, "alert", {}, {}, {}, "awa"}));
  const auto plain = story(org_, "Unmatched", {});
  auto p = triage_->review({plain, "alert", {}, {}, {}, "awa"});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->signal->severity, core::Priority::Normal);
  EXPECT_FALSE(p->signal->topic_id);
  EXPECT_EQ(alerts().size(), 3U);

  auto history = triage_->history(s);
  ASSERT_TRUE(history);
  std::vector<std::string> actions;
  for (const auto& e : *history) {
    actions.push_back(e.actor + ":" + e.action);
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"cli:alert", "cli:rating", "cli:tag", "cli:tag",
                                               "cli:comment", "awa:alert"}));
}

TEST_F(TriageServiceTest, HighlightKeepsAndDiscardClearsIt) {
  const auto s = story(org_, "Cashew", {cashew_});
  auto h = triage_->review({s, "highlight", {}, {}, {}, "awa"});
  ASSERT_TRUE(h) << h.error().message;
  EXPECT_EQ(h->review.state, storage::ReviewState::Kept);
  EXPECT_TRUE(h->review.highlight);
  EXPECT_FALSE(h->signal);
  EXPECT_EQ(triage_->kept(std::nullopt, 10).value().size(), 1U);
  EXPECT_TRUE(triage_->inbox(std::nullopt, 10).value().empty());
  auto d = triage_->review({s, "discard", {}, {}, {}, "awa"});
  ASSERT_TRUE(d);
  EXPECT_EQ(d->review.state, storage::ReviewState::Discarded);
  EXPECT_FALSE(d->review.highlight);
  EXPECT_TRUE(triage_->kept(std::nullopt, 10).value().empty());
  EXPECT_TRUE(alerts().empty());
}

TEST_F(TriageServiceTest, RefusesBadRequestsAndRecordsNothing) {
  const auto s = story(org_, "Cashew", {cashew_});
  const auto foreign = story(other_org_, "Elsewhere", {});
  struct Case {
    ReviewRequest request;
    const char* reason;
  };
  const Case cases[] = {
      {{s, "archive", {}, {}, {}, ""}, "triage.bad_action"},
      {{s, "", {}, {}, {}, ""}, "triage.bad_action"},
      {{s, "keep", {}, {}, 0, ""}, "triage.bad_rating"},
      {{s, "keep", {}, {}, 6, ""}, "triage.bad_rating"},
      {{s, "discard", {}, {}, 3, ""}, "triage.bad_rating"},
      {{s, "keep", {}, {"ok", "  "}, {}, ""}, "triage.bad_tag"},
      {{s + 1000, "keep", {}, {}, {}, ""}, "triage.story_not_found"},
      {{foreign, "alert", {}, {}, {}, ""}, "triage.story_not_found"},
  };
  for (const auto& c : cases) {
    auto r = triage_->review(c.request);
    ASSERT_FALSE(r) << c.reason;
    EXPECT_EQ(r.error().reason, c.reason);
  }
  EXPECT_FALSE(triage_->review_of(s).value());
  EXPECT_TRUE(triage_->history(s).value().empty());
  EXPECT_EQ(triage_->history(foreign).error().reason, "triage.story_not_found");
  EXPECT_TRUE(alerts().empty());
  EXPECT_EQ(triage_->inbox(std::nullopt, 10).value().size(), 1U);
  EXPECT_EQ(triage_->inbox(std::string("Nope"), 10).error().reason, "topic.not_found");
}

}  // namespace
}  // namespace vigie::service
