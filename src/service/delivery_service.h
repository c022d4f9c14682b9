// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The delivery worker's pass over the outbox (DESIGN.md §6 "Delivery"; issue "Distribute",
// item 4). N worker threads each claim due deliveries (a lease, so a dead worker's claims come
// back), render them, send them (email through mail::Mailer, webhooks through fetch::WebhookClient)
// and record every attempt:
//   - sent -> Sent;
//   - permanent (SMTP 5xx, HTTP 4xx but 408/429, a delivery that can never be rendered) ->
//     Failed at once;
//   - transient -> Pending again after a backoff: 1 min doubling to a 1 h cap, with jitter
//     uniform in [d/2, d]; when the next try would fall after give_up_at (or a claim comes
//     after it), Failed with "outbox.gave_up".
// At-least-once: a crash after the server accepted a message and before record_attempt
// commits leaves the row Sending; when its lease expires it is sent again, with the same
// Message-ID (the only window where a recipient can get a message twice).
//
// Thread-safety: run_pass() may be called from one thread at a time per object; it starts and
// joins its own workers. Several processes may run passes on one store (claims never
// overlap).

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>

#include "core/clock.h"
#include "core/distribution.h"
#include "core/error.h"
#include "fetch/webhook_client.h"
#include "mail/mailer.h"
#include "service/outbox_renderer.h"
#include "storage/store.h"

namespace vigie::service {

struct DeliveryOptions {
  // Concurrent sends. One slow SMTP dialogue occupies one worker only. Default 4.
  std::size_t workers = 4;
  // Deliveries a worker claims at a time. 1 keeps a slow send from holding others back.
  std::size_t claim_batch = 1;
  // How long a claim lasts; must exceed the longest send (SMTP total timeout 60 s).
  std::chrono::seconds lease{300};
  // Backoff: first retry delay and cap (doubling in between).
  std::chrono::seconds first_retry{60};
  std::chrono::seconds max_retry{3600};
  // Upper bound on the deliveries of one pass, so a pass always ends.
  std::size_t max_per_pass = 100'000;
};

struct DeliveryReport {
  std::size_t claimed = 0;
  std::size_t sent = 0;
  std::size_t retrying = 0;  // transient, back to Pending
  std::size_t failed = 0;    // permanent or gave up
  std::size_t errors = 0;    // store errors (the delivery's lease will expire and it is redone)
};

// The delay before retry number `attempt` + 1 after `attempt` failed tries (attempt >= 1):
// d = min(first * 2^(attempt-1), cap), then d/2 + u * d/2 with u in [0, 1] (full jitter in
// [d/2, d]). Pure.
std::chrono::seconds retry_delay(int attempt, double u, std::chrono::seconds first,
                                 std::chrono::seconds cap);

class DeliveryService {
 public:
  // `random01` returns uniform numbers in [0, 1] (jitter); it is called under a lock. Empty:
  // a std::mt19937_64 seeded from std::random_device.
  DeliveryService(storage::DeliveryStore& outbox, OutboxRenderer& renderer, mail::Mailer& mailer,
                  fetch::WebhookClient& webhooks, const core::Clock& clock, DeliveryOptions options,
                  std::function<double()> random01 = {});

  // Claims and sends every due delivery (those that become due during the pass included)
  // with options.workers threads; returns when none is left. Blocks. Errors only when no
  // claim could be made at all (the store is unavailable).
  core::Result<DeliveryReport> run_pass();

  // The outbox as people see it (`vigie alerts`). Errors: "outbox.not_found" (NotFound).
  core::Result<std::vector<core::Delivery>> list(core::OrgId org,
                                                 const storage::DeliveryFilter& filter);
  core::Result<core::Delivery> get(core::DeliveryId id);
  core::Result<std::vector<core::DeliveryAttempt>> attempts_of(core::DeliveryId id);
  // Puts a Failed or Cancelled delivery back in the queue, due now, with a new give-up time.
  // Errors: "outbox.not_found", "outbox.not_retryable" (Conflict: pending, sending or sent).
  core::Status retry(core::DeliveryId id);

  // Sends one claimed delivery and records the attempt (exposed for tests).
  void deliver(const core::Delivery& delivery, DeliveryReport& report);

 private:
  double random01();

  storage::DeliveryStore& outbox_;
  OutboxRenderer& renderer_;
  mail::Mailer& mailer_;
  fetch::WebhookClient& webhooks_;
  const core::Clock& clock_;
  DeliveryOptions options_;
  std::mutex random_mutex_;
  std::function<double()> random_;  // guarded by random_mutex_
};

}  // namespace vigie::service
