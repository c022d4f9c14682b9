// SPDX-License-Identifier: AGPL-3.0-or-later
// Digest scheduling and outbox rendering over an in-memory store: when a digest is due and
// what it gathers; the Message-ID, unsubscribe headers and webhook signature of a delivery.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "distribution_fixture.h"
#include "publish/token.h"
#include "publish/webhook_message.h"
#include "service/digest_scheduler.h"
#include "service/outbox_renderer.h"

namespace vigie::service {
namespace {

using core::Rhythm;
using std::chrono::hours;

class DigestAndOutboxTest : public DistributionTest {
 protected:
  std::vector<core::Delivery> deliveries(core::DeliveryKind kind) {
    storage::DeliveryFilter f;
    f.kind = kind;
    auto list = store_->list_deliveries(org_, f);
    EXPECT_TRUE(list) << list.error().message;
    return list.value_or(std::vector<core::Delivery>{});
  }

  StoreOutboxRenderer renderer() {
    RendererOptions o;
    o.from = {"veille@cci.example", "Veille CCI"};
    o.base_url = "https://veille.cci.example/";
    return StoreOutboxRenderer(*store_, *subs_, fr_, en_, o);
  }

  core::Messages fr_;
  core::Messages en_;
};

TEST_F(DigestAndOutboxTest, AWeeklyDigestIsDueAWeekAfterSubscribingAndOnlyWithNews) {
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Weekly)));
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Weekly)));
  ASSERT_TRUE(subs_->subscribe(request("analyst@cci.example", "Interne", Rhythm::Daily)));
  DigestScheduler scheduler(*store_, clock_);
  const auto start = clock_.now();
  clock_.advance(hours(24));
  const auto a = story("Le coton grimpe", {members_});
  const auto b = story("Semis en retard", {public_});
  story("Jamais gardée", {members_});
  keep(a);
  keep(b, true);
  clock_.advance(hours(24 * 5));
  auto early = scheduler.run_pass();
  ASSERT_TRUE(early) << early.error().message;
  EXPECT_EQ(early->created, 0U);  // the weekly one is not due; the daily one has nothing
  EXPECT_EQ(early->empty, 1U);
  clock_.advance(hours(24));
  auto due = scheduler.run_pass();
  ASSERT_TRUE(due);
  EXPECT_EQ(due->created, 1U);
  auto digests = deliveries(core::DeliveryKind::Digest);
  ASSERT_EQ(digests.size(), 1U);
  EXPECT_EQ(digests[0].user_id, member_);
  EXPECT_EQ(digests[0].target, "awa@firm.example");
  EXPECT_EQ(*digests[0].period_from, start);
  EXPECT_EQ(*digests[0].period_to, clock_.now());
  // Done: the next pass finds the period covered.
  EXPECT_EQ(scheduler.run_pass()->created, 0U);

  auto content = renderer().digest_content(digests[0], *store_->get_user(member_));
  ASSERT_TRUE(content) << content.error().message;
  ASSERT_EQ(content->topics.size(), 2U);
  EXPECT_EQ(content->topics[0].name, "Membres");
  ASSERT_EQ(content->topics[0].stories.size(), 1U);
  EXPECT_EQ(content->topics[0].stories[0].title, "Le coton grimpe");
  EXPECT_TRUE(content->topics[1].stories[0].highlight);
  EXPECT_EQ(content->lang, "en");
  auto payload = publish::verify_token(
      "0123456789abcdef0123456789abcdef", publish::kUnsubscribePurpose,
      content->unsubscribe_url.substr(content->unsubscribe_url.rfind('/') + 1));
  ASSERT_TRUE(payload);
  EXPECT_EQ(*payload, "d:" + std::to_string(member_) + ":weekly:email");
}

TEST_F(DigestAndOutboxTest, ADisabledTopicIsLeftOutOfDigests) {
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Daily)));
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Daily)));
  DigestScheduler scheduler(*store_, clock_);
  clock_.advance(hours(1));
  keep(story("Le coton grimpe", {members_}));
  keep(story("Semis en retard", {public_}));
  const auto disable = [&](core::TopicId id, bool enabled) {
    auto t = store_->get_topic(id).value();
    t.enabled = enabled;
    ASSERT_TRUE(store_->update_topic(t));
  };
  // Only the disabled topic has news: no digest.
  disable(public_, false);
  disable(members_, false);
  clock_.advance(hours(24));
  auto none = scheduler.run_pass();
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->created, 0U);
  EXPECT_EQ(none->empty, 1U);
  // One topic enabled again: the digest holds it alone.
  disable(members_, true);
  auto one = scheduler.run_pass();
  ASSERT_TRUE(one);
  EXPECT_EQ(one->created, 1U);
  auto digests = deliveries(core::DeliveryKind::Digest);
  ASSERT_EQ(digests.size(), 1U);
  auto content = renderer().digest_content(digests[0], *store_->get_user(member_));
  ASSERT_TRUE(content) << content.error().message;
  ASSERT_EQ(content->topics.size(), 1U);
  EXPECT_EQ(content->topics[0].name, "Membres");
}

