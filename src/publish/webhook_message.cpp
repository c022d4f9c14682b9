// SPDX-License-Identifier: AGPL-3.0-or-later
#include "publish/webhook_message.h"

#include <charconv>

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>

#include "publish/token.h"
#include "text/utf8.h"

namespace vigie::publish {
namespace {

using Json = nlohmann::ordered_json;

// Absent optionals are null, so every documented field is always present.
template <class T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json text_or_null(const std::optional<std::string>& s) {
  if (!s) {
    return nullptr;
  }
  const std::string clean = text::clean_utf8(*s);
  return clean.find_first_not_of(" \t\r\n") == std::string::npos ? Json(nullptr) : Json(clean);
}

Json url_or_null(const std::string& url) {
  return url.empty() ? Json(nullptr) : Json(text::clean_utf8(url));
}

Json sources_json(const std::vector<SourceRef>& sources) {
  Json out = Json::array();
  for (const SourceRef& s : sources) {
    out.push_back({{"title", text::clean_utf8(s.title)},
                   {"url", text::clean_utf8(s.url)},
                   {"published_at",
                    s.published_at ? Json(core::format_iso8601(*s.published_at)) : Json(nullptr)}});
  }
  return out;
}

std::string dump(const Json& doc) {
  // Every string went through clean_utf8, so the strict handler never throws here.
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string webhook_alert_body(const AlertContent& alert, core::DeliveryId delivery_id) {
  Json doc;
  doc["type"] = "alert";
  doc["version"] = kWebhookSchemaVersion;
  doc["delivery_id"] = delivery_id;
  doc["lang"] = text::clean_utf8(alert.lang);
  doc["signal"] = {{"id", or_null(alert.signal_id)},
                   {"kind", text::clean_utf8(alert.signal_kind)},
                   {"severity", std::string(core::to_string(alert.severity))},
                   {"raised_at", core::format_iso8601(alert.raised_at)}};
  doc["topic"] = {{"id", alert.topic_id}, {"name", text::clean_utf8(alert.topic_name)}};
  doc["story"] = {{"id", or_null(alert.story_id)},
                  {"title", text::clean_utf8(alert.title)},
                  {"url", text::clean_utf8(alert.story_url)},
                  {"excerpt", text::clean_utf8(alert.excerpt)},
                  {"comment", text_or_null(alert.comment)}};
  doc["sources"] = sources_json(alert.sources);
  doc["unsubscribe_url"] = url_or_null(alert.unsubscribe_url);
  return dump(doc);
}

std::string webhook_digest_body(const DigestContent& digest, core::DeliveryId delivery_id) {
  Json doc;
  doc["type"] = "digest";
  doc["version"] = kWebhookSchemaVersion;
  doc["delivery_id"] = delivery_id;
  doc["lang"] = text::clean_utf8(digest.lang);
  doc["rhythm"] = std::string(core::to_string(digest.rhythm));
  doc["period"] = {{"from", core::format_iso8601(digest.period_from)},
                   {"to", core::format_iso8601(digest.period_to)}};
  doc["story_count"] = story_count(digest);
  doc["portal_url"] = text::clean_utf8(digest.portal_url);
  doc["unsubscribe_url"] = url_or_null(digest.unsubscribe_url);
  Json topics = Json::array();
  for (const DigestTopic& t : digest.topics) {
    Json stories = Json::array();
    for (const DigestStory& s : t.stories) {
      stories.push_back({{"id", or_null(s.story_id)},
                         {"title", text::clean_utf8(s.title)},
                         {"url", text::clean_utf8(s.url)},
                         {"highlight", s.highlight},
                         {"excerpt", text::clean_utf8(s.excerpt)},
                         {"comment", text_or_null(s.comment)},
                         {"sources", sources_json(s.sources)}});
    }
    topics.push_back(
        {{"id", t.topic_id}, {"name", text::clean_utf8(t.name)}, {"stories", stories}});
  }
  doc["topics"] = std::move(topics);
  return dump(doc);
}

std::string webhook_secret(std::string_view key, core::SubscriptionId subscription_id) {
  return hmac_sha256_hex(key, "webhook:" + std::to_string(subscription_id));
}

HeaderList signed_headers(std::string_view secret, core::Timestamp timestamp, std::string_view body,
                          core::DeliveryId delivery_id) {
  const std::string ts = std::to_string(core::to_unix(timestamp));
  std::string signed_text = ts + ".";
  signed_text += body;
  return {{"X-Vigie-Timestamp", ts},
          {"X-Vigie-Signature", "sha256=" + hmac_sha256_hex(secret, signed_text)},
          {"X-Vigie-Delivery", std::to_string(delivery_id)},
          {"Content-Type", "application/json; charset=utf-8"}};
}

SignatureCheck verify_webhook_signature(std::string_view secret, std::string_view timestamp_header,
                                        std::string_view signature_header, std::string_view body,
                                        core::Timestamp now, std::chrono::seconds tolerance) {
  constexpr std::string_view kPrefix = "sha256=";
  std::int64_t ts = 0;
  const char* end = timestamp_header.data() + timestamp_header.size();
  const auto [ptr, ec] = std::from_chars(timestamp_header.data(), end, ts);
  if (timestamp_header.empty() || ec != std::errc{} || ptr != end
      || !signature_header.starts_with(kPrefix) || signature_header.size() != kPrefix.size() + 64) {
    return SignatureCheck::Malformed;
  }
  std::string signed_text(timestamp_header);
  signed_text += '.';
  signed_text += body;
  const std::string expected = hmac_sha256_hex(secret, signed_text);
  std::string given(signature_header.substr(kPrefix.size()));
  for (char& c : given) {
    c = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  if (CRYPTO_memcmp(expected.data(), given.data(), expected.size()) != 0) {
    return SignatureCheck::BadSignature;
  }
  // Checked after the HMAC, so a forged request learns nothing from the answer's timing
  // about the window; the absolute difference refuses timestamps from the future too.
  // Compared without subtracting from `ts`, which may be any 64-bit value.
  const std::int64_t now_s = core::to_unix(now);
  if (ts < now_s - tolerance.count() || ts > now_s + tolerance.count()) {
    return SignatureCheck::Expired;
  }
  return SignatureCheck::Valid;
}

}  // namespace vigie::publish
