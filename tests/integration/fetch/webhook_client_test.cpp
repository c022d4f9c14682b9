// SPDX-License-Identifier: AGPL-3.0-or-later
// CurlWebhookClient against a receiver on loopback (cpp-httplib) that checks the signature the
// way a subscriber's endpoint would (publish::verify_webhook_signature): signed bodies arrive
// intact; answers are classified sent / transient / permanent; redirects are not followed;
// the SSRF guard and header checks stop a POST before it leaves.
#include <map>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <httplib.h>

#include "fetch/curl/curl_webhook_client.h"
#include "publish/webhook_message.h"

namespace vigie::fetch {
namespace {

constexpr std::string_view kSecret = "whsec-integration";
const core::Timestamp kSentAt = core::from_unix(1'795'788'300);

struct Received {
  std::string path;
  std::string body;
  std::map<std::string, std::string> headers;  // as httplib keeps them (case-insensitive get)
  publish::SignatureCheck check = publish::SignatureCheck::Malformed;
};

// A webhook endpoint: verifies each POST against its own notion of "now" (a fixed instant, no
// real clock), records it, and answers 401 to a bad signature or the configured answer.
class WebhookReceiver {
 public:
  explicit WebhookReceiver(core::Timestamp now) : now_(now) {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      Received r;
      r.path = req.path;
      r.body = req.body;
      for (const auto& [name, value] : req.headers) {
        r.headers.emplace(name, value);
      }
      r.check = publish::verify_webhook_signature(
          kSecret, req.get_header_value("X-Vigie-Timestamp"),
          req.get_header_value("X-Vigie-Signature"), req.body, now_);
      const std::lock_guard lock(mutex_);
      received_.push_back(r);
      if (r.check != publish::SignatureCheck::Valid) {
        res.status = 401;
        res.set_content("signature refused", "text/plain");
        return;
      }
      res.status = status_;
      for (const auto& [name, value] : answer_headers_) {
        res.set_header(name, value);
      }
      res.set_content(answer_body_, "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~WebhookReceiver() {
    // stop() before the accept loop started would be lost, and join() would wait forever.
    while (!server_.is_running()) {
      std::this_thread::yield();
    }
    server_.stop();
    thread_.join();
  }
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;
  WebhookReceiver(WebhookReceiver&&) = delete;
  WebhookReceiver& operator=(WebhookReceiver&&) = delete;

  void answer(int status, std::string body = {},
              std::vector<std::pair<std::string, std::string>> headers = {}) {
    const std::lock_guard lock(mutex_);
    status_ = status;
    answer_body_ = std::move(body);
    answer_headers_ = std::move(headers);
  }
  std::string url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }
  std::string host_port() const { return "127.0.0.1:" + std::to_string(port_); }
  std::vector<Received> received() const {
    const std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  core::Timestamp now_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  int status_ = 204;
  std::string answer_body_;
  std::vector<std::pair<std::string, std::string>> answer_headers_;
};

std::unique_ptr<CurlWebhookClient> client_for(const WebhookReceiver& receiver) {
  FetchOptions o;
  o.allow_list = {receiver.host_port()};
  o.connect_timeout = std::chrono::seconds(5);
  o.total_timeout = std::chrono::seconds(20);
  auto c = CurlWebhookClient::create(o);
  EXPECT_TRUE(c.has_value());
  return std::move(*c);
}

publish::AlertContent alert() {
  publish::AlertContent a;
  a.topic_id = 3;
  a.topic_name = "Coton";
  a.severity = core::Priority::Critical;
  a.title = "Le prix du coton grimpe de 12 %";
  a.story_url = "https://veille.cci.example/stories/41";
  a.raised_at = kSentAt;
  return a;
}

PostOutcome post_alert(WebhookClient& client, const std::string& url, core::DeliveryId id = 42) {
  const std::string body = publish::webhook_alert_body(alert(), id);
  return client.post_json(url, publish::signed_headers(kSecret, kSentAt, body, id), body);
}

TEST(CurlWebhookClient, PostsASignedBodyTheReceiverVerifies) {
  WebhookReceiver receiver(kSentAt + std::chrono::seconds(20));
  auto client = client_for(receiver);
  const PostOutcome out = post_alert(*client, receiver.url("/hooks/vigie"));
  EXPECT_TRUE(out.sent) << out.reason << " " << out.detail;
  EXPECT_EQ(out.http_status, 204);
  EXPECT_EQ(out.reason, "");
  const auto got = receiver.received();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].path, "/hooks/vigie");
  EXPECT_EQ(got[0].check, publish::SignatureCheck::Valid);
  EXPECT_EQ(got[0].body, publish::webhook_alert_body(alert(), 42));
  EXPECT_EQ(got[0].headers.at("X-Vigie-Delivery"), "42");
  EXPECT_EQ(got[0].headers.at("Content-Type"), "application/json; charset=utf-8");
}

TEST(CurlWebhookClient, ReceiverRefusesAStaleSignatureAndThatIsPermanent) {
  WebhookReceiver receiver(kSentAt + std::chrono::seconds(301));
  auto client = client_for(receiver);
  const PostOutcome out = post_alert(*client, receiver.url("/hooks/vigie"));
  EXPECT_FALSE(out.sent);
  EXPECT_FALSE(out.transient);
  EXPECT_EQ(out.http_status, 401);
  EXPECT_EQ(out.reason, "fetch.http_401");
  EXPECT_NE(out.detail.find("signature refused"), std::string::npos) << out.detail;
  ASSERT_EQ(receiver.received().size(), 1U);
  EXPECT_EQ(receiver.received()[0].check, publish::SignatureCheck::Expired);
}

TEST(CurlWebhookClient, ClassifiesAnswers) {
  struct Case {
    int status;
    bool sent;
    bool transient;
  };
  const Case cases[] = {{200, true, false},  {202, true, false},  {408, false, true},
                        {429, false, true},  {500, false, true},  {503, false, true},
                        {400, false, false}, {404, false, false}, {410, false, false},
                        {422, false, false}};
  WebhookReceiver receiver(kSentAt);
  auto client = client_for(receiver);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.status);
    receiver.answer(c.status, "why");
    const PostOutcome out = post_alert(*client, receiver.url("/hook"));
    EXPECT_EQ(out.http_status, c.status);
    EXPECT_EQ(out.sent, c.sent);
    EXPECT_EQ(out.transient, c.transient);
    EXPECT_EQ(out.reason, c.sent ? "" : "fetch.http_" + std::to_string(c.status));
  }
}

