// SPDX-License-Identifier: AGPL-3.0-or-later
// Webhook bodies (the documented schema, stable across retries) and their signatures (an
// HMAC any receiver can recompute, a 5-minute replay window).
#include "publish/webhook_message.h"

#include <limits>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sample_messages.h"

namespace vigie::publish {
namespace {

using Json = nlohmann::json;

TEST(WebhookMessage, AlertBodyFollowsTheSchema) {
  const AlertContent a = sample_alert("fr");
  const Json j = Json::parse(webhook_alert_body(a, 42));
  EXPECT_EQ(j["type"], "alert");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["delivery_id"], 42);
  EXPECT_EQ(j["lang"], "fr");
  EXPECT_EQ(j["signal"]["id"], 7);
  EXPECT_EQ(j["signal"]["kind"], "analyst_alert");
  EXPECT_EQ(j["signal"]["severity"], "critical");
  EXPECT_EQ(j["signal"]["raised_at"], "2026-11-27T14:05:00Z");
  EXPECT_EQ(j["topic"]["id"], 3);
  EXPECT_EQ(j["topic"]["name"], "Coton");
  EXPECT_EQ(j["story"]["id"], 41);
  EXPECT_EQ(j["story"]["title"], a.title);
  EXPECT_EQ(j["story"]["url"], a.story_url);
  EXPECT_EQ(j["story"]["comment"], *a.comment);
  ASSERT_EQ(j["sources"].size(), 2U);
  EXPECT_EQ(j["sources"][0]["url"], "https://sidwaya.example/coton?id=1&lang=fr");
  EXPECT_EQ(j["sources"][0]["published_at"], "2026-11-26T13:33:20Z");
  EXPECT_TRUE(j["sources"][1]["published_at"].is_null());
  EXPECT_EQ(j["unsubscribe_url"], a.unsubscribe_url);
  // The recipient is never in a body.
  EXPECT_EQ(webhook_alert_body(a, 42).find("awa.diallo"), std::string::npos);
}

TEST(WebhookMessage, AbsentValuesAreNull) {
  AlertContent a = sample_alert("en");
  a.comment = "  ";
  a.signal_id.reset();
  a.story_id.reset();
  a.unsubscribe_url.clear();
  const Json j = Json::parse(webhook_alert_body(a, 1));
  EXPECT_TRUE(j["story"]["comment"].is_null());
  EXPECT_TRUE(j["signal"]["id"].is_null());
  EXPECT_TRUE(j["story"]["id"].is_null());
  EXPECT_TRUE(j["unsubscribe_url"].is_null());
}

TEST(WebhookMessage, InvalidUtf8NeverBreaksTheBody) {
  AlertContent a = sample_alert("fr");
  a.title = std::string("Coton \xff\xfe prix") + '\x01';
  const Json j = Json::parse(webhook_alert_body(a, 1));
  EXPECT_EQ(j["story"]["title"], "Coton  prix");
}

TEST(WebhookMessage, DigestBodyFollowsTheSchema) {
  const Json j = Json::parse(webhook_digest_body(sample_digest("fr"), 43));
  EXPECT_EQ(j["type"], "digest");
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["delivery_id"], 43);
  EXPECT_EQ(j["rhythm"], "weekly");
  EXPECT_EQ(j["period"]["from"], "2026-11-20T15:45:00Z");
  EXPECT_EQ(j["period"]["to"], "2026-11-27T15:45:00Z");
  EXPECT_EQ(j["story_count"], 3);
  EXPECT_EQ(j["portal_url"], "https://veille.cci.example/");
  ASSERT_EQ(j["topics"].size(), 2U);
  EXPECT_EQ(j["topics"][0]["id"], 3);
  EXPECT_EQ(j["topics"][0]["stories"][1]["highlight"], true);
  EXPECT_EQ(j["topics"][0]["stories"][1]["comment"], "Impact direct sur les égreneurs.");
  EXPECT_TRUE(j["topics"][1]["stories"][0]["comment"].is_null());
  EXPECT_EQ(j["topics"][1]["stories"][0]["sources"].size(), 0U);
}

TEST(WebhookMessage, BodyIsTheSameOnEveryRetry) {
  EXPECT_EQ(webhook_alert_body(sample_alert(), 9), webhook_alert_body(sample_alert(), 9));
  EXPECT_EQ(webhook_digest_body(sample_digest(), 9), webhook_digest_body(sample_digest(), 9));
}

