// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// When to fetch a source next. Pure and deterministic: the caller passes the clock value, the
// source's recent history and a jitter value it drew from a seeded generator; the scheduler
// (worker/) stores the result as the source's next_check_at.
//
// The rules, in order:
//  1. After a failure: exponential backoff, error_base * 2^(failures-1) capped at error_cap,
//     shortened by up to jitter_fraction so that sources failing together do not retry
//     together. A Retry-After from the server (429, 503) is honoured as a floor, bounded by
//     error_cap so a hostile or buggy value cannot park a source for a year.
//  2. After a success (NotModified included): adaptive. The item rate over history_window gives
//     the mean gap between items; we poll at gap_fraction of it, clamped to
//     [min_interval, max_interval]. A source with history but no item in the window is quiet
//     and gets max_interval; a source without any history gets default_interval.
//  3. RSS <ttl> and Cache-Control max-age are floors on a success interval (the publisher asked
//     us not to come back sooner), but never above max_interval.
//  4. Never disabled: every rule is capped (max_interval, error_cap), so even a source that has
//     failed for months is retried at least once per cap interval. Giving up is a human decision.

#include <chrono>
#include <optional>
#include <span>

#include "core/time.h"

namespace vigie::fetch {

struct PollPolicyOptions {
  // Shortest success interval, for feeds publishing many items a day. Default 15 min.
  std::chrono::seconds min_interval{15 * 60};
  // Longest success interval, for quiet feeds; also the ceiling for ttl/max-age. Default 24 h.
  std::chrono::seconds max_interval{24 * 3600};
  // Interval for a source with no item history yet. Default 1 h.
  std::chrono::seconds default_interval{3600};
  // Items older than this do not count towards the rate. Default 7 days: weekly rhythms count.
  std::chrono::seconds history_window{7 * 24 * 3600};
  // Poll at this fraction of the mean gap between items: 0.5 checks about twice per expected
  // item, so news is picked up within half a gap on average. Default 0.5.
  double gap_fraction = 0.5;
  // First retry delay after a failure, doubled per consecutive failure. Default 5 min.
  std::chrono::seconds error_base{5 * 60};
  // Longest retry delay after failures, and the bound on Retry-After. Default 24 h.
  std::chrono::seconds error_cap{24 * 3600};
  // Intervals are shortened by up to this fraction times the jitter value. Default 0.1.
  double jitter_fraction = 0.1;
};

struct PollInput {
  // The current time (from the injected Clock).
  core::Timestamp now;
  // Publication (or first-seen) times of the source's recent items, in any order. Pass
  // publication dates when the feed has them: first-seen times of a first fetch all coincide
  // and look like a burst. Times after `now` or before the history window are ignored.
  std::span<const core::Timestamp> item_times;
  // RSS <ttl> (already converted from minutes) and Cache-Control max-age of the last response.
  std::optional<std::chrono::seconds> ttl;
  std::optional<std::chrono::seconds> max_age;
  // Failures in a row, 0 when the last fetch succeeded.
  int consecutive_failures = 0;
  // Retry-After of the last failed response, as FetchFailure::retry_after gives it.
  std::optional<std::chrono::seconds> retry_after;
  // Uniform in [0, 1), from a seeded generator; 0 means no jitter.
  double jitter = 0.0;
};

// What decided the interval, for logs and the source page in the UI.
enum class PollBasis {
  Default,        // no history yet
  ItemFrequency,  // adaptive, from the item rate
  QuietFeed,      // history but nothing recent: max_interval
  PublisherHint,  // raised to RSS ttl or Cache-Control max-age
  Backoff,        // failures
  RetryAfter,     // failures, raised to the server's Retry-After
};

const char* to_string(PollBasis basis);

struct PollDecision {
  core::Timestamp next_check_at;
  std::chrono::seconds interval{0};
  PollBasis basis = PollBasis::Default;
};

// Applies the rules above. Always returns an interval in [1 s, max(max_interval, error_cap)].
// Requires: options with positive intervals, min_interval <= max_interval, fractions in [0, 1].
PollDecision next_poll(const PollInput& input, const PollPolicyOptions& options = {});

}  // namespace vigie::fetch
