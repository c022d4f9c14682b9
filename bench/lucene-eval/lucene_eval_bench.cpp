// SPDX-License-Identifier: AGPL-3.0-or-later
// Indexing cost of XapianIndex against Lucene++ 3.0 on the same documents (issue #2; see
// README.md). The demo feeds, COPIES times, are ingested into a SQLite store (not timed) and
// turned into the IndexDocuments IndexSync hands the index; then, in one process, they are
// indexed by XapianIndex (add + commit every 2,000, as IndexSync) and by LuceneIndex (the same
// terms from text::tokenize as pre-tokenised streams, updateDocument by id, commit every
// 2,000) on 1 or more threads, and optionally with a near-real-time reader reopened every N
// documents. Prints CPU ms per item, wall time and index size, then checks that a few word and
// phrase queries find the same items in both indexes.
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lucene_index.h"
#include "match/query.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"

namespace {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;
using vigie::storage::IndexDocument;

constexpr std::size_t kCommitEvery = 2000;  // as IndexSync

class BenchClock final : public vigie::core::Clock {
 public:
  vigie::core::Timestamp now() const override { return vigie::core::from_unix(1'790'000'000); }
  Steady::time_point steady_now() const override { return Steady::now(); }
};

double cpu_s(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double process_cpu_s() {
  return cpu_s(CLOCK_PROCESS_CPUTIME_ID);
}

double seconds_since(Steady::time_point t) {
  return std::chrono::duration<double>(Steady::now() - t).count();
}

std::uintmax_t directory_bytes(const fs::path& dir) {
  std::uintmax_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      n += e.file_size();
    }
  }
  return n;
}

struct Corpus {
  vigie::core::OrgId org = 0;
  std::vector<IndexDocument> docs;
};

// The demo feeds, `copies` times, each copy under sources of its own so every item is new,
// stored as `vigie ingest` stores them, and read back as IndexSync reads them.
Corpus load_corpus(const fs::path& feeds, int copies, const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(feeds)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files.push_back(ss.str());
  }
  auto store =
      std::move(*vigie::storage::sqlite::SqliteStore::open({.path = (dir / "corpus.db").string()}));
  Corpus c;
  c.org = store->ensure_operator("Bench")->id;
  BenchClock clock;
  vigie::service::IngestService ingest(*store, clock);
  for (int copy = 0; copy < copies; ++copy) {
    for (std::size_t d = 0; d < files.size(); ++d) {
      vigie::core::Source s;
      s.org_id = c.org;
      s.kind = vigie::core::SourceKind::Import;
      s.url = fmt::format("local:copy{}-{}", copy, d);
      s.title = fmt::format("Copie {} flux {}", copy, d);
      s = *store->add_source(s);
      (void)ingest.ingest_document(s, files[d], {});
    }
  }
  auto log = *store->index_log_after(0, 10'000'000);
  std::vector<vigie::core::ItemId> ids;
  for (const auto& e : log) {
    ids.push_back(e.item_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<vigie::core::SourceId, vigie::core::Source> sources;
  for (std::size_t i = 0; i < ids.size(); i += kCommitEvery) {
    const auto chunk = std::span(ids).subspan(i, std::min(kCommitEvery, ids.size() - i));
    const auto items = *store->get_items(chunk);
    for (const auto& item : items) {
      auto src = sources.find(item.source_id);
      if (src == sources.end()) {
        src = sources.emplace(item.source_id, *store->get_source(item.source_id)).first;
      }
      c.docs.push_back(vigie::service::to_index_document(item, src->second));
    }
  }
  return c;
}

struct Figures {
  std::string name;
  std::size_t items = 0;
  double wall_s = 0;
  double cpu_s = 0;
  double commit_cpu_s = 0;  // commits alone (thread CPU of the committing thread)
  std::uintmax_t bytes = 0;
  std::string detail;
};

void print(const Figures& f) {
  fmt::print(
      "{:<14} {:>6} items  wall {:6.2f} s  CPU {:6.2f} s = {:.3f} ms/item "
      "({:5.0f} items/CPU-s)  commits {:.3f} ms/item  index {:6.1f} MB  {}\n",
      f.name, f.items, f.wall_s, f.cpu_s, 1000 * f.cpu_s / static_cast<double>(f.items),
      static_cast<double>(f.items) / f.cpu_s, 1000 * f.commit_cpu_s / static_cast<double>(f.items),
      static_cast<double>(f.bytes) / 1e6, f.detail);
}

Figures run_xapian(const std::vector<IndexDocument>& docs, const fs::path& dir,
                   std::unique_ptr<vigie::storage::XapianIndex>& keep) {
  auto index = std::move(*vigie::storage::XapianIndex::open(dir));
  Figures f;
  f.name = "xapian";
  const auto t0 = Steady::now();
  const double c0 = process_cpu_s();
  for (std::size_t i = 0; i < docs.size(); i += kCommitEvery) {
    const std::size_t n = std::min(kCommitEvery, docs.size() - i);
    if (auto s = index->add(std::span(docs).subspan(i, n)); !s) {
      throw std::runtime_error(s.error().message);
    }
    const double cc = cpu_s(CLOCK_THREAD_CPUTIME_ID);
    if (auto s = index->commit(i + n); !s) {
      throw std::runtime_error(s.error().message);
    }
    f.commit_cpu_s += cpu_s(CLOCK_THREAD_CPUTIME_ID) - cc;
  }
  f.cpu_s = process_cpu_s() - c0;
  f.wall_s = seconds_since(t0);
  f.items = docs.size();
  f.bytes = directory_bytes(dir);
  keep = std::move(index);
  return f;
}

// Commits every `commit_every` documents; with nrt_every, also opens a near-real-time reader
// every nrt_every documents (commit_every must be a multiple of it).
Figures run_lucene(const std::vector<IndexDocument>& docs, const fs::path& dir, unsigned threads,
                   std::size_t commit_every, std::size_t nrt_every, bool compound,
                   std::unique_ptr<vigie::bench::LuceneIndex>& keep) {
  vigie::bench::LuceneOptions options;
  options.compound_files = compound;
  options.serial_merges = threads == 1;
  fs::create_directories(dir);  // Lucene++ creates the last level only
  auto index = std::make_unique<vigie::bench::LuceneIndex>(dir, options);
  Figures f;
  f.name =
      nrt_every > 0 ? fmt::format("lucene-nrt{}", nrt_every) : fmt::format("lucene-{}t", threads);
  const std::size_t step = nrt_every > 0 ? nrt_every : commit_every;
  double nrt_cpu = 0;
  double nrt_wall_max = 0;
  std::size_t reopens = 0;
  const auto t0 = Steady::now();
  const double c0 = process_cpu_s();
  for (std::size_t i = 0; i < docs.size(); i += step) {
    const std::size_t n = std::min(step, docs.size() - i);
    if (threads == 1) {
      for (std::size_t k = i; k < i + n; ++k) {
        index->add(docs[k]);
      }
    } else {
      std::vector<std::jthread> workers;
      for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
          for (std::size_t k = i + t; k < i + n; k += threads) {
            index->add(docs[k]);
          }
        });
      }
    }
    if ((i + n) % commit_every == 0 || i + n == docs.size()) {
      const double cc = cpu_s(CLOCK_THREAD_CPUTIME_ID);
      index->commit(i + n);
      f.commit_cpu_s += cpu_s(CLOCK_THREAD_CPUTIME_ID) - cc;
    } else if (nrt_every > 0) {
      const auto tw = Steady::now();
      const double cc = process_cpu_s();
      index->reopen();
      nrt_cpu += process_cpu_s() - cc;
      nrt_wall_max = std::max(nrt_wall_max, seconds_since(tw));
      ++reopens;
    }
  }
  f.cpu_s = process_cpu_s() - c0;
  f.wall_s = seconds_since(t0);
  f.items = docs.size();
  f.bytes = directory_bytes(dir);
  const auto split = index->cpu();
  f.detail =
      fmt::format("build {:.3f} + write {:.3f} ms/item, {} synonym docs",
                  1000 * split.build_s / static_cast<double>(f.items),
                  1000 * split.write_s / static_cast<double>(f.items), index->synonym_documents());
  if (reopens > 0) {
    f.detail += fmt::format("; {} NRT reopens: {:.1f} ms CPU each, slowest {:.1f} ms wall", reopens,
                            1000 * nrt_cpu / static_cast<double>(reopens), 1000 * nrt_wall_max);
  }
  keep = std::move(index);
  return f;
}

