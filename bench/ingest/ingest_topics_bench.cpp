// SPDX-License-Identifier: AGPL-3.0-or-later
// Ingestion with watch topics: the same pipeline as vigie_bench_ingest (prepare on every core,
// one writer storing each document in one transaction), run twice in this process on fresh
// databases: without topics, then with N topics of realistic shape, which every new item is
// percolated against and whose matches and signals are written in the item's transaction.
//
//   vigie_bench_ingest_topics DEMO_FEEDS_DIR [COPIES=30] [TOPICS=1000] [THREADS=hardware]
//
// Each run stores every document, then indexes what it stored (IndexSync::catch_up, as
// `vigie ingest` does), so two ratios come out: storing alone, where percolating and writing
// matches weigh most, and ingestion end to end (issue #2's definition: indexing included).
// Prints items/s of both runs and their ratios (target: within 20%), in wall time and in CPU
// time of the whole process (on a shared machine, CPU time is the stable figure). Then both
// again through service::BulkIngest, what `vigie ingest` runs (prepared on THREADS threads,
// stored in order, indexed while storing): end to end only, the stages overlapping.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include "service/bulk_ingest.h"
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

// Words of the demo corpus's domain (French and English economic news), and a tail of
// rarer ones, for topics that sometimes match.
const std::vector<std::string> kWords = {"coton",         "cajou",
                                         "anacarde",      "cacao",
                                         "café",          "karité",
                                         "sésame",        "riz",
                                         "maïs",          "mangue",
                                         "export",        "exportations",
                                         "prix",          "marché",
                                         "récolte",       "campagne",
                                         "producteurs",   "filière",
                                         "douane",        "port",
                                         "Abidjan",       "Dakar",
                                         "Ouagadougou",   "Bamako",
                                         "Cotonou",       "Lomé",
                                         "UEMOA",         "CEDEAO",
                                         "BCEAO",         "PME",
                                         "appel",         "offres",
                                         "tender",        "cotton",
                                         "cashew",        "cocoa",
                                         "prices",        "market",
                                         "harvest",       "exports",
                                         "Ghana",         "Nigeria",
                                         "Sénégal",       "Burkina",
                                         "Mali",          "Niger",
                                         "Bénin",         "Togo",
                                         "Cameroun",      "Ivoire",
                                         "banque",        "crédit",
                                         "financement",   "investissement",
                                         "énergie",       "solaire",
                                         "mines",         "or",
                                         "pétrole",       "gaz",
                                         "sécheresse",    "pluies",
                                         "engrais",       "semences",
                                         "coopérative",   "égrenage",
                                         "usine",         "transformation",
                                         "certification", "bio",
                                         "norme",         "décret",
                                         "ZLECAf",        "Afreximbank",
                                         "caoutchouc",    "hévéa",
                                         "oignon",        "bétail",
                                         "pêche",         "lait",
                                         "numérique",     "brevet",
                                         "startup",       "salon",
                                         "foire",         "forum",
                                         "formation",     "Chine",
                                         "Inde",          "Vietnam",
                                         "Europe",        "importateurs",
                                         "fret",          "conteneurs",
                                         "logistique",    "inflation"};

std::vector<std::string> make_topics(std::size_t n) {
  std::mt19937 rng(42);
  const auto pick = [&]() -> const std::string& {
    return kWords[std::uniform_int_distribution<std::size_t>(0, kWords.size() - 1)(rng)];
  };
  const auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string q;
    const int clauses = 1 + static_cast<int>(rng() % 4);
    for (int c = 0; c < clauses; ++c) {
      q += c ? " " : "";
      if (chance(0.3)) {
        q += "(" + pick() + " OR " + pick() + " OR " + pick() + ")";
      } else if (chance(0.15)) {
        q += "\"" + pick() + " " + pick() + "\"";
      } else if (chance(0.1)) {
        q += "title:" + pick();
      } else {
        q += pick();
      }
    }
    if (chance(0.25)) {
      q += " -" + pick();
    }
    out.push_back(q);
  }
  return out;
}

struct Run {
  std::size_t items = 0;
  std::size_t matches = 0;
  double store_s = 0, store_cpu_s = 0;         // prepare, percolate and store
  double prepare_cpu_s = 0, writer_cpu_s = 0;  // of which the preparing threads, the writer
  double index_s = 0, index_cpu_s = 0;         // then index
};

double thread_cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// CPU time of the whole process: every thread, user and system.
double process_cpu_s() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto sec = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return sec(u.ru_utime) + sec(u.ru_stime);
}

// A fresh store holding the topics and one source per (copy, document).
struct Fixture {
  std::unique_ptr<vigie::storage::sqlite::SqliteStore> store;
  std::vector<vigie::core::Source> sources;
};

