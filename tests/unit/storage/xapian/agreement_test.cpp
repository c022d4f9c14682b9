// SPDX-License-Identifier: AGPL-3.0-or-later
// The index must select exactly the documents the reference evaluator selects. Documents and
// queries are generated from a small vocabulary (inflected French and English words, accents,
// repeated words) with a seeded RNG, so words, stems, phrases, prefixes, NEAR, fields, filters
// and dates all get hit and missed.

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "match/evaluator.h"
#include "match/query.h"
#include "storage/xapian/xapian_index.h"
#include "temp_dir.h"

namespace vigie::storage {
namespace {

const std::vector<std::string> kWords = {
    "exportation", "exportations", "exporter",    "exporté",  "coton",     "cotons",   "prix",
    "marché",      "marchés",      "récolte",     "récoltes", "cajou",     "anacarde", "Côte",
    "Ivoire",      "producteur",   "producteurs", "agricole", "agricoles", "appel",    "offres",
    "export",      "exports",      "exporting",   "price",    "prices",    "market",   "markets",
    "harvest",     "harvesting",   "farmer",      "farmers",  "cotton",    "cashew",   "de",
    "la",          "le",           "du",          "the",      "of",        "and",      "2026"};
const std::vector<std::string> kSources = {"Agence Ecofin", "Reuters Africa", "Le Monde"};
const std::vector<std::string> kAuthors = {"Jean Dupont", "Awa Traoré", ""};
const std::vector<std::string> kLangs = {"fr", "en", "und", "es"};
const std::vector<std::string> kCountries = {"CI", "SN", "BF", ""};
const std::vector<std::string> kTags = {"coton", "Coton Bio", "cajou", "export"};

class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  // Zipf-like: low indexes are much more frequent.
  const std::string& word() {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    const auto i = static_cast<std::size_t>(u * u * static_cast<double>(kWords.size()));
    return kWords[std::min(i, kWords.size() - 1)];
  }

  std::string words(std::size_t lo, std::size_t hi) {
    std::string out;
    const std::size_t n = lo + below(hi - lo + 1);
    for (std::size_t i = 0; i < n; ++i) {
      if (!out.empty()) {
        out += chance(0.1) ? ", " : " ";
      }
      out += word();
    }
    return out;
  }

  IndexDocument document(core::ItemId id) {
    IndexDocument d;
    d.id = id;
    d.org_id = chance(0.8) ? 1 : 2;
    d.source_id = static_cast<core::SourceId>(below(3));
    d.source = kSources[static_cast<std::size_t>(d.source_id)];
    d.title = words(2, 7);
    d.text = words(5, 40);
    d.lang = kLangs[below(kLangs.size())];
    d.country = kCountries[below(kCountries.size())];
    for (const auto& t : kTags) {
      if (chance(0.3)) {
        d.tags.push_back(t);
      }
    }
    d.author = kAuthors[below(kAuthors.size())];
    const std::int64_t start = 1'735'689'600;  // 2025-01-01
    const auto day = static_cast<std::int64_t>(below(730));
    d.fetched_at = core::from_unix(start + day * 86'400 + 3'600);
    if (chance(0.7)) {
      d.published =
          core::from_unix(start + day * 86'400 - static_cast<std::int64_t>(below(80'000)));
    }
    return d;
  }

  std::string atom() {
    switch (below(10)) {
      case 0:
        return "\"" + words(2, 3) + "\"";
      case 1: {
        // A prefix of 3 or more code points.
        const std::string& w = word();
        std::vector<std::size_t> starts;  // byte offset of each code point
        for (std::size_t i = 0; i < w.size(); ++i) {
          if ((static_cast<unsigned char>(w[i]) & 0xC0U) != 0x80U) {
            starts.push_back(i);
          }
        }
        if (starts.size() < 4) {
          return w;
        }
        const std::size_t n = 3 + below(starts.size() - 3);
        return w.substr(0, starts[n]) + "*";
      }
      default:
        return word();
    }
  }

  std::string leaf() {
    static const char* kDates[] = {"date:2025",
                                   "date:2026-03",
                                   "after:2025-07-01",
                                   "before:2025-04-15",
                                   "date:2025-02-01..2025-11-30",
                                   "date:>2026-06-30",
                                   "date:<=2025-01-31"};
    switch (below(16)) {
      case 0:
        return "title:" + atom();
      case 1:
        return "source:" + std::string(chance(0.5) ? "ecofin" : "\"le monde\"");
      case 2:
        return "author:" + std::string(chance(0.5) ? "traore" : "jean");
      case 3:
        return "lang:" + kLangs[below(kLangs.size())];
      case 4:
        return "country:" + std::string(chance(0.5) ? "ci" : "sn");
      case 5:
        return "tag:\"" + kTags[below(kTags.size())] + "\"";
      case 6:
        return kDates[below(std::size(kDates))];
      case 7:
      case 8: {
        const std::string field = chance(0.2) ? "title:" : "";
        const std::string near =
            field + atom() + " NEAR/" + std::to_string(below(6)) + " " + field + atom();
        return chance(0.5) ? near : "(" + near + ")";
      }
      default:
        return atom();
    }
  }

  std::string query(int depth = 0) {
    if (depth >= 3 || chance(0.35)) {
      return (chance(0.15) ? "-" : "") + leaf();
    }
    const std::string a = query(depth + 1);
    const std::string b = query(depth + 1);
    switch (below(4)) {
      case 0:
        return "(" + a + " OR " + b + ")";
      case 1:
        return "(" + a + " NOT " + b + ")";
      default:
        return "(" + a + " " + b + ")";
    }
  }

 private:
  std::mt19937 rng_;
};

