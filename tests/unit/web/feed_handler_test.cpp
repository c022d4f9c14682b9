// SPDX-License-Identifier: AGPL-3.0-or-later
// GET /feeds/topics/{id}.atom|rss|json through web::App: kept stories only, newest review
// first, ETag and 304, caching, and the secret tokens of non-public topics (a bad token looks
// exactly like an unknown topic).
#include "web/feed_handler.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "web_fixture.h"

namespace vigie::web {
namespace {

class FeedHandlerTest : public WebTest {
 protected:
  Response feed(core::TopicId topic, const std::string& ext, const std::string& token = {}) {
    std::map<std::string, std::string, std::less<>> q;
    if (!token.empty()) {
      q["token"] = token;
    }
    return app_->handle(get("/feeds/topics/" + std::to_string(topic) + "." + ext, q));
  }
};

TEST_F(FeedHandlerTest, PublicTopicServesItsKeptStoriesNewestReviewFirst) {
  keep(public_, "Le coton grimpe");
  keep(public_, "Récolte record");
  keep(internal_, "Cajou : nouveau prix");
  auto r = feed(public_, "json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, publish::content_type(publish::FeedFormat::Json));
  const auto doc = nlohmann::json::parse(r.body);
  EXPECT_EQ(doc["title"], "Coton");
  EXPECT_EQ(doc["feed_url"],
            "https://veille.cci.example/feeds/topics/" + std::to_string(public_) + ".json");
  ASSERT_EQ(doc["items"].size(), 2U);
  EXPECT_EQ(doc["items"][0]["title"], "Récolte record");
  EXPECT_EQ(doc["items"][1]["title"], "Le coton grimpe");
  EXPECT_EQ(doc["items"][1]["url"], "https://news.example/a?id=1&lang=fr");
  EXPECT_EQ(r.header("Cache-Control"), "public, max-age=300");
  EXPECT_EQ(r.header("ETag"), publish::etag_of(r.body));
}

TEST_F(FeedHandlerTest, EveryFormatIsTheServicesBytes) {
  keep(public_, "Le coton grimpe");
  for (auto [ext, format] :
       {std::pair{"atom", publish::FeedFormat::Atom}, std::pair{"rss", publish::FeedFormat::Rss},
        std::pair{"json", publish::FeedFormat::Json}}) {
    SCOPED_TRACE(ext);
    auto r = feed(public_, ext);
    ASSERT_EQ(r.status, 200);
    auto direct = feeds_->render(public_, format, "");
    ASSERT_TRUE(direct);
    EXPECT_EQ(r.body, direct->body);
    EXPECT_EQ(r.content_type, direct->content_type);
    EXPECT_NE(r.body.find("Le coton grimpe"), std::string::npos);
  }
}

TEST_F(FeedHandlerTest, MatchingIfNoneMatchIsA304WithoutBody) {
  keep(public_, "Le coton grimpe");
  const auto first = feed(public_, "atom");
  ASSERT_EQ(first.status, 200);
  auto req = get("/feeds/topics/" + std::to_string(public_) + ".atom");
  req.headers["If-None-Match"] = "\"other\", W/" + first.header("ETag");
  auto again = app_->handle(req);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("ETag"), first.header("ETag"));
  keep(public_, "Nouvelle actualité");
  auto changed = app_->handle(req);
  EXPECT_EQ(changed.status, 200) << "a new kept story changes the ETag";
  EXPECT_NE(changed.header("ETag"), first.header("ETag"));
}

TEST(IfNoneMatchTest, WeakComparisonOverAList) {
  EXPECT_TRUE(if_none_match("\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match("W/\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match(" \"b\" ,\"a\"", "\"a\""));
  EXPECT_TRUE(if_none_match("*", "\"a\""));
  EXPECT_FALSE(if_none_match("", "\"a\""));
  EXPECT_FALSE(if_none_match("\"ab\"", "\"a\""));
  EXPECT_FALSE(if_none_match("a", "\"a\""));
}

TEST_F(FeedHandlerTest, PrivateTopicsNeedATokenOfAnAdmittedActiveUser) {
  keep(internal_, "Cajou : nouveau prix");
  keep(members_, "Karité : export");
  const auto inactive = add_user("old@cci.example", org_, core::Role::Admin, false);
  const auto unknown = feed(99999, "atom");
  ASSERT_EQ(unknown.status, 404);
  const struct {
    const char* name;
    core::TopicId topic;
    std::string token;
    int status;
  } cases[] = {
      {"internal_no_token", internal_, "", 404},
      {"internal_analyst", internal_, token(analyst_, internal_), 200},
      {"internal_member_firm", internal_, token(member_, internal_), 404},
      {"members_member_firm", members_, token(member_, members_), 200},
      {"members_analyst", members_, token(analyst_, members_), 200},
      {"token_of_another_topic", members_, token(member_, internal_), 404},
      {"inactive_admin", internal_, token(inactive, internal_), 404},
      {"unknown_user", internal_, token(4242, internal_), 404},
      {"altered", internal_, token(analyst_, internal_) + "x", 404},
      {"other_purpose", internal_,
       publish::sign_token(kKey, publish::kUnsubscribePurpose,
                           std::to_string(analyst_) + ":" + std::to_string(internal_)),
       404},
      {"other_key", internal_,
       publish::sign_token("another key of enough length!!", publish::kFeedPurpose,
                           std::to_string(analyst_) + ":" + std::to_string(internal_)),
       404},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = feed(c.topic, "rss", c.token);
    EXPECT_EQ(r.status, c.status);
    if (c.status == 404) {
      EXPECT_EQ(r.body, unknown.body) << "a refused token looks like an unknown topic";
    } else {
      EXPECT_EQ(r.header("Cache-Control"), "private, max-age=300");
      EXPECT_NE(r.body.find("?token=" + c.token), std::string::npos) << "self link";
    }
  }
}

TEST_F(FeedHandlerTest, DisabledTopicsAndBadIdsAreNotFound) {
  auto t = store_->get_topic(public_);
  ASSERT_TRUE(t);
  t->enabled = false;
  ASSERT_TRUE(store_->update_topic(*t));
  EXPECT_EQ(feed(public_, "atom").status, 404);
  EXPECT_EQ(app_->handle(get("/feeds/topics/abc.atom")).status, 404);
  EXPECT_EQ(app_->handle(get("/feeds/topics/-1.atom")).status, 404);
  EXPECT_EQ(app_->handle(get("/feeds/topics/01x.atom")).status, 404);
}

TEST_F(FeedHandlerTest, TokenForGivesWorkingTokensOnlyToAdmittedUsers) {
  auto t = feeds_->token_for(members_, member_);
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(*t, token(member_, members_));
  EXPECT_EQ(feed(members_, "atom", *t).status, 200);
  auto refused = feeds_->token_for(internal_, member_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "feed.not_found");
  auto open = feeds_->token_for(public_, member_);
  ASSERT_TRUE(open);
  EXPECT_TRUE(open->empty()) << "public feeds need no token";
}

}  // namespace
}  // namespace vigie::web
