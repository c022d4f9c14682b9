// SPDX-License-Identifier: AGPL-3.0-or-later
// Percolation: every item of a stream against every topic, on one core.
//
//   vigie_bench_percolate [--topics 10000] [--items 100000] [--fts-batch 20 1000]
//                         [--fts-items 200] [--dump FILE]
//
// Topics have a realistic shape: 2-20 terms in 1-5 clauses (words, OR groups, phrases,
// prefixes, NEAR, title: words), a NOT in a quarter of them, a lang: filter in a fifth, drawn
// from the domain vocabulary and the long tail of the search benchmark's corpus (French and
// English items of 100-300 words). The peer is the obvious way, in the same run: insert the
// new batch of items into an SQLite FTS5 table and run every topic as an FTS5 query over it
// (only the queries are timed), over the first --fts-items items, once per batch size: 20
// items is what one poll of a busy feed brings (Vigie percolates each feed's new items as it
// stores them), 1000 a bulk import, where the obvious way amortises its per-query cost best.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sqlite3.h>

#include "corpus.h"
#include "match/evaluator.h"
#include "match/percolator.h"
#include "match/query.h"

namespace {

using Steady = std::chrono::steady_clock;
using vigie::bench::Corpus;
using vigie::bench::next_random;

double seconds_since(Steady::time_point t) {
  return std::chrono::duration<double>(Steady::now() - t).count();
}

// CPU time of this thread: on a shared machine, wall time mostly measures the neighbours.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::uint64_t below(std::uint64_t& state, std::uint64_t n) {
  return next_random(state) % n;
}

struct BenchTopic {
  std::string vigie;
  std::string fts;
};

class TopicGenerator {
 public:
  TopicGenerator(const Corpus& corpus, std::uint64_t seed) : corpus_(corpus), state_(seed) {}

  BenchTopic next() {
    const std::string lang = below(state_, 10) < 7 ? "fr" : "en";
    const auto& words = corpus_.vocabulary(lang);
    const auto word = [&]() -> const std::string& {
      // Domain words (ranks ~45-300) for 70% of terms, the long tail for the rest.
      if (below(state_, 10) < 7) {
        return words[45 + below(state_, 250)];
      }
      return words[300 + below(state_, words.size() - 300)];
    };
    const auto quoted = [](const std::string& w) { return "\"" + w + "\""; };
    const std::size_t target_terms = 2 + below(state_, 19);
    std::vector<std::string> v;
    std::vector<std::string> f;
    std::size_t terms = 0;
    // At least two clauses: a standing topic ANDs its subject with a context.
    while ((terms < target_terms || v.size() < 2) && v.size() < 5) {
      const auto kind = below(state_, 20);
      if (kind < 8) {
        const std::string& w = word();
        v.push_back(w);
        f.push_back(quoted(w));
        terms += 1;
      } else if (kind < 13) {
        const std::size_t n = std::min<std::size_t>(2 + below(state_, 5), target_terms - terms + 1);
        std::string a;
        std::string b;
        for (std::size_t i = 0; i < std::max<std::size_t>(n, 2); ++i) {
          const std::string& w = word();
          a += (i ? " OR " : "(") + w;
          b += (i ? " OR " : "(") + quoted(w);
        }
        v.push_back(a + ")");
        f.push_back(b + ")");
        terms += n;
      } else if (kind < 16) {
        const std::string w1 = word();
        const std::string w2 = word();
        v.push_back("\"" + w1 + " " + w2 + "\"");
        f.push_back("\"" + w1 + " " + w2 + "\"");
        terms += 2;
      } else if (kind < 17) {
        const std::string& w = words[45 + below(state_, 250)];
        if (w.size() < 6) {
          continue;
        }
        v.push_back(w.substr(0, 5) + "*");
        f.push_back(quoted(w.substr(0, 5)) + "*");
        terms += 1;
      } else if (kind < 18) {
        const std::string w1 = word();
        const std::string w2 = word();
        v.push_back("(" + w1 + " NEAR/5 " + w2 + ")");
        f.push_back("NEAR(" + quoted(w1) + " " + quoted(w2) + ", 5)");
        terms += 2;
      } else {
        const std::string& w = word();
        v.push_back("title:" + w);
        f.push_back("title : " + quoted(w));
        terms += 1;
      }
    }
    BenchTopic t;
    for (std::size_t i = 0; i < v.size(); ++i) {
      t.vigie += (i ? " " : "") + v[i];
      t.fts += (i ? " AND " : "") + f[i];
    }
    if (below(state_, 4) == 0) {
      const std::string& w = word();
      t.vigie += " -" + w;
      t.fts = "(" + t.fts + ") NOT " + quoted(w);
    }
    if (below(state_, 5) == 0) {
      t.vigie += " lang:" + lang;  // the FTS peer ignores filters: that only helps it
    }
    return t;
  }

 private:
  const Corpus& corpus_;
  std::uint64_t state_;
};

