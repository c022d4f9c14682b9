// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The demo corpus (data/demo) for story-clustering tests and benchmarks: loads every feed of
// data/demo/feeds into a store (one source per file, named "demo:<file>"), maps the
// (feed file, GUID) references of stories.tsv and story_pairs.tsv to stored items, and scores
// a pairwise decision against the labelled pairs, per class.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "storage/store.h"

namespace vigie::testing {

// data/demo in the source tree.
std::filesystem::path demo_dir();

using DemoRef = std::pair<std::string, std::string>;  // feed file, item GUID

struct LabelledPair {
  bool same = false;
  std::string klass;  // exact, edited, translated; trap, sibling, template, random
  DemoRef a;
  DemoRef b;
};

// Reads data/demo/story_pairs.tsv (or `path`). Throws on a malformed line.
std::vector<LabelledPair> read_story_pairs(const std::filesystem::path& path);

// story key -> members, from stories.tsv; trap groups ("trap-") are left out.
std::map<std::string, std::vector<DemoRef>> read_stories(const std::filesystem::path& path);

// Ingests every file of data/demo/feeds for `org` and returns (feed file, GUID) -> item id.
// Ingesting twice stores nothing new. Throws on any error.
std::map<DemoRef, core::ItemId> load_demo_corpus(storage::Store& store, const core::Clock& clock,
                                                 core::OrgId org);

// Counts of one class of pairs.
struct PairCounts {
  std::size_t true_positive = 0;
  std::size_t false_negative = 0;
  std::size_t false_positive = 0;
  std::size_t true_negative = 0;
};

struct PairScores {
  std::map<std::string, PairCounts> by_class;
  PairCounts all;          // every pair
  PairCounts monolingual;  // every pair but the translated ones
  double precision() const { return precision_of(all); }
  static double precision_of(const PairCounts& c);
  static double recall_of(const PairCounts& c);
};

// Scores `same(a, b)` over the pairs whose both items are in `ids`. Throws when a pair names
// an item that is not loaded.
PairScores score_pairs(const std::vector<LabelledPair>& pairs,
                       const std::map<DemoRef, core::ItemId>& ids,
                       const std::function<bool(core::ItemId, core::ItemId)>& same);

}  // namespace vigie::testing
