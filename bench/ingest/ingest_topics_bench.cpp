// SPDX-License-Identifier: AGPL-3.0-or-later
// Ingestion with watch topics: the same pipeline as vigie_bench_ingest (prepare on every core,
// one writer storing each document in one transaction), run twice in this process on fresh
// databases: without topics, then with N topics of realistic shape, which every new item is
// percolated against and whose matches and signals are written in the item's transaction.
//
//   vigie_bench_ingest_topics DEMO_FEEDS_DIR [COPIES=30] [TOPICS=1000] [THREADS=hardware]
//
// Prints items/s of both runs and their ratio (target: within 20%).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <unistd.h>

#include "service/ingest_service.h"
#include "storage/sqlite/sqlite_store.h"

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
  double seconds = 0;
};

Run ingest_all(const std::vector<std::string>& docs, int copies, unsigned threads,
               const std::vector<std::string>& topic_queries, const std::filesystem::path& dir) {
  auto store = vigie::storage::sqlite::SqliteStore::open({.path = (dir / "b.db").string()});
  if (!store) {
    throw std::runtime_error("cannot open the store");
  }
  BenchClock clock;
  auto org = (*store)->ensure_operator("Bench");
  for (std::size_t i = 0; i < topic_queries.size(); ++i) {
    vigie::core::Topic t;
    t.org_id = org->id;
    t.name = fmt::format("topic {}", i);
    t.query = topic_queries[i];
    t.priority = i % 10 == 0 ? vigie::core::Priority::High : vigie::core::Priority::Normal;
    if (!(*store)->add_topic(t)) {
      throw std::runtime_error("cannot add a topic");
    }
  }
  vigie::service::IngestService ingest(**store, clock);
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
  Run run;
  const auto t0 = Steady::now();
  for (std::size_t start = 0; start < sources.size(); start += threads * 4) {
    const std::size_t end = std::min(sources.size(), start + threads * 4);
    std::vector<vigie::core::Result<vigie::service::PreparedDocument>> prepared(end - start);
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
    for (auto& p : prepared) {
      if (p) {
        auto r = ingest.store(std::move(*p));
        if (r) {
          run.items += r->stats.inserted;
          run.matches += r->topic_matches;
        }
      }
    }
  }
  run.seconds = std::chrono::duration<double>(Steady::now() - t0).count();
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
  const auto none = ingest_all(docs, copies, threads, {}, base / "none");
  const auto with = ingest_all(docs, copies, threads, make_topics(topics), base / "topics");
  std::filesystem::remove_all(base);
  const double a = static_cast<double>(none.items) / none.seconds;
  const double b = static_cast<double>(with.items) / with.seconds;
  fmt::print("corpus: {} documents x {} copies, {} threads (prepare), one writer\n", docs.size(),
             copies, threads);
  fmt::print("without topics: {} items in {:.2f} s, {:.0f} items/s\n", none.items, none.seconds, a);
  fmt::print("with {} topics: {} items in {:.2f} s, {:.0f} items/s, {} matches\n", topics,
             with.items, with.seconds, b, with.matches);
  fmt::print("ratio: {:.2f} of the speed without topics (target >= 0.80)\n", b / a);
  return 0;
}
