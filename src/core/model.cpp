// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/model.h"

#include <array>
#include <utility>

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

}  // namespace vigie::core
