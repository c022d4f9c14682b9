// SPDX-License-Identifier: AGPL-3.0-or-later
// The SubscriptionStore and DeliveryStore contract (store.h, issue #4): subscriptions, alert
// lists, alert deliveries written with their signal, digests, and the outbox's claim, attempts
// and retries, run against every backend like store_contract_test.cpp.
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "backends.h"
#include "storage/store.h"
#include "support/temp_dir.h"

namespace vigie::storage {
namespace {

using core::Channel;
using core::DeliveryKind;
using core::DeliveryState;
using core::Rhythm;

constexpr std::int64_t kHour = 3'600;
constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kT0 = 1'767'225'600;  // 2026-01-01

core::Timestamp at(std::int64_t offset) {
  return core::from_unix(kT0 + offset);
}

class DistributionContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    store_ = GetParam().open(dir_);
    ASSERT_NE(store_, nullptr);
    auto op = store_->ensure_operator("CCI Test");
    ASSERT_TRUE(op) << op.error().message;
    org_ = op->id;
    coton_ = add_topic("coton", core::Priority::High);
    cajou_ = add_topic("cajou", core::Priority::Normal);
  }

  core::TopicId add_topic(const std::string& name, core::Priority p) {
    core::Topic t;
    t.org_id = org_;
    t.name = name;
    t.query = name;
    t.priority = p;
    t.created_at = at(0);
    t.updated_at = t.created_at;
    auto added = store_->add_topic(t);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  core::UserId add_user(const std::string& local, bool active = true) {
    core::User u;
    u.email = local + "@cci.example";
    u.active = active;
    u.created_at = at(0);
    auto added = store_->create_user(u);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  core::SubscriptionId subscribe(core::UserId user, core::TopicId topic, Rhythm rhythm,
                                 Channel channel = Channel::Email, std::string webhook = "") {
    core::Subscription s;
    s.user_id = user;
    s.topic_id = topic;
    s.rhythm = rhythm;
    s.channel = channel;
    s.webhook_url = std::move(webhook);
    s.created_at = at(0);
    auto added = store_->add_subscription(s);
    EXPECT_TRUE(added) << added.error().message;
    return added ? added->id : 0;
  }

  // A user on the coton alert list, subscribed to its alerts by email.
  core::SubscriptionId alerted(const std::string& local) {
    const auto u = add_user(local);
    EXPECT_TRUE(store_->add_to_alert_list(coton_, u));
    return subscribe(u, coton_, Rhythm::Immediate);
  }

  core::Signal raise(std::optional<core::TopicId> topic, std::int64_t offset) {
    core::Signal g;
    g.org_id = org_;
    g.kind = std::string(core::kSignalAnalystAlert);
    g.severity = core::Priority::High;
    g.topic_id = topic;
    g.title = "Hausse du coton";
    g.created_at = at(offset);
    auto added = store_->add_signal(g);
    EXPECT_TRUE(added) << added.error().message;
    return added.value_or(core::Signal{});
  }

  std::vector<core::Delivery> deliveries(DeliveryFilter filter = {}) {
    auto list = store_->list_deliveries(org_, filter);
    EXPECT_TRUE(list) << list.error().message;
    return list.value_or(std::vector<core::Delivery>{});
  }

  std::vector<core::Delivery> deliveries_of(core::SignalId signal) {
    DeliveryFilter f;
    f.signal = signal;
    return deliveries(f);
  }

  std::vector<core::Delivery> claim(std::int64_t now, std::int64_t lease, std::size_t limit) {
    auto c = store_->claim_deliveries(at(now), at(lease), limit);
    EXPECT_TRUE(c) << c.error().message;
    return c.value_or(std::vector<core::Delivery>{});
  }

  static std::vector<core::DeliveryId> ids(const std::vector<core::Delivery>& ds) {
    std::vector<core::DeliveryId> out;
    for (const auto& d : ds) {
      out.push_back(d.id);
    }
    return out;
  }

  core::DeliveryState state_of(core::DeliveryId id) {
    auto d = store_->get_delivery(id);
    EXPECT_TRUE(d) << d.error().message;
    return d ? d->state : DeliveryState::Pending;
  }

  AttemptResult attempt(core::DeliveryId id, std::int64_t when, DeliveryState state,
                        std::string outcome, int code, std::string reason, std::int64_t next = 0) {
    AttemptResult r;
    r.attempt.delivery_id = id;
    r.attempt.at = at(when);
    r.attempt.outcome = std::move(outcome);
    r.attempt.code = code;
    r.attempt.reason = std::move(reason);
    r.attempt.detail = "server said " + std::to_string(code);
    r.new_state = state;
    r.next_attempt_at = at(next);
    return r;
  }

  core::Delivery digest(core::UserId user, Rhythm rhythm, Channel channel, std::int64_t from,
                        std::int64_t to) {
    core::Delivery d;
    d.org_id = org_;
    d.kind = DeliveryKind::Digest;
    d.user_id = user;
    d.channel = channel;
    d.target = "digest@cci.example";
    d.rhythm = rhythm;
    d.period_from = at(from);
    d.period_to = at(to);
    d.created_at = at(to);
    return d;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  core::OrgId org_ = 0;
  core::TopicId coton_ = 0;
  core::TopicId cajou_ = 0;
};

// ---- Subscriptions and alert lists ----------------------------------------------------------

TEST_P(DistributionContractTest, SubscriptionsAreAddedListedAndRemoved) {
  const auto awa = add_user("awa");
  const auto bob = add_user("bob");
  const auto a1 = subscribe(awa, coton_, Rhythm::Daily);
  const auto a2 = subscribe(awa, cajou_, Rhythm::Weekly, Channel::Webhook, "https://h.example/in");
  const auto b1 = subscribe(bob, coton_, Rhythm::Daily);

  auto got = store_->get_subscription(a2);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->user_id, awa);
  EXPECT_EQ(got->topic_id, cajou_);
  EXPECT_EQ(got->channel, Channel::Webhook);
  EXPECT_EQ(got->rhythm, Rhythm::Weekly);
  EXPECT_EQ(got->webhook_url, "https://h.example/in");
  EXPECT_EQ(got->created_at, at(0));
  EXPECT_FALSE(got->digest_through);

  struct Case {
    const char* name;
    std::optional<core::UserId> user;
    std::optional<core::TopicId> topic;
    std::vector<core::SubscriptionId> want;
  };
  const Case cases[] = {
      {"all", std::nullopt, std::nullopt, {a1, a2, b1}},
      {"by_user", awa, std::nullopt, {a1, a2}},
      {"by_topic", std::nullopt, coton_, {a1, b1}},
      {"by_both", bob, coton_, {b1}},
      {"none", bob, cajou_, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto list = store_->list_subscriptions(c.user, c.topic);
    ASSERT_TRUE(list) << list.error().message;
    std::vector<core::SubscriptionId> got_ids;
    for (const auto& s : *list) {
      got_ids.push_back(s.id);
    }
    EXPECT_EQ(got_ids, c.want);
  }

  ASSERT_TRUE(store_->remove_subscription(a1));
  EXPECT_EQ(store_->get_subscription(a1).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->remove_subscription(a1).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->list_subscriptions(awa, std::nullopt)->size(), 1U);
}

TEST_P(DistributionContractTest, SubscriptionConflictsAndMissingRows) {
  const auto awa = add_user("awa");
  subscribe(awa, coton_, Rhythm::Daily);
  struct Case {
    const char* name;
    core::UserId user;
    core::TopicId topic;
    Rhythm rhythm;
    Channel channel;
    std::optional<core::ErrorCode> error;
  };
  const Case cases[] = {
      {"same_again", awa, coton_, Rhythm::Daily, Channel::Email, core::ErrorCode::Conflict},
      {"other_rhythm", awa, coton_, Rhythm::Weekly, Channel::Email, std::nullopt},
      {"other_channel", awa, coton_, Rhythm::Daily, Channel::Webhook, std::nullopt},
      {"no_user", awa + 100, coton_, Rhythm::Daily, Channel::Email, core::ErrorCode::NotFound},
      {"no_topic", awa, coton_ + 100, Rhythm::Daily, Channel::Email, core::ErrorCode::NotFound},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    core::Subscription s;
    s.user_id = c.user;
    s.topic_id = c.topic;
    s.rhythm = c.rhythm;
    s.channel = c.channel;
    s.created_at = at(0);
    auto added = store_->add_subscription(s);
    if (c.error) {
      ASSERT_FALSE(added);
      EXPECT_EQ(added.error().code, *c.error);
    } else {
      ASSERT_TRUE(added) << added.error().message;
      EXPECT_GT(added->id, 0);
    }
  }
}

TEST_P(DistributionContractTest, AlertListAddIsIdempotentAndRemovalDropsImmediateSubscriptions) {
  const auto awa = add_user("awa");
  const auto bob = add_user("bob");
  ASSERT_TRUE(store_->add_to_alert_list(coton_, bob));
  ASSERT_TRUE(store_->add_to_alert_list(coton_, awa));
  ASSERT_TRUE(store_->add_to_alert_list(coton_, awa));
  EXPECT_EQ(store_->alert_list(coton_).value(), (std::vector<core::UserId>{awa, bob}));
  EXPECT_TRUE(store_->alert_list(cajou_).value().empty());

  const auto immediate = subscribe(awa, coton_, Rhythm::Immediate);
  const auto hook =
      subscribe(awa, coton_, Rhythm::Immediate, Channel::Webhook, "https://h.example");
  const auto daily = subscribe(awa, coton_, Rhythm::Daily);
  const auto other = subscribe(bob, coton_, Rhythm::Immediate);
  ASSERT_TRUE(store_->remove_from_alert_list(coton_, awa));
  EXPECT_EQ(store_->alert_list(coton_).value(), (std::vector<core::UserId>{bob}));
  EXPECT_FALSE(store_->get_subscription(immediate));
  EXPECT_FALSE(store_->get_subscription(hook));
  EXPECT_TRUE(store_->get_subscription(daily));
  EXPECT_TRUE(store_->get_subscription(other));
  // Removing someone not on the list is a no-op.
  EXPECT_TRUE(store_->remove_from_alert_list(coton_, awa));

  EXPECT_EQ(store_->add_to_alert_list(coton_ + 100, awa).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->add_to_alert_list(coton_, awa + 100).error().code, core::ErrorCode::NotFound);
  EXPECT_EQ(store_->remove_from_alert_list(coton_ + 100, awa).error().code,
            core::ErrorCode::NotFound);
  EXPECT_EQ(store_->alert_list(coton_ + 100).error().code, core::ErrorCode::NotFound);
}

// ---- Alert deliveries written with their signal -----------------------------------------

TEST_P(DistributionContractTest,
       ASignalReachesActiveUsersOnTheAlertListWithImmediateSubscriptions) {
  struct Case {
    const char* name;
    bool on_list;
    bool active;
    Rhythm rhythm;
    Channel channel;
    core::TopicId topic;  // 0: coton
    bool delivered;
  };
  const Case cases[] = {
      {"eligible_email", true, true, Rhythm::Immediate, Channel::Email, 0, true},
      {"eligible_webhook", true, true, Rhythm::Immediate, Channel::Webhook, 0, true},
      {"not_on_alert_list", false, true, Rhythm::Immediate, Channel::Email, 0, false},
      {"inactive", true, false, Rhythm::Immediate, Channel::Email, 0, false},
      {"daily_only", true, true, Rhythm::Daily, Channel::Email, 0, false},
      {"other_topic", true, true, Rhythm::Immediate, Channel::Email, cajou_, false},
  };
  std::map<core::SubscriptionId, const Case*> by_subscription;
  int n = 0;
  for (const auto& c : cases) {
    const auto u = add_user("user" + std::to_string(n++), c.active);
    const auto topic = c.topic != 0 ? c.topic : coton_;
    if (c.on_list) {
      ASSERT_TRUE(store_->add_to_alert_list(topic, u));
    }
    const auto s = subscribe(
        u, topic, c.rhythm, c.channel,
        c.channel == Channel::Webhook ? "https://hooks.example/" + std::to_string(u) : "");
    by_subscription[s] = &c;
  }

  store_->set_give_up_after(std::chrono::hours{6});
  const auto signal = raise(coton_, kHour);
  const auto ds = deliveries_of(signal.id);
  std::set<std::string> delivered;
  for (const auto& d : ds) {
    ASSERT_TRUE(d.subscription_id);
    const Case& c = *by_subscription.at(*d.subscription_id);
    delivered.insert(c.name);
    SCOPED_TRACE(c.name);
    auto sub = store_->get_subscription(*d.subscription_id).value();
    auto user = store_->get_user(sub.user_id).value();
    EXPECT_EQ(d.org_id, org_);
    EXPECT_EQ(d.kind, DeliveryKind::Alert);
    EXPECT_EQ(d.signal_id, signal.id);
    EXPECT_EQ(d.user_id, sub.user_id);
    EXPECT_EQ(d.channel, c.channel);
    EXPECT_EQ(d.target, c.channel == Channel::Webhook ? sub.webhook_url : user.email);
    EXPECT_EQ(d.state, DeliveryState::Pending);
    EXPECT_EQ(d.attempts, 0);
    EXPECT_EQ(d.created_at, at(kHour));
    EXPECT_EQ(d.next_attempt_at, at(kHour));
    EXPECT_EQ(d.give_up_at, at(7 * kHour));
    EXPECT_FALSE(d.lease_until);
    EXPECT_FALSE(d.sent_at);
    EXPECT_FALSE(d.rhythm);
  }
  std::set<std::string> want;
  for (const auto& c : cases) {
    if (c.delivered) {
      want.insert(c.name);
    }
  }
  EXPECT_EQ(delivered, want);
}

TEST_P(DistributionContractTest, GiveUpDelayDefaultsToFortyEightHours) {
  alerted("awa");
  const auto signal = raise(coton_, 0);
  const auto ds = deliveries_of(signal.id);
  ASSERT_EQ(ds.size(), 1U);
  EXPECT_EQ(ds[0].give_up_at, at(48 * kHour));
}

TEST_P(DistributionContractTest, ASignalWithoutTopicHasNoDeliveries) {
  alerted("awa");
  const auto signal = raise(std::nullopt, 0);
  EXPECT_GT(signal.id, 0);
  EXPECT_TRUE(deliveries().empty());
  auto got = store_->get_signal(signal.id);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->title, "Hausse du coton");
  EXPECT_FALSE(got->topic_id);
  EXPECT_EQ(store_->get_signal(signal.id + 100).error().code, core::ErrorCode::NotFound);
}

TEST_P(DistributionContractTest, TopicMatchSignalsFromUpsertItemsWriteTheirDeliveries) {
  const auto awa_sub = alerted("awa");
  const auto bob = add_user("bob");
  ASSERT_TRUE(store_->add_to_alert_list(cajou_, bob));
  subscribe(bob, cajou_, Rhythm::Immediate);  // a normal topic raises no signal

  core::Source src;
  src.org_id = org_;
  src.url = "https://a.example/feed";
  src.title = "Agence A";
  auto source = store_->add_source(src);
  ASSERT_TRUE(source) << source.error().message;
  core::Item it;
  it.org_id = org_;
  it.source_id = source->id;
  it.guid = "g1";
  it.url = "https://news.example/g1";
  it.title = "Le coton flambe";
  it.content_hash = "h1";
  it.fetched_at = at(2 * kHour);
  const ItemMatcher matcher =
      [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
    return std::vector<core::TopicMatch>{{0, coton_, 1.0, {}}, {0, cajou_, 1.0, {}}};
  };
  std::vector<core::Item> items = {it};
  ASSERT_TRUE(store_->upsert_items(source->id, items, matcher));

  auto ds = deliveries();
  ASSERT_EQ(ds.size(), 1U);
  EXPECT_EQ(ds[0].subscription_id, awa_sub);
  EXPECT_EQ(ds[0].target, "awa@cci.example");
  EXPECT_EQ(ds[0].next_attempt_at, at(2 * kHour));
  auto signal = store_->get_signal(*ds[0].signal_id);
  ASSERT_TRUE(signal) << signal.error().message;
  EXPECT_EQ(signal->kind, core::kSignalTopicMatch);
  EXPECT_EQ(signal->topic_id, coton_);

  // The item changes: no second signal, so no second delivery.
  items[0].content_hash = "h2";
  items[0].fetched_at = at(3 * kHour);
  ASSERT_TRUE(store_->upsert_items(source->id, items, matcher));
  EXPECT_EQ(deliveries().size(), 1U);
}

TEST_P(DistributionContractTest, AFailedUpsertLeavesNeitherSignalNorDelivery) {
  alerted("awa");
  core::Source src;
  src.org_id = org_;
  src.url = "https://a.example/feed";
  auto source = store_->add_source(src);
  ASSERT_TRUE(source);
  std::vector<core::Item> items(2);
  for (std::size_t i = 0; i < items.size(); ++i) {
    items[i].org_id = org_;
    items[i].source_id = source->id;
    items[i].guid = "g" + std::to_string(i);
    items[i].content_hash = "h" + std::to_string(i);
  }
  int calls = 0;
  const ItemMatcher matcher =
      [&](const core::Item&) -> core::Result<std::vector<core::TopicMatch>> {
    if (++calls == 2) {
      return core::make_error(core::ErrorCode::Internal, "match.broken", "match: broken");
    }
    return std::vector<core::TopicMatch>{{0, coton_, 1.0, {}}};
  };
  EXPECT_FALSE(store_->upsert_items(source->id, items, matcher));
  EXPECT_TRUE(deliveries().empty());
  EXPECT_TRUE(store_->list_signals(org_, {}).value().empty());
}

// ---- Digests ------------------------------------------------------------------------------

TEST_P(DistributionContractTest, AddDigestAdvancesDigestThroughOfTheRightSubscriptionsOnly) {
  const auto awa = add_user("awa");
  const auto bob = add_user("bob");
  const auto daily_coton = subscribe(awa, coton_, Rhythm::Daily);
  const auto daily_cajou = subscribe(awa, cajou_, Rhythm::Daily);
  const auto daily_hook = subscribe(awa, coton_, Rhythm::Daily, Channel::Webhook, "https://h.ex");
  const auto weekly = subscribe(awa, cajou_, Rhythm::Weekly);
  const auto bob_daily = subscribe(bob, coton_, Rhythm::Daily);

  store_->set_give_up_after(std::chrono::hours{10});
  auto d = store_->add_digest(digest(awa, Rhythm::Daily, Channel::Email, 0, kDay));
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_GT(d->id, 0);
  EXPECT_EQ(d->kind, DeliveryKind::Digest);
  EXPECT_EQ(d->state, DeliveryState::Pending);
  EXPECT_EQ(d->rhythm, Rhythm::Daily);
  EXPECT_EQ(d->period_from, at(0));
  EXPECT_EQ(d->period_to, at(kDay));
  EXPECT_EQ(d->next_attempt_at, at(kDay));
  EXPECT_EQ(d->give_up_at, at(kDay + 10 * kHour));
  EXPECT_EQ(d->target, "digest@cci.example");
  EXPECT_FALSE(d->signal_id);
  EXPECT_FALSE(d->subscription_id);
  auto stored = store_->get_delivery(d->id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->period_to, at(kDay));

  struct Case {
    const char* name;
    core::SubscriptionId id;
    std::optional<core::Timestamp> through;
  };
  const Case cases[] = {
      {"daily_coton", daily_coton, at(kDay)},   {"daily_cajou", daily_cajou, at(kDay)},
      {"daily_hook", daily_hook, std::nullopt}, {"weekly", weekly, std::nullopt},
      {"bob_daily", bob_daily, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(store_->get_subscription(c.id).value().digest_through, c.through);
  }

  // The same period again (two schedulers racing): refused.
  auto again = store_->add_digest(digest(awa, Rhythm::Daily, Channel::Email, 0, kDay + 60));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
  EXPECT_EQ(store_->get_subscription(daily_coton).value().digest_through, at(kDay));

  // A digest without rhythm or period is refused.
  auto bad = digest(awa, Rhythm::Daily, Channel::Email, kDay, 2 * kDay);
  bad.rhythm.reset();
  EXPECT_EQ(store_->add_digest(bad).error().code, core::ErrorCode::InvalidInput);
  EXPECT_EQ(
      store_->add_digest(digest(bob + 100, Rhythm::Daily, Channel::Email, 0, kDay)).error().code,
      core::ErrorCode::NotFound);
}

TEST_P(DistributionContractTest, WebhookDigestsArePerUrlAndAdvanceOnlyTheirSubscriptions) {
  const auto awa = add_user("awa");
  const auto peche = add_topic("peche", core::Priority::Normal);
  const auto to_a = subscribe(awa, coton_, Rhythm::Daily, Channel::Webhook, "https://a.ex/h");
  const auto to_a_too = subscribe(awa, peche, Rhythm::Daily, Channel::Webhook, "https://a.ex/h");
  const auto to_b = subscribe(awa, cajou_, Rhythm::Daily, Channel::Webhook, "https://b.ex/h");
  const auto by_mail = subscribe(awa, coton_, Rhythm::Daily);
  const auto hook = [&](const std::string& url) {
    auto d = digest(awa, Rhythm::Daily, Channel::Webhook, 0, kDay);
    d.target = url;
    return d;
  };

  auto a = store_->add_digest(hook("https://a.ex/h"));
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->target, "https://a.ex/h");
  struct Case {
    const char* name;
    core::SubscriptionId id;
    std::optional<core::Timestamp> through;
  };
  const Case after_a[] = {
      {"to_a", to_a, at(kDay)},
      {"to_a_too", to_a_too, at(kDay)},
      {"to_b", to_b, std::nullopt},
      {"by_mail", by_mail, std::nullopt},
  };
  for (const auto& c : after_a) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(store_->get_subscription(c.id).value().digest_through, c.through);
  }

  // The same user, rhythm, channel and period to another URL: a second digest, no conflict.
  auto b = store_->add_digest(hook("https://b.ex/h"));
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_NE(b->id, a->id);
  EXPECT_EQ(store_->get_subscription(to_b).value().digest_through, at(kDay));
  EXPECT_FALSE(store_->get_subscription(by_mail).value().digest_through);
  // The same URL again (two schedulers racing): refused.
  auto again = store_->add_digest(hook("https://a.ex/h"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);

  // Removing the subscriptions posting to one URL cancels that URL's digest only, once the
  // last of them is gone.
  ASSERT_TRUE(store_->remove_subscription(to_a));
  EXPECT_EQ(state_of(a->id), DeliveryState::Pending);
  ASSERT_TRUE(store_->remove_subscription(to_a_too));
  EXPECT_EQ(state_of(a->id), DeliveryState::Cancelled);
  EXPECT_EQ(state_of(b->id), DeliveryState::Pending);
  ASSERT_TRUE(store_->remove_subscription(to_b));
  EXPECT_EQ(state_of(b->id), DeliveryState::Cancelled);
}

// ---- Claiming -----------------------------------------------------------------------------

TEST_P(DistributionContractTest, ClaimTakesDueDeliveriesOldestFirstUpToTheLimit) {
  alerted("awa");
  const auto s1 = raise(coton_, 30);
  const auto s2 = raise(coton_, 10);
  const auto s3 = raise(coton_, 20);
  const auto s4 = raise(coton_, 500);  // not yet due
  const auto d1 = deliveries_of(s1.id).at(0).id;
  const auto d2 = deliveries_of(s2.id).at(0).id;
  const auto d3 = deliveries_of(s3.id).at(0).id;
  const auto d4 = deliveries_of(s4.id).at(0).id;

  EXPECT_TRUE(claim(100, 200, 0).empty());
  auto first = claim(100, 200, 2);
  EXPECT_EQ(ids(first), (std::vector<core::DeliveryId>{d2, d3}));
  for (const auto& d : first) {
    EXPECT_EQ(d.state, DeliveryState::Sending);
    EXPECT_EQ(d.lease_until, at(200));
  }
  EXPECT_EQ(ids(claim(100, 200, 10)), (std::vector<core::DeliveryId>{d1}));
  EXPECT_TRUE(claim(150, 250, 10).empty());  // leased, and d4 not due
  EXPECT_EQ(state_of(d4), DeliveryState::Pending);

  // The leases of d2, d3 and d1 expire at 200: a dead worker's deliveries are claimed again.
  auto again = claim(200, 400, 10);
  EXPECT_EQ(ids(again), (std::vector<core::DeliveryId>{d2, d3, d1}));
  EXPECT_EQ(again.at(0).lease_until, at(400));
  // At 500 d4 is due, and the leases taken at 200 have expired again.
  EXPECT_EQ(ids(claim(500, 600, 10)), (std::vector<core::DeliveryId>{d2, d3, d1, d4}));
}

TEST_P(DistributionContractTest, ConcurrentClaimsGetDisjointSets) {
  alerted("awa");
  alerted("bob");
  constexpr int kSignals = 40;
  for (int i = 0; i < kSignals; ++i) {
    raise(coton_, i);
  }
  std::vector<core::DeliveryId> got[2];
  auto worker = [&](int w) {
    for (;;) {
      auto c = store_->claim_deliveries(at(1000), at(5000), 3);
      if (!c || c->empty()) {
        return;
      }
      for (const auto& d : *c) {
        got[w].push_back(d.id);
      }
    }
  };
  std::thread t0(worker, 0);
  std::thread t1(worker, 1);
  t0.join();
  t1.join();
  std::set<core::DeliveryId> all(got[0].begin(), got[0].end());
  for (auto id : got[1]) {
    EXPECT_TRUE(all.insert(id).second) << "delivery " << id << " claimed twice";
  }
  EXPECT_EQ(all.size(), 2U * kSignals);
}

TEST_P(DistributionContractTest, TwoStoresOnOneDatabaseClaimDisjointSets) {
  auto other = GetParam().open(dir_);
  ASSERT_NE(other, nullptr);
  if (!other->find_org_by_name("CCI Test")) {
    GTEST_SKIP() << "this backend does not share a database between two opens";
  }
  alerted("awa");
  constexpr int kSignals = 30;
  for (int i = 0; i < kSignals; ++i) {
    raise(coton_, i);
  }
  std::vector<core::DeliveryId> got[2];
  Store* stores[2] = {store_.get(), other.get()};
  auto worker = [&](int w) {
    for (;;) {
      auto c = stores[w]->claim_deliveries(at(1000), at(5000), 2);
      if (!c) {
        ADD_FAILURE() << c.error().message;
        return;
      }
      if (c->empty()) {
        return;
      }
      for (const auto& d : *c) {
        got[w].push_back(d.id);
      }
    }
  };
  std::thread t0(worker, 0);
  std::thread t1(worker, 1);
  t0.join();
  t1.join();
  std::set<core::DeliveryId> all(got[0].begin(), got[0].end());
  for (auto id : got[1]) {
    EXPECT_TRUE(all.insert(id).second) << "delivery " << id << " claimed twice";
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kSignals));
}

// ---- Attempts and retries -----------------------------------------------------------------

TEST_P(DistributionContractTest, RecordAttemptKeepsTheAttemptAndMovesTheState) {
  struct Case {
    const char* name;
    DeliveryState reported;
    const char* outcome;
    int code;
    const char* reason;
    DeliveryState want;
  };
  const Case cases[] = {
      {"transient", DeliveryState::Pending, "transient", 451, "mail.deferred",
       DeliveryState::Pending},
      {"permanent", DeliveryState::Failed, "permanent", 550, "mail.rejected",
       DeliveryState::Failed},
      {"sent", DeliveryState::Sent, "sent", 250, "", DeliveryState::Sent},
  };
  alerted("awa");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto signal = raise(coton_, 0);
    const auto id = deliveries_of(signal.id).at(0).id;
    ASSERT_EQ(claim(10, 100, 1).size(), 1U);
    auto st = store_->record_attempt(attempt(id, 20, c.reported, c.outcome, c.code, c.reason, 80));
    ASSERT_TRUE(st) << st.error().message;
    auto d = store_->get_delivery(id).value();
    EXPECT_EQ(d.state, c.want);
    EXPECT_EQ(d.attempts, 1);
    EXPECT_FALSE(d.lease_until);
    EXPECT_EQ(d.last_error, c.reason);
    if (c.want == DeliveryState::Sent) {
      EXPECT_EQ(d.sent_at, at(20));
    } else {
      EXPECT_FALSE(d.sent_at);
    }
    if (c.want == DeliveryState::Pending) {
      EXPECT_EQ(d.next_attempt_at, at(80));
      // Drained so the next case claims its own delivery.
      ASSERT_TRUE(store_->record_attempt(
          attempt(id, 80, DeliveryState::Failed, "permanent", 550, "mail.rejected")));
    }
    auto as = store_->attempts_of(id).value();
    ASSERT_GE(as.size(), 1U);
    EXPECT_EQ(as[0].delivery_id, id);
    EXPECT_EQ(as[0].number, 1);
    EXPECT_EQ(as[0].at, at(20));
    EXPECT_EQ(as[0].outcome, c.outcome);
    EXPECT_EQ(as[0].code, c.code);
    EXPECT_EQ(as[0].reason, c.reason);
    EXPECT_EQ(as[0].detail, "server said " + std::to_string(c.code));
  }
  AttemptResult missing = attempt(9999, 0, DeliveryState::Sent, "sent", 250, "");
  EXPECT_EQ(store_->record_attempt(missing).error().code, core::ErrorCode::NotFound);
}

