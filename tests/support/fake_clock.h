// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

#include <atomic>
#include <chrono>

#include "core/clock.h"

namespace vigie::testing {

// A clock that moves only when told. Thread-safe.
class FakeClock final : public core::Clock {
 public:
  explicit FakeClock(core::Timestamp start = core::from_unix(1'767'225'600))  // 2026-01-01
      : now_(core::to_unix(start)) {}
  core::Timestamp now() const override { return core::from_unix(now_.load()); }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::time_point{std::chrono::seconds{now_.load()}};
  }
  void advance(std::chrono::seconds d) { now_ += d.count(); }
  void set(core::Timestamp t) { now_ = core::to_unix(t); }

 private:
  std::atomic<std::int64_t> now_;
};

}  // namespace vigie::testing