match::EvalDocument eval_document(const IndexDocument& d) {
  return match::EvalDocument(match::DocumentFields{
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

TEST(XapianAgreementTest, SelectsTheSameDocumentsAsTheReferenceEvaluator) {
  testing::TempDir dir;
  auto opened = XapianIndex::open(dir / "index");
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& index = **opened;
  Generator gen(20260301);

  // Build, then rewrite and delete some documents, so maintenance is covered too.
  std::map<core::ItemId, IndexDocument> docs;
  std::vector<IndexDocument> batch;
  for (core::ItemId id = 1; id <= 400; ++id) {
    batch.push_back(gen.document(id));
    docs[id] = batch.back();
  }
  ASSERT_TRUE(index.add(batch).has_value());
  ASSERT_TRUE(index.commit(1).has_value());
  batch.clear();
  std::vector<core::ItemId> removed;
  for (core::ItemId id = 1; id <= 400; id += 7) {
    if (id % 2 == 0) {
      batch.push_back(gen.document(id));
      docs[id] = batch.back();
    } else {
      removed.push_back(id);
      docs.erase(id);
    }
  }
  ASSERT_TRUE(index.add(batch).has_value());
  ASSERT_TRUE(index.remove(removed).has_value());
  ASSERT_TRUE(index.commit(2).has_value());

  std::map<core::ItemId, match::EvalDocument> evals;
  for (const auto& [id, d] : docs) {
    evals.emplace(id, eval_document(d));
  }

  int non_trivial = 0;
  for (int i = 0; i < 600; ++i) {
    const std::string text = gen.query();
    SCOPED_TRACE(text);
    auto q = match::parse_query(text);
    ASSERT_TRUE(q.has_value()) << q.error().message;
    for (core::OrgId org : {1, 2}) {
      std::vector<core::ItemId> expected;
      for (const auto& [id, d] : docs) {
        if (d.org_id == org && match::evaluate(*q, evals.at(id))) {
          expected.push_back(id);
        }
      }
      auto r = index.search(SearchRequest{*q, org, 0, kMaxSearchLimit, SearchSort::Relevance});
      ASSERT_TRUE(r.has_value()) << r.error().message;
      std::vector<core::ItemId> got;
      for (const auto& h : r->hits) {
        got.push_back(h.id);
      }
      std::sort(got.begin(), got.end());
      ASSERT_EQ(got, expected) << "canonical: " << match::to_string(*q) << " org " << org;
      if (!expected.empty() && expected.size() < 100) {
        ++non_trivial;
      }
    }
  }
  // The generator must produce selective queries, or the test proves little.
  EXPECT_GT(non_trivial, 300);
}

}  // namespace
}  // namespace vigie::storage