TEST_P(DistributionContractTest, AttemptsAreKeptInOrderUntilSent) {
  alerted("awa");
  const auto signal = raise(coton_, 0);
  const auto id = deliveries_of(signal.id).at(0).id;
  std::int64_t now = 0;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(claim(now, now + 100, 5).size(), 1U);
    ASSERT_TRUE(store_->record_attempt(
        attempt(id, now + 1, DeliveryState::Pending, "transient", 421, "mail.busy", now + 60)));
    now += 60;
  }
  ASSERT_EQ(claim(now, now + 100, 5).size(), 1U);
  ASSERT_TRUE(store_->record_attempt(attempt(id, now + 1, DeliveryState::Sent, "sent", 250, "")));
  auto d = store_->get_delivery(id).value();
  EXPECT_EQ(d.state, DeliveryState::Sent);
  EXPECT_EQ(d.attempts, 4);
  EXPECT_EQ(d.last_error, "mail.busy");  // the last failure stays for the record
  EXPECT_EQ(d.sent_at, at(now + 1));
  auto as = store_->attempts_of(id).value();
  ASSERT_EQ(as.size(), 4U);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(as[static_cast<std::size_t>(i)].number, i + 1);
  }
  EXPECT_EQ(as[3].outcome, "sent");
  EXPECT_TRUE(claim(now + 1000, now + 2000, 5).empty());
}

