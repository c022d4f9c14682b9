// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Builds the concrete objects from the configuration, on first use, and owns them: the
// SQLite store, the Xapian index, the curl HTTP client, the SMTP mailer, the secret key, the
// system clock, the services, and for `vigie serve` the web server.
// Implements cli::ServiceProvider. Not thread-safe: used from main's thread.

#include <memory>
#include <optional>

#include "cli/context.h"
#include "main/config.h"
#include "main/system_clock.h"

namespace vigie::main {

class Wiring final : public cli::ServiceProvider {
 public:
  explicit Wiring(Config config);
  ~Wiring() override;
  Wiring(const Wiring&) = delete;
  Wiring& operator=(const Wiring&) = delete;

  core::Result<cli::ServiceSet*> open() override;
  std::string database_path() const override { return config_.storage.db_path; }
  core::Result<std::size_t> run_worker(PassCallback on_pass, DeliveryCallback on_delivery) override;
  core::Result<std::size_t> run_server(const std::string& listen, ListeningCallback on_listening,
                                       PassCallback on_pass, DeliveryCallback on_delivery) override;

 private:
  struct Parts;
  core::Status open_distribution(Parts& p, core::OrgId op);
  Config config_;
  SystemClock clock_;
  std::unique_ptr<Parts> parts_;
  std::optional<cli::ServiceSet> set_;
};

// Blocks SIGTERM and SIGINT in the calling thread and every thread it starts afterwards, so
// that they are received only where run_worker waits for them.
void block_stop_signals();

}  // namespace vigie::main
