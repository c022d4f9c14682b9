// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Seeded generator of documents and queries for agreement tests (search backends, the
// percolator and the reference evaluator must select the same documents). A small vocabulary
// of inflected French and English words, accents and repeated words, so that words, stems,
// phrases, prefixes, NEAR, fields, filters and dates all get hit and missed.

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "match/evaluator.h"
#include "storage/search_index.h"

namespace vigie::testing {

using storage::IndexDocument;

inline const std::vector<std::string> kWords = {
    "exportation", "exportations", "exporter",    "exporté",  "coton",     "cotons",   "prix",
    "marché",      "marchés",      "récolte",     "récoltes", "cajou",     "anacarde", "Côte",
    "Ivoire",      "producteur",   "producteurs", "agricole", "agricoles", "appel",    "offres",
    "export",      "exports",      "exporting",   "price",    "prices",    "market",   "markets",
    "harvest",     "harvesting",   "farmer",      "farmers",  "cotton",    "cashew",   "de",
    "la",          "le",           "du",          "the",      "of",        "and",      "2026"};
inline const std::vector<std::string> kSources = {"Agence Ecofin", "Reuters Africa", "Le Monde"};
inline const std::vector<std::string> kAuthors = {"Jean Dupont", "Awa Traoré", ""};
inline const std::vector<std::string> kLangs = {"fr", "en", "und", "es"};
inline const std::vector<std::string> kCountries = {"CI", "SN", "BF", ""};
inline const std::vector<std::string> kTags = {"coton", "Coton Bio", "cajou", "export"};

class Generator {
 public:
  // `extra_words` join the vocabulary (e.g. Arabic or Chinese words); without them the
  // sequence for a seed is the one the Xapian agreement test was tuned on.
  explicit Generator(std::uint32_t seed, std::vector<std::string> extra_words = {})
      : rng_(seed), words_(kWords) {
    words_.insert(words_.end(), extra_words.begin(), extra_words.end());
  }

  std::size_t below(std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_);
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  // Zipf-like: low indexes are much more frequent.
  const std::string& word() {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng_);
    const auto i = static_cast<std::size_t>(u * u * static_cast<double>(words_.size()));
    return words_[std::min(i, words_.size() - 1)];
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
  std::vector<std::string> words_;
};

// The reference evaluator's view of a generated document.
inline match::EvalDocument eval_document(const IndexDocument& d) {
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

}  // namespace vigie::testing