TEST_P(DistributionContractTest, RetryOnlyTakesBackFailedOrCancelledDeliveries) {
  alerted("awa");
  auto make = [&](std::int64_t offset) { return deliveries_of(raise(coton_, offset).id).at(0).id; };
  const auto pending = make(0);
  const auto sending = make(1);
  const auto sent = make(2);
  const auto failed = make(3);
  ASSERT_EQ(claim(10, 100, 3).size(), 3U);  // all but `failed`
  ASSERT_TRUE(store_->record_attempt(
      attempt(pending, 11, DeliveryState::Pending, "transient", 421, "mail.busy", 500)));
  ASSERT_TRUE(store_->record_attempt(attempt(sent, 11, DeliveryState::Sent, "sent", 250, "")));
  ASSERT_TRUE(
      store_->record_attempt(attempt(failed, 11, DeliveryState::Failed, "permanent", 550, "x")));
  ASSERT_EQ(state_of(sending), DeliveryState::Sending);

  store_->set_give_up_after(std::chrono::hours{2});
  struct Case {
    const char* name;
    core::DeliveryId id;
    std::optional<core::ErrorCode> error;
  };
  const Case cases[] = {
      {"pending", pending, core::ErrorCode::Conflict},
      {"sending", sending, core::ErrorCode::Conflict},
      {"sent", sent, core::ErrorCode::Conflict},
      {"failed", failed, std::nullopt},
      {"missing", failed + 100, core::ErrorCode::NotFound},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto st = store_->retry_delivery(c.id, at(kDay));
    if (c.error) {
      ASSERT_FALSE(st);
      EXPECT_EQ(st.error().code, *c.error);
    } else {
      ASSERT_TRUE(st) << st.error().message;
    }
  }
  auto d = store_->get_delivery(failed).value();
  EXPECT_EQ(d.state, DeliveryState::Pending);
  EXPECT_EQ(d.next_attempt_at, at(kDay));
  EXPECT_EQ(d.give_up_at, at(kDay + 2 * kHour));
  EXPECT_EQ(d.attempts, 1);
  // Due again: the one whose lease expired, the one put back, the one retried.
  EXPECT_EQ(ids(claim(kDay, kDay + 100, 10)),
            (std::vector<core::DeliveryId>{sending, pending, failed}));

  // A cancelled delivery comes back too.
  const auto sub = alerted("bob");
  const auto cancelled = deliveries_of(raise(coton_, kDay + 5).id);
  ASSERT_EQ(cancelled.size(), 2U);
  ASSERT_TRUE(store_->remove_subscription(sub));
  const auto bob_delivery = cancelled[0].subscription_id == sub ? cancelled[0] : cancelled[1];
  ASSERT_EQ(state_of(bob_delivery.id), DeliveryState::Cancelled);
  ASSERT_TRUE(store_->retry_delivery(bob_delivery.id, at(2 * kDay)));
  EXPECT_EQ(state_of(bob_delivery.id), DeliveryState::Pending);
}

