// SPDX-License-Identifier: AGPL-3.0-or-later
#include "worker/delivery_loop.h"

#include <condition_variable>
#include <exception>
#include <mutex>

#include "core/try.h"

namespace vigie::worker {

core::Result<DeliveryPassReport> DeliveryLoop::run_once() {
  DeliveryPassReport r;
  VIGIE_TRY_ASSIGN(r.digests, digests_.run_pass());
  VIGIE_TRY_ASSIGN(r.deliveries, deliveries_.run_pass());
  return r;
}

std::size_t DeliveryLoop::run(std::stop_token stop) {
  std::size_t passes = 0;
  std::mutex m;
  std::condition_variable_any cv;
  while (!stop.stop_requested()) {
    core::Result<DeliveryPassReport> r;
    // A thread entry point: nothing may escape (STYLE.md H4).
    try {
      r = run_once();
    } catch (const std::exception& e) {
      r = core::make_error(core::ErrorCode::Internal, "worker.internal",
                           std::string("worker: delivery pass: ") + e.what());
    }
    ++passes;
    if (on_pass_) {
      on_pass_(r);
    }
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, poll_, [] { return false; });
  }
  return passes;
}

}  // namespace vigie::worker
