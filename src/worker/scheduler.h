// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The collection loop of `vigie worker` (and later `vigie serve`): run a pass over the due
// sources, then wait until the next source is due (bounded by idle_seconds) or until stop is
// requested. Cooperative shutdown through std::stop_token: a pass in progress finishes its
// batch (every fetch is bounded by the fetch timeouts), nothing is left half-recorded.
//
// Thread-safety: run() is called from one thread; request stop through the stop_token.

#include <chrono>
#include <functional>
#include <stop_token>

#include "core/clock.h"
#include "service/refresh_service.h"

namespace vigie::worker {

struct SchedulerOptions {
  // Longest wait between passes when nothing is due, and the granularity of new sources.
  std::chrono::seconds idle{30};
};

class Scheduler {
 public:
  // `on_pass` is told the outcome of every pass (for logs); it may be empty.
  using PassCallback = std::function<void(const core::Result<service::RefreshReport>&)>;

  Scheduler(service::RefreshService& refresh, SchedulerOptions options, PassCallback on_pass)
      : refresh_(refresh), options_(options), on_pass_(std::move(on_pass)) {}

  // Runs passes until `stop` is requested. Returns the number of passes run.
  std::size_t run(std::stop_token stop);

 private:
  service::RefreshService& refresh_;
  SchedulerOptions options_;
  PassCallback on_pass_;
};

}  // namespace vigie::worker
