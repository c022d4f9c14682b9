// SPDX-License-Identifier: AGPL-3.0-or-later
// Story clustering: precision and recall on the labelled pairs of the demo corpus
// (data/demo/story_pairs.tsv), then throughput on N items made of variants of the demo items.
// Each figure is printed for the measured decision (SimHash confirmed by text and title) next
// to two peers in the same run: exact keys only (canonical URL, content hash) and SimHash
// alone (no confirmation).
//
//   vigie_bench_stories [--items N] [--store-items M] [--dump FILE]
//
// --items: items clustered in memory (match::StoryIndex), default 100000; --store-items: items
// clustered through the store (service::StoryService over SQLite in memory), default 20000.
// --dump writes every labelled pair with its features (for choosing thresholds).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "demo/demo_corpus.h"
#include "match/story.h"
#include "service/story_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "text/text.h"

namespace {

using vigie::core::Item;
using vigie::core::ItemId;
using vigie::match::StoryFeatures;
using vigie::match::StoryMode;
using vigie::match::StoryParams;
using vigie::testing::PairCounts;
using vigie::testing::PairScores;
using Steady = std::chrono::steady_clock;

class BenchClock final : public vigie::core::Clock {
 public:
  vigie::core::Timestamp now() const override { return vigie::core::from_unix(1'790'000'000); }
  Steady::time_point steady_now() const override { return Steady::now(); }
};

// CPU time of this (single-threaded) process: on a shared machine, wall time measures the
// neighbours; CPU time measures the work.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double seconds_since(double t) {
  return cpu_now() - t;
}

vigie::core::Timestamp first_seen(const Item& it) {
  return it.published_at.value_or(it.fetched_at);
}

struct Mode {
  const char* name;
  StoryParams params;
};

std::vector<Mode> modes() {
  StoryParams exact;
  exact.mode = StoryMode::ExactOnly;
  StoryParams simhash;
  simhash.mode = StoryMode::SimHashOnly;
  StoryParams simhash3 = simhash;
  simhash3.max_hamming = 3;
  return {{"vigie (simhash + text/title)", {}},
          {"peer: exact keys only", exact},
          {"peer: simhash <= 26 alone", simhash},
          {"peer: simhash <= 3 alone", simhash3}};
}

std::string pr(const PairCounts& c) {
  return fmt::format("P {:.3f} R {:.3f}", PairScores::precision_of(c), PairScores::recall_of(c));
}

void print_scores(const char* what, const Mode& m, const PairScores& s) {
  auto cls = [&](const char* k) {
    auto it = s.by_class.find(k);
    return it == s.by_class.end() ? PairCounts{} : it->second;
  };
  std::printf(
      "  %-30s %-8s same-language %s | all %s | recall exact %.3f edited %.3f "
      "translated %.3f | false positives trap %zu sibling %zu template %zu random %zu\n",
      m.name, what, pr(s.monolingual).c_str(), pr(s.all).c_str(),
      PairScores::recall_of(cls("exact")), PairScores::recall_of(cls("edited")),
      PairScores::recall_of(cls("translated")), cls("trap").false_positive,
      cls("sibling").false_positive, cls("template").false_positive, cls("random").false_positive);
}

// A variant of a demo item: every word replaced with probability 1/2 by a word of its own
// (so variants of one item are distinct stories), new URL and hash.
Item variant(const Item& base, std::uint64_t copy, std::uint64_t serial) {
  Item it = base;
  std::string out;
  std::uint64_t h = copy * 0x9e3779b97f4a7c15ULL + 1;
  std::size_t start = 0;
  const std::string& t = base.text;
  while (start < t.size()) {
    std::size_t end = t.find(' ', start);
    if (end == std::string::npos) {
      end = t.size();
    }
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    if (copy != 0 && (h & 1U) != 0) {
      out += fmt::format("w{}", (h >> 8) % 50000);
    } else {
      out.append(t, start, end - start);
    }
    out += ' ';
    start = end + 1;
  }
  it.text = std::move(out);
  it.title = fmt::format("{} {}", base.title, copy);
  it.url = fmt::format("https://v{}.example/{}", copy, serial);
  it.canonical_url = it.url;
  it.content_hash = fmt::format("{:064x}", serial);
  it.simhash = vigie::text::simhash(it.title + "\n" + it.text);
  return it;
}

// The same variant republished: the first sentence cut, another URL.
Item republished(const Item& v, std::uint64_t serial) {
  Item it = v;
  const std::size_t dot = it.text.find(". ");
  if (dot != std::string::npos) {
    it.text.erase(0, dot + 2);
  }
  it.url = fmt::format("https://r.example/{}", serial);
  it.canonical_url = it.url;
  it.content_hash = fmt::format("{:064x}", serial);
  it.simhash = vigie::text::simhash(it.title + "\n" + it.text);
  return it;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t n_items = 100'000;
  std::size_t n_store = 20'000;
  std::string dump;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--items") == 0 && i + 1 < argc) {
      n_items = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (std::strcmp(argv[i], "--store-items") == 0 && i + 1 < argc) {
      n_store = static_cast<std::size_t>(std::atol(argv[++i]));
    } else if (std::strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
      dump = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s [--items N] [--store-items M] [--dump FILE]\n", argv[0]);
      return 2;
    }
  }
  auto store = vigie::storage::sqlite::SqliteStore::open({.path = ":memory:"});
  if (!store) {
    std::fprintf(stderr, "cannot open store\n");
    return 1;
  }
  BenchClock clock;
  const auto org = (*store)->ensure_operator("Bench");
  const auto ids = vigie::testing::load_demo_corpus(**store, clock, org->id);
  std::vector<ItemId> id_list;
  for (const auto& [ref, id] : ids) {
    id_list.push_back(id);
  }
  auto items = (*store)->get_items(id_list);
  std::sort(items->begin(), items->end(), [](const Item& a, const Item& b) {
    return first_seen(a) != first_seen(b) ? first_seen(a) < first_seen(b) : a.id < b.id;
  });
  std::map<ItemId, StoryFeatures> features;
  for (const auto& it : *items) {
    features[it.id] = vigie::match::story_features(it);
  }
  const auto pairs =
      vigie::testing::read_story_pairs(vigie::testing::demo_dir() / "story_pairs.tsv");
  std::printf("demo corpus: %zu items, %zu labelled pairs\n", items->size(), pairs.size());