// ---- Removals cancel what has not gone out ------------------------------------------------

TEST_P(DistributionContractTest, RemovingASubscriptionCancelsItsPendingDeliveries) {
  const auto sub = alerted("awa");
  const auto keep = alerted("bob");
  const auto sent = deliveries_of(raise(coton_, 0).id);
  ASSERT_EQ(sent.size(), 2U);
  for (const auto& d : claim(10, 100, 10)) {
    ASSERT_TRUE(store_->record_attempt(attempt(d.id, 11, DeliveryState::Sent, "sent", 250, "")));
  }
  const auto sending = deliveries_of(raise(coton_, 20).id);
  ASSERT_EQ(claim(21, 100, 10).size(), 2U);
  const auto pending = deliveries_of(raise(coton_, 30).id);
  const auto later = deliveries_of(raise(coton_, 400).id);

  ASSERT_TRUE(store_->remove_subscription(sub));
  for (const auto* group : {&sent, &pending, &sending, &later}) {
    for (const auto& d : *group) {
      auto now = store_->get_delivery(d.id).value();
      if (d.subscription_id == keep) {
        EXPECT_NE(now.state, DeliveryState::Cancelled);
        continue;
      }
      EXPECT_FALSE(now.subscription_id);  // the subscription is gone; the row stays
      if (group == &sent) {
        EXPECT_EQ(now.state, DeliveryState::Sent);
      } else {
        EXPECT_EQ(now.state, DeliveryState::Cancelled);
        EXPECT_EQ(now.last_error, "outbox.unsubscribed");
        EXPECT_FALSE(now.lease_until);
      }
    }
  }
  // The worker that held one reports a transient failure: it stays cancelled.
  const auto held = sending[0].subscription_id == sub ? sending[0] : sending[1];
  ASSERT_TRUE(store_->record_attempt(
      attempt(held.id, 50, DeliveryState::Pending, "transient", 421, "mail.busy", 60)));
  EXPECT_EQ(state_of(held.id), DeliveryState::Cancelled);
  EXPECT_EQ(store_->attempts_of(held.id).value().size(), 1U);
}

