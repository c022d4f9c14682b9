// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/model.h"

#include <array>
#include <utility>

#include "core/distribution.h"

namespace vigie::core {
namespace {

template <class E, std::size_t N>
std::optional<E> from_name(const std::array<std::pair<E, std::string_view>, N>& names,
                           std::string_view s) {
  for (const auto& [value, name] : names) {
    if (name == s) {
      return value;
    }
  }
  return std::nullopt;
}

template <class E, std::size_t N>
std::string_view to_name(const std::array<std::pair<E, std::string_view>, N>& names, E e) {
  for (const auto& [value, name] : names) {
    if (value == e) {
      return name;
    }
  }
  return {};
}

constexpr std::array<std::pair<Priority, std::string_view>, 3> kPriorities = {
    {{Priority::Normal, "normal"}, {Priority::High, "high"}, {Priority::Critical, "critical"}}};
constexpr std::array<std::pair<Audience, std::string_view>, 3> kAudiences = {
    {{Audience::Internal, "internal"},
     {Audience::Members, "members"},
     {Audience::Public, "public"}}};
constexpr std::array<std::pair<SignalState, std::string_view>, 4> kStates = {
    {{SignalState::New, "new"},
     {SignalState::Reviewed, "reviewed"},
     {SignalState::Dispatched, "dispatched"},
     {SignalState::Closed, "closed"}}};

constexpr std::array<std::pair<Channel, std::string_view>, 2> kChannels = {
    {{Channel::Email, "email"}, {Channel::Webhook, "webhook"}}};
constexpr std::array<std::pair<Rhythm, std::string_view>, 3> kRhythms = {
    {{Rhythm::Immediate, "immediate"}, {Rhythm::Daily, "daily"}, {Rhythm::Weekly, "weekly"}}};
constexpr std::array<std::pair<DeliveryKind, std::string_view>, 2> kDeliveryKinds = {
    {{DeliveryKind::Alert, "alert"}, {DeliveryKind::Digest, "digest"}}};
constexpr std::array<std::pair<DeliveryState, std::string_view>, 5> kDeliveryStates = {
    {{DeliveryState::Pending, "pending"},
     {DeliveryState::Sending, "sending"},
     {DeliveryState::Sent, "sent"},
     {DeliveryState::Failed, "failed"},
     {DeliveryState::Cancelled, "cancelled"}}};

}  // namespace

std::string_view to_string(Priority p) {
  return to_name(kPriorities, p);
}
std::string_view to_string(Audience a) {
  return to_name(kAudiences, a);
}
std::string_view to_string(SignalState s) {
  return to_name(kStates, s);
}
std::optional<Priority> parse_priority(std::string_view s) {
  return from_name(kPriorities, s);
}
std::optional<Audience> parse_audience(std::string_view s) {
  return from_name(kAudiences, s);
}
std::optional<SignalState> parse_signal_state(std::string_view s) {
  return from_name(kStates, s);
}

std::string_view to_string(Channel c) {
  return to_name(kChannels, c);
}
std::string_view to_string(Rhythm r) {
  return to_name(kRhythms, r);
}
std::string_view to_string(DeliveryKind k) {
  return to_name(kDeliveryKinds, k);
}
std::string_view to_string(DeliveryState s) {
  return to_name(kDeliveryStates, s);
}
std::optional<Channel> parse_channel(std::string_view s) {
  return from_name(kChannels, s);
}
std::optional<Rhythm> parse_rhythm(std::string_view s) {
  return from_name(kRhythms, s);
}
std::optional<DeliveryKind> parse_delivery_kind(std::string_view s) {
  return from_name(kDeliveryKinds, s);
}
std::optional<DeliveryState> parse_delivery_state(std::string_view s) {
  return from_name(kDeliveryStates, s);
}

}  // namespace vigie::core