TEST(WebhookSignature, HeadersCarryAnHmacAnyReceiverCanRecompute) {
  // Expected value from Python: hmac.new(b"whsec-test", b'1795788300.{"type":"alert"}',
  // hashlib.sha256).hexdigest()
  const HeaderList h =
      signed_headers("whsec-test", core::from_unix(1'795'788'300), R"({"type":"alert"})", 42);
  const HeaderList expected = {
      {"X-Vigie-Timestamp", "1795788300"},
      {"X-Vigie-Signature",
       "sha256=d1b50a3180557d192acfbd3d6b2e61bb6290dc7b0274e0542f9971860958910f"},
      {"X-Vigie-Delivery", "42"},
      {"Content-Type", "application/json; charset=utf-8"}};
  EXPECT_EQ(h, expected);
}

TEST(WebhookSignature, SecretIsDerivedPerSubscription) {
  EXPECT_EQ(webhook_secret("server-key", 12),
            "7899e9e48ac85aa7d0e312313327330a3cea376e5640ff5310d01548219f9b91");
  EXPECT_NE(webhook_secret("server-key", 12), webhook_secret("server-key", 13));
}

TEST(WebhookSignature, VerifyAcceptsWithinTheWindowOnly) {
  const std::string body = webhook_alert_body(sample_alert(), 42);
  const core::Timestamp sent = core::from_unix(1'795'788'300);
  const HeaderList h = signed_headers("whsec", sent, body, 42);
  const std::string& ts = h[0].second;
  const std::string& sig = h[1].second;
  struct Case {
    const char* name;
    std::string secret;
    std::string ts;
    std::string sig;
    std::string body;
    std::int64_t now_offset;
    SignatureCheck expected;
  };
  std::string upper = sig;
  for (std::size_t i = 7; i < upper.size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(upper[i])));
  }
  const Case cases[] = {
      {"fresh", "whsec", ts, sig, body, 0, SignatureCheck::Valid},
      {"upper-case hex", "whsec", ts, upper, body, 0, SignatureCheck::Valid},
      {"299 s late", "whsec", ts, sig, body, 299, SignatureCheck::Valid},
      {"300 s late", "whsec", ts, sig, body, 300, SignatureCheck::Valid},
      {"301 s late", "whsec", ts, sig, body, 301, SignatureCheck::Expired},
      {"an hour late", "whsec", ts, sig, body, 3600, SignatureCheck::Expired},
      {"from the future", "whsec", ts, sig, body, -301, SignatureCheck::Expired},
      {"other secret", "other", ts, sig, body, 0, SignatureCheck::BadSignature},
      {"altered body", "whsec", ts, sig, body + " ", 0, SignatureCheck::BadSignature},
      {"replayed with a new timestamp", "whsec", "1795788400", sig, body, 100,
       SignatureCheck::BadSignature},
      {"no prefix", "whsec", ts, sig.substr(7), body, 0, SignatureCheck::Malformed},
      {"short", "whsec", ts, "sha256=abc", body, 0, SignatureCheck::Malformed},
      {"empty timestamp", "whsec", "", sig, body, 0, SignatureCheck::Malformed},
      {"timestamp not a number", "whsec", "12a", sig, body, 0, SignatureCheck::Malformed},
      {"timestamp at the 64-bit limits", "whsec", "-9223372036854775808", sig, body, 0,
       SignatureCheck::BadSignature},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(verify_webhook_signature(c.secret, c.ts, c.sig, c.body,
                                       core::from_unix(1'795'788'300 + c.now_offset)),
              c.expected);
  }
}

TEST(WebhookSignature, ExtremeTimestampsAreExpiredWithoutOverflow) {
  for (const std::int64_t ts :
       {std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::min()}) {
    SCOPED_TRACE(ts);
    const HeaderList h = signed_headers("whsec", core::from_unix(ts), "{}", 1);
    EXPECT_EQ(verify_webhook_signature("whsec", h[0].second, h[1].second, "{}",
                                       core::from_unix(1'795'788'300)),
              SignatureCheck::Expired);
  }
}

}  // namespace
}  // namespace vigie::publish
