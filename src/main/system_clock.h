// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The real clock. Only main/ creates it; everything else receives a core::Clock&.

#include <chrono>

#include "core/clock.h"

namespace vigie::main {

class SystemClock final : public core::Clock {
 public:
  core::Timestamp now() const override {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }
};

}  // namespace vigie::main