TEST_P(DistributionContractTest, RemovingOrDeactivatingUsersAndTopicsCancelsTheirDeliveries) {
  struct Case {
    const char* name;
    std::function<void(Store&, core::UserId, core::TopicId)> act;
    const char* reason;
  };
  const Case cases[] = {
      {"user_removed",
       [](Store& s, core::UserId u, core::TopicId) { ASSERT_TRUE(s.remove_user(u)); },
       "outbox.user_removed"},
      {"user_deactivated",
       [](Store& s, core::UserId u, core::TopicId) {
         auto user = s.get_user(u).value();
         user.active = false;
         ASSERT_TRUE(s.update_user(user));
       },
       "outbox.user_inactive"},
      {"topic_removed",
       [](Store& s, core::UserId, core::TopicId t) { ASSERT_TRUE(s.remove_topic(t)); },
       "outbox.topic_removed"},
      {"topic_disabled",
       [](Store& s, core::UserId, core::TopicId t) {
         auto topic = s.get_topic(t).value();
         topic.enabled = false;
         ASSERT_TRUE(s.update_topic(topic));
       },
       "outbox.topic_disabled"},
  };
  int n = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    coton_ = add_topic("coton" + std::to_string(n), core::Priority::High);
    const auto sub = alerted("user" + std::to_string(n++));
    const auto user = store_->get_subscription(sub).value().user_id;
    subscribe(user, cajou_, Rhythm::Daily);
    auto added = store_->add_digest(digest(user, Rhythm::Daily, Channel::Email, 0, kDay));
    ASSERT_TRUE(added) << added.error().message;
    const auto digest_id = added->id;
    const auto alert = deliveries_of(raise(coton_, 0).id).at(0).id;
    c.act(*store_, user, coton_);
    auto d = store_->get_delivery(alert).value();
    EXPECT_EQ(d.state, DeliveryState::Cancelled);
    EXPECT_EQ(d.last_error, c.reason);
    // The row stays for the record; a removed user's id is not kept (ids are reused).
    const bool user_removed = std::string(c.name) == "user_removed";
    EXPECT_EQ(d.user_id, user_removed ? 0 : user);
    EXPECT_EQ(d.target, "user" + std::to_string(n - 1) + "@cci.example");
    // The user's digest goes only if the user goes.
    const bool user_gone = std::string(c.name).starts_with("user_");
    EXPECT_EQ(state_of(digest_id), user_gone ? DeliveryState::Cancelled : DeliveryState::Pending);
  }
}