std::set<vigie::core::ItemId> xapian_ids(const vigie::storage::XapianIndex& index,
                                         const std::string& query, vigie::core::OrgId org) {
  std::set<vigie::core::ItemId> ids;
  vigie::storage::SearchRequest r;
  r.query = *vigie::match::parse_query(query);
  r.org_id = org;
  r.limit = vigie::storage::kMaxSearchLimit;
  for (;;) {
    auto res = index.search(r);
    if (!res) {
      throw std::runtime_error(res.error().message);
    }
    for (const auto& h : res->hits) {
      ids.insert(h.id);
    }
    if (res->hits.size() < r.limit) {
      return ids;
    }
    r.offset += r.limit;
  }
}

struct Check {
  std::string vigie;  // the query in Vigie's language
  std::string text;   // a word or a phrase
  std::string lang;   // filter, or empty
};

// Returns false when an engine disagrees.
bool cross_check(const vigie::storage::XapianIndex& xapian, vigie::bench::LuceneIndex& lucene,
                 vigie::core::OrgId org) {
  const std::vector<Check> checks = {
      {"coton", "coton", ""},
      {"cajou", "cajou", ""},
      {"exportations", "exportations", ""},
      {"cocoa", "cocoa", ""},
      {"prices lang:en", "prices", "en"},
      {"\"noix de cajou\"", "noix de cajou", ""},
      {"\"appel d'offres\"", "appel d'offres", ""},
      {"\"chambre de commerce\" lang:fr", "chambre de commerce", "fr"},
      {"\"prix du coton\"", "prix du coton", ""},
  };
  bool same = true;
  for (const auto& c : checks) {
    const auto x = xapian_ids(xapian, c.vigie, org);
    const auto l = lucene.search(c.text, c.lang, org);
    std::vector<vigie::core::ItemId> diff;
    std::set_symmetric_difference(x.begin(), x.end(), l.begin(), l.end(), std::back_inserter(diff));
    fmt::print("  {:<34} xapian {:>5}  lucene {:>5}  {}\n", c.vigie, x.size(), l.size(),
               diff.empty() ? "same ids" : fmt::format("DIFFER in {} ids", diff.size()));
    same = same && diff.empty();
  }
  return same;
}

