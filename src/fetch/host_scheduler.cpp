// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/host_scheduler.h"

#include <algorithm>
#include <utility>

namespace vigie::fetch {

HostScheduler::HostScheduler(Limits limits) : limits_(limits) {
  limits_.max_concurrent = std::max<std::size_t>(1, limits_.max_concurrent);
  limits_.per_host_max_concurrent = std::max<std::size_t>(1, limits_.per_host_max_concurrent);
  limits_.per_host_min_delay = std::max(std::chrono::milliseconds{0}, limits_.per_host_min_delay);
}

void HostScheduler::enqueue(std::size_t id, const std::string& host) {
  hosts_[host].queue.push_back(id);
  ++queued_;
}

bool HostScheduler::can_start(const Host& host, TimePoint now) const {
  if (host.queue.empty() || host.active >= limits_.per_host_max_concurrent) {
    return false;
  }
  return !host.last_start || now >= *host.last_start + limits_.per_host_min_delay;
}

std::vector<std::size_t> HostScheduler::start_ready(TimePoint now) {
  std::vector<std::size_t> started;
  bool progress = true;
  // Each pass starts at most one request per host, beginning after the host served last, so
  // the global slots are shared out evenly.
  while (progress && running_ < limits_.max_concurrent && queued_ > 0) {
    progress = false;
    auto it = hosts_.upper_bound(cursor_);
    for (std::size_t visited = 0; visited < hosts_.size(); ++visited, ++it) {
      if (it == hosts_.end()) {
        it = hosts_.begin();
      }
      if (running_ >= limits_.max_concurrent) {
        break;
      }
      Host& host = it->second;
      if (!can_start(host, now)) {
        continue;
      }
      const std::size_t id = host.queue.front();
      host.queue.pop_front();
      ++host.active;
      host.last_start = now;
      --queued_;
      ++running_;
      running_hosts_[id] = it->first;
      cursor_ = it->first;
      started.push_back(id);
      progress = true;
    }
  }
  return started;
}

void HostScheduler::finish(std::size_t id) {
  const auto found = running_hosts_.find(id);
  if (found == running_hosts_.end()) {
    return;
  }
  const auto host = hosts_.find(found->second);
  if (host != hosts_.end() && host->second.active > 0) {
    --host->second.active;
  }
  running_hosts_.erase(found);
  --running_;
}

std::optional<HostScheduler::TimePoint> HostScheduler::next_start_at() const {
  if (running_ >= limits_.max_concurrent) {
    return std::nullopt;  // only a finish frees a slot
  }
  std::optional<TimePoint> earliest;
  for (const auto& [name, host] : hosts_) {
    if (host.queue.empty() || host.active >= limits_.per_host_max_concurrent) {
      continue;
    }
    const TimePoint at =
        host.last_start ? *host.last_start + limits_.per_host_min_delay : TimePoint::min();
    if (!earliest || at < *earliest) {
      earliest = at;
    }
  }
  return earliest;
}

void HostScheduler::clear_queued() {
  for (auto& [name, host] : hosts_) {
    host.queue.clear();
  }
  queued_ = 0;
}

void HostScheduler::forget_idle_hosts(TimePoint now) {
  std::erase_if(hosts_, [&](const auto& entry) {
    const Host& host = entry.second;
    return host.queue.empty() && host.active == 0
           && (!host.last_start || now >= *host.last_start + limits_.per_host_min_delay);
  });
}

}  // namespace vigie::fetch
