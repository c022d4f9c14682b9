// SPDX-License-Identifier: AGPL-3.0-or-later
// Ingestion end to end: parse, sanitise, extract text, detect language, fingerprint, store
// (SQLite, WAL) and index (Xapian), as `vigie ingest` does it: preparation on every core, one
// writer. The corpus is the demo feeds, each copy under its own source so every item is new.
//
//   vigie_bench_ingest DEMO_FEEDS_DIR [COPIES=30] [THREADS=hardware]
//
// Prints items/s for the whole pipeline and the time of each stage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"

namespace {

using Steady = std::chrono::steady_clock;

class BenchClock final : public vigie::core::Clock {
 public:
  vigie::core::Timestamp now() const override { return vigie::core::from_unix(1'790'000'000); }
  std::chrono::steady_clock::time_point steady_now() const override { return Steady::now(); }
};

double seconds_since(Steady::time_point t) {
  return std::chrono::duration<double>(Steady::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DEMO_FEEDS_DIR [COPIES] [THREADS]\n", argv[0]);
    return 2;
  }
  const int copies = argc > 2 ? std::atoi(argv[2]) : 30;
  const unsigned threads = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3]))
                                    : std::max(1U, std::thread::hardware_concurrency());
  std::vector<std::string> docs;
  std::size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
    bytes += docs.back().size();
  }
  const auto dir = std::filesystem::temp_directory_path()
                   / fmt::format("vigie-bench-ingest-{}", static_cast<long>(::getpid()));
  std::filesystem::create_directories(dir);
  auto store = vigie::storage::sqlite::SqliteStore::open({.path = (dir / "b.db").string()});
  auto index = vigie::storage::XapianIndex::open((dir / "b.index").string());
  if (!store || !index) {
    std::fprintf(stderr, "cannot open store or index\n");
    return 1;
  }
  BenchClock clock;
  auto org = (*store)->ensure_operator("Bench");
  vigie::service::IngestService ingest(**store, clock);
  vigie::service::IndexSync sync(**store, **index);

  // Sources first (not timed: they are created once in real life).
  std::vector<vigie::core::Source> sources;
  for (int c = 0; c < copies; ++c) {
    for (std::size_t d = 0; d < docs.size(); ++d) {
      vigie::core::Source s;
      s.org_id = org->id;
      s.kind = vigie::core::SourceKind::Import;
      s.url = fmt::format("local:copy{}-{}", c, d);
      s.title = s.url;
      sources.push_back(*(*store)->add_source(s));
    }
  }

  double prepare_s = 0;
  double store_s = 0;
  std::size_t items = 0;
  const auto t0 = Steady::now();
  for (std::size_t start = 0; start < sources.size(); start += threads * 4) {
    const std::size_t end = std::min(sources.size(), start + threads * 4);
    std::vector<vigie::core::Result<vigie::service::PreparedDocument>> prepared(end - start);
    const auto tp = Steady::now();
    std::vector<std::future<void>> running;
    for (unsigned t = 0; t < threads; ++t) {
      running.push_back(std::async(std::launch::async, [&, t] {
        for (std::size_t i = start + t; i < end; i += threads) {
          prepared[i - start] = ingest.prepare(sources[i], docs[i % docs.size()], {});
        }
      }));
    }
    for (auto& r : running) {
      r.get();
    }
    prepare_s += seconds_since(tp);
    const auto ts = Steady::now();
    for (auto& p : prepared) {
      if (p) {
        auto r = ingest.store(std::move(*p));
        if (r) {
          items += r->stats.inserted;
        }
      }
    }
    store_s += seconds_since(ts);
  }
  const auto ti = Steady::now();
  auto indexed = sync.catch_up();
  const double index_s = seconds_since(ti);
  const double total_s = seconds_since(t0);
  if (!indexed) {
    std::fprintf(stderr, "index: %s\n", indexed.error().message.c_str());
  }
  fmt::print("corpus: {} documents x {} copies = {:.1f} MB, {} items stored, {} threads\n",
             docs.size(), copies, static_cast<double>(bytes) * copies / 1e6, items, threads);
  fmt::print("prepare (parse, sanitise, text, language, hashes): {:.2f} s\n", prepare_s);
  fmt::print("store (SQLite, one transaction per document):       {:.2f} s\n", store_s);
  fmt::print("index (Xapian catch-up and commit):                 {:.2f} s\n", index_s);
  fmt::print("end to end: {:.2f} s, {:.0f} items/s (target 5000)\n", total_s,
             static_cast<double>(items) / total_s);
  std::filesystem::remove_all(dir);
  return 0;
}
