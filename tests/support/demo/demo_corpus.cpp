// SPDX-License-Identifier: AGPL-3.0-or-later
#include "demo/demo_corpus.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "service/ingest_service.h"

namespace vigie::testing {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::string field;
  std::istringstream ss(line);
  while (std::getline(ss, field, '\t')) {
    out.push_back(field);
  }
  return out;
}

std::vector<std::vector<std::string>> read_tsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      continue;
    }
    rows.push_back(split_tabs(line));
  }
  return rows;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::filesystem::path demo_dir() {
  return VIGIE_DEMO_DIR;
}

std::vector<LabelledPair> read_story_pairs(const std::filesystem::path& path) {
  std::vector<LabelledPair> out;
  for (const auto& row : read_tsv(path)) {
    if (row.size() != 6 || (row[0] != "same" && row[0] != "different")) {
      throw std::runtime_error("malformed pair line in " + path.string());
    }
    out.push_back({row[0] == "same", row[1], {row[2], row[3]}, {row[4], row[5]}});
  }
  return out;
}

std::map<std::string, std::vector<DemoRef>> read_stories(const std::filesystem::path& path) {
  std::map<std::string, std::vector<DemoRef>> out;
  for (const auto& row : read_tsv(path)) {
    if (row.size() != 4) {
      throw std::runtime_error("malformed story line in " + path.string());
    }
    if (row[0].starts_with("trap-")) {
      continue;
    }
    out[row[0]].emplace_back(row[1], row[2]);
  }
  return out;
}

std::map<DemoRef, core::ItemId> load_demo_corpus(storage::Store& store, const core::Clock& clock,
                                                 core::OrgId org) {
  service::IngestService ingest(store, clock);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(demo_dir() / "feeds")) {
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::map<DemoRef, core::ItemId> ids;
  for (const auto& path : files) {
    const std::string file = path.filename().string();
    auto source = store.find_source_by_url(org, "demo:" + file);
    if (!source) {
      core::Source s;
      s.org_id = org;
      s.kind = core::SourceKind::Import;
      s.url = "demo:" + file;
      s.title = file;
      source = store.add_source(s);
    }
    if (!source) {
      throw std::runtime_error("cannot add source " + file + ": " + source.error().message);
    }
    auto report = ingest.ingest_document(*source, slurp(path), {{}, "https://demo.example/"});
    if (!report) {
      throw std::runtime_error("cannot ingest " + file + ": " + report.error().message);
    }
  }
  auto all = store.item_ids_after(0, 1'000'000);
  if (!all) {
    throw std::runtime_error("cannot list items");
  }
  auto items = store.get_items(*all);
  if (!items) {
    throw std::runtime_error("cannot read items");
  }
  for (const auto& it : *items) {
    if (it.org_id != org) {
      continue;
    }
    auto source = store.get_source(it.source_id);
    if (source && source->url.starts_with("demo:")) {
      ids[{source->url.substr(5), it.guid}] = it.id;
    }
  }
  return ids;
}

double PairScores::precision_of(const PairCounts& c) {
  const std::size_t p = c.true_positive + c.false_positive;
  return p == 0 ? 1.0 : static_cast<double>(c.true_positive) / static_cast<double>(p);
}

double PairScores::recall_of(const PairCounts& c) {
  const std::size_t p = c.true_positive + c.false_negative;
  return p == 0 ? 1.0 : static_cast<double>(c.true_positive) / static_cast<double>(p);
}

PairScores score_pairs(const std::vector<LabelledPair>& pairs,
                       const std::map<DemoRef, core::ItemId>& ids,
                       const std::function<bool(core::ItemId, core::ItemId)>& same) {
  PairScores scores;
  for (const auto& p : pairs) {
    const auto a = ids.find(p.a);
    const auto b = ids.find(p.b);
    if (a == ids.end() || b == ids.end()) {
      throw std::runtime_error("pair names an item that is not loaded: " + p.a.second + " / "
                               + p.b.second);
    }
    const bool said = same(a->second, b->second);
    auto count = [&](PairCounts& c) {
      if (p.same) {
        ++(said ? c.true_positive : c.false_negative);
      } else {
        ++(said ? c.false_positive : c.true_negative);
      }
    };
    count(scores.by_class[p.klass]);
    count(scores.all);
    if (p.klass != "translated") {
      count(scores.monolingual);
    }
  }
  return scores;
}

}  // namespace vigie::testing
