// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Time comes from an injected Clock (STYLE.md H6), so scheduling is testable with a fake.

#include <chrono>

#include "core/time.h"

namespace vigie::core {

// Thread-safe: implementations must allow concurrent now() calls.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
  // Monotonic time for measuring durations and timeouts.
  virtual std::chrono::steady_clock::time_point steady_now() const = 0;
};

}  // namespace vigie::core
