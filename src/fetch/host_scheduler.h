// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// HostScheduler: which queued requests may start now, under a global concurrency limit, a
// per-host concurrency limit and a minimum gap between two starts to one host. Pure
// bookkeeping over time values the caller passes in, so politeness is testable without a
// network or a real clock; the curl client drives it from its event loop.
//
// Hosts are served round-robin, so one host with a thousand URLs does not starve the others
// when the global limit binds. The last start per host is remembered across batches (the gap
// applies between two fetch_all calls too) until forget_idle_hosts() drops it.
//
// Not thread-safe: one owner (the client, under its batch mutex).

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vigie::fetch {

class HostScheduler {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  struct Limits {
    std::size_t max_concurrent = 16;
    std::size_t per_host_max_concurrent = 2;
    std::chrono::milliseconds per_host_min_delay{1000};
  };

  // Requires: both concurrency limits >= 1 (0 is read as 1).
  explicit HostScheduler(Limits limits);

  // Queues request `id` (unique among queued and running ids) for `host`.
  void enqueue(std::size_t id, const std::string& host);

  // Marks as running and returns the queued ids that may start at `now`: per host in queue
  // order, hosts in round-robin order. With a positive gap at most one start per host.
  std::vector<std::size_t> start_ready(TimePoint now);

  // A running request finished (either way). Unknown ids are ignored.
  void finish(std::size_t id);

  std::size_t running() const { return running_; }
  bool has_queued() const { return queued_ > 0; }

  // The earliest instant at which a queued request becomes startable by the gap rule, among
  // hosts that have a free slot; nullopt when none (nothing queued, the global limit reached,
  // or every host with a queue at its own limit: a finish, not time, frees a slot then).
  std::optional<TimePoint> next_start_at() const;

  // Drops every queued (not running) request: a batch that ends early leaves nothing behind.
  void clear_queued();

  // Forgets hosts with nothing queued or running whose gap has elapsed at `now`.
  void forget_idle_hosts(TimePoint now);

  std::size_t known_hosts() const { return hosts_.size(); }

 private:
  struct Host {
    std::deque<std::size_t> queue;
    std::size_t active = 0;
    std::optional<TimePoint> last_start;
  };

  bool can_start(const Host& host, TimePoint now) const;

  Limits limits_;
  std::map<std::string, Host> hosts_;
  std::unordered_map<std::size_t, std::string> running_hosts_;
  std::string cursor_;  // the host that started last; the next round begins after it
  std::size_t running_ = 0;
  std::size_t queued_ = 0;
};

}  // namespace vigie::fetch
