// SPDX-License-Identifier: AGPL-3.0-or-later
// Differential target for the percolator: a query users typed, compiled into a Percolator,
// must match a document exactly when the reference evaluator says so (match/percolator.h's
// contract), whatever the query and the document hold. The input is the query's text, then
// after a newline the document's title, then after another the document's text; the first
// byte of the text also picks the document's language.
//
// The agreement test (tests/unit/storage/xapian/agreement_test.cpp) asks the same over
// generated queries, with the search index as a third party; this target tries what its
// generator does not write.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "fuzz_fail.h"
#include "match/evaluator.h"
#include "match/percolator.h"
#include "match/query.h"

namespace {

std::string_view next_line(std::string_view& rest) {
  const std::size_t nl = rest.find('\n');
  const std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  return line;
}

[[noreturn]] void fail(std::string_view what, std::string_view query) {
  vigie::fuzz::fail(what, {{"query", query}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigie::match;  // NOLINT(google-build-using-namespace): fuzz entry point
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const std::string_view query_text = next_line(rest);
  const std::string_view title = next_line(rest);
  const std::string_view text = rest;

  auto q = parse_query_detailed(query_text);
  if (!q) {
    return 0;
  }
  const bool percolatable = check_percolatable(*q).has_value();
  std::vector<PercolatorTopic> topics(1);
  topics[0].id = 7;
  topics[0].query = *q;
  const Percolator percolator(topics);
  if (!percolatable) {
    // Refused before saving, and left out of the index the same way.
    if (percolator.refused().size() != 1) {
      fail("a query check_percolatable refuses was compiled", query_text);
    }
    return 0;
  }
  if (!percolator.refused().empty()) {
    fail("a query check_percolatable accepts was refused", query_text);
  }

  static constexpr std::array<std::string_view, 6> kLangs = {"fr", "en", "es", "ar", "zh", ""};
  static const std::vector<std::string> kTags = {"coton bio", "export"};
  const std::string_view lang = kLangs[text.empty() ? 5 : static_cast<unsigned char>(text[0]) % 6];
  const EvalDocument doc(DocumentFields{
      .title = title,
      .text = text,
      .source = "Agence Ecofin",
      .author = "Awa Traoré",
      .lang = lang,
      .country = "BF",
      .tags = kTags,
      .date = vigie::core::from_unix(1'771'000'000),
  });

  const bool expected = evaluate(*q, doc);
  const std::vector<PercolatorHit> hits = percolator.percolate(doc);
  if (hits.size() != (expected ? 1U : 0U)) {
    fail(expected ? "the evaluator matches, the percolator does not"
                  : "the percolator matches, the evaluator does not",
         query_text);
  }
  if (expected) {
    const PercolatorHit& hit = hits[0];
    if (hit.topic_id != 7 || !std::isfinite(hit.score) || hit.score < 0) {
      fail("a hit with a wrong topic or score", query_text);
    }
    // A candidate is never missed: the pre-filter only narrows.
    const std::vector<std::int64_t> candidates = percolator.candidates(doc);
    if (candidates.size() != 1 || candidates[0] != 7) {
      fail("a match that was not a candidate", query_text);
    }
  }
  return 0;
}
