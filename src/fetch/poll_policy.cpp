// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/poll_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace vigie::fetch {
namespace {

using Seconds = std::chrono::seconds;

// Shortens `interval` by up to jitter_fraction of itself; at least one second remains.
Seconds jittered(Seconds interval, const PollInput& input, const PollPolicyOptions& options) {
  const double j =
      std::clamp(input.jitter, 0.0, 1.0) * std::clamp(options.jitter_fraction, 0.0, 1.0);
  const double shortened = static_cast<double>(interval.count()) * (1.0 - j);
  return std::max(Seconds{1}, Seconds{static_cast<std::int64_t>(std::llround(shortened))});
}

PollDecision after_failure(const PollInput& input, const PollPolicyOptions& options) {
  // Doubling stops as soon as the cap is reached, so huge failure counts cannot overflow.
  Seconds backoff = std::max(Seconds{1}, options.error_base);
  for (int i = 1; i < input.consecutive_failures && backoff < options.error_cap; ++i) {
    backoff *= 2;
  }
  backoff = std::min(backoff, options.error_cap);
  PollDecision d;
  d.interval = jittered(backoff, input, options);
  d.basis = PollBasis::Backoff;
  if (input.retry_after) {
    const Seconds floor = std::clamp(*input.retry_after, Seconds{0}, options.error_cap);
    if (floor > d.interval) {
      d.interval = floor;
      d.basis = PollBasis::RetryAfter;
    }
  }
  return d;
}

PollDecision after_success(const PollInput& input, const PollPolicyOptions& options) {
  PollDecision d;
  if (input.item_times.empty()) {
    d.interval = std::clamp(options.default_interval, options.min_interval, options.max_interval);
    d.basis = PollBasis::Default;
  } else {
    const auto recent =
        std::count_if(input.item_times.begin(), input.item_times.end(), [&](core::Timestamp t) {
          return t <= input.now && input.now - t <= options.history_window;
        });
    if (recent == 0) {
      d.interval = options.max_interval;
      d.basis = PollBasis::QuietFeed;
    } else {
      const double mean_gap =
          static_cast<double>(options.history_window.count()) / static_cast<double>(recent);
      const auto wanted =
          Seconds{static_cast<std::int64_t>(std::llround(mean_gap * options.gap_fraction))};
      d.interval = std::clamp(wanted, options.min_interval, options.max_interval);
      d.basis = PollBasis::ItemFrequency;
    }
  }
  d.interval = jittered(d.interval, input, options);
  // Publisher hints are floors: jitter must not bring us back before the publisher asked.
  Seconds hint{0};
  if (input.ttl) {
    hint = std::max(hint, *input.ttl);
  }
  if (input.max_age) {
    hint = std::max(hint, *input.max_age);
  }
  hint = std::min(hint, options.max_interval);
  if (hint > d.interval) {
    d.interval = hint;
    d.basis = PollBasis::PublisherHint;
  }
  return d;
}

}  // namespace

const char* to_string(PollBasis basis) {
  switch (basis) {
    case PollBasis::Default:
      return "default";
    case PollBasis::ItemFrequency:
      return "item_frequency";
    case PollBasis::QuietFeed:
      return "quiet_feed";
    case PollBasis::PublisherHint:
      return "publisher_hint";
    case PollBasis::Backoff:
      return "backoff";
    case PollBasis::RetryAfter:
      return "retry_after";
  }
  return "default";
}

PollDecision next_poll(const PollInput& input, const PollPolicyOptions& options) {
  PollDecision d = input.consecutive_failures > 0 ? after_failure(input, options)
                                                  : after_success(input, options);
  d.next_check_at = input.now + d.interval;
  return d;
}

}  // namespace vigie::fetch