TEST(CurlWebhookClient, NeverFollowsARedirect) {
  WebhookReceiver receiver(kSentAt);
  auto client = client_for(receiver);
  receiver.answer(307, "", {{"Location", receiver.url("/elsewhere")}});
  const PostOutcome out = post_alert(*client, receiver.url("/hook"));
  EXPECT_FALSE(out.sent);
  EXPECT_FALSE(out.transient);
  EXPECT_EQ(out.reason, "fetch.http_307");
  const auto got = receiver.received();
  ASSERT_EQ(got.size(), 1U);
  EXPECT_EQ(got[0].path, "/hook");
}

TEST(CurlWebhookClient, LoopbackIsRefusedWithoutAnAllowListEntry) {
  WebhookReceiver receiver(kSentAt);
  auto client = CurlWebhookClient::create(FetchOptions{});
  ASSERT_TRUE(client.has_value());
  const PostOutcome out = post_alert(**client, receiver.url("/hook"));
  EXPECT_FALSE(out.sent);
  EXPECT_FALSE(out.transient);
  EXPECT_EQ(out.reason, "fetch.blocked_address");
  EXPECT_TRUE(receiver.received().empty());
}

TEST(CurlWebhookClient, NobodyListeningIsTransient) {
  std::string url;
  FetchOptions o;
  {
    WebhookReceiver gone(kSentAt);
    url = gone.url("/hook");
    o.allow_list = {gone.host_port()};
  }
  auto client = CurlWebhookClient::create(o);
  ASSERT_TRUE(client.has_value());
  const PostOutcome out = post_alert(**client, url);
  EXPECT_FALSE(out.sent);
  EXPECT_TRUE(out.transient);
  EXPECT_EQ(out.reason, "fetch.connect_error");
}

TEST(CurlWebhookClient, RefusesBadUrlsAndHeaderInjectionBeforeSending) {
  WebhookReceiver receiver(kSentAt);
  auto client = client_for(receiver);
  EXPECT_EQ(client->post_json("ftp://127.0.0.1/x", {}, "{}").reason, "fetch.unsupported_scheme");
  EXPECT_EQ(client->post_json("not a url", {}, "{}").reason, "fetch.invalid_url");
  const PostOutcome out =
      client->post_json(receiver.url("/hook"), {{"X-Vigie-Delivery", "1\r\nX-Evil: 1"}}, "{}");
  EXPECT_EQ(out.reason, "fetch.invalid_header");
  EXPECT_FALSE(out.transient);
  EXPECT_TRUE(receiver.received().empty());
}

}  // namespace
}  // namespace vigie::fetch
