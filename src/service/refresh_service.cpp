// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/refresh_service.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>
#include <thread>

#include "core/try.h"
#include "service/bulk_ingest.h"

namespace vigie::service {
namespace {

fetch::FetchRequest request_for(const core::Source& s) {
  fetch::FetchRequest r;
  r.url = s.url;
  r.etag = s.health.etag;
  r.last_modified = s.health.last_modified;
  return r;
}

}  // namespace

double RefreshService::jitter() {
  return std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
}

core::SourceHealth RefreshService::after_success(const core::Source& s,
                                                 const fetch::FetchResponse& r,
                                                 const IngestReport* ingested) {
  const core::Timestamp now = clock_.now();
  core::SourceHealth h = s.health;
  h.last_attempt_at = now;
  h.last_success_at = now;
  h.last_error_reason.reset();
  h.last_error_message.reset();
  h.consecutive_failures = 0;
  h.etag = r.etag;
  h.last_modified = r.last_modified;

  fetch::PollInput in;
  in.now = now;
  in.max_age = r.max_age;
  in.jitter = jitter();
  if (ingested != nullptr) {
    in.item_times = ingested->item_times;
    if (ingested->ttl_minutes && *ingested->ttl_minutes > 0) {
      in.ttl = std::chrono::minutes(*ingested->ttl_minutes);
    }
    const fetch::PollDecision d = fetch::next_poll(in, options_.poll);
    h.next_check_at = d.next_check_at;
    h.interval_seconds = d.interval.count();
    return h;
  }
  // 304: the feed did not change, so its item rate is what we computed last time: keep the
  // interval (a publisher's max-age may only lengthen it).
  auto interval = std::chrono::seconds(std::max<std::int64_t>(h.interval_seconds, 60));
  if (r.max_age && *r.max_age > interval) {
    interval = std::min(*r.max_age, options_.poll.max_interval);
  }
  const auto shortened = std::chrono::seconds(static_cast<std::int64_t>(
      static_cast<double>(interval.count()) * (1.0 - options_.poll.jitter_fraction * in.jitter)));
  h.next_check_at = now + shortened;
  h.interval_seconds = interval.count();
  return h;
}

core::SourceHealth RefreshService::after_failure(const core::Source& s, const core::Error& e,
                                                 const fetch::FetchFailure& f) {
  const core::Timestamp now = clock_.now();
  core::SourceHealth h = s.health;
  h.last_attempt_at = now;
  h.last_error_reason = e.reason;
  h.last_error_message = e.message;
  h.consecutive_failures = s.health.consecutive_failures + 1;
  fetch::PollInput in;
  in.now = now;
  in.consecutive_failures = h.consecutive_failures;
  in.retry_after = f.retry_after;
  in.jitter = jitter();
  const fetch::PollDecision d = fetch::next_poll(in, options_.poll);
  h.next_check_at = d.next_check_at;
  return h;
}

core::Status RefreshService::refresh_batch(std::vector<core::Source>& sources,
                                           RefreshReport& report) {
  std::vector<fetch::FetchRequest> requests;
  requests.reserve(sources.size());
  for (const auto& s : sources) {
    requests.push_back(request_for(s));
  }
  std::vector<fetch::FetchResult> results = http_.fetch_all(requests);
  const std::size_t n = std::min(sources.size(), results.size());

  // Failures and 304s are recorded as they come; changed documents go to BulkIngest, whose
  // `stored` reports them in the same order, so `changed` pairs each with its response.
  core::Status recorded;  // the first error recording an outcome; stops the batch
  const auto record = [&](const core::Source& s, const core::SourceHealth& health) {
    if (recorded) {
      if (auto st = store_.record_fetch_outcome(s.id, health); !st) {
        recorded = st;
      }
    }
  };
  std::deque<std::size_t> changed;
  std::size_t next_index = 0;
  const auto next = [&]() -> std::optional<BulkDocument> {
    while (next_index < n && recorded) {
      const std::size_t i = next_index++;
      const core::Source& s = sources[i];
      fetch::FetchResult& res = results[i];
      ++report.sources;
      if (!res.response) {
        report.wire_bytes += res.failure.wire_bytes;
        report.failures.push_back({s, res.response.error()});
        ++report.failed;
        record(s, after_failure(s, res.response.error(), res.failure));
      } else if (res.response->outcome == fetch::FetchResponse::Outcome::NotModified) {
        report.wire_bytes += res.response->wire_bytes;
        ++report.not_modified;
        record(s, after_success(s, *res.response, nullptr));
      } else {
        fetch::FetchResponse& r = *res.response;
        report.wire_bytes += r.wire_bytes;
        changed.push_back(i);
        return BulkDocument{
            s, std::move(r.body), {r.content_type, r.final_url.empty() ? s.url : r.final_url}};
      }
    }
    return std::nullopt;
  };
  const auto stored = [&](const BulkDocument&, core::Result<IngestReport> ingested) {
    const std::size_t i = changed.front();
    changed.pop_front();
    const core::Source& s = sources[i];
    if (!ingested) {
      // A document that is not a feed is the source's failure, kept for people to read.
      report.failures.push_back({s, ingested.error()});
      ++report.failed;
      record(s, after_failure(s, ingested.error(), results[i].failure));
    } else {
      report.new_items += ingested->stats.inserted;
      ++report.changed;
      record(s, after_success(s, *results[i].response, &*ingested));
    }
  };
  const unsigned threads = options_.prepare_threads != 0
                               ? options_.prepare_threads
                               : std::max(2U, std::thread::hardware_concurrency());
  BulkIngest bulk(ingest_, index_, threads);
  VIGIE_TRY(bulk.run(next, stored));
  return recorded;
}

core::Result<RefreshReport> RefreshService::refresh(std::vector<core::Source> sources) {
  RefreshReport report;
  for (std::size_t start = 0; start < sources.size(); start += options_.batch_size) {
    const std::size_t end = std::min(sources.size(), start + options_.batch_size);
    std::vector<core::Source> batch(sources.begin() + static_cast<std::ptrdiff_t>(start),
                                    sources.begin() + static_cast<std::ptrdiff_t>(end));
    VIGIE_TRY(refresh_batch(batch, report));
    VIGIE_TRY(index_.catch_up());
    if (stories_ != nullptr) {
      VIGIE_TRY(stories_->assign_pending());
    }
  }
  return report;
}

core::Result<RefreshReport> RefreshService::run_due() {
  RefreshReport total;
  // Each batch pushes its sources' next check into the future, so the loop ends; a source is
  // fetched at most once per pass even if its next check is still due (a frozen clock).
  std::set<core::SourceId> seen;
  for (;;) {
    VIGIE_TRY_ASSIGN(auto candidates,
                     store_.due_sources(clock_.now(), options_.batch_size + seen.size()));
    std::vector<core::Source> due;
    for (auto& s : candidates) {
      if (seen.insert(s.id).second && due.size() < options_.batch_size) {
        due.push_back(std::move(s));
      }
    }
    if (due.empty()) {
      break;
    }
    VIGIE_TRY_ASSIGN(RefreshReport r, refresh(std::move(due)));
    total.sources += r.sources;
    total.changed += r.changed;
    total.not_modified += r.not_modified;
    total.failed += r.failed;
    total.new_items += r.new_items;
    total.wire_bytes += r.wire_bytes;
    for (auto& f : r.failures) {
      total.failures.push_back(std::move(f));
    }
  }
  return total;
}

}  // namespace vigie::service
