// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// What every subcommand gets: messages in the user's language, output streams, and the
// services, opened on first use (so `vigie parse` and `--help` never touch a database).
// cli/ is a thin adapter (STYLE.md H2): decode arguments, call a service, print. main/ builds
// the concrete services behind ServiceProvider.

#include <functional>
#include <iosfwd>
#include <string>

#include "core/clock.h"
#include "core/error.h"
#include "core/i18n.h"
#include "core/model.h"

namespace vigie::service {
class SourceService;
class IngestService;
class SearchService;
class IndexSync;
class RefreshService;
class StoryService;
class TopicService;
class PeopleService;
class TriageService;
class SubscriptionService;
class DeliveryService;
class DigestScheduler;
class FeedService;
struct RefreshReport;
}  // namespace vigie::service

namespace vigie::worker {
struct DeliveryPassReport;
}  // namespace vigie::worker

namespace vigie::cli {

struct ServiceSet {
  service::SourceService& sources;
  service::IngestService& ingest;
  service::SearchService& search;
  service::IndexSync& index;
  service::RefreshService& refresh;
  service::TopicService& topics;
  service::PeopleService& people;
  const core::Clock& clock;
  core::OrgId operator_org;
  service::StoryService& stories;
  service::TriageService& triage;
  service::SubscriptionService& subscriptions;
  service::DeliveryService& deliveries;
  service::DigestScheduler& digests;
  service::FeedService& feeds;
};

class ServiceProvider {
 public:
  virtual ~ServiceProvider() = default;
  // Opens the database (creating and migrating it when missing), the search index and the
  // services, once; later calls return the same set.
  virtual core::Result<ServiceSet*> open() = 0;
  // Where the database lives, for messages.
  virtual std::string database_path() const = 0;
  // Runs the collection scheduler and the delivery loop until SIGTERM or SIGINT (`vigie
  // worker`); `on_pass` is told the outcome of each collection pass, `on_delivery` of each
  // delivery pass. Returns the number of collection passes.
  using PassCallback = std::function<void(const core::Result<service::RefreshReport>&)>;
  using DeliveryCallback = std::function<void(const core::Result<worker::DeliveryPassReport>&)>;
  virtual core::Result<std::size_t> run_worker(PassCallback on_pass,
                                               DeliveryCallback on_delivery) = 0;
  // Runs the web server on `listen` ("host:port"; empty: the configured address) and, beside
  // it, the collection scheduler and the delivery loop, until SIGTERM or SIGINT (`vigie
  // serve`). `on_listening` is told the server's URL once it accepts connections (with the
  // port chosen when it was 0). Returns the number of collection passes. Errors:
  // "web.bad_listen", "web.bind_failed".
  using ListeningCallback = std::function<void(const std::string& url)>;
  virtual core::Result<std::size_t> run_server(const std::string& listen,
                                               ListeningCallback on_listening, PassCallback on_pass,
                                               DeliveryCallback on_delivery) = 0;
};

struct CliContext {
  const core::Messages& messages;
  std::ostream& out;
  std::ostream& err;
  ServiceProvider& provider;
  int exit_code = 0;
  bool terminal = false;  // out is a terminal: colours and bold are welcome

  std::string tr(std::string_view key) const { return messages.get(key); }
  // The translated name of a stored value ("cli.value.priority.high" -> "haute"), or the value
  // itself when the catalogs do not name it (a signal kind a later module adds, say).
  std::string value_label(std::string_view family, std::string_view value) const {
    const std::string key = "cli.value." + std::string(family) + "." + std::string(value);
    std::string label = messages.get(key);
    return label == key ? std::string(value) : label;
  }
  // Prints "vigie: <translated reason> (<technical message>)" on err and sets exit_code 1.
  void fail(const core::Error& error);
  // Writes an export to `file`, or to `out` when `file` is empty or "-"; fails with
  // "cli.cannot_write" when the file cannot be written.
  void write_output(const std::string& file, std::string_view text);
};

}  // namespace vigie::cli
