// SPDX-License-Identifier: AGPL-3.0-or-later
// The delivery pass with fakes: retries with backoff and jitter, giving up, permanent versus
// transient outcomes, webhooks, and several workers so a slow send does not hold the others.
#include "service/delivery_service.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "outbox/fake_outbox.h"
#include "support/fake_clock.h"

namespace vigie::service {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeDeliveryStore;
using testing::FakeMailer;
using testing::FakeRenderer;
using testing::FakeWebhookClient;

TEST(RetryDelayTest, DoublesFromOneMinuteToOneHourWithJitterInTheUpperHalf) {
  struct Case {
    int attempt;
    double u;
    seconds want;
  };
  const Case cases[] = {
      {1, 1.0, seconds(60)},   {1, 0.0, seconds(30)},   {1, 0.5, seconds(45)},
      {2, 1.0, seconds(120)},  {3, 1.0, seconds(240)},  {6, 1.0, seconds(1920)},
      {7, 1.0, seconds(3600)}, {7, 0.0, seconds(1800)}, {40, 1.0, seconds(3600)},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.attempt);
    EXPECT_EQ(retry_delay(c.attempt, c.u, minutes(1), hours(1)), c.want);
  }
}

class DeliveryServiceTest : public ::testing::Test {
 protected:
  core::DeliveryId add(const std::string& target, core::Channel channel = core::Channel::Email) {
    core::Delivery d;
    d.org_id = 1;
    d.user_id = 7;
    d.channel = channel;
    d.target = target;
    d.signal_id = 3;
    d.subscription_id = 5;
    d.created_at = clock_.now();
    d.next_attempt_at = clock_.now();
    d.give_up_at = clock_.now() + hours(48);
    return store_.add(d);
  }
  DeliveryService service(std::size_t workers = 4, double jitter = 1.0) {
    DeliveryOptions o;
    o.workers = workers;
    return DeliveryService(store_, renderer_, mailer_, webhooks_, clock_, o,
                           [jitter] { return jitter; });
  }
  core::Delivery get(core::DeliveryId id) { return *store_.get_delivery(id); }

  FakeClock clock_;
  FakeDeliveryStore store_;
  FakeRenderer renderer_;
  FakeMailer mailer_;
  FakeWebhookClient webhooks_;
};

TEST_F(DeliveryServiceTest, SendsEveryDueDeliveryOnceAndRecordsTheAttempt) {
  const auto a = add("awa@cci.example");
  const auto b = add("binta@cci.example");
  const auto c = add("chloe@cci.example");
  auto svc = service();
  auto r = svc.run_pass();
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->claimed, 3U);
  EXPECT_EQ(r->sent, 3U);
  for (auto id : {a, b, c}) {
    EXPECT_EQ(get(id).state, core::DeliveryState::Sent);
    auto attempts = *store_.attempts_of(id);
    ASSERT_EQ(attempts.size(), 1U);
    EXPECT_EQ(attempts[0].outcome, "sent");
    EXPECT_EQ(attempts[0].number, 1);
  }
  EXPECT_EQ(mailer_.sent_to().size(), 3U);
  // A second pass finds nothing.
  auto again = svc.run_pass();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->claimed, 0U);
  EXPECT_EQ(mailer_.sent_to().size(), 3U);
}