TEST_P(DistributionContractTest, ADisabledTopicAlertsNobodyUntilEnabledAgain) {
  alerted("awa");
  auto topic = store_->get_topic(coton_).value();
  topic.enabled = false;
  ASSERT_TRUE(store_->update_topic(topic));
  EXPECT_TRUE(deliveries_of(raise(coton_, 0).id).empty());
  // Editing a disabled topic again (still disabled) cancels nothing and raises nothing.
  topic.description = "encore";
  ASSERT_TRUE(store_->update_topic(topic));
  topic.enabled = true;
  ASSERT_TRUE(store_->update_topic(topic));
  const auto after = deliveries_of(raise(coton_, 10).id);
  ASSERT_EQ(after.size(), 1U);
  EXPECT_EQ(after[0].state, DeliveryState::Pending);
}

TEST_P(DistributionContractTest, RemovingTheLastSubscriptionOfADigestCancelsIt) {
  const auto awa = add_user("awa");
  const auto s1 = subscribe(awa, coton_, Rhythm::Weekly);
  const auto s2 = subscribe(awa, cajou_, Rhythm::Weekly);
  subscribe(awa, coton_, Rhythm::Daily);
  const auto id =
      store_->add_digest(digest(awa, Rhythm::Weekly, Channel::Email, 0, 7 * kDay)).value().id;
  ASSERT_TRUE(store_->remove_subscription(s1));
  EXPECT_EQ(state_of(id), DeliveryState::Pending);
  ASSERT_TRUE(store_->remove_subscription(s2));
  EXPECT_EQ(state_of(id), DeliveryState::Cancelled);
}

