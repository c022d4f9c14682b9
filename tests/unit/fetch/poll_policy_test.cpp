// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/poll_policy.h"

#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace vigie::fetch {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr core::Timestamp kNow{seconds{1'767'225'600}};  // 2026-01-01T00:00:00Z

// `count` items spread evenly over the `span` before now.
std::vector<core::Timestamp> items(int count, seconds span) {
  std::vector<core::Timestamp> out;
  out.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    out.push_back(kNow - span * i / count);
  }
  return out;
}

TEST(PollPolicyTest, AdaptsTheSuccessIntervalToTheItemRate) {
  struct Case {
    const char* name;
    std::vector<core::Timestamp> items;
    seconds interval;
    PollBasis basis;
  };
  const Case cases[] = {
      {"no history", {}, hours{1}, PollBasis::Default},
      {"busy news site", items(500, hours{24 * 7}), minutes{15}, PollBasis::ItemFrequency},
      {"daily blog", items(7, hours{24 * 7}), hours{12}, PollBasis::ItemFrequency},
      {"twice a day", items(14, hours{24 * 7}), hours{6}, PollBasis::ItemFrequency},
      {"weekly", items(1, hours{1}), hours{24}, PollBasis::ItemFrequency},
      {"quiet for months", {kNow - hours{24 * 90}}, hours{24}, PollBasis::QuietFeed},
      {"future dates ignored", {kNow + hours{1}, kNow + hours{2}}, hours{24}, PollBasis::QuietFeed},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PollInput in;
    in.now = kNow;
    in.item_times = c.items;
    const PollDecision d = next_poll(in);
    EXPECT_EQ(d.interval, c.interval);
    EXPECT_EQ(d.basis, c.basis) << to_string(d.basis);
    EXPECT_EQ(d.next_check_at, kNow + c.interval);
  }
}

TEST(PollPolicyTest, TtlAndMaxAgeAreFloorsBoundedByTheMaximum) {
  struct Case {
    const char* name;
    std::optional<seconds> ttl;
    std::optional<seconds> max_age;
    seconds interval;
    PollBasis basis;
  };
  const auto busy = items(500, hours{24 * 7});
  const Case cases[] = {
      {"ttl raises", minutes{60}, std::nullopt, minutes{60}, PollBasis::PublisherHint},
      {"max-age raises", std::nullopt, minutes{30}, minutes{30}, PollBasis::PublisherHint},
      {"larger of both", minutes{20}, minutes{45}, minutes{45}, PollBasis::PublisherHint},
      {"below the adaptive value", minutes{5}, seconds{60}, minutes{15}, PollBasis::ItemFrequency},
      {"a week is capped at a day", hours{24 * 7}, std::nullopt, hours{24},
       PollBasis::PublisherHint},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PollInput in;
    in.now = kNow;
    in.item_times = busy;
    in.ttl = c.ttl;
    in.max_age = c.max_age;
    const PollDecision d = next_poll(in);
    EXPECT_EQ(d.interval, c.interval);
    EXPECT_EQ(d.basis, c.basis) << to_string(d.basis);
  }
}

TEST(PollPolicyTest, BacksOffExponentiallyUpToTheCapAndNeverGivesUp) {
  struct Case {
    int failures;
    seconds interval;
  };
  const Case cases[] = {
      {1, minutes{5}},    {2, minutes{10}}, {3, minutes{20}}, {4, minutes{40}},
      {9, minutes{1280}}, {10, hours{24}},  {30, hours{24}},  {1'000'000, hours{24}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.failures);
    PollInput in;
    in.now = kNow;
    in.consecutive_failures = c.failures;
    const PollDecision d = next_poll(in);
    EXPECT_EQ(d.interval, c.interval);
    EXPECT_EQ(d.basis, PollBasis::Backoff);
  }
}

TEST(PollPolicyTest, HonoursRetryAfterWithinTheErrorCap) {
  struct Case {
    const char* name;
    int failures;
    seconds retry_after;
    seconds interval;
    PollBasis basis;
  };
  const Case cases[] = {
      {"longer than backoff", 1, hours{2}, hours{2}, PollBasis::RetryAfter},
      {"shorter than backoff", 3, minutes{1}, minutes{20}, PollBasis::Backoff},
      {"a year is bounded", 1, hours{24 * 365}, hours{24}, PollBasis::RetryAfter},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    PollInput in;
    in.now = kNow;
    in.consecutive_failures = c.failures;
    in.retry_after = c.retry_after;
    const PollDecision d = next_poll(in);
    EXPECT_EQ(d.interval, c.interval);
    EXPECT_EQ(d.basis, c.basis) << to_string(d.basis);
  }
}

TEST(PollPolicyTest, JitterOnlyShortensAndStaysAboveRetryAfterAndHints) {
  std::mt19937_64 rng(42);  // seeded: deterministic
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const auto busy = items(500, hours{24 * 7});
  for (int i = 0; i < 200; ++i) {
    const double j = uniform(rng);
    SCOPED_TRACE(j);
    PollInput failing;
    failing.now = kNow;
    failing.consecutive_failures = 2;
    failing.jitter = j;
    const seconds backoff = next_poll(failing).interval;
    EXPECT_LE(backoff, minutes{10});
    EXPECT_GE(backoff, minutes{9});

    failing.retry_after = minutes{30};
    EXPECT_EQ(next_poll(failing).interval, minutes{30});

    PollInput hinted;
    hinted.now = kNow;
    hinted.item_times = busy;
    hinted.ttl = minutes{60};
    hinted.jitter = j;
    EXPECT_EQ(next_poll(hinted).interval, minutes{60});
  }
}

TEST(PollPolicyTest, SameInputsGiveTheSameDecision) {
  const auto busy = items(40, hours{24 * 7});
  PollInput in;
  in.now = kNow;
  in.item_times = busy;
  in.jitter = 0.37;
  const PollDecision a = next_poll(in);
  const PollDecision b = next_poll(in);
  EXPECT_EQ(a.next_check_at, b.next_check_at);
  EXPECT_EQ(a.basis, b.basis);
}

}  // namespace
}  // namespace vigie::fetch