vigie::match::EvalDocument eval_document(const vigie::storage::IndexDocument& d) {
  return vigie::match::EvalDocument(vigie::match::DocumentFields{
      .title = d.title,
      .text = d.text,
      .source = d.source,
      .author = d.author,
      .lang = d.lang,
      .country = d.country,
      .tags = d.tags,
      .date = d.date(),
  });
}

void check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    throw std::runtime_error(fmt::format("{}: {}", what, sqlite3_errmsg(db)));
  }
}

// The obvious way: each batch of new items goes into a fresh FTS5 table, then every topic
// runs as one query. Returns (CPU seconds spent in queries, wall seconds, matches).
std::tuple<double, double, std::uint64_t> fts_batches(const Corpus& corpus,
                                                      const std::vector<BenchTopic>& topics,
                                                      std::uint64_t batch, std::uint64_t batches) {
  sqlite3* db = nullptr;
  check(sqlite3_open(":memory:", &db), db, "open");
  double seconds = 0;
  double wall = 0;
  std::uint64_t matches = 0;
  for (std::uint64_t b = 0; b < batches; ++b) {
    check(sqlite3_exec(db,
                       "DROP TABLE IF EXISTS batch; CREATE VIRTUAL TABLE batch USING "
                       "fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')",
                       nullptr, nullptr, nullptr),
          db, "create");
    sqlite3_stmt* ins = nullptr;
    check(sqlite3_prepare_v2(db, "INSERT INTO batch (rowid, title, body) VALUES (?, ?, ?)", -1,
                             &ins, nullptr),
          db, "prepare insert");
    check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
    for (std::uint64_t i = 1; i <= batch; ++i) {
      const auto d = corpus.item(b * batch + i);
      sqlite3_bind_int64(ins, 1, static_cast<sqlite3_int64>(d.id));
      sqlite3_bind_text(ins, 2, d.title.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 3, d.text.c_str(), -1, SQLITE_TRANSIENT);
      check(sqlite3_step(ins), db, "insert");
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
    sqlite3_stmt* q = nullptr;
    check(sqlite3_prepare_v2(db, "SELECT rowid FROM batch WHERE batch MATCH ?", -1, &q, nullptr),
          db, "prepare match");
    const auto t0 = Steady::now();
    const double c0 = thread_cpu_seconds();
    for (const auto& t : topics) {
      sqlite3_bind_text(q, 1, t.fts.c_str(), -1, SQLITE_TRANSIENT);
      int rc = 0;
      while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        ++matches;
      }
      check(rc, db, t.fts.c_str());
      sqlite3_reset(q);
    }
    seconds += thread_cpu_seconds() - c0;
    wall += seconds_since(t0);
    sqlite3_finalize(q);
  }
  sqlite3_close(db);
  return {seconds, wall, matches};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Vigie percolation benchmark");
  std::uint64_t topics_n = 10'000;
  std::uint64_t items_n = 100'000;
  std::vector<std::uint64_t> fts_batch_sizes = {20, 1000};
  std::uint64_t fts_items_n = 200;
  app.add_option("--topics", topics_n);
  app.add_option("--items", items_n);
  app.add_option("--fts-batch", fts_batch_sizes, "batch sizes of the FTS5 peer");
  app.add_option("--fts-items", fts_items_n,
                 "items the FTS5 peer runs over, rounded up to whole batches (0: no peer)");
  bool cpu_timer = false;
  app.add_flag("--cpu-timer", cpu_timer,
               "time each call with the thread's CPU clock (a system call) instead of the steady "
               "clock, as this benchmark did before");
  std::string dump_path;
  app.add_option("--dump", dump_path,
                 "write every hit (item, topic, score, matched terms) to this file, to compare "
                 "two builds of the percolator");
  CLI11_PARSE(app, argc, argv);

  const Corpus corpus(20260301, items_n);
  TopicGenerator gen(corpus, 7);
  std::vector<BenchTopic> bench_topics;
  std::vector<vigie::match::PercolatorTopic> topics;
  for (std::uint64_t i = 0; i < topics_n; ++i) {
    bench_topics.push_back(gen.next());
    auto q = vigie::match::parse_query(bench_topics.back().vigie);
    if (!q) {
      std::fprintf(stderr, "bad generated query %s: %s\n", bench_topics.back().vigie.c_str(),
                   q.error().message.c_str());
      return 1;
    }
    topics.push_back({static_cast<std::int64_t>(i + 1), std::move(*q), {}, {}});
  }
  const auto tc = Steady::now();
  const vigie::match::Percolator percolator(topics);
  const double compile_s = seconds_since(tc);
  const auto stats = percolator.stats();
  fmt::print(
      "topics: {} ({} keys, {} strings, {} always checked, {} refused), compiled in {:.2f} s\n",
      stats.topics, stats.keys, stats.strings, stats.always_checked, percolator.refused().size(),
      compile_s);
  fmt::print("examples: {}\n          {}\n", bench_topics[0].vigie, bench_topics[1].vigie);

  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> dump(
      dump_path.empty() ? nullptr : std::fopen(dump_path.c_str(), "w"), &std::fclose);
  double tokenise_s = 0;
  double percolate_s = 0;
  double percolate_wall_s = 0;
  double prefilter_s = 0;
  std::uint64_t candidates = 0;
  std::uint64_t matches = 0;
  std::vector<std::uint64_t> matches_upto(1, 0);  // matches on items 1..n
  // Each call is timed with the steady clock, read in user space (about 30 ns here). The
  // thread's CPU clock is a system call (about 1.4 us on this VM, where page-table isolation
  // also empties the TLB on every system call), so timing each call with it, as this benchmark
  // did until session 9 (--cpu-timer), charged the timer to what it timed. The CPU time of the
  // whole loop against its wall time shows whether the thread had its core to itself.
  const double loop_c0 = thread_cpu_seconds();
  const auto loop_w0 = Steady::now();
  for (std::uint64_t id = 1; id <= items_n; ++id) {
    const auto d = corpus.item(id);
    double c0 = 0;
    double c1 = 0;
    if (cpu_timer) {
      c0 = thread_cpu_seconds();
    }
    const auto w0 = Steady::now();
    const auto doc = eval_document(d);
    const auto w1 = Steady::now();
    if (cpu_timer) {
      c1 = thread_cpu_seconds();
    }
    const auto hits = percolator.percolate(doc);
    const auto w2 = Steady::now();
    percolate_wall_s += std::chrono::duration<double>(w2 - w1).count();
    if (cpu_timer) {
      percolate_s += thread_cpu_seconds() - c1;
      tokenise_s += c1 - c0;
    } else {
      tokenise_s += std::chrono::duration<double>(w1 - w0).count();
    }
    matches += hits.size();
    if (dump) {
      for (const auto& h : hits) {
        fmt::print(dump.get(), "{} {} {:.9g}", id, h.topic_id, h.score);
        for (const auto& t : h.matched_terms) {
          fmt::print(dump.get(), " [{}]", t);
        }
        fmt::print(dump.get(), "\n");
      }
    }
    matches_upto.push_back(matches);
    if (id % 10 == 0) {
      const auto w3 = Steady::now();
      candidates += percolator.candidates(doc).size();  // the pre-filter alone, sampled
      prefilter_s += seconds_since(w3);
    }
  }
  const double loop_cpu_s = thread_cpu_seconds() - loop_c0;
  const double loop_wall_s = seconds_since(loop_w0);
  if (!cpu_timer) {
    percolate_s = percolate_wall_s;
  }
  const double items = static_cast<double>(items_n);
  fmt::print("items: {}, {:.1f} matches/item, ~{:.0f} candidates/item (of {} topics)\n", items_n,
             static_cast<double>(matches) / items, static_cast<double>(candidates) / (items / 10),
             stats.topics);
  fmt::print("of which pre-filter (tokens to ids, candidates): ~{:.0f} us/item\n",
             prefilter_s / (items / 10) * 1e6);
  fmt::print("timing: {}; whole loop {:.2f} s CPU for {:.2f} s wall (1.00: the thread ran alone)\n",
             cpu_timer ? "thread CPU clock around each call (--cpu-timer)"
                       : "steady clock around each call",
             loop_cpu_s, loop_wall_s);
  fmt::print(
      "percolate:             {:.3f} s ({:.3f} s wall), {:.0f} items/s per core (target 20000)\n",
      percolate_s, percolate_wall_s, items / percolate_s);
  fmt::print("tokenise + percolate:  {:.3f} s, {:.0f} items/s per core\n", tokenise_s + percolate_s,
             items / (tokenise_s + percolate_s));

  for (std::uint64_t batch : fts_items_n == 0 ? std::vector<std::uint64_t>{} : fts_batch_sizes) {
    const std::uint64_t batches = std::max<std::uint64_t>(1, (fts_items_n + batch - 1) / batch);
    if (batch == 0 || batch * batches > items_n) {
      std::fprintf(stderr, "skipping FTS5 batches of %llu: more than --items\n",
                   static_cast<unsigned long long>(batch));
      continue;
    }
    const auto [fts_s, fts_wall_s, fts_matches] = fts_batches(corpus, bench_topics, batch, batches);
    const double fts_items = static_cast<double>(batch * batches);
    fmt::print(
        "obvious way (FTS5 query per topic over each new batch of {} items, {} batches): {:.2f} "
        "s CPU ({:.2f} s wall), {:.0f} items/s per core, {} matches (percolator: {} on the same "
        "items; FTS5 does not stem)\n",
        batch, batches, fts_s, fts_wall_s, fts_items / fts_s, fts_matches,
        matches_upto[batch * batches]);
    fmt::print(
        "ratio at {} items per batch: percolate {:.0f}x, tokenise + percolate {:.0f}x the obvious "
        "way (target 100x)\n",
        batch, (items / percolate_s) / (fts_items / fts_s),
        (items / (tokenise_s + percolate_s)) / (fts_items / fts_s));
  }
  return 0;
}