// ---- Listing ------------------------------------------------------------------------------

TEST_P(DistributionContractTest, ListDeliveriesFiltersAndPagesNewestFirst) {
  const auto awa_sub = alerted("awa");
  const auto awa = store_->get_subscription(awa_sub).value().user_id;
  subscribe(awa, cajou_, Rhythm::Daily);
  const auto s1 = raise(coton_, 0);
  const auto s2 = raise(coton_, 10);
  const auto dg = store_->add_digest(digest(awa, Rhythm::Daily, Channel::Email, 0, kDay)).value();
  const auto a1 = deliveries_of(s1.id).at(0).id;
  const auto a2 = deliveries_of(s2.id).at(0).id;
  ASSERT_EQ(ids(claim(5, 100, 1)), (std::vector<core::DeliveryId>{a1}));
  ASSERT_TRUE(store_->record_attempt(attempt(a1, 6, DeliveryState::Sent, "sent", 250, "")));

  struct Case {
    const char* name;
    DeliveryFilter filter;
    std::vector<core::DeliveryId> want;
  };
  auto filter = [](std::optional<DeliveryState> st, std::optional<DeliveryKind> k,
                   std::optional<core::SignalId> sig, std::size_t offset, std::size_t limit) {
    DeliveryFilter f;
    f.state = st;
    f.kind = k;
    f.signal = sig;
    f.offset = offset;
    f.limit = limit;
    return f;
  };
  const Case cases[] = {
      {"all", filter({}, {}, {}, 0, 50), {dg.id, a2, a1}},
      {"paged", filter({}, {}, {}, 1, 1), {a2}},
      {"pending", filter(DeliveryState::Pending, {}, {}, 0, 50), {dg.id, a2}},
      {"sent", filter(DeliveryState::Sent, {}, {}, 0, 50), {a1}},
      {"alerts", filter({}, DeliveryKind::Alert, {}, 0, 50), {a2, a1}},
      {"digests", filter({}, DeliveryKind::Digest, {}, 0, 50), {dg.id}},
      {"signal", filter({}, {}, s2.id, 0, 50), {a2}},
      {"pending_alerts", filter(DeliveryState::Pending, DeliveryKind::Alert, {}, 0, 50), {a2}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(ids(deliveries(c.filter)), c.want);
  }
  auto other = store_->create_member(org_, "Membre");
  ASSERT_TRUE(other);
  EXPECT_TRUE(store_->list_deliveries(other->id, {}).value().empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DistributionContractTest, store_backends(), backend_name);

}  // namespace
}  // namespace vigie::storage
