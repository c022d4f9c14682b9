// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/bulk_ingest.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

namespace vigie::service {

core::Status BulkIngest::run(const Next& next, const Stored& stored) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::size_t stored_items = 0;  // inserted or changed, so far; guarded by mutex
  bool done = false;             // guarded by mutex
  core::Status index_status;     // guarded by mutex

  // Index passes while documents are stored; the last one runs below, once all are stored.
  std::jthread indexer([&](const std::stop_token& stop) {
    std::size_t indexed_to = 0;
    for (;;) {
      {
        std::unique_lock lock(mutex);
        const bool ready =
            wake.wait(lock, stop, [&] { return done || stored_items - indexed_to >= kIndexBatch; });
        if (!ready || done) {
          return;
        }
        indexed_to = stored_items;
      }
      core::Status status;
      try {
        if (auto n = index_.catch_up(); !n) {
          status = tl::unexpected(n.error());
        }
      } catch (const std::exception& e) {
        // A thread entry point never lets an exception escape (STYLE.md H4).
        status = core::make_error(core::ErrorCode::Internal, "index.internal",
                                  std::string("index: ") + e.what());
      }
      if (!status) {
        const std::lock_guard lock(mutex);
        index_status = std::move(status);
        return;
      }
    }
  });

  // Documents on their way, oldest first: `threads_` workers prepare them in input order, up
  // to 4 per worker ahead of the writer (this thread), which stores the oldest once it is
  // prepared. The window is wider than the number of workers so that a long document does
  // not leave them idle.
  struct InFlight {
    BulkDocument document;
    std::promise<core::Result<PreparedDocument>> promise;
    std::future<core::Result<PreparedDocument>> prepared = promise.get_future();
  };
  const std::size_t ahead = 4 * std::size_t{threads_};
  std::mutex jobs_mutex;
  std::condition_variable_any jobs_ready;
  std::deque<InFlight*> jobs;  // guarded by jobs_mutex: not yet taken by a worker
  // Declared before the workers, so that they stop (they hold pointers into it) before it goes.
  std::deque<std::unique_ptr<InFlight>> window;
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < threads_; ++t) {
    workers.emplace_back([&](const std::stop_token& stop) {
      for (;;) {
        InFlight* job = nullptr;
        {
          std::unique_lock lock(jobs_mutex);
          if (!jobs_ready.wait(lock, stop, [&] { return !jobs.empty(); })) {
            return;
          }
          job = jobs.front();
          jobs.pop_front();
        }
        core::Result<PreparedDocument> prepared =
            core::make_error(core::ErrorCode::Internal, "ingest.internal", "ingest: not prepared");
        try {
          prepared =
              ingest_.prepare(job->document.source, job->document.bytes, job->document.context);
        } catch (const std::exception& e) {
          // A thread entry point never lets an exception escape (STYLE.md H4).
          prepared = core::make_error(core::ErrorCode::Internal, "ingest.internal",
                                      std::string("ingest: ") + e.what());
        }
        job->promise.set_value(std::move(prepared));
      }
    });
  }
  const auto store_oldest = [&] {
    const std::unique_ptr<InFlight> oldest = std::move(window.front());
    window.pop_front();
    core::Result<PreparedDocument> prepared = oldest->prepared.get();
    core::Result<IngestReport> report =
        prepared ? ingest_.store(std::move(*prepared)) : tl::unexpected(prepared.error());
    if (report) {
      {
        const std::lock_guard lock(mutex);
        stored_items += report->stats.inserted + report->stats.updated;
      }
      wake.notify_one();
    }
    stored(oldest->document, std::move(report));
  };
  while (auto document = next()) {
    auto job = std::make_unique<InFlight>();
    job->document = std::move(*document);
    {
      const std::lock_guard lock(jobs_mutex);
      jobs.push_back(job.get());
    }
    jobs_ready.notify_one();
    window.push_back(std::move(job));
    if (window.size() > ahead) {
      store_oldest();
    }
  }
  while (!window.empty()) {
    store_oldest();
  }
  workers.clear();  // stops and joins them: every job was taken and its result consumed

  {
    const std::lock_guard lock(mutex);
    done = true;
  }
  wake.notify_one();
  indexer.join();
  if (!index_status) {
    return index_status;
  }
  if (auto n = index_.catch_up(); !n) {
    return tl::unexpected(n.error());
  }
  return {};
}

}  // namespace vigie::service
