// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The delivery loop of `vigie worker` (and `vigie serve`): create the digests that are due,
// run a delivery pass, wait `poll` (or until stop), again. Runs beside the collection
// Scheduler on its own thread, so a slow SMTP server never delays fetching.
//
// Thread-safety: run() is called from one thread; request stop through the stop_token.

#include <chrono>
#include <functional>
#include <stop_token>

#include "service/delivery_service.h"
#include "service/digest_scheduler.h"

namespace vigie::worker {

struct DeliveryPassReport {
  service::DigestReport digests;
  service::DeliveryReport deliveries;
};

class DeliveryLoop {
 public:
  // `on_pass` is told the outcome of every pass (for logs); it may be empty.
  using PassCallback = std::function<void(const core::Result<DeliveryPassReport>&)>;

  DeliveryLoop(service::DigestScheduler& digests, service::DeliveryService& deliveries,
               std::chrono::seconds poll, PassCallback on_pass)
      : digests_(digests), deliveries_(deliveries), poll_(poll), on_pass_(std::move(on_pass)) {}

  // One pass: digests due, then every due delivery.
  core::Result<DeliveryPassReport> run_once();
  // Passes until `stop` is requested. Returns the number of passes.
  std::size_t run(std::stop_token stop);

 private:
  service::DigestScheduler& digests_;
  service::DeliveryService& deliveries_;
  std::chrono::seconds poll_;
  PassCallback on_pass_;
};

}  // namespace vigie::worker
