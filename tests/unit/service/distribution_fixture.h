// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// An in-memory store with an operator, a member firm, staff, a member user, an outsider and
// topics of each audience: the world the subscription, digest and outbox tests share.

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "service/subscription_service.h"
#include "service/topic_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/memory_store.h"

namespace vigie::service {

class DistributionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::open_memory_store(store_, org_));
    auto firm = store_->create_member(org_, "Égrenage SA");
    ASSERT_TRUE(firm);
    firm_ = firm->id;
    auto other_op = store_->ensure_operator("Autre CCI");
    ASSERT_TRUE(other_op);
    topics_ = std::make_unique<TopicService>(*store_, clock_, org_);
    subs_ = std::make_unique<SubscriptionService>(*store_, *topics_, clock_, org_,
                                                  "0123456789abcdef0123456789abcdef");
    analyst_ = user("analyst@cci.example", org_, core::Role::Analyst);
    member_ = user("awa@firm.example", firm_, core::Role::Member, "en");
    outsider_ = user("x@other.example", other_op->id, core::Role::Analyst);
    internal_ = topic("Interne", core::Audience::Internal);
    members_ = topic("Membres", core::Audience::Members);
    public_ = topic("Public", core::Audience::Public);
  }

  core::UserId user(const std::string& email, core::OrgId org, core::Role role,
                    const std::string& lang = "fr") {
    core::User u;
    u.email = email;
    u.name = email.substr(0, email.find('@'));
    u.lang = lang;
    u.created_at = clock_.now();
    auto created = store_->create_user(u);
    EXPECT_TRUE(created) << created.error().message;
    EXPECT_TRUE(store_->set_membership({created->id, org, role}));
    return created->id;
  }

  core::TopicId topic(const std::string& name, core::Audience a,
                      core::Priority p = core::Priority::High) {
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

  // One item in a new story matching `topics`; returns the story.
  core::StoryId story(const std::string& title, std::vector<core::TopicId> topics) {
    core::Source src;
    src.org_id = org_;
    src.title = "Sidwaya";
    src.url = "https://feed.example/" + std::to_string(++n_);
    auto added = store_->add_source(src);
    EXPECT_TRUE(added) << added.error().message;
    core::Item it;
    it.org_id = org_;
    it.source_id = added->id;
    it.guid = title;
    it.url = "https://news.example/" + std::to_string(n_);
    it.title = title;
    it.text = "Le texte de " + title;
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

  void keep(core::StoryId story, bool highlight = false) {
    storage::ReviewChange c;
    c.story_id = story;
    c.action = highlight ? "highlight" : "keep";
    c.state = storage::ReviewState::Kept;
    c.highlight = highlight;
    c.actor = "analyst";
    c.at = clock_.now();
    auto r = store_->record_review(c);
    EXPECT_TRUE(r) << r.error().message;
  }

  SubscribeRequest request(const std::string& email, const std::string& topic, core::Rhythm rhythm,
                           core::Channel channel = core::Channel::Email,
                           const std::string& url = "") {
    SubscribeRequest r;
    r.email = email;
    r.topic = topic;
    r.rhythm = rhythm;
    r.channel = channel;
    r.webhook_url = url;
    return r;
  }

  testing::FakeClock clock_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<TopicService> topics_;
  std::unique_ptr<SubscriptionService> subs_;
  core::OrgId org_ = 0;
  core::OrgId firm_ = 0;
  core::UserId analyst_ = 0;
  core::UserId member_ = 0;
  core::UserId outsider_ = 0;
  core::TopicId internal_ = 0;
  core::TopicId members_ = 0;
  core::TopicId public_ = 0;
  int n_ = 0;
};

}  // namespace vigie::service
