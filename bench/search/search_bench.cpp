// SPDX-License-Identifier: AGPL-3.0-or-later
// End-to-end search benchmark (Vigie issue #2 item 7): builds the same synthetic corpus into
// our XapianIndex, a raw SQLite FTS5 table and raw Xapian, runs ten query classes ranked by
// relevance and by date (top 20), and prints p50/p99 latency per class and engine with the
// ratio to ours, then the time from insert to searchable. See README.md for the command.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "corpus.h"
#include "engines.h"
#include "storage/xapian/xapian_index.h"
#include "text/text.h"

namespace vigie::bench {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::string day(std::int64_t unix) {
  return core::format_iso8601(core::from_unix(unix)).substr(0, 10);
}

const std::vector<std::string> kClasses = {"one_term", "and2", "or2",   "phrase", "near",
                                           "prefix",   "not",  "field", "date",   "common"};

class Workload {
 public:
  Workload(const Corpus& corpus, std::uint64_t seed) : corpus_(corpus), state_(seed) {
    for (const std::string lang : {"fr", "en"}) {
      auto& ranks = ranks_[lang];
      const auto& v = corpus_.vocabulary(lang);
      for (std::size_t r = 0; r < v.size(); ++r) {
        ranks.emplace(text::fold(v[r]), r);
      }
    }
  }

  std::vector<BenchQuery> make(std::size_t per_class) {
    std::vector<BenchQuery> out;
    for (const auto& cls : kClasses) {
      for (std::size_t i = 0; i < per_class; ++i) {
        BenchQuery q = make_one(cls, i);
        q.cls = cls;
        out.push_back(std::move(q));
      }
    }
    return out;
  }

 private:
  std::uint64_t below(std::uint64_t n) { return next_random(state_) % n; }
  std::string lang() { return below(10) < 7 ? "fr" : "en"; }
  std::string word(const std::string& lang, std::size_t lo, std::size_t hi) {
    return corpus_.vocabulary(lang)[lo + below(hi - lo)];
  }
  static std::string quoted(const std::string& w) { return "\"" + text::fold(w) + "\""; }

  // Words of a random item's body, with their rank, for phrases and NEAR that do occur.
  struct Word {
    std::string text;
    std::size_t rank;
  };
  std::vector<Word> body_words() {
    const auto doc = corpus_.item(1 + below(corpus_.size()));
    std::vector<Word> out;
    const auto& ranks = ranks_.at(doc.lang);
    for (const auto& t : text::tokenize(doc.text)) {
      const auto it = ranks.find(t.term);
      out.push_back({t.term, it == ranks.end() ? 0 : it->second});
    }
    return out;
  }