TEST_F(DeliveryServiceTest, TransientFailuresBackOffThenSucceed) {
  const auto id = add("busy@cci.example");
  mailer_.script["busy@cci.example"] = {
      {mail::SendStatus::Transient, 451, "mail.deferred", "451 try later"},
      {mail::SendStatus::Transient, 0, "mail.unreachable", "connection refused"},
      {mail::SendStatus::Sent, 250, "", "ok"}};
  auto svc = service(1, 0.0);  // jitter at the low end: d/2
  ASSERT_TRUE(svc.run_pass());
  auto d = get(id);
  EXPECT_EQ(d.state, core::DeliveryState::Pending);
  EXPECT_EQ(d.last_error, "mail.deferred");
  EXPECT_EQ(d.next_attempt_at, clock_.now() + seconds(30));
  // Not due yet: nothing happens.
  clock_.advance(seconds(29));
  ASSERT_EQ(svc.run_pass()->claimed, 0U);
  clock_.advance(seconds(1));
  ASSERT_EQ(svc.run_pass()->retrying, 1U);
  d = get(id);
  EXPECT_EQ(d.next_attempt_at, clock_.now() + seconds(60));  // second retry: d = 2 min
  EXPECT_EQ(d.last_error, "mail.unreachable");
  clock_.advance(seconds(60));
  ASSERT_EQ(svc.run_pass()->sent, 1U);
  d = get(id);
  EXPECT_EQ(d.state, core::DeliveryState::Sent);
  auto attempts = *store_.attempts_of(id);
  ASSERT_EQ(attempts.size(), 3U);
  EXPECT_EQ(attempts[0].outcome, "transient");
  EXPECT_EQ(attempts[0].code, 451);
  EXPECT_EQ(attempts[1].reason, "mail.unreachable");
  EXPECT_EQ(attempts[2].outcome, "sent");
  EXPECT_EQ(attempts[2].number, 3);
}

TEST_F(DeliveryServiceTest, APermanentRejectionFailsAtOnceAndIsNotRetried) {
  const auto gone = add("gone@cci.example");
  const auto fine = add("awa@cci.example");
  mailer_.script["gone@cci.example"] = {
      {mail::SendStatus::Permanent, 550, "mail.rejected", "550 no such user"}};
  auto svc = service();
  auto r = svc.run_pass();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->failed, 1U);
  EXPECT_EQ(r->sent, 1U);
  EXPECT_EQ(get(gone).state, core::DeliveryState::Failed);
  EXPECT_EQ(get(gone).last_error, "mail.rejected");
  EXPECT_EQ(get(fine).state, core::DeliveryState::Sent);
  clock_.advance(hours(3));
  EXPECT_EQ(svc.run_pass()->claimed, 0U);
  EXPECT_EQ(mailer_.sent_to().size(), 2U);
  auto attempts = *store_.attempts_of(gone);
  ASSERT_EQ(attempts.size(), 1U);
  EXPECT_EQ(attempts[0].outcome, "permanent");
  EXPECT_EQ(attempts[0].code, 550);
}

TEST_F(DeliveryServiceTest, GivesUpWhenTheNextTryWouldComeAfterTheGiveUpTime) {
  const auto id = add("down@cci.example");
  mailer_.script["down@cci.example"] = {
      {mail::SendStatus::Transient, 0, "mail.unreachable", "connection refused"}};
  auto svc = service(1, 1.0);
  int passes = 0;
  while (get(id).state == core::DeliveryState::Pending && passes < 100) {
    ASSERT_TRUE(svc.run_pass());
    clock_.set(get(id).next_attempt_at);
    ++passes;
  }
  auto d = get(id);
  EXPECT_EQ(d.state, core::DeliveryState::Failed);
  EXPECT_EQ(d.last_error, "outbox.gave_up");
  // 1+2+4+8+16+32 min, then hourly: about 48 tries fit in 48 hours, not more.
  EXPECT_GT(passes, 40);
  EXPECT_LT(passes, 56);
  EXPECT_LE(clock_.now(), d.give_up_at);
  auto attempts = *store_.attempts_of(id);
  EXPECT_NE(attempts.back().detail.find("mail.unreachable"), std::string::npos);
  EXPECT_EQ(static_cast<int>(attempts.size()), passes);
}