// Replaces the first 500 documents (new title word), deletes the next 100, commits, in both
// indexes; then both must agree on the new word and on the count, and Lucene's commit must
// carry the position. Returns false when they do not.
bool update_check(vigie::storage::XapianIndex& xapian, vigie::bench::LuceneIndex& lucene,
                  std::vector<IndexDocument> docs, vigie::core::OrgId org) {
  const std::size_t replaced = std::min<std::size_t>(500, docs.size());
  const std::size_t removed = std::min<std::size_t>(100, docs.size() - replaced);
  std::vector<vigie::core::ItemId> gone;
  for (std::size_t i = 0; i < replaced; ++i) {
    docs[i].title += " zorglub";
    lucene.add(docs[i]);
  }
  for (std::size_t i = replaced; i < replaced + removed; ++i) {
    gone.push_back(docs[i].id);
    lucene.remove(docs[i].id);
  }
  const std::uint64_t position = docs.size() + 1;
  lucene.commit(position);
  if (!xapian.add(std::span(docs).first(replaced)) || !xapian.remove(gone)
      || !xapian.commit(position)) {
    throw std::runtime_error("xapian update failed");
  }
  const auto x = xapian_ids(xapian, "zorglub", org);
  const auto l = lucene.search("zorglub", "", org);
  const auto xc = xapian.document_count();
  const std::uint64_t lc = lucene.count(org);
  const std::uint64_t lp = lucene.committed_position();
  fmt::print(
      "  replaced {}, deleted {}: new word xapian {} lucene {} ({}); documents xapian {} "
      "lucene {}; Lucene commit position {} (expected {})\n",
      replaced, removed, x.size(), l.size(), x == l ? "same ids" : "DIFFER", xc ? *xc : 0, lc, lp,
      position);
  return x == l && xc && *xc == lc && lp == position;
}