  BenchQuery make_one(const std::string& cls, std::size_t i) {
    BenchQuery q;
    const std::string l = lang();
    if (cls == "one_term") {
      const std::string w = word(l, 40, 2000);
      q.vigie = w;
      q.fts = quoted(w);
      q.xapian = w;
    } else if (cls == "and2" || cls == "or2" || cls == "not") {
      const std::string a = word(l, 40, 500);
      const std::string b = word(l, 40, cls == "not" ? 100 : 500);
      const std::string op = cls == "and2" ? "AND" : cls == "or2" ? "OR" : "NOT";
      q.vigie = a + " " + op + " " + b;
      q.fts = quoted(a) + " " + op + " " + quoted(b);
      q.xapian = a + " " + op + " " + b;
    } else if (cls == "phrase" || cls == "near") {
      // Consecutive (phrase) or 2-6 apart (NEAR) words of a real item, not only stop words.
      while (true) {
        const auto words = body_words();
        const std::size_t gap = cls == "phrase" ? 1 : 2 + below(5);
        const std::size_t len = cls == "phrase" ? 2 + below(2) : gap + 1;
        if (words.size() <= len) {
          continue;
        }
        const std::size_t at = below(words.size() - len);
        if (cls == "phrase") {
          std::string p;
          bool content = false;
          for (std::size_t k = 0; k < len; ++k) {
            p += (k > 0 ? " " : "") + words[at + k].text;
            content = content || words[at + k].rank >= 40;
          }
          if (!content) {
            continue;
          }
          q.vigie = q.fts = q.xapian = "\"" + p + "\"";
        } else {
          const auto& a = words[at];
          const auto& b = words[at + gap];
          if (a.rank < 40 || b.rank < 40) {
            continue;
          }
          q.vigie = a.text + " NEAR/5 " + b.text;
          q.fts = "NEAR(" + quoted(a.text) + " " + quoted(b.text) + ", 5)";
          q.xapian = a.text + " NEAR/5 " + b.text;
        }
        break;
      }
    } else if (cls == "prefix") {
      while (true) {
        const std::string w = text::fold(word(l, 40, 2000));
        if (w.size() >= 6 && static_cast<unsigned char>(w[3]) < 0x80) {
          const std::string p = w.substr(0, 4);
          q.vigie = p + "*";
          q.fts = "\"" + p + "\" *";
          q.xapian = p + "*";
          break;
        }
      }
    } else if (cls == "field") {
      switch (i % 4) {
        case 0: {
          const std::string w = word(l, 40, 300);
          q.vigie = "title:" + w;
          q.fts = "title : " + quoted(w);
          q.xapian = "title:" + w;
          break;
        }
        case 1: {
          const std::string w = word(l, 40, 300);
          q.vigie = w + " tag:coton";
          q.fts = quoted(w);
          q.fts_sql = "AND tags LIKE '%|coton%'";
          q.xapian = w;
          q.xapian_filters = {"Tcoton"};
          break;
        }
        case 2: {
          const std::string w = word("en", 40, 300);
          q.vigie = w + " lang:en";
          q.fts = quoted(w);
          q.fts_sql = "AND lang = 'en'";
          q.xapian = w;
          q.xapian_filters = {"Len"};
          break;
        }
        default: {
          const std::string w = word(l, 40, 300);
          q.vigie = w + " country:SN";
          q.fts = quoted(w);
          q.fts_sql = "AND country = 'SN'";
          q.xapian = w;
          q.xapian_filters = {"CSN"};
          break;
        }
      }
    } else if (cls == "date") {
      const std::string w = word(l, 40, 300);
      const auto days = static_cast<std::int64_t>(30 + below(61));
      const auto from = Corpus::kFirstDay + static_cast<std::int64_t>(below(640)) * 86'400;
      const auto from_day = from - from % 86'400;
      const auto until = from_day + days * 86'400;
      q.vigie = w + " date:" + day(from_day) + ".." + day(until - 86'400);
      q.fts = quoted(w);
      q.fts_sql = fmt::format("AND date >= {} AND date < {}", from_day, until);
      q.xapian = w;
      q.date_range = {{from_day, until}};
    } else {  // common: one or two of the most frequent words
      const std::string a = word(l, 0, 60);
      if (below(2) == 0) {
        q.vigie = q.xapian = a;
        q.fts = quoted(a);
      } else {
        const std::string b = word(l, 0, 60);
        q.vigie = a + " " + b;
        q.fts = quoted(a) + " AND " + quoted(b);
        q.xapian = a + " " + b;
      }
    }
    return q;
  }

  const Corpus& corpus_;
  std::uint64_t state_;
  std::map<std::string, std::unordered_map<std::string, std::size_t>> ranks_;
};

double percentile(std::vector<double> v, double p) {
  if (v.empty()) {
    return 0;
  }
  std::sort(v.begin(), v.end());
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

std::uint64_t directory_bytes(const std::filesystem::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file(ec)) {
      total += e.file_size(ec);
    }
  }
  return total;
}

// CPU time of the calling thread: on a shared machine, wall time also counts the time other
// processes hold the cores; CPU time is the work the query itself costs.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

using Samples = std::map<std::pair<std::string, Sort>, std::vector<double>>;
struct Timings {
  Samples wall;
  Samples cpu;
  Samples hits;
};

void print_table(const char* title, const std::vector<std::string>& engines,
                 std::map<std::string, Timings>& results, Samples Timings::*metric) {
  fmt::print("\n{}\n{:<10} {:<9}", title, "class", "sort");
  for (const auto& name : engines) {
    fmt::print(" {:>8} {:>8}", name + ":p50", "p99");
  }
  // Peers against the run of ours that does the same work: FTS5 builds snippets, raw Xapian
  // does not.
  auto ours_for = [&](const std::string& peer) -> std::string {
    const std::string ours = peer == "fts5" ? "vigie" : peer == "xapian" ? "vigie-ids" : "";
    return !ours.empty() && results.count(ours) > 0 ? ours : "";
  };
  for (const auto& name : engines) {
    if (!ours_for(name).empty()) {
      fmt::print(" {:>17}", name + "/" + ours_for(name) + " p99");
    }
  }
  fmt::print("  hits\n");
  for (const auto& cls : kClasses) {
    for (Sort sort : {Sort::Relevance, Sort::Date}) {
      fmt::print("{:<10} {:<9}", cls, sort == Sort::Date ? "date" : "relevance");
      for (const auto& name : engines) {
        const auto& v = (results[name].*metric)[{cls, sort}];
        fmt::print(" {:>8.2f} {:>8.2f}", percentile(v, 0.5), percentile(v, 0.99));
      }
      for (const auto& name : engines) {
        if (const std::string ours_name = ours_for(name); !ours_name.empty()) {
          const double ours = percentile((results[ours_name].*metric)[{cls, sort}], 0.99);
          const double theirs = percentile((results[name].*metric)[{cls, sort}], 0.99);
          fmt::print(" {:>17.2f}", ours > 0 ? theirs / ours : 0.0);
        }
      }
      const auto& h = results[engines.front()].hits[{cls, sort}];
      double sum = 0;
      for (double x : h) {
        sum += x;
      }
      fmt::print("  {:.1f}\n", h.empty() ? 0.0 : sum / static_cast<double>(h.size()));
    }
  }
}

int run(int argc, char** argv) {
  CLI::App app{"Vigie search benchmark: XapianIndex vs SQLite FTS5 vs raw Xapian"};
  std::uint64_t items = 1'000'000;
  std::string dir = "bench-search-data";
  std::vector<std::string> engines{"vigie", "vigie-ids", "fts5", "xapian"};
  std::size_t per_class = 60;
  std::uint64_t seed = 2026;
  app.add_option("--items", items, "items in the corpus (default 1000000)");
  app.add_option("--dir", dir, "where the indexes live; reused when they hold --items items");
  app.add_option("--engines", engines, "engines to run: vigie,vigie-ids,fts5,xapian")
      ->delimiter(',')
      ->check(CLI::IsMember({"vigie", "vigie-ids", "fts5", "xapian"}));
  app.add_option("--queries", per_class, "queries per class (default 60)");
  app.add_option("--seed", seed, "corpus and workload seed");
  std::size_t near_cap = storage::XapianIndexOptions{}.max_near_candidates;
  std::size_t ranked_cap = storage::XapianIndexOptions{}.max_ranked_matches;
  app.add_option("--max-ranked-matches", ranked_cap,
                 "vigie: rank a huge result set among its newest matches first (0: rank all)");
  app.add_option("--max-near-candidates", near_cap,
                 "vigie: NEAR looks among this many newest candidates (0: exact, unbounded)");
  bool read_only = false;
  app.add_flag("--read-only", read_only,
               "vigie: open the index read-only, beside a run still building it (implies "
               "--no-build for it, and no insert to searchable)");
  bool no_build = false;
  app.add_flag("--no-build", no_build, "search the indexes as they are, even if partial");
  std::size_t fts5_per_class = 0;
  app.add_option("--fts5-queries", fts5_per_class,
                 "fts5 runs only the first N queries of each class (0: all); at 1M items some "
                 "of its queries take seconds");
  std::vector<std::string> only_classes;
  app.add_option("--classes", only_classes, "run only these query classes (for profiling)")
      ->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  const Corpus corpus(seed, items);
  Workload workload(corpus, seed + 1);
  auto queries = workload.make(per_class);
  if (!only_classes.empty()) {
    std::erase_if(queries, [&](const BenchQuery& q) {
      return std::find(only_classes.begin(), only_classes.end(), q.cls) == only_classes.end();
    });
  }
  fmt::print("corpus: {} items, {} queries x 2 sorts per engine\n", items, queries.size());

  std::map<std::string, Timings> results;
  std::map<std::string, std::vector<double>> freshness;
  for (const auto& name : engines) {
    // vigie-ids searches the vigie index without snippets.
    const std::string files = name == "vigie-ids" ? "vigie" : name;
    const std::filesystem::path path =
        std::filesystem::path(dir) / fmt::format("{}-{}", files, items);
    const bool ours = name == "vigie" || name == "vigie-ids";
    std::unique_ptr<Engine> engine =
        name == "vigie"       ? make_vigie_engine(path, &corpus, near_cap, ranked_cap, read_only)
        : name == "vigie-ids" ? make_vigie_engine(path, nullptr, near_cap, ranked_cap, read_only)
        : name == "fts5"      ? make_fts5_engine(path)
                              : make_raw_xapian_engine(path);
    const std::uint64_t have = engine->count();
    if (have < items && !no_build && !(ours && read_only)) {
      const auto t0 = Clock::now();
      std::uint64_t next = have + 1;
      constexpr std::uint64_t kReport = 100'000;
      while (next <= items) {
        const std::uint64_t last = std::min(items, next + kReport - 1);
        engine->build(corpus, next, last);
        fmt::print("  {}: {} items indexed, {:.0f} s\n", name, last, ms_since(t0) / 1000);
        std::fflush(stdout);
        next = last + 1;
      }
      fmt::print("{}: built in {:.1f} s ({:.0f} items/s)\n", name, ms_since(t0) / 1000,
                 static_cast<double>(items - have) / (ms_since(t0) / 1000));
    }
    fmt::print("{}: {} documents, {:.2f} GiB on disk\n", name, engine->count(),
               static_cast<double>(directory_bytes(path)) / (1 << 30));

    auto& t = results[name];
    std::map<std::string, std::size_t> run_in_class;
    for (int pass = 0; pass < 2; ++pass) {  // pass 0 warms the page cache
      run_in_class.clear();
      for (const auto& q : queries) {
        if (name == "fts5" && fts5_per_class > 0 && run_in_class[q.cls]++ >= fts5_per_class) {
          continue;
        }
        for (Sort sort : {Sort::Relevance, Sort::Date}) {
          const auto t0 = Clock::now();
          const double c0 = thread_cpu_ms();
          const std::size_t n = engine->search(q, sort);
          const double cpu = thread_cpu_ms() - c0;
          const double ms = ms_since(t0);
          if (pass == 1) {
            t.wall[{q.cls, sort}].push_back(ms);
            t.cpu[{q.cls, sort}].push_back(cpu);
            t.hits[{q.cls, sort}].push_back(static_cast<double>(n));
          }
        }
      }
    }
    // Insert to searchable: add one item with a new word, commit, search for it.
    for (std::uint64_t k = 0; k < 20 && !(ours && read_only); ++k) {
      auto doc = corpus.item(1 + k);
      doc.id = static_cast<core::ItemId>(items + 1 + k);
      // Digits between letters: no stemmer folds two markers together.
      const std::string marker = fmt::format("zq{}x", 1000 + k);
      doc.text += " " + marker;
      const auto t0 = Clock::now();
      const bool found = engine->add_and_find(doc, marker);
      freshness[name].push_back(found ? ms_since(t0) : 1e9);
    }
  }

  std::string note = fmt::format("top 20, {} queries per class", per_class);
  if (fts5_per_class > 0 && fts5_per_class < per_class) {
    note += fmt::format(" (fts5: the first {} of them)", fts5_per_class);
  }
  note += "; p99 is the sample of rank ceil(0.99 n); hits: mean results";
  print_table(("wall-clock latency in ms, " + note).c_str(), engines, results, &Timings::wall);
  print_table(("CPU time in ms of the searching thread, " + note).c_str(), engines, results,
              &Timings::cpu);
  fmt::print("\ninsert to searchable (add + commit + search finds it), ms over 20 trials\n");
  for (const auto& name : engines) {
    const auto& v = freshness[name];
    fmt::print("{:<8} p50 {:>8.2f}  max {:>8.2f}\n", name, percentile(v, 0.5), percentile(v, 1.0));
  }
  return 0;
}

}  // namespace
}  // namespace vigie::bench

int main(int argc, char** argv) {
  return vigie::bench::run(argc, argv);
}