TEST_F(DeliveryServiceTest, ADeliveryClaimedAfterItsGiveUpTimeIsNotSent) {
  const auto id = add("late@cci.example");
  clock_.advance(hours(49));
  ASSERT_TRUE(service().run_pass());
  EXPECT_EQ(get(id).state, core::DeliveryState::Failed);
  EXPECT_EQ(get(id).last_error, "outbox.gave_up");
  EXPECT_TRUE(mailer_.sent_to().empty());
}

TEST_F(DeliveryServiceTest, ADeliveryThatCannotBeRenderedFailsOrWaitsByErrorCode) {
  const auto missing = add("missing@cci.example");
  const auto busy = add("busy@cci.example");
  renderer_.fail_render["missing@cci.example"] = {core::ErrorCode::NotFound, "outbox.missing",
                                                  "the signal no longer exists"};
  renderer_.fail_render["busy@cci.example"] = {core::ErrorCode::Unavailable, "storage.busy",
                                               "locked"};
  ASSERT_TRUE(service().run_pass());
  EXPECT_EQ(get(missing).state, core::DeliveryState::Failed);
  EXPECT_EQ(get(missing).last_error, "outbox.missing");
  EXPECT_EQ(get(busy).state, core::DeliveryState::Pending);
  EXPECT_EQ(get(busy).last_error, "storage.busy");
  EXPECT_TRUE(mailer_.sent_to().empty());
}

TEST_F(DeliveryServiceTest, WebhooksArePostedAndTheirStatusDecides) {
  const auto ok = add("http://127.0.0.1:9/ok", core::Channel::Webhook);
  const auto gone = add("http://127.0.0.1:9/gone", core::Channel::Webhook);
  const auto busy = add("http://127.0.0.1:9/busy", core::Channel::Webhook);
  webhooks_.statuses["http://127.0.0.1:9/gone"] = 410;
  webhooks_.statuses["http://127.0.0.1:9/busy"] = 503;
  ASSERT_TRUE(service().run_pass());
  EXPECT_EQ(get(ok).state, core::DeliveryState::Sent);
  EXPECT_EQ(get(gone).state, core::DeliveryState::Failed);
  EXPECT_EQ(get(gone).last_error, "fetch.http_410");
  EXPECT_EQ(get(busy).state, core::DeliveryState::Pending);
  EXPECT_EQ((*store_.attempts_of(busy))[0].code, 503);
  EXPECT_EQ(webhooks_.posted.size(), 3U);
  EXPECT_TRUE(mailer_.sent_to().empty());
}

TEST_F(DeliveryServiceTest, ASlowSendDoesNotHoldTheOthersBack) {
  add("slow@cci.example");
  for (int i = 0; i < 20; ++i) {
    add("fast" + std::to_string(i) + "@cci.example");
  }
  // The slow recipient's send waits until every other message has gone: with a single
  // worker, or workers that wait for each other, it would time out instead.
  std::mutex m;
  std::condition_variable cv;
  int fast_done = 0;
  bool slow_saw_all = false;
  mailer_.before_send = [&](const std::string& to) {
    std::unique_lock lock(m);
    if (to == "slow@cci.example") {
      slow_saw_all = cv.wait_for(lock, std::chrono::seconds(20), [&] { return fast_done == 20; });
    } else {
      ++fast_done;
      cv.notify_all();
    }
  };
  auto r = service(4).run_pass();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sent, 21U);
  EXPECT_TRUE(slow_saw_all) << "the other deliveries waited for the slow one";
}

TEST_F(DeliveryServiceTest, EachDeliveryIsClaimedByOneWorkerOnly) {
  for (int i = 0; i < 200; ++i) {
    add("r" + std::to_string(i) + "@cci.example");
  }
  auto r = service(8).run_pass();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sent, 200U);
  auto sent = mailer_.sent_to();
  std::sort(sent.begin(), sent.end());
  EXPECT_EQ(std::adjacent_find(sent.begin(), sent.end()), sent.end());
  EXPECT_EQ(sent.size(), 200U);
}

}  // namespace
}  // namespace vigie::service