TEST_F(DigestAndOutboxTest, TwoWebhookUrlsGetTwoDigestsEachWithItsOwnTopics) {
  const std::string url_a = "https://hooks.firm.example/a";
  const std::string url_b = "https://hooks.firm.example/b";
  auto to_a = subs_->subscribe(
      request("awa@firm.example", "Membres", Rhythm::Daily, core::Channel::Webhook, url_a));
  ASSERT_TRUE(to_a) << to_a.error().message;
  auto to_b = subs_->subscribe(
      request("awa@firm.example", "Public", Rhythm::Daily, core::Channel::Webhook, url_b));
  ASSERT_TRUE(to_b) << to_b.error().message;
  // The email digest at the same rhythm is unchanged: one, to the user's address.
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Membres", Rhythm::Daily)));
  DigestScheduler scheduler(*store_, clock_);
  clock_.advance(hours(1));
  keep(story("Le coton grimpe", {members_}));
  keep(story("Semis en retard", {public_}));
  clock_.advance(hours(24));
  auto pass = scheduler.run_pass();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->created, 3U);
  EXPECT_EQ(scheduler.run_pass()->created, 0U);

  struct Case {
    std::string target;
    core::Channel channel;
    std::vector<std::string> topics;
    core::SubscriptionId signer;  // webhooks: whose secret signs it
  };
  const Case cases[] = {
      {url_a, core::Channel::Webhook, {"Membres"}, to_a->subscription.id},
      {url_b, core::Channel::Webhook, {"Public"}, to_b->subscription.id},
      {"awa@firm.example", core::Channel::Email, {"Membres"}, 0},
  };
  auto digests = deliveries(core::DeliveryKind::Digest);
  ASSERT_EQ(digests.size(), 3U);
  for (const auto& c : cases) {
    SCOPED_TRACE(c.target);
    auto d = std::find_if(digests.begin(), digests.end(),
                          [&](const auto& x) { return x.target == c.target; });
    ASSERT_NE(d, digests.end());
    EXPECT_EQ(d->channel, c.channel);
    auto content = renderer().digest_content(*d, *store_->get_user(member_));
    ASSERT_TRUE(content) << content.error().message;
    std::vector<std::string> names;
    for (const auto& t : content->topics) {
      names.push_back(t.name);
    }
    EXPECT_EQ(names, c.topics);
    // The unsubscribe link names the digest's URL: it removes only what posts there.
    auto payload = publish::verify_token(
        "0123456789abcdef0123456789abcdef", publish::kUnsubscribePurpose,
        content->unsubscribe_url.substr(content->unsubscribe_url.rfind('/') + 1));
    ASSERT_TRUE(payload);
    EXPECT_EQ(*payload, "d:" + std::to_string(member_) + ":daily:"
                            + (c.channel == core::Channel::Webhook ? "webhook:" + c.target
                                                                   : std::string("email")));
    if (c.channel != core::Channel::Webhook) {
      continue;
    }
    auto out = renderer().render(*d, clock_.now());
    ASSERT_TRUE(out) << out.error().message;
    const auto& hook = std::get<OutgoingWebhook>(*out);
    EXPECT_EQ(hook.url, c.target);
    std::map<std::string, std::string> h(hook.headers.begin(), hook.headers.end());
    EXPECT_EQ(
        publish::verify_webhook_signature(subs_->webhook_secret(c.signer), h["X-Vigie-Timestamp"],
                                          h["X-Vigie-Signature"], hook.body, clock_.now()),
        publish::SignatureCheck::Valid);
  }
  auto removed = subs_->unsubscribe_by_token(
      subs_->digest_unsubscribe_token(member_, Rhythm::Daily, core::Channel::Webhook, url_a));
  ASSERT_TRUE(removed) << removed.error().message;
  ASSERT_EQ(removed->subscriptions.size(), 1U);
  EXPECT_EQ(removed->subscriptions[0].subscription.id, to_a->subscription.id);
  EXPECT_TRUE(store_->get_subscription(to_b->subscription.id));
}

TEST_F(DigestAndOutboxTest, OneWebhookUrlSharedByTwoSubscriptionsGetsOneDigest) {
  const std::string url = "https://hooks.firm.example/shared";
  ASSERT_TRUE(subs_->subscribe(
      request("awa@firm.example", "Membres", Rhythm::Weekly, core::Channel::Webhook, url)));
  ASSERT_TRUE(subs_->subscribe(
      request("awa@firm.example", "Public", Rhythm::Weekly, core::Channel::Webhook, url)));
  DigestScheduler scheduler(*store_, clock_);
  clock_.advance(hours(1));
  keep(story("Le coton grimpe", {members_}));
  keep(story("Semis en retard", {public_}));
  clock_.advance(hours(24 * 7));
  auto pass = scheduler.run_pass();
  ASSERT_TRUE(pass) << pass.error().message;
  EXPECT_EQ(pass->created, 1U);
  auto digests = deliveries(core::DeliveryKind::Digest);
  ASSERT_EQ(digests.size(), 1U);
  EXPECT_EQ(digests[0].target, url);
  auto content = renderer().digest_content(digests[0], *store_->get_user(member_));
  ASSERT_TRUE(content) << content.error().message;
  ASSERT_EQ(content->topics.size(), 2U);
  EXPECT_EQ(content->topics[0].name, "Membres");
  EXPECT_EQ(content->topics[1].name, "Public");
}

