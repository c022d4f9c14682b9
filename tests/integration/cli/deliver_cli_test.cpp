// SPDX-License-Identifier: AGPL-3.0-or-later
// Alerts end to end through the real binary and a real SMTP server on loopback: subscribe,
// raise an alert, `vigie deliver --once`; every recipient gets exactly one message; a server
// that is down delays delivery without losing it; a 5xx fails at once and is not retried; a
// slow recipient does not hold the others back. The clock is fixed with VIGIE_NOW.
#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "publish/webhook_message.h"
#include "smtp/smtp_fixture_server.h"

namespace vigie {
namespace {

using testing::SmtpFixtureServer;
using testing::SmtpServerOptions;

constexpr const char* kStart = "2026-11-27T10:00:00Z";

// A subscriber's webhook endpoint on loopback: checks each POST's signature with the secret
// `vigie subscriptions show` gave, at a fixed "now", and answers 204 (401 when it is wrong).
class WebhookReceiver {
 public:
  explicit WebhookReceiver(core::Timestamp now) : now_(now) {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      const std::lock_guard lock(mutex_);
      const auto check = publish::verify_webhook_signature(
          secret_, req.get_header_value("X-Vigie-Timestamp"),
          req.get_header_value("X-Vigie-Signature"), req.body, now_);
      checks_.push_back(check);
      bodies_.push_back(req.body);
      res.status = check == publish::SignatureCheck::Valid ? 204 : 401;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~WebhookReceiver() {
    while (!server_.is_running()) {
      std::this_thread::yield();
    }
    server_.stop();
    thread_.join();
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  void set_secret(std::string secret) {
    const std::lock_guard lock(mutex_);
    secret_ = std::move(secret);
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::string host_port() const { return "127.0.0.1:" + std::to_string(port_); }
  std::vector<publish::SignatureCheck> checks() const {
    const std::lock_guard lock(mutex_);
    return checks_;
  }
  std::vector<std::string> bodies() const {
    const std::lock_guard lock(mutex_);
    return bodies_;
  }

 private:
  core::Timestamp now_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::string secret_;
  std::vector<publish::SignatureCheck> checks_;
  std::vector<std::string> bodies_;
};

class DeliverCliTest : public CliTest {
 protected:
  std::map<std::string, std::string> env(const std::string& now, const std::string& lang) const {
    return {{"VIGIE_DB", (dir_ / "vigie.db").string()},
            {"VIGIE_LANG", lang},
            {"VIGIE_CONFIG", ""},
            {"VIGIE_NOW", now},
            {"VIGIE_SMTP_URL", smtp_url_},
            {"VIGIE_SMTP_FROM", "Veille CCI <veille@cci.example>"},
            {"VIGIE_BASE_URL", "https://veille.cci.example"},
            {"VIGIE_FETCH_ALLOW", fetch_allow_}};
  }

  testing::CommandResult run(std::vector<std::string> args, const std::string& now = kStart,
                             std::string lang = "en") {
    return testing::run_command(VIGIE_BINARY, args, env(now, lang));
  }

  void ok(std::vector<std::string> args, const std::string& now = kStart) {
    auto r = run(args, now);
    ASSERT_EQ(r.exit_code, 0) << args[0] << " " << (args.size() > 1 ? args[1] : "") << ": " << r.err
                              << r.out;
  }

  // A topic, news about it, and `people` on its alert list with immediate email alerts.
  void set_up_topic(const std::vector<std::string>& people) {
    ok({"topics", "add", "Coton", "coton OR cotton", "--priority", "high"});
    // Two feeds of the demo corpus that speak of cotton are enough.
    const auto feeds = fs::path(VIGIE_DEMO_DIR) / "feeds";
    ok({"ingest", (feeds / "cci-burkina.xml").string(),
        (feeds / "cotton-market-weekly.xml").string()});
    for (const auto& p : people) {
      ok({"users", "add", p, "--name", p.substr(0, p.find('@'))});
      ok({"alert-list", "add", "Coton", p});
      ok({"subscriptions", "add", p, "Coton", "--rhythm", "immediate"});
    }
  }

  // An analyst alert on the first Coton story of the inbox; returns the signal id.
  std::int64_t raise_alert() {
    auto inbox = run({"inbox", "--topic", "Coton", "--json"});
    EXPECT_EQ(inbox.exit_code, 0) << inbox.err;
    auto stories = nlohmann::json::parse(inbox.out)["stories"];
    EXPECT_FALSE(stories.empty());
    const auto story = std::to_string(stories[0]["id"].get<std::int64_t>());
    auto review = run({"review", story, "alert", "--note", "À suivre de près"});
    EXPECT_EQ(review.exit_code, 0) << review.err;
    auto signals = run({"signals", "list", "--kind", "analyst_alert", "--json"});
    return nlohmann::json::parse(signals.out)[0]["id"].get<std::int64_t>();
  }

  nlohmann::json deliver(const std::string& now = kStart) {
    auto r = run({"deliver", "--once", "--json"}, now);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  nlohmann::json deliveries(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"alerts", "list", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  static std::map<std::string, int> per_recipient(const SmtpFixtureServer& server) {
    std::map<std::string, int> count;
    for (const auto& m : server.messages()) {
      for (const auto& r : m.rcpt_tos) {
        ++count[r];
      }
    }
    return count;
  }

  std::string smtp_url_;
  std::string fetch_allow_;
};

TEST_F(DeliverCliTest, EveryRecipientGetsExactlyOneMessage) {
  SmtpFixtureServer server(dir_ / "mail");
  smtp_url_ = server.url();
  set_up_topic({"awa@cci.example", "binta@cci.example", "chloe@cci.example"});
  const auto signal = raise_alert();
  auto pending = deliveries({"--signal", std::to_string(signal)});
  ASSERT_EQ(pending.size(), 3U) << pending;
  for (const auto& d : pending) {
    EXPECT_EQ(d["state"], "pending");
  }

  auto report = deliver();
  EXPECT_EQ(report["sent"], 3);
  EXPECT_EQ(report["failed"], 0);
  // A second pass sends nothing again.
  EXPECT_EQ(deliver()["claimed"], 0);
  EXPECT_EQ(per_recipient(server),
            (std::map<std::string, int>{
                {"awa@cci.example", 1}, {"binta@cci.example", 1}, {"chloe@cci.example", 1}}));
  for (const auto& m : server.messages()) {
    EXPECT_EQ(m.mail_from, "veille@cci.example");
    EXPECT_NE(m.data.find("Message-ID: <delivery-"), std::string::npos) << m.data;
    EXPECT_NE(m.data.find("List-Unsubscribe: <https://veille.cci.example/unsubscribe/"),
              std::string::npos);
    EXPECT_NE(m.data.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos);
  }
  for (const auto& d : deliveries()) {
    EXPECT_EQ(d["state"], "sent") << d;
    EXPECT_EQ(d["attempts"], 1);
  }
}

TEST_F(DeliverCliTest, AServerThatIsDownDelaysDeliveryWithoutLosingIt) {
  SmtpFixtureServer server(dir_ / "mail");
  smtp_url_ = server.url();
  set_up_topic({"awa@cci.example", "binta@cci.example"});
  raise_alert();
  server.stop();
  auto first = deliver();
  EXPECT_EQ(first["retrying"], 2);
  for (const auto& d : deliveries()) {
    EXPECT_EQ(d["state"], "pending") << d;
    EXPECT_EQ(d["last_error"], "mail.unreachable") << d;
  }
  // Not due yet a few seconds later: nothing is tried.
  EXPECT_EQ(deliver("2026-11-27T10:00:20Z")["claimed"], 0);
  server.restart();
  auto second = deliver("2026-11-27T10:02:00Z");
  EXPECT_EQ(second["sent"], 2);
  EXPECT_EQ(per_recipient(server),
            (std::map<std::string, int>{{"awa@cci.example", 1}, {"binta@cci.example", 1}}));
  const auto id = std::to_string(deliveries()[0]["id"].get<std::int64_t>());
  auto shown = run({"alerts", "show", id, "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  auto log = nlohmann::json::parse(shown.out)["attempt_log"];
  ASSERT_EQ(log.size(), 2U) << log;
  EXPECT_EQ(log[0]["outcome"], "transient");
  EXPECT_EQ(log[1]["outcome"], "sent");
}

TEST_F(DeliverCliTest, APermanentRejectionIsRecordedAndNotRetried) {
  SmtpServerOptions opts;
  opts.reject = {"gone@cci.example"};
  SmtpFixtureServer server(dir_ / "mail", opts);
  smtp_url_ = server.url();
  set_up_topic({"awa@cci.example", "gone@cci.example"});
  raise_alert();
  auto report = deliver();
  EXPECT_EQ(report["sent"], 1);
  EXPECT_EQ(report["failed"], 1);
  auto failed = deliveries({"--state", "failed"});
  ASSERT_EQ(failed.size(), 1U);
  EXPECT_EQ(failed[0]["target"], "gone@cci.example");
  EXPECT_EQ(failed[0]["last_error"], "mail.rejected");
  // Hours later, nothing is tried again.
  EXPECT_EQ(deliver("2026-11-27T14:00:00Z")["claimed"], 0);
  EXPECT_EQ(per_recipient(server), (std::map<std::string, int>{{"awa@cci.example", 1}}));
  // The reason is shown in the person's language.
  auto fr = run({"alerts", "list", "--state", "failed"}, kStart, "fr");
  EXPECT_NE(fr.out.find("échoué"), std::string::npos) << fr.out;
  // An operator may queue it again once the address is fixed.
  const auto id = std::to_string(failed[0]["id"].get<std::int64_t>());
  ok({"alerts", "retry", id});
  EXPECT_EQ(deliveries({"--state", "pending"}).size(), 1U);
  auto again = run({"alerts", "retry", id});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("only a failed or cancelled delivery"), std::string::npos) << again.err;
}

TEST_F(DeliverCliTest, ASlowRecipientDoesNotHoldTheOthersBack) {
  SmtpServerOptions opts;
  opts.delay_for = {"slow@cci.example=3"};
  SmtpFixtureServer server(dir_ / "mail", opts);
  smtp_url_ = server.url();
  // The slow recipient subscribes first, so its delivery is the oldest and claimed first.
  set_up_topic({"slow@cci.example", "awa@cci.example", "binta@cci.example", "chloe@cci.example"});
  raise_alert();
  auto report = deliver();
  EXPECT_EQ(report["sent"], 4);
  auto got = server.messages();
  ASSERT_EQ(got.size(), 4U);
  // Served by other workers while the slow dialogue waited: it arrives last.
  EXPECT_EQ(got.back().rcpt_tos, std::vector<std::string>{"slow@cci.example"});
}

// kill -9 in the middle of a batch: what the server had accepted stays sent, the delivery whose
// dialogue was cut stays claimed until its lease runs out, then the next pass sends it. Nothing
// is lost; the only possible duplicate is the documented one (the server took the message but
// the worker died before recording it), and it carries the same Message-ID.
TEST_F(DeliverCliTest, AKillDuringABatchLosesNoDelivery) {
  SmtpServerOptions opts;
  opts.delay_for = {"slow@cci.example=120"};  // far longer than the test: cut mid-dialogue
  SmtpFixtureServer server(dir_ / "mail", opts);
  smtp_url_ = server.url();
  set_up_topic({"slow@cci.example", "awa@cci.example", "binta@cci.example", "chloe@cci.example"});
  raise_alert();
  {
    testing::BackgroundCommand pass(VIGIE_BINARY, {"deliver", "--once"}, env(kStart, "en"));
    // The three others arrive while the slow dialogue waits (polled, no fixed sleep).
    for (int i = 0; i < 6000 && server.messages().size() < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(server.messages().size(), 3U);
    // The server holds a message a moment before the pass records it sent: wait for the
    // records too, so the kill lands only in the slow dialogue.
    for (int i = 0; i < 600 && deliveries({"--state", "sent"}).size() < 3; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pass.kill_hard();
  }
  std::map<std::string, int> states;
  for (const auto& d : deliveries()) {
    ++states[d["state"].get<std::string>()];
  }
  EXPECT_EQ(states, (std::map<std::string, int>{{"sending", 1}, {"sent", 3}}));
  // Within the lease nobody takes it; after it, the next pass does (to a healthy server).
  EXPECT_EQ(deliver("2026-11-27T10:01:00Z")["claimed"], 0);
  SmtpFixtureServer healthy(dir_ / "mail2");
  smtp_url_ = healthy.url();
  auto report = deliver("2026-11-27T10:30:00Z");
  EXPECT_EQ(report["sent"], 1) << report;
  auto first = per_recipient(server);
  EXPECT_EQ(first,
            (std::map<std::string, int>{
                {"awa@cci.example", 1}, {"binta@cci.example", 1}, {"chloe@cci.example", 1}}));
  EXPECT_EQ(per_recipient(healthy), (std::map<std::string, int>{{"slow@cci.example", 1}}));
  for (const auto& d : deliveries()) {
    EXPECT_EQ(d["state"], "sent") << d;
  }
}

TEST_F(DeliverCliTest, AWebhookAlertArrivesSignedWithTheSubscriptionsSecret) {
  SmtpFixtureServer server(dir_ / "mail");
  smtp_url_ = server.url();
  WebhookReceiver receiver(*core::parse_iso8601_strict(kStart));
  fetch_allow_ = receiver.host_port();
  set_up_topic({"awa@cci.example"});
  ok({"subscriptions", "add", "awa@cci.example", "Coton", "--channel", "webhook", "--rhythm",
      "immediate", "--url", receiver.url()});
  auto subs = nlohmann::json::parse(run({"subscriptions", "list", "--json"}).out);
  ASSERT_EQ(subs.size(), 2U);
  auto shown =
      run({"subscriptions", "show", std::to_string(subs[1]["id"].get<std::int64_t>()), "--json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  receiver.set_secret(nlohmann::json::parse(shown.out)["webhook_secret"].get<std::string>());
  const auto signal = raise_alert();
  auto report = deliver();
  EXPECT_EQ(report["sent"], 2) << report;  // the email and the webhook
  ASSERT_EQ(receiver.checks().size(), 1U);
  EXPECT_EQ(receiver.checks()[0], publish::SignatureCheck::Valid);
  auto body = nlohmann::json::parse(receiver.bodies()[0]);
  EXPECT_EQ(body["type"], "alert");
  EXPECT_EQ(body["signal"]["id"], signal);
  EXPECT_EQ(server.messages().size(), 1U);
}

TEST_F(DeliverCliTest, AWeeklyDigestGoesOutAWeekLaterWithTheKeptStories) {
  SmtpFixtureServer server(dir_ / "mail");
  smtp_url_ = server.url();
  set_up_topic({});
  ok({"users", "add", "awa@cci.example", "--lang", "en"});
  ok({"subscriptions", "add", "awa@cci.example", "Coton", "--rhythm", "weekly"});
  auto inbox = nlohmann::json::parse(run({"inbox", "--topic", "Coton", "--json"}).out)["stories"];
  ASSERT_GE(inbox.size(), 2U);
  ok({"review", std::to_string(inbox[0]["id"].get<std::int64_t>()), "keep"});
  ok({"review", std::to_string(inbox[1]["id"].get<std::int64_t>()), "highlight"});
  EXPECT_EQ(deliver("2026-11-28T10:00:00Z")["digests_created"], 0);  // not due yet
  auto due = deliver("2026-12-04T10:00:00Z");
  EXPECT_EQ(due["digests_created"], 1);
  EXPECT_EQ(due["sent"], 1);
  EXPECT_EQ(deliver("2026-12-04T11:00:00Z")["digests_created"], 0);  // covered
  auto got = server.messages();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].rcpt_tos, std::vector<std::string>{"awa@cci.example"});
  EXPECT_NE(got[0].data.find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
            std::string::npos);
  EXPECT_EQ(deliveries({"--kind", "digest"}).size(), 1U);
}

TEST_F(DeliverCliTest, SubscribingIsRefusedOutsideTheAlertList) {
  smtp_url_ = "smtp://127.0.0.1:9";
  ok({"topics", "add", "Coton", "coton", "--priority", "high"});
  ok({"users", "add", "awa@cci.example"});
  auto r = run({"subscriptions", "add", "awa@cci.example", "Coton", "--rhythm", "immediate"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("alert list"), std::string::npos) << r.err;
  ok({"subscriptions", "add", "awa@cci.example", "Coton", "--rhythm", "weekly"});
  auto hook = run({"subscriptions", "add", "awa@cci.example", "Coton", "--channel", "webhook",
                   "--rhythm", "daily", "--url", "ftp://x"});
  EXPECT_EQ(hook.exit_code, 1);
  ok({"subscriptions", "add", "awa@cci.example", "Coton", "--channel", "webhook", "--rhythm",
      "daily", "--url", "https://hooks.cci.example/vigie"});
  auto list = run({"subscriptions", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto subs = nlohmann::json::parse(list.out);
  ASSERT_EQ(subs.size(), 2U);
  auto show = run({"subscriptions", "show", std::to_string(subs[1]["id"].get<std::int64_t>())});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("Webhook signing secret: "), std::string::npos) << show.out;
  // The key was created beside the database, readable by its owner only.
  const auto key = dir_ / "secret.key";
  ASSERT_TRUE(fs::exists(key));
  EXPECT_EQ(fs::status(key).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  ok({"subscriptions", "remove", std::to_string(subs[0]["id"].get<std::int64_t>())});
  EXPECT_EQ(nlohmann::json::parse(run({"subscriptions", "list", "--json"}).out).size(), 1U);
}

}  // namespace
}  // namespace vigie
