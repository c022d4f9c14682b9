// SPDX-License-Identifier: AGPL-3.0-or-later
#include "worker/scheduler.h"

#include <condition_variable>
#include <exception>
#include <mutex>

namespace vigie::worker {

std::size_t Scheduler::run(std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::size_t passes = 0;
  while (!stop.stop_requested()) {
    core::Result<service::RefreshReport> report = service::RefreshReport{};
    try {
      report = refresh_.run_due();
    } catch (const std::exception& e) {
      // A thread entry point never lets an exception escape (STYLE.md H4).
      report = core::make_error(core::ErrorCode::Internal, "worker.internal",
                                std::string("worker: ") + e.what());
    }
    ++passes;
    if (on_pass_) {
      on_pass_(report);
    }
    std::unique_lock lock(mutex);
    wake.wait_for(lock, stop, options_.idle, [] { return false; });
  }
  return passes;
}

}  // namespace vigie::worker
