// SPDX-License-Identifier: AGPL-3.0-or-later
// Ingestion end to end: parse, sanitise, extract text, detect language, fingerprint, store
// (SQLite, WAL) and index (Xapian). The corpus is the demo feeds, each copy under its own
// source so every item is new. Three runs on fresh databases, in one process:
//   serial     prepare a chunk on THREADS threads, store it, ...; index everything at the end
//              (what `vigie ingest` did until session 7)
//   pipelined  THREADS threads prepare into a bounded queue, one thread stores from it, and
//              one thread indexes (IndexSync::catch_up in a loop) while the store grows
//   bulk       service::BulkIngest, what `vigie ingest` runs now: the pipelined shape, with
//              documents stored in input order and index passes every 1,000 items
//
//   vigie_bench_ingest DEMO_FEEDS_DIR [COPIES=30] [THREADS=hardware] [RUNS=both]
//
// RUNS is both (all three), serial, pipelined or bulk (one run alone, for a profiler:
// callgrind with --toggle-collect='vigie::service::IndexSync::catch_up*'
// --toggle-collect='*build_chunk*' counts the index's instructions).
//
// Prints items/s for each run, the wall time of each stage and the CPU time of each stage
// (on a shared machine, CPU time is the stable figure): prepare and store are the CPU time of
// their threads; index is the rest of the process's (the indexer thread and the index's own
// document-building thread).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "service/bulk_ingest.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"

