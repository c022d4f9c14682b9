// SPDX-License-Identifier: AGPL-3.0-or-later
// SubscriptionService over an in-memory store: who may subscribe to what (audiences, the
// alert list), webhook URLs, and unsubscribing by signed token.
#include "service/subscription_service.h"

#include <gtest/gtest.h>

#include "distribution_fixture.h"
#include "publish/token.h"

namespace vigie::service {
namespace {

using core::Rhythm;

class SubscriptionServiceTest : public DistributionTest {};

TEST_F(SubscriptionServiceTest, DigestsNeedTheTopicsAudienceToAdmitTheUser) {
  struct Case {
    const char* email;
    const char* topic;
    bool admitted;
  };
  const Case cases[] = {
      {"analyst@cci.example", "Interne", true}, {"analyst@cci.example", "Membres", true},
      {"analyst@cci.example", "Public", true},  {"awa@firm.example", "Interne", false},
      {"awa@firm.example", "Membres", true},    {"awa@firm.example", "Public", true},
      {"x@other.example", "Interne", false},    {"x@other.example", "Membres", false},
      {"x@other.example", "Public", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.email) + " " + c.topic);
    auto r = subs_->subscribe(request(c.email, c.topic, Rhythm::Weekly));
    EXPECT_EQ(r.has_value(), c.admitted);
    if (!c.admitted && !r) {
      EXPECT_EQ(r.error().reason, "subscription.forbidden");
      EXPECT_EQ(r.error().code, core::ErrorCode::PermissionDenied);
    }
  }
}

TEST_F(SubscriptionServiceTest, ImmediateAlertsNeedTheAlertList) {
  auto refused = subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Immediate));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "subscription.not_on_alert_list");
  // The alert list holds only people the audience admits.
  auto outside = subs_->alert_list_add("Interne", "awa@firm.example");
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().reason, "subscription.forbidden");
  ASSERT_TRUE(subs_->alert_list_add("Membres", "awa@firm.example"));
  ASSERT_TRUE(subs_->alert_list_add("Membres", "awa@firm.example"));  // idempotent
  auto list = subs_->alert_list("Membres");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1U);
  EXPECT_EQ((*list)[0].email, "awa@firm.example");
  auto ok = subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Immediate));
  ASSERT_TRUE(ok) << ok.error().message;
  auto twice = subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Immediate));
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().reason, "subscription.exists");
  // Leaving the alert list ends the immediate subscription.
  ASSERT_TRUE(subs_->alert_list_remove("Membres", "awa@firm.example"));
  EXPECT_TRUE(subs_->list("awa@firm.example", "")->empty());
}

TEST_F(SubscriptionServiceTest, WebhooksNeedAnAbsoluteHttpUrl) {
  const std::pair<const char*, bool> cases[] = {
      {"https://hooks.firm.example/vigie", true},
      {"http://127.0.0.1:8080/hook", true},
      {"", false},
      {"ftp://hooks.firm.example/", false},
      {"/relative/hook", false},
      {"https://", false},
      {"https://hooks.firm.example/a b", false},
  };
  for (const auto& [url, valid] : cases) {
    SCOPED_TRACE(url);
    EXPECT_EQ(is_valid_webhook_url(url), valid);
  }
  auto bad = subs_->subscribe(
      request("awa@firm.example", "Public", Rhythm::Daily, core::Channel::Webhook, "ftp://x"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().reason, "subscription.invalid_url");
  auto stray = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Daily,
                                        core::Channel::Email, "https://x.example/"));
  ASSERT_FALSE(stray);
  EXPECT_EQ(stray.error().reason, "subscription.unexpected_url");
  auto ok = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Daily,
                                     core::Channel::Webhook, "https://hooks.firm.example/v"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(subs_->webhook_secret(ok->subscription.id).size(), 64U);
  EXPECT_NE(subs_->webhook_secret(ok->subscription.id),
            subs_->webhook_secret(ok->subscription.id + 1));
}

TEST_F(SubscriptionServiceTest, AnAlertTokenRemovesItsSubscriptionOnly) {
  ASSERT_TRUE(subs_->alert_list_add("Public", "awa@firm.example"));
  auto alert = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Immediate));
  auto digest = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Weekly));
  ASSERT_TRUE(alert && digest);
  const auto token = subs_->alert_unsubscribe_token(alert->subscription.id);
  auto target = subs_->resolve_unsubscribe_token(token);
  ASSERT_TRUE(target) << target.error().message;
  EXPECT_EQ(target->user.email, "awa@firm.example");
  ASSERT_EQ(target->subscriptions.size(), 1U);
  ASSERT_TRUE(subs_->unsubscribe_by_token(token));
  auto left = subs_->list("awa@firm.example", "");
  ASSERT_EQ(left->size(), 1U);
  EXPECT_EQ((*left)[0].subscription.rhythm, Rhythm::Weekly);
  auto again = subs_->unsubscribe_by_token(token);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().reason, "subscription.not_found");
}

TEST_F(SubscriptionServiceTest, ADigestTokenRemovesEverySubscriptionOfThatDigest) {
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Weekly)));
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Weekly)));
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Daily)));
  const auto token = subs_->digest_unsubscribe_token(member_, Rhythm::Weekly, core::Channel::Email);
  auto removed = subs_->unsubscribe_by_token(token);
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->subscriptions.size(), 2U);
  auto left = subs_->list("awa@firm.example", "");
  ASSERT_EQ(left->size(), 1U);
  EXPECT_EQ((*left)[0].subscription.rhythm, Rhythm::Daily);
  // A second click removes nothing more, and is not an error.
  auto again = subs_->unsubscribe_by_token(token);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->subscriptions.empty());
}

TEST_F(SubscriptionServiceTest, ForgedOrForeignTokensAreRefused) {
  const std::string key = "0123456789abcdef0123456789abcdef";
  const std::string cases[] = {
      "",
      "garbage",
      publish::sign_token("another key entirely", publish::kUnsubscribePurpose, "1"),
      publish::sign_token(key, publish::kFeedPurpose, "1"),
      publish::sign_token(key, publish::kUnsubscribePurpose, "d:1:immediate:email"),
      publish::sign_token(key, publish::kUnsubscribePurpose, "d:1:weekly:pigeon"),
      publish::sign_token(key, publish::kUnsubscribePurpose, "-3"),
  };
  for (const auto& t : cases) {
    SCOPED_TRACE(t);
    auto r = subs_->unsubscribe_by_token(t);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().reason, "subscription.invalid_token");
  }
}

}  // namespace
}  // namespace vigie::service
