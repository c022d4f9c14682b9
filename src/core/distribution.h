// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Distribution nouns (DESIGN.md §3, §6 "Delivery"): who gets what, how often, by which channel
// (Subscription), and the outbox rows that carry it (Delivery, one per recipient and channel,
// with every attempt kept). Plain values, no I/O.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/people.h"
#include "core/time.h"

namespace vigie::core {

using SubscriptionId = std::int64_t;
using DeliveryId = std::int64_t;

enum class Channel { Email, Webhook };

// Immediate: the topic's alerts as they are raised (only for people on the topic's alert
// list). Daily, Weekly: a digest of the topic's kept stories since the previous digest.
enum class Rhythm { Immediate, Daily, Weekly };

struct Subscription {
  SubscriptionId id = 0;
  UserId user_id = 0;
  TopicId topic_id = 0;
  Channel channel = Channel::Email;
  Rhythm rhythm = Rhythm::Weekly;
  std::string webhook_url;  // for Channel::Webhook: where to POST; empty for email
  Timestamp created_at{};
  // Digests: the end of the period the last digest covered (the next one starts there);
  // unset until the first digest, which then covers the period ending at its creation.
  std::optional<Timestamp> digest_through;
};

enum class DeliveryKind { Alert, Digest };

// Pending: waiting for its next attempt (at next_attempt_at). Sending: claimed by a worker
// until lease_until; an expired lease makes it claimable again (the worker died). Sent: done.
// Failed: a permanent refusal, or the give-up time passed; last_error says why. Cancelled: the
// recipient unsubscribed or was deactivated before it went out.
enum class DeliveryState { Pending, Sending, Sent, Failed, Cancelled };

struct Delivery {
  DeliveryId id = 0;
  OrgId org_id = 0;
  DeliveryKind kind = DeliveryKind::Alert;
  std::optional<SignalId> signal_id;              // alerts
  std::optional<SubscriptionId> subscription_id;  // alerts: the subscription it serves
  UserId user_id = 0;  // 0 once the user is removed (the row is kept for audit)
  Channel channel = Channel::Email;
  std::string target;  // the email address or webhook URL, fixed when the row is written
  DeliveryState state = DeliveryState::Pending;
  int attempts = 0;
  Timestamp created_at{};
  Timestamp next_attempt_at{};
  Timestamp give_up_at{};
  std::optional<Timestamp> lease_until;
  std::optional<Timestamp> sent_at;
  std::string last_error;  // stable reason key of the last failed attempt ("mail.rejected")
  // Digests go one per (user, rhythm, channel, target), gathering every topic the user
  // follows at that rhythm by that channel (to that URL, for a webhook digest); the period
  // covered is [period_from, period_to). Unused for alerts.
  std::optional<Rhythm> rhythm;
  std::optional<Timestamp> period_from;
  std::optional<Timestamp> period_to;
};

// One try at sending a delivery, kept forever for audit.
struct DeliveryAttempt {
  DeliveryId delivery_id = 0;
  int number = 0;  // 1, 2, ...
  Timestamp at{};
  std::string outcome;  // "sent", "transient", "permanent"
  int code = 0;         // SMTP reply code or HTTP status; 0 when none
  std::string reason;   // stable key; empty when sent
  std::string detail;   // the server's words, for people
};

// Stable names, as stored and typed on the command line.
std::string_view to_string(Channel c);
std::string_view to_string(Rhythm r);
std::string_view to_string(DeliveryKind k);
std::string_view to_string(DeliveryState s);
std::optional<Channel> parse_channel(std::string_view s);
std::optional<Rhythm> parse_rhythm(std::string_view s);
std::optional<DeliveryKind> parse_delivery_kind(std::string_view s);
std::optional<DeliveryState> parse_delivery_state(std::string_view s);

}  // namespace vigie::core