namespace {

using Steady = std::chrono::steady_clock;
namespace svc = vigie::service;

class BenchClock final : public vigie::core::Clock {
 public:
  vigie::core::Timestamp now() const override { return vigie::core::from_unix(1'790'000'000); }
  std::chrono::steady_clock::time_point steady_now() const override { return Steady::now(); }
};

double seconds_since(Steady::time_point t) {
  return std::chrono::duration<double>(Steady::now() - t).count();
}

double cpu_s(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double thread_cpu_s() {
  return cpu_s(CLOCK_THREAD_CPUTIME_ID);
}

// The whole process: the index builds documents on a helper thread of its own.
double process_cpu_s() {
  return cpu_s(CLOCK_PROCESS_CPUTIME_ID);
}

// A fresh store and index with one source per (copy, document).
struct Setup {
  std::filesystem::path dir;
  std::unique_ptr<vigie::storage::sqlite::SqliteStore> store;
  std::unique_ptr<vigie::storage::XapianIndex> index;
  std::vector<vigie::core::Source> sources;

  Setup(const std::string& name, int copies, std::size_t docs) {
    dir = std::filesystem::temp_directory_path()
          / fmt::format("vigie-bench-ingest-{}-{}", static_cast<long>(::getpid()), name);
    std::filesystem::create_directories(dir);
    store =
        std::move(*vigie::storage::sqlite::SqliteStore::open({.path = (dir / "b.db").string()}));
    index = std::move(*vigie::storage::XapianIndex::open((dir / "b.index").string()));
    auto org = store->ensure_operator("Bench");
    // Not timed: sources are created once in real life.
    for (int c = 0; c < copies; ++c) {
      for (std::size_t d = 0; d < docs; ++d) {
        vigie::core::Source s;
        s.org_id = org->id;
        s.kind = vigie::core::SourceKind::Import;
        s.url = fmt::format("local:copy{}-{}", c, d);
        s.title = s.url;
        sources.push_back(*store->add_source(s));
      }
    }
  }
  ~Setup() {
    index.reset();
    store.reset();
    std::filesystem::remove_all(dir);
  }
  Setup(const Setup&) = delete;
  Setup& operator=(const Setup&) = delete;
};

struct Figures {
  std::size_t items = 0;
  double total_s = 0;
  double prepare_wall_s = 0, store_wall_s = 0, index_wall_s = 0;
  double prepare_cpu_s = 0, store_cpu_s = 0, index_cpu_s = 0;
};

Figures run_serial(Setup& b, const std::vector<std::string>& docs, unsigned threads) {
  BenchClock clock;
  svc::IngestService ingest(*b.store, clock);
  svc::IndexSync sync(*b.store, *b.index);
  Figures f;
  std::mutex cpu_mu;
  const auto t0 = Steady::now();
  for (std::size_t start = 0; start < b.sources.size(); start += threads * 4) {
    const std::size_t end = std::min(b.sources.size(), start + threads * 4);
    std::vector<vigie::core::Result<svc::PreparedDocument>> prepared(end - start);
    const auto tp = Steady::now();
    std::vector<std::future<void>> running;
    for (unsigned t = 0; t < threads; ++t) {
      running.push_back(std::async(std::launch::async, [&, t] {
        const double c0 = thread_cpu_s();
        for (std::size_t i = start + t; i < end; i += threads) {
          prepared[i - start] = ingest.prepare(b.sources[i], docs[i % docs.size()], {});
        }
        std::lock_guard lock(cpu_mu);
        f.prepare_cpu_s += thread_cpu_s() - c0;
      }));
    }
    for (auto& r : running) {
      r.get();
    }
    f.prepare_wall_s += seconds_since(tp);
    const auto ts = Steady::now();
    const double c0 = thread_cpu_s();
    for (auto& p : prepared) {
      if (p) {
        if (auto r = ingest.store(std::move(*p))) {
          f.items += r->stats.inserted;
        }
      }
    }
    f.store_cpu_s += thread_cpu_s() - c0;
    f.store_wall_s += seconds_since(ts);
  }
  const auto ti = Steady::now();
  const double c0 = process_cpu_s();
  if (auto indexed = sync.catch_up(); !indexed) {
    std::fprintf(stderr, "index: %s\n", indexed.error().message.c_str());
  }
  f.index_cpu_s = process_cpu_s() - c0;
  f.index_wall_s = seconds_since(ti);
  f.total_s = seconds_since(t0);
  return f;
}

// A bounded queue of prepared documents, closed by the last producer.
class Queue {
 public:
  explicit Queue(std::size_t capacity, unsigned producers)
      : capacity_(capacity), producers_(producers) {}
  void push(svc::PreparedDocument d) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(d));
    not_empty_.notify_one();
  }
  void producer_done() {
    std::lock_guard lock(mu_);
    --producers_;
    not_empty_.notify_all();
  }
  std::optional<svc::PreparedDocument> pop() {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) {
      return std::nullopt;
    }
    auto d = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return d;
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<svc::PreparedDocument> items_;
  std::size_t capacity_;
  unsigned producers_;
};

Figures run_pipelined(Setup& b, const std::vector<std::string>& docs, unsigned threads) {
  BenchClock clock;
  svc::IngestService ingest(*b.store, clock);
  svc::IndexSync sync(*b.store, *b.index);
  Figures f;
  std::mutex cpu_mu;
  Queue queue(16, threads);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stored_all{false};
  const auto t0 = Steady::now();
  const double process_c0 = process_cpu_s();
  std::vector<std::jthread> preparers;
  for (unsigned t = 0; t < threads; ++t) {
    preparers.emplace_back([&] {
      const double c0 = thread_cpu_s();
      for (std::size_t i = next++; i < b.sources.size(); i = next++) {
        if (auto p = ingest.prepare(b.sources[i], docs[i % docs.size()], {})) {
          queue.push(std::move(*p));
        }
      }
      {
        std::lock_guard lock(cpu_mu);
        f.prepare_cpu_s += thread_cpu_s() - c0;
      }
      queue.producer_done();
    });
  }
  std::jthread indexer([&] {
    for (;;) {
      const bool last = stored_all.load();  // read before: the final pass sees everything
      auto n = sync.catch_up();
      if (!n) {
        std::fprintf(stderr, "index: %s\n", n.error().message.c_str());
        break;
      }
      if (last) {
        break;
      }
      if (*n == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
    f.index_wall_s = seconds_since(t0);
  });
  {
    const double c0 = thread_cpu_s();
    while (auto d = queue.pop()) {
      if (auto r = ingest.store(std::move(*d))) {
        f.items += r->stats.inserted;
      }
    }
    f.store_cpu_s = thread_cpu_s() - c0;
    f.store_wall_s = seconds_since(t0);
  }
  preparers.clear();
  f.prepare_wall_s = seconds_since(t0);
  stored_all = true;
  indexer.join();
  f.total_s = seconds_since(t0);
  // The indexer thread and the index's own helper thread: all but preparing and storing.
  f.index_cpu_s = process_cpu_s() - process_c0 - f.prepare_cpu_s - f.store_cpu_s;
  return f;
}

// What `vigie ingest` runs: service::BulkIngest (prepared THREADS at a time a window ahead,
// stored in input order, indexed on its own thread while storing). Only the whole process's
// CPU time is known; it is reported as the index's.
Figures run_bulk(Setup& b, const std::vector<std::string>& docs, unsigned threads) {
  BenchClock clock;
  svc::IngestService ingest(*b.store, clock);
  svc::IndexSync sync(*b.store, *b.index);
  svc::BulkIngest bulk(ingest, sync, threads);
  Figures f;
  std::size_t next = 0;
  const auto t0 = Steady::now();
  const double c0 = process_cpu_s();
  auto status = bulk.run(
      [&]() -> std::optional<svc::BulkDocument> {
        if (next == b.sources.size()) {
          return std::nullopt;
        }
        const std::size_t i = next++;
        return svc::BulkDocument{b.sources[i], docs[i % docs.size()], {}};
      },
      [&](const svc::BulkDocument&, vigie::core::Result<svc::IngestReport> r) {
        if (r) {
          f.items += r->stats.inserted;
        }
      });
  if (!status) {
    std::fprintf(stderr, "index: %s\n", status.error().message.c_str());
  }
  f.total_s = seconds_since(t0);
  f.index_wall_s = f.total_s;
  f.index_cpu_s = process_cpu_s() - c0;
  return f;
}

void print(const char* name, const Figures& f) {
  fmt::print(
      "{:<9} {:>6} items {:>7.2f} s {:>7.0f} items/s | wall: prepare {:.2f} s, store {:.2f} s, "
      "index {:.2f} s | CPU: prepare {:.2f} s, store {:.2f} s, index {:.2f} s\n",
      name, f.items, f.total_s, static_cast<double>(f.items) / f.total_s, f.prepare_wall_s,
      f.store_wall_s, f.index_wall_s, f.prepare_cpu_s, f.store_cpu_s, f.index_cpu_s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: %s DEMO_FEEDS_DIR [COPIES] [THREADS] [both|serial|pipelined|bulk]\n",
                 argv[0]);
    return 2;
  }
  const int copies = argc > 2 ? std::atoi(argv[2]) : 30;
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3]))
                                    : std::max(1U, std::thread::hardware_concurrency());
  const std::string runs = argc > 4 ? argv[4] : "both";
  const bool run_serial_too = runs == "both" || runs == "serial";
  const bool run_pipelined_too = runs == "both" || runs == "pipelined";
  const bool run_bulk_too = runs == "both" || runs == "bulk";
  std::vector<std::string> docs;
  std::size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
    bytes += docs.back().size();
  }
  fmt::print("corpus: {} documents x {} copies = {:.1f} MB, {} preparing threads\n", docs.size(),
             copies, static_cast<double>(bytes) * copies / 1e6, threads);
  Figures serial;
  Figures pipelined;
  if (run_serial_too) {
    Setup b("serial", copies, docs.size());
    serial = run_serial(b, docs, threads);
    print("serial", serial);
  }
  if (run_pipelined_too) {
    Setup b("pipelined", copies, docs.size());
    pipelined = run_pipelined(b, docs, threads);
    print("pipelined", pipelined);
  }
  Figures bulk;
  if (run_bulk_too) {
    Setup b("bulk", copies, docs.size());
    bulk = run_bulk(b, docs, threads);
    fmt::print("{:<9} {:>6} items {:>7.2f} s {:>7.0f} items/s | CPU of the process {:.2f} s\n",
               "bulk", bulk.items, bulk.total_s, static_cast<double>(bulk.items) / bulk.total_s,
               bulk.index_cpu_s);
  }
  if (run_serial_too && run_pipelined_too && run_bulk_too) {
    fmt::print(
        "throughput against serial: pipelined {:.2f}, bulk (vigie ingest) {:.2f} (target 5000 "
        "items/s)\n",
        serial.total_s / pipelined.total_s, serial.total_s / bulk.total_s);
  }
  return 0;
}