// A writer process killed (SIGKILL) while it indexes and commits every 2,000 documents: the
// index must open again, at its last commit, with exactly the documents that commit covers.
bool crash_check(const std::vector<IndexDocument>& docs, const fs::path& dir,
                 vigie::core::OrgId org, int delay_ms) {
  fs::remove_all(dir);
  const pid_t child = fork();
  if (child == 0) {
    try {
      std::unique_ptr<vigie::bench::LuceneIndex> index;
      (void)run_lucene(docs, dir, 1, kCommitEvery, 0, true, index);
    } catch (...) {
    }
    _exit(0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  kill(child, SIGKILL);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  vigie::bench::LuceneOptions options;
  options.create = false;
  vigie::bench::LuceneIndex index(dir, options);
  const std::uint64_t position = index.committed_position();
  const std::uint64_t count = index.count(org);
  fmt::print("  killed after {} ms ({}): reopened at position {}, {} documents\n", delay_ms,
             WIFSIGNALED(wstatus) ? "by SIGKILL" : "had finished", position, count);
  return position == count;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"XapianIndex vs Lucene++ indexing cost on the same documents"};
  std::string feeds;
  int copies = 30;
  std::vector<unsigned> lucene_threads{1, 2};
  std::size_t nrt_every = 0;
  int rounds = 1;
  std::size_t commit_every = kCommitEvery;
  bool with_xapian = true;
  bool compound = true;
  std::vector<int> crash_after_ms;
  app.add_option("feeds", feeds, "demo feeds directory (data/demo/feeds)")->required();
  app.add_option("--copies", copies, "copies of the feeds (default 30)");
  app.add_option("--lucene-threads", lucene_threads, "Lucene runs, by writing threads (1 2)");
  app.add_option("--nrt-every", nrt_every,
                 "also a 1-thread Lucene run opening an NRT reader every N documents "
                 "(divides 2000; 0: none)");
  app.add_option("--lucene-commit-every", commit_every,
                 "Lucene commits every N documents (default 2000, as IndexSync)");
  app.add_flag("!--no-xapian", with_xapian, "skip the Xapian run and the checks (profiling)");
  app.add_flag("!--no-compound", compound, "Lucene without compound files (.cfs)");
  app.add_option("--crash-after-ms", crash_after_ms,
                 "kill a Lucene writer process after each of these delays, then reopen its index");
  app.add_option("--rounds", rounds, "alternate the runs this many times (default 1)");
  CLI11_PARSE(app, argc, argv);
  if (commit_every == 0 || (nrt_every > 0 && commit_every % nrt_every != 0)) {
    std::fprintf(stderr, "--nrt-every must divide --lucene-commit-every\n");
    return 2;
  }
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("vigie-bench-lucene-{}", static_cast<long>(getpid()));
  fs::create_directories(dir);
  int status = 0;
  try {
    const Corpus corpus = load_corpus(feeds, copies, dir);
    std::size_t words = 0;
    for (const auto& d : corpus.docs) {
      words += static_cast<std::size_t>(std::count(d.text.begin(), d.text.end(), ' ')) + 1;
    }
    fmt::print("corpus: {} items from {} copies of {}, about {} words per item\n",
               corpus.docs.size(), copies, feeds,
               words / std::max<std::size_t>(1, corpus.docs.size()));
    std::unique_ptr<vigie::storage::XapianIndex> xapian;
    std::unique_ptr<vigie::bench::LuceneIndex> lucene;
    for (int r = 0; r < rounds; ++r) {
      const fs::path round = dir / fmt::format("round{}", r);
      xapian.reset();
      if (with_xapian) {
        print(run_xapian(corpus.docs, round / "xapian", xapian));
      }
      for (const unsigned t : lucene_threads) {
        lucene.reset();
        print(run_lucene(corpus.docs, round / fmt::format("lucene{}", t), t, commit_every, 0,
                         compound, lucene));
      }
      if (nrt_every > 0) {
        std::unique_ptr<vigie::bench::LuceneIndex> nrt;
        print(run_lucene(corpus.docs, round / "lucene-nrt", 1, commit_every, nrt_every, compound,
                         nrt));
      }
    }
    if (xapian && lucene) {
      fmt::print("same items found (last Xapian and Lucene indexes):\n");
      if (!cross_check(*xapian, *lucene, corpus.org)
          || !update_check(*xapian, *lucene, corpus.docs, corpus.org)) {
        status = 1;
      }
    }
    if (!crash_after_ms.empty()) {
      fmt::print("Lucene writer killed mid-run (commit every {}):\n", kCommitEvery);
      for (const int ms : crash_after_ms) {
        if (!crash_check(corpus.docs, dir / "crash", corpus.org, ms)) {
          status = 1;
        }
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    status = 1;
  }
  fs::remove_all(dir);
  return status;
}