TEST_F(DigestAndOutboxTest, AnAlertEmailCarriesItsMessageIdAndOneClickUnsubscribe) {
  ASSERT_TRUE(subs_->alert_list_add("Public", "awa@firm.example"));
  auto sub = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Immediate));
  ASSERT_TRUE(sub);
  const auto s = story("Le coton grimpe", {});
  core::Signal signal;
  signal.org_id = org_;
  signal.kind = std::string(core::kSignalAnalystAlert);
  signal.severity = core::Priority::High;
  signal.audience = core::Audience::Public;
  signal.topic_id = public_;
  signal.story_id = s;
  signal.title = "Le coton grimpe";
  signal.created_at = clock_.now();
  ASSERT_TRUE(store_->add_signal(signal));
  auto alerts = deliveries(core::DeliveryKind::Alert);
  ASSERT_EQ(alerts.size(), 1U);
  auto out = renderer().render(alerts[0], clock_.now());
  ASSERT_TRUE(out) << out.error().message;
  const auto& email = std::get<OutgoingEmail>(*out);
  EXPECT_EQ(email.envelope.from, "veille@cci.example");
  EXPECT_EQ(email.envelope.to, "awa@firm.example");
  const auto id = "Message-ID: <delivery-" + std::to_string(alerts[0].id) + "."
                  + std::to_string(org_) + "@veille.cci.example>";
  EXPECT_NE(email.message.find(id), std::string::npos) << email.message;
  const auto token = subs_->alert_unsubscribe_token(sub->subscription.id);
  EXPECT_NE(email.message.find("<https://veille.cci.example/unsubscribe/" + token + ">"),
            std::string::npos);
  EXPECT_NE(email.message.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            std::string::npos);
}

TEST_F(DigestAndOutboxTest, AWebhookIsSignedWithItsSubscriptionsSecret) {
  ASSERT_TRUE(subs_->alert_list_add("Public", "awa@firm.example"));
  auto sub = subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Immediate,
                                      core::Channel::Webhook, "https://hooks.firm.example/v"));
  ASSERT_TRUE(sub);
  core::Signal signal;
  signal.org_id = org_;
  signal.kind = std::string(core::kSignalTopicMatch);
  signal.topic_id = public_;
  signal.title = "Un signal";
  signal.created_at = clock_.now();
  ASSERT_TRUE(store_->add_signal(signal));
  auto alerts = deliveries(core::DeliveryKind::Alert);
  ASSERT_EQ(alerts.size(), 1U);
  EXPECT_EQ(alerts[0].target, "https://hooks.firm.example/v");
  auto out = renderer().render(alerts[0], clock_.now());
  ASSERT_TRUE(out) << out.error().message;
  const auto& hook = std::get<OutgoingWebhook>(*out);
  std::map<std::string, std::string> h(hook.headers.begin(), hook.headers.end());
  EXPECT_EQ(h["X-Vigie-Delivery"], std::to_string(alerts[0].id));
  EXPECT_EQ(publish::verify_webhook_signature(subs_->webhook_secret(sub->subscription.id),
                                              h["X-Vigie-Timestamp"], h["X-Vigie-Signature"],
                                              hook.body, clock_.now()),
            publish::SignatureCheck::Valid);
}

TEST_F(DigestAndOutboxTest, ADeliveryToADeactivatedUserCannotBeRendered) {
  ASSERT_TRUE(subs_->alert_list_add("Public", "awa@firm.example"));
  ASSERT_TRUE(subs_->subscribe(request("awa@firm.example", "Public", Rhythm::Immediate)));
  core::Signal signal;
  signal.org_id = org_;
  signal.kind = std::string(core::kSignalTopicMatch);
  signal.topic_id = public_;
  signal.title = "Un signal";
  signal.created_at = clock_.now();
  ASSERT_TRUE(store_->add_signal(signal));
  auto alerts = deliveries(core::DeliveryKind::Alert);
  ASSERT_EQ(alerts.size(), 1U);
  auto u = *store_->get_user(member_);
  u.active = false;
  ASSERT_TRUE(store_->update_user(u));
  auto out = renderer().render(alerts[0], clock_.now());
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, core::ErrorCode::PermissionDenied);
}

}  // namespace
}  // namespace vigie::service