Fixture make_fixture(std::size_t docs, int copies, const std::vector<std::string>& topic_queries,
                     const std::filesystem::path& dir) {
  auto store = vigie::storage::sqlite::SqliteStore::open({.path = (dir / "b.db").string()});
  if (!store) {
    throw std::runtime_error("cannot open the store");
  }
  Fixture f{std::move(*store), {}};
  auto org = f.store->ensure_operator("Bench");
  for (std::size_t i = 0; i < topic_queries.size(); ++i) {
    vigie::core::Topic t;
    t.org_id = org->id;
    t.name = fmt::format("topic {}", i);
    t.query = topic_queries[i];
    t.priority = i % 10 == 0 ? vigie::core::Priority::High : vigie::core::Priority::Normal;
    if (!f.store->add_topic(t)) {
      throw std::runtime_error("cannot add a topic");
    }
  }
  for (int c = 0; c < copies; ++c) {
    for (std::size_t d = 0; d < docs; ++d) {
      vigie::core::Source s;
      s.org_id = org->id;
      s.kind = vigie::core::SourceKind::Import;
      s.url = fmt::format("local:copy{}-{}", c, d);
      s.title = s.url;
      f.sources.push_back(*f.store->add_source(s));
    }
  }
  return f;
}

Run ingest_all(const std::vector<std::string>& docs, int copies, unsigned threads,
               const std::vector<std::string>& topic_queries, const std::filesystem::path& dir) {
  Fixture fixture = make_fixture(docs.size(), copies, topic_queries, dir);
  auto& store = fixture.store;
  const auto& sources = fixture.sources;
  BenchClock clock;
  vigie::service::IngestService ingest(*store, clock);
  Run run;
  std::mutex cpu_mu;
  const auto t0 = Steady::now();
  const double c0 = process_cpu_s();
  for (std::size_t start = 0; start < sources.size(); start += threads * 4) {
    const std::size_t end = std::min(sources.size(), start + threads * 4);
    std::vector<vigie::core::Result<vigie::service::PreparedDocument>> prepared(end - start);
    std::vector<std::future<void>> running;
    for (unsigned t = 0; t < threads; ++t) {
      running.push_back(std::async(std::launch::async, [&, t] {
        const double c = thread_cpu_s();
        for (std::size_t i = start + t; i < end; i += threads) {
          prepared[i - start] = ingest.prepare(sources[i], docs[i % docs.size()], {});
        }
        const std::lock_guard lock(cpu_mu);
        run.prepare_cpu_s += thread_cpu_s() - c;
      }));
    }
    for (auto& r : running) {
      r.get();
    }
    const double cw = thread_cpu_s();
    for (auto& p : prepared) {
      if (p) {
        auto r = ingest.store(std::move(*p));
        if (r) {
          run.items += r->stats.inserted;
          run.matches += r->topic_matches;
        }
      }
    }
    run.writer_cpu_s += thread_cpu_s() - cw;
  }
  {
    // A read by topic (what the triage inbox does) moves the matches the writer left pending
    // into the by-topic table (migration 0007): part of the cost of storing them.
    const double cw = thread_cpu_s();
    if (!store->count_matches_of_topic(1)) {
      throw std::runtime_error("cannot read matches");
    }
    run.writer_cpu_s += thread_cpu_s() - cw;
  }
  run.store_s = std::chrono::duration<double>(Steady::now() - t0).count();
  run.store_cpu_s = process_cpu_s() - c0;
  const auto t1 = Steady::now();
  const double c1 = process_cpu_s();
  auto index = vigie::storage::XapianIndex::open((dir / "b.index").string());
  if (!index) {
    throw std::runtime_error("cannot open the index");
  }
  vigie::service::IndexSync sync(*store, **index);
  if (!sync.catch_up()) {
    throw std::runtime_error("cannot index");
  }
  run.index_s = std::chrono::duration<double>(Steady::now() - t1).count();
  run.index_cpu_s = process_cpu_s() - c1;
  return run;
}

// The same documents and topics through BulkIngest: wall and CPU time of the whole run.
struct BulkRun {
  std::size_t items = 0;
  std::size_t matches = 0;
  double wall_s = 0, cpu_s = 0;
};