  if (!dump.empty()) {
    std::ofstream out(dump);
    out << "label\tclass\thamming\ttitle\ttext\tcontainment\tnumbers\ttitle_numbers_differ\tlang_"
           "a\tlang_"
           "b\tlink\n";
    for (const auto& p : pairs) {
      const auto& fa = features[ids.at(p.a)];
      const auto& fb = features[ids.at(p.b)];
      const auto d = vigie::match::decide_story(fa, fb);
      out << fmt::format("{}\t{}\t{}\t{:.3f}\t{:.3f}\t{:.3f}\t{:.3f}\t{}\t{}\t{}\t{}\n",
                         p.same ? "same" : "different", p.klass, d.hamming, d.title_similarity,
                         d.text_similarity, d.containment, d.number_overlap,
                         d.title_numbers_differ ? 1 : 0, fa.lang, fb.lang,
                         vigie::match::to_string(d.link));
    }
  }

  std::printf("\nprecision (P) and recall (R) on the labelled pairs:\n");
  for (const auto& m : modes()) {
    const auto pairwise = vigie::testing::score_pairs(pairs, ids, [&](ItemId a, ItemId b) {
      return vigie::match::decide_story(features[a], features[b], m.params).same();
    });
    print_scores("pairwise", m, pairwise);
    vigie::match::StoryIndex index(m.params);
    std::map<ItemId, std::int64_t> story;
    for (const auto& it : *items) {
      story[it.id] = index.add(features[it.id]);
    }
    const auto clustered = vigie::testing::score_pairs(
        pairs, ids, [&](ItemId a, ItemId b) { return story[a] == story[b]; });
    print_scores("clusters", m, clustered);
  }

  // Throughput on n_items variants, in order, with some republished copies.
  std::vector<Item> corpus;
  corpus.reserve(n_items);
  for (std::uint64_t copy = 0; corpus.size() < n_items; ++copy) {
    for (std::size_t k = 0; k < items->size() && corpus.size() < n_items; ++k) {
      corpus.push_back(variant((*items)[k], copy, corpus.size()));
      if ((k + copy) % 5 == 0 && corpus.size() < n_items) {
        corpus.push_back(republished(corpus.back(), corpus.size()));
      }
    }
  }
  std::printf(
      "\nthroughput (per second of CPU time) on %zu items (variants of the demo items, 1 in 6 "
      "republished):\n",
      corpus.size());
  double t0 = cpu_now();
  std::vector<StoryFeatures> feats;
  feats.reserve(corpus.size());
  for (const auto& it : corpus) {
    feats.push_back(vigie::match::story_features(it));
  }
  const double t_features = seconds_since(t0);
  std::printf("  features (tokenise, shingles, title): %.0f items/s\n",
              static_cast<double>(corpus.size()) / t_features);
  for (const auto& m : modes()) {
    vigie::match::StoryIndex index(m.params);
    t0 = cpu_now();
    for (const auto& f : feats) {
      index.add(f);
    }
    const double t = seconds_since(t0);
    std::printf(
        "  %-30s clustering %.0f items/s (with features %.0f items/s), %lld stories, "
        "%.1f comparisons/item\n",
        m.name, static_cast<double>(corpus.size()) / t,
        static_cast<double>(corpus.size()) / (t + t_features),
        static_cast<long long>(index.story_count()),
        static_cast<double>(index.comparisons()) / static_cast<double>(corpus.size()));
  }

  // Through the store: the production path (candidates from story_keys, one transaction per
  // assignment), on the first n_store variants.
  if (n_store > 0) {
    auto bstore = vigie::storage::sqlite::SqliteStore::open({.path = ":memory:"});
    const auto borg = (*bstore)->ensure_operator("Bench");
    vigie::core::Source src;
    src.org_id = borg->id;
    src.url = "bench:variants";
    src.title = "variants";
    auto added = (*bstore)->add_source(src);
    std::vector<Item> batch;
    const std::size_t n = std::min(n_store, corpus.size());
    for (std::size_t i = 0; i < n; ++i) {
      Item it = corpus[i];
      it.org_id = borg->id;
      it.source_id = added->id;
      it.guid = fmt::format("v{}", i);
      batch.push_back(std::move(it));
    }
    if (!(*bstore)->upsert_items(added->id, batch)) {
      std::fprintf(stderr, "cannot store variants\n");
      return 1;
    }
    vigie::service::StoryService service(**bstore);
    t0 = cpu_now();
    auto report = service.assign_pending();
    const double t = seconds_since(t0);
    if (!report) {
      std::fprintf(stderr, "assign_pending: %s\n", report.error().message.c_str());
      return 1;
    }
    std::printf(
        "  StoryService over SQLite: %zu items in %.1f s: %.0f items/s (features, "
        "lookup, decision and one transaction per 500 items), %zu stories\n",
        report->assigned, t, static_cast<double>(report->assigned) / t, report->new_stories);
  }
  return 0;
}
