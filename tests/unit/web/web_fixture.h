// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// What the web tests share: the real message catalogs, an in-memory store with an operator,
// a member firm, users of every kind and topics of every audience, and a way to keep stories.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/i18n.h"
#include "publish/token.h"
#include "service/feed_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "support/fake_clock.h"
#include "support/memory_store.h"
#include "web/app.h"
#include "web/feed_handler.h"
#include "web/router.h"
#include "web/unsubscribe_handler.h"

namespace vigie::web {

inline core::Messages load_messages(const std::string& lang) {
  std::ifstream in(std::string(VIGIE_I18N_DIR) + "/" + lang + ".po", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto cat = core::Catalog::parse_po(ss.str());
  EXPECT_TRUE(cat) << cat.error().message;
  return core::Messages(cat.value_or(core::Catalog{}), core::Catalog{}, lang);
}

inline Request get(std::string path, std::map<std::string, std::string, std::less<>> query = {}) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.query = std::move(query);
  return r;
}

class WebTest : public ::testing::Test {
 protected:
  static constexpr std::string_view kKey = "0123456789abcdef0123456789abcdef";

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(testing::open_memory_store(store_, org_));
    auto firm = store_->create_member(org_, "Filature du Sud");
    ASSERT_TRUE(firm);
    firm_ = firm->id;
    analyst_ = add_user("ana@cci.example", org_, core::Role::Analyst);
    member_ = add_user("mo@filature.example", firm_, core::Role::Member);
    public_ = add_topic("Coton", core::Audience::Public);
    internal_ = add_topic("Cajou", core::Audience::Internal);
    members_ = add_topic("Karité", core::Audience::Members);
    service::FeedServiceOptions o;
    o.base_url = "https://veille.cci.example/";
    o.operator_name = "CCI Test";
    feeds_ = std::make_unique<service::FeedService>(*store_, std::string(kKey), o, org_);
    feed_handler_ = std::make_unique<FeedHandler>(*feeds_);
    unsubscribe_handler_ = std::make_unique<UnsubscribeHandler>(
        UnsubscribeActions{[this](std::string_view t) { return describe(t); },
                           [this](std::string_view t) {
                             ++unsubscribed_;
                             return describe(t);
                           }},
        Translations{fr_, en_});
    Endpoints e;
    e.feeds = feed_handler_.get();
    e.unsubscribe = unsubscribe_handler_.get();
    e.health = [this]() -> core::Status {
      if (healthy_) {
        return {};
      }
      return core::make_error(core::ErrorCode::Unavailable, "storage.busy", "test: down");
    };
    app_ = std::make_unique<App>(route_table(e), Translations{fr_, en_});
  }

  core::UserId add_user(const std::string& email, core::OrgId org, core::Role role,
                        bool active = true) {
    core::User u;
    u.email = email;
    u.lang = "fr";
    u.active = active;
    auto added = store_->create_user(u);
    EXPECT_TRUE(added) << added.error().message;
    EXPECT_TRUE(store_->set_membership({added->id, org, role}));
    return added->id;
  }

  core::TopicId add_topic(const std::string& name, core::Audience a) {
    core::Topic t;
    t.org_id = org_;
    t.name = name;
    t.description = "Veille " + name;
    t.query = "x";
    t.audience = a;
    t.created_at = clock_.now();
    t.updated_at = clock_.now();
    auto added = store_->add_topic(t);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  // A new story matching `topic`, kept by an analyst; returns it.
  core::StoryId keep(core::TopicId topic, const std::string& title) {
    core::Source src;
    src.org_id = org_;
    src.url = "https://feed.example/" + std::to_string(++n_);
    auto added = store_->add_source(src);
    EXPECT_TRUE(added) << added.error().message;
    core::Item it;
    it.org_id = org_;
    it.source_id = added->id;
    it.guid = title;
    it.url = "https://news.example/a?id=" + std::to_string(n_) + "&lang=fr";
    it.title = title;
    it.summary_html = "<p>Résumé &amp; <b>détails</b></p>";
    it.content_hash = "hash-" + title;
    it.fetched_at = clock_.now();
    std::vector<core::Item> one = {it};
    auto st = store_->upsert_items(
        added->id, one, [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
          return std::vector<core::TopicMatch>{{0, topic, 1.0, {}}};
        });
    EXPECT_TRUE(st) << st.error().message;
    auto story = store_->assign_story(st->inserted_ids.at(0), 0, {});
    EXPECT_TRUE(story) << story.error().message;
    clock_.advance(std::chrono::hours(1));
    storage::ReviewChange c;
    c.story_id = *story;
    c.action = "keep";
    c.state = storage::ReviewState::Kept;
    c.tags = {"prix"};
    c.actor = "ana";
    c.at = clock_.now();
    EXPECT_TRUE(store_->record_review(c));
    return *story;
  }

  std::string token(core::UserId user, core::TopicId topic) const {
    return publish::sign_token(kKey, publish::kFeedPurpose,
                               std::to_string(user) + ":" + std::to_string(topic));
  }

  // The test's unsubscribe tokens: "good-fr", "good-en", "busy", anything else unknown.
  core::Result<UnsubscribeView> describe(std::string_view token) const {
    if (token == "busy") {
      return core::make_error(core::ErrorCode::Unavailable, "storage.busy", "test: busy");
    }
    if (token != "good-fr" && token != "good-en") {
      return core::make_error(core::ErrorCode::NotFound, "web.unsubscribe_unknown", "test");
    }
    UnsubscribeView v;
    v.lang = token == "good-en" ? "en" : "fr";
    v.email = "mo@filature.example";
    v.rhythm = token == "good-en" ? "weekly" : "immediate";
    v.topics = {"Coton", "Karité <bio>"};
    return v;
  }

  testing::FakeClock clock_;
  core::Messages fr_ = load_messages("fr");
  core::Messages en_ = load_messages("en");
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<service::FeedService> feeds_;
  std::unique_ptr<FeedHandler> feed_handler_;
  std::unique_ptr<UnsubscribeHandler> unsubscribe_handler_;
  std::unique_ptr<App> app_;
  core::OrgId org_ = 0;
  core::OrgId firm_ = 0;
  core::UserId analyst_ = 0;
  core::UserId member_ = 0;
  core::TopicId public_ = 0;
  core::TopicId internal_ = 0;
  core::TopicId members_ = 0;
  bool healthy_ = true;
  int unsubscribed_ = 0;
  int n_ = 0;
};

}  // namespace vigie::web