BulkRun ingest_bulk(const std::vector<std::string>& docs, int copies, unsigned threads,
                    const std::vector<std::string>& topic_queries,
                    const std::filesystem::path& dir) {
  Fixture fixture = make_fixture(docs.size(), copies, topic_queries, dir);
  auto& store = fixture.store;
  const auto& sources = fixture.sources;
  auto index = vigie::storage::XapianIndex::open((dir / "b.index").string());
  if (!index) {
    throw std::runtime_error("cannot open the index");
  }
  BenchClock clock;
  vigie::service::IngestService ingest(*store, clock);
  vigie::service::IndexSync sync(*store, **index);
  BulkRun run;
  const auto t0 = Steady::now();
  const double c0 = process_cpu_s();
  std::size_t next = 0;
  vigie::service::BulkIngest bulk(ingest, sync, threads);
  const auto status = bulk.run(
      [&]() -> std::optional<vigie::service::BulkDocument> {
        if (next == sources.size()) {
          return std::nullopt;
        }
        const std::size_t i = next++;
        return vigie::service::BulkDocument{sources[i], docs[i % docs.size()], {}};
      },
      [&](const vigie::service::BulkDocument&,
          vigie::core::Result<vigie::service::IngestReport> r) {
        if (r) {
          run.items += r->stats.inserted;
          run.matches += r->topic_matches;
        }
      });
  if (!status || !store->count_matches_of_topic(1)) {
    throw std::runtime_error("cannot ingest");
  }
  run.wall_s = std::chrono::duration<double>(Steady::now() - t0).count();
  run.cpu_s = process_cpu_s() - c0;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DEMO_FEEDS_DIR [COPIES] [TOPICS] [THREADS]\n", argv[0]);
    return 2;
  }
  const int copies = argc > 2 ? std::atoi(argv[2]) : 30;
  const auto topics = static_cast<std::size_t>(argc > 3 ? std::atoi(argv[3]) : 1000);
  const unsigned threads = argc > 4 ? static_cast<unsigned>(std::atoi(argv[4]))
                                    : std::max(1U, std::thread::hardware_concurrency());
  std::vector<std::string> docs;
  for (const auto& e : std::filesystem::directory_iterator(argv[1])) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
  }
  const auto base = std::filesystem::temp_directory_path()
                    / fmt::format("vigie-bench-ingest-topics-{}", static_cast<long>(::getpid()));
  std::filesystem::create_directories(base / "none");
  std::filesystem::create_directories(base / "topics");
  const auto queries = make_topics(topics);
  const auto none = ingest_all(docs, copies, threads, {}, base / "none");
  const auto with = ingest_all(docs, copies, threads, queries, base / "topics");
  std::filesystem::create_directories(base / "bulk-none");
  std::filesystem::create_directories(base / "bulk-topics");
  const auto bulk_none = ingest_bulk(docs, copies, threads, {}, base / "bulk-none");
  const auto bulk_with = ingest_bulk(docs, copies, threads, queries, base / "bulk-topics");
  std::filesystem::remove_all(base);
  fmt::print("corpus: {} documents x {} copies, {} threads (prepare), one writer\n", docs.size(),
             copies, threads);
  const auto rate = [](std::size_t items, double s) { return static_cast<double>(items) / s; };
  for (const auto& [name, r] :
       {std::pair{"without topics", none}, std::pair{"with topics", with}}) {
    fmt::print(
        "{:<15} {} items, {} matches | store: {:.2f} s wall, {:.2f} s CPU (prepare {:.2f}, "
        "writer {:.2f}) | index: {:.2f} s wall, {:.2f} s CPU\n",
        name, r.items, r.matches, r.store_s, r.store_cpu_s, r.prepare_cpu_s, r.writer_cpu_s,
        r.index_s, r.index_cpu_s);
  }
  const auto ratio = [&](double none_s, double with_s) {
    return rate(with.items, with_s) / rate(none.items, none_s);
  };
  fmt::print("{} topics, items/s with / without (target >= 0.80):\n", topics);
  fmt::print("  storing alone:               {:.2f} in wall time, {:.2f} in CPU time\n",
             ratio(none.store_s, with.store_s), ratio(none.store_cpu_s, with.store_cpu_s));
  fmt::print("  end to end (index included): {:.2f} in wall time, {:.2f} in CPU time\n",
             ratio(none.store_s + none.index_s, with.store_s + with.index_s),
             ratio(none.store_cpu_s + none.index_cpu_s, with.store_cpu_s + with.index_cpu_s));
  for (const auto& [name, r] :
       {std::pair{"without topics", bulk_none}, std::pair{"with topics", bulk_with}}) {
    fmt::print("BulkIngest, {:<15} {} items, {} matches | {:.2f} s wall, {:.2f} s CPU\n", name,
               r.items, r.matches, r.wall_s, r.cpu_s);
  }
  const auto bulk_ratio = [&](double none_s, double with_s) {
    return rate(bulk_with.items, with_s) / rate(bulk_none.items, none_s);
  };
  fmt::print(
      "  end to end through BulkIngest (vigie ingest): {:.2f} in wall time, {:.2f} in CPU "
      "time\n",
      bulk_ratio(bulk_none.wall_s, bulk_with.wall_s), bulk_ratio(bulk_none.cpu_s, bulk_with.cpu_s));
  return 0;
}
