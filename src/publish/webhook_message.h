// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Webhook deliveries (issue "Distribute", items 2 and 3): the JSON body of an alert and of a
// digest, and the signature headers that let a receiver check where a body came from and
// reject replays. Pure: values in, bytes out.
//
// Body schema, version 1 (stable: fields are only ever added). Every body is one JSON object,
// UTF-8, with ids as JSON integers, times as "YYYY-MM-DDTHH:MM:SSZ" (UTC), and absent optional
// values as null:
//   alert  {"type":"alert", "version":1, "delivery_id":42, "lang":"fr",
//           "signal":{"id":7|null, "kind":"topic_match"|"analyst_alert",
//                     "severity":"normal"|"high"|"critical", "raised_at":"..."},
//           "topic":{"id":3, "name":"Coton"},
//           "story":{"id":9|null, "title":"...", "url":"<portal URL>", "excerpt":"...",
//                    "comment":"..."|null},
//           "sources":[{"title":"...", "url":"...", "published_at":"..."|null}],
//           "unsubscribe_url":"..."|null}
//   digest {"type":"digest", "version":1, "delivery_id":43, "lang":"fr",
//           "rhythm":"daily"|"weekly", "period":{"from":"...", "to":"..."},
//           "story_count":12, "portal_url":"...", "unsubscribe_url":"..."|null,
//           "topics":[{"id":3, "name":"Coton",
//                      "stories":[{"id":9|null, "title":"...", "url":"...",
//                                  "highlight":true, "excerpt":"...", "comment":"..."|null,
//                                  "sources":[...as above...]}]}]}
// The recipient's name and address are never in a body. The body of a delivery is the same on
// every retry; only X-Vigie-Timestamp (and so the signature) changes.
//
// Signature (headers of every POST):
//   X-Vigie-Timestamp: <unix seconds of the attempt>
//   X-Vigie-Signature: sha256=<lower-case hex HMAC-SHA256(secret, timestamp "." body)>
//   X-Vigie-Delivery:  <delivery id>  (the idempotency key: the same on every retry)
//   Content-Type:      application/json; charset=utf-8
// The secret is per subscription: webhook_secret(key, subscription id).

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/distribution.h"
#include "core/time.h"
#include "publish/alert_message.h"
#include "publish/digest_message.h"

namespace vigie::publish {

inline constexpr int kWebhookSchemaVersion = 1;
// Receivers reject a timestamp further than this from their clock (replay window).
inline constexpr std::chrono::seconds kWebhookTolerance{300};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

std::string webhook_alert_body(const AlertContent& alert, core::DeliveryId delivery_id);
std::string webhook_digest_body(const DigestContent& digest, core::DeliveryId delivery_id);

// The secret a subscription's webhooks are signed with: hmac_sha256_hex(key,
// "webhook:<subscription id>"). Shown to the subscriber (`vigie subscriptions show`).
std::string webhook_secret(std::string_view key, core::SubscriptionId subscription_id);

// X-Vigie-Timestamp, X-Vigie-Signature, X-Vigie-Delivery, Content-Type, in that order.
HeaderList signed_headers(std::string_view secret, core::Timestamp timestamp, std::string_view body,
                          core::DeliveryId delivery_id);

enum class SignatureCheck {
  Valid,
  Malformed,     // a header is missing or not of the documented form
  BadSignature,  // the HMAC does not match (other secret, altered body or timestamp)
  Expired,       // the timestamp is more than `tolerance` before or after `now`
};

// What a receiver does with a POST: checks the signature header ("sha256=<hex>") over
// `timestamp_header` "." `body` with a constant-time comparison, then the timestamp against
// `now`. Used by the tests' receiver; documented for people writing their own.
SignatureCheck verify_webhook_signature(std::string_view secret, std::string_view timestamp_header,
                                        std::string_view signature_header, std::string_view body,
                                        core::Timestamp now,
                                        std::chrono::seconds tolerance = kWebhookTolerance);

}  // namespace vigie::publish
