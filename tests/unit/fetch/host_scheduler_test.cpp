// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/host_scheduler.h"

#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigie::fetch {
namespace {

using std::chrono::milliseconds;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr HostScheduler::TimePoint kT0{std::chrono::seconds{1000}};

TEST(HostSchedulerTest, StartsAtMostPerHostLimitWithoutGap) {
  HostScheduler s({16, 2, milliseconds{0}});
  for (std::size_t i = 0; i < 5; ++i) {
    s.enqueue(i, "a.example");
  }
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(0, 1));
  EXPECT_THAT(s.start_ready(kT0), IsEmpty());
  s.finish(0);
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(2));
  EXPECT_EQ(s.running(), 2U);
}

TEST(HostSchedulerTest, KeepsTheMinimumGapBetweenStartsToOneHost) {
  HostScheduler s({16, 4, milliseconds{1000}});
  s.enqueue(0, "a.example");
  s.enqueue(1, "a.example");
  s.enqueue(2, "b.example");
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(0, 2));
  // a.example is free (limit 4) but must wait for its gap.
  EXPECT_THAT(s.start_ready(kT0 + milliseconds{999}), IsEmpty());
  EXPECT_EQ(s.next_start_at(), kT0 + milliseconds{1000});
  EXPECT_THAT(s.start_ready(kT0 + milliseconds{1000}), ElementsAre(1));
  EXPECT_FALSE(s.next_start_at().has_value());
}

TEST(HostSchedulerTest, HonoursTheGlobalLimitAndSharesSlotsRoundRobin) {
  HostScheduler s({3, 8, milliseconds{0}});
  for (std::size_t i = 0; i < 4; ++i) {
    s.enqueue(i, "a.example");
  }
  s.enqueue(10, "b.example");
  s.enqueue(20, "c.example");
  const auto first = s.start_ready(kT0);
  EXPECT_THAT(first, ElementsAre(0, 10, 20));
  EXPECT_FALSE(s.next_start_at().has_value());  // a.example waits for a slot, not for time
  s.finish(10);
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(1));
  EXPECT_EQ(s.running(), 3U);
}

TEST(HostSchedulerTest, HostAtItsLimitWaitsForAFinishNotForTime) {
  HostScheduler s({16, 1, milliseconds{500}});
  s.enqueue(0, "a.example");
  s.enqueue(1, "a.example");
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(0));
  EXPECT_FALSE(s.next_start_at().has_value());
  s.finish(0);
  EXPECT_EQ(s.next_start_at(), kT0 + milliseconds{500});
}

TEST(HostSchedulerTest, RemembersTheGapAcrossBatchesUntilForgotten) {
  HostScheduler s({16, 2, milliseconds{1000}});
  s.enqueue(0, "a.example");
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(0));
  s.finish(0);
  s.forget_idle_hosts(kT0 + milliseconds{10});
  EXPECT_EQ(s.known_hosts(), 1U);
  s.enqueue(1, "a.example");
  EXPECT_THAT(s.start_ready(kT0 + milliseconds{10}), IsEmpty());
  EXPECT_THAT(s.start_ready(kT0 + milliseconds{1000}), ElementsAre(1));
  s.finish(1);
  s.forget_idle_hosts(kT0 + milliseconds{2000});
  EXPECT_EQ(s.known_hosts(), 0U);
}

TEST(HostSchedulerTest, ClearQueuedDropsWaitingRequestsOnly) {
  HostScheduler s({16, 1, milliseconds{0}});
  s.enqueue(0, "a.example");
  s.enqueue(1, "a.example");
  EXPECT_THAT(s.start_ready(kT0), ElementsAre(0));
  s.clear_queued();
  EXPECT_FALSE(s.has_queued());
  EXPECT_EQ(s.running(), 1U);
  s.finish(0);
  s.finish(0);  // unknown by now: ignored
  EXPECT_EQ(s.running(), 0U);
}

}  // namespace
}  // namespace vigie::fetch
