// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The real clock. Only main/ creates it; everything else receives a core::Clock&. Tests and
// demos of the whole binary may stop it at one instant (VIGIE_NOW): now() then returns that
// instant; steady_now() stays real (it measures timeouts).

#include <chrono>
#include <optional>

#include "core/clock.h"

namespace vigie::main {

class SystemClock final : public core::Clock {
 public:
  explicit SystemClock(std::optional<core::Timestamp> fixed = std::nullopt) : fixed_(fixed) {}
  core::Timestamp now() const override {
    if (fixed_) {
      return *fixed_;
    }
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }

 private:
  std::optional<core::Timestamp> fixed_;
};

}  // namespace vigie::main
