// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// One collection pass: the sources that are due are fetched together (politely, by the
// HttpClient), the changed documents are ingested as `vigie ingest` does (BulkIngest: prepared
// on every core, stored in order, indexed while they are stored), each source's health is
// recorded with its next check time (adaptive from item frequency, publisher hints, backoff
// with jitter and Retry-After), and the search index catches up. Nothing stops polling
// silently: a failing source keeps its error for people to read and is retried at the backoff
// interval, forever.
//
// Thread-safety: one pass at a time per instance.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "fetch/http_client.h"
#include "fetch/poll_policy.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "service/story_service.h"
#include "storage/store.h"

namespace vigie::service {

struct RefreshOptions {
  // Sources fetched together in one batch.
  std::size_t batch_size = 200;
  // Documents of a batch prepared at once (BulkIngest); 0: one per core, at least two.
  unsigned prepare_threads = 0;
  fetch::PollPolicyOptions poll;
};

struct SourceFailure {
  core::Source source;
  core::Error error;
};

struct RefreshReport {
  std::size_t sources = 0;
  std::size_t changed = 0;
  std::size_t not_modified = 0;
  std::size_t failed = 0;
  std::size_t new_items = 0;
  std::uint64_t wire_bytes = 0;
  std::vector<SourceFailure> failures;
};

class RefreshService {
 public:
  // `jitter_seed` seeds the jitter of next-check times (main/ passes a random seed; tests a
  // fixed one). `stories`, when given, groups new items into stories after each batch.
  RefreshService(storage::Store& store, fetch::HttpClient& http, IngestService& ingest,
                 IndexSync& index, const core::Clock& clock, RefreshOptions options,
                 std::uint64_t jitter_seed, StoryService* stories = nullptr)
      : store_(store),
        http_(http),
        ingest_(ingest),
        index_(index),
        clock_(clock),
        options_(options),
        rng_(jitter_seed),
        stories_(stories) {}

  // Fetches every source due now, batch after batch, until none is due.
  core::Result<RefreshReport> run_due();
  // Fetches these sources now, whatever their schedule.
  core::Result<RefreshReport> refresh(std::vector<core::Source> sources);

 private:
  core::Status refresh_batch(std::vector<core::Source>& sources, RefreshReport& report);
  core::SourceHealth after_success(const core::Source& s, const fetch::FetchResponse& r,
                                   const IngestReport* ingested);
  core::SourceHealth after_failure(const core::Source& s, const core::Error& e,
                                   const fetch::FetchFailure& f);
  double jitter();

  storage::Store& store_;
  fetch::HttpClient& http_;
  IngestService& ingest_;
  IndexSync& index_;
  const core::Clock& clock_;
  RefreshOptions options_;
  std::mt19937_64 rng_;
  StoryService* stories_;
};

}  // namespace vigie::service
