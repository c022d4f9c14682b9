// SPDX-License-Identifier: AGPL-3.0-or-later
// Parse benchmark driver: parses every file of a directory with ingest::parse_feed, repeating
// the whole set until a minimum time has passed, and prints throughput. run.sh runs it next to
// python3-feedparser on the same files.
//
// Usage: vigie_bench_parse DIR [--min-seconds S] [--threads N] [--known all|none]
//   --known all: every entry counts as already stored (ParseOptions::keep_entry refuses it),
//   the steady state of a refresh: no sanitising. Default none: every entry is new.
// Output (last line, for scripts): "vigie files=.. bytes=.. items=.. seconds=.. mb_per_s=..
// items_per_s=.."

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ingest/feed_parser.h"

namespace {

struct Doc {
  std::string name;
  std::string bytes;
};

std::vector<Doc> load(const std::filesystem::path& dir) {
  std::vector<Doc> docs;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    docs.push_back(Doc{entry.path().filename().string(), ss.str()});
  }
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
  return docs;
}

struct Totals {
  std::size_t bytes = 0;
  std::size_t items = 0;
  std::size_t failures = 0;
  std::size_t bozo = 0;
};

Totals parse_all(const std::vector<Doc>& docs, std::size_t first, std::size_t step,
                 bool all_known) {
  Totals t;
  vigie::ingest::ParseOptions options;
  std::size_t known = 0;
  if (all_known) {
    options.keep_entry = [&known](const vigie::core::FeedEntry&) {
      ++known;
      return false;
    };
  }
  for (std::size_t i = first; i < docs.size(); i += step) {
    options.base_url = "https://" + docs[i].name + ".example.org/feed";
    const auto r = vigie::ingest::parse_feed(docs[i].bytes, options);
    t.bytes += docs[i].bytes.size();
    if (!r) {
      ++t.failures;
      continue;
    }
    t.items += r->entries.size();
    t.bozo += r->bozo ? 1u : 0u;
  }
  t.items += known;
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [--min-seconds S] [--threads N]\n", argv[0]);
    return 2;
  }
  double min_seconds = 3.0;
  unsigned threads = 1;
  bool all_known = false;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--min-seconds") {
      min_seconds = std::atof(argv[i + 1]);
    } else if (flag == "--known") {
      all_known = std::string(argv[i + 1]) == "all";
    } else if (flag == "--threads") {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[i + 1])));
    }
  }
  const std::vector<Doc> docs = load(argv[1]);
  if (docs.empty()) {
    std::fprintf(stderr, "no files in %s\n", argv[1]);
    return 1;
  }
  // One untimed pass: warms caches, ICU converters, libxml2 initialisation.
  const Totals once = parse_all(docs, 0, 1, all_known);

  Totals sum;
  int passes = 0;
  const auto start = std::chrono::steady_clock::now();
  double seconds = 0;
  do {
    std::vector<Totals> per(threads);
    std::vector<std::jthread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] { per[t] = parse_all(docs, t, threads, all_known); });
    }
    pool.clear();  // joins
    for (const Totals& p : per) {
      sum.bytes += p.bytes;
      sum.items += p.items;
    }
    ++passes;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < min_seconds);

  std::printf(
      "vigie: %zu files, %.1f MB, %zu items per pass (%zu not feeds, %zu bozo); "
      "%d passes, %u thread(s)%s\n",
      docs.size(), static_cast<double>(once.bytes) / 1e6, once.items, once.failures, once.bozo,
      passes, threads, all_known ? ", all entries known (no sanitising)" : "");
  std::printf("vigie files=%zu bytes=%zu items=%zu seconds=%.4f mb_per_s=%.2f items_per_s=%.0f\n",
              docs.size() * static_cast<std::size_t>(passes), sum.bytes, sum.items, seconds,
              static_cast<double>(sum.bytes) / 1e6 / seconds,
              static_cast<double>(sum.items) / seconds);
  return 0;
}
