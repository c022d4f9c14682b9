// SPDX-License-Identifier: AGPL-3.0-or-later
// The query parser takes whatever users type. Beyond not crashing, every accepted query must
// print to a canonical form that parses back to the same tree, and evaluating and highlighting
// it must be safe.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>

#include "match/evaluator.h"
#include "match/highlight.h"
#include "match/query.h"
#include "text/text.h"

namespace {

// Whether every term of the query tokenises back to itself. text::fold can produce characters
// that tokenize() treats as separators (U+0140 "ŀ" folds to "l·"); such terms cannot be
// written back as query text, so the round-trip check does not apply to them.
bool terms_are_printable(const vigie::match::Query& q) {
  using namespace vigie::match;  // NOLINT(google-build-using-namespace)
  auto printable = [](const std::string& term) {
    auto tokens = vigie::text::tokenize(term);
    return tokens.size() == 1 && tokens[0].term == term;
  };
  auto operand_ok = [&](const auto& o) {
    using T = std::decay_t<decltype(o)>;
    if constexpr (std::is_same_v<T, Term>) {
      return printable(o.term);
    } else if constexpr (std::is_same_v<T, Prefix>) {
      return printable(o.prefix);
    } else {
      return std::all_of(o.terms.begin(), o.terms.end(), printable);
    }
  };
  return std::visit(
      [&](const auto& node) -> bool {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<
                          T, Term> || std::is_same_v<T, Prefix> || std::is_same_v<T, Phrase>) {
          return operand_ok(node);
        } else if constexpr (std::is_same_v<T, Near>) {
          return std::visit(operand_ok, node.left) && std::visit(operand_ok, node.right);
        } else if constexpr (std::is_same_v<T, And> || std::is_same_v<T, Or>) {
          return std::all_of(node.children.begin(), node.children.end(), terms_are_printable);
        } else if constexpr (std::is_same_v<T, Not>) {
          return terms_are_printable(node.operand());
        } else {
          return true;
        }
      },
      q.node);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigie::match;  // NOLINT(google-build-using-namespace): fuzz entry point
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  auto q = parse_query_detailed(input);
  if (!q) {
    (void)describe(q.error());
    return 0;
  }
  const std::string canonical = to_string(*q);
  auto again = parse_query_detailed(canonical);
  if (terms_are_printable(*q) && (!again || !(*again == *q))) {
    std::abort();
  }
  static const std::string kTags[] = {"coton bio"};
  static const EvalDocument kDoc(DocumentFields{
      .title = "Le prix du coton grimpe en Côte d'Ivoire",
      .text = "Les exportations de noix de cajou ont augmenté; le coton reste en tête.",
      .source = "Agence Ecofin",
      .author = "Jean Dupont",
      .lang = "fr",
      .country = "CI",
      .tags = kTags,
      .date = vigie::core::from_unix(1'771'000'000),
  });
  (void)evaluate(*q, kDoc);
  (void)snippet_html("Les exportations de noix de cajou ont augmenté.", "fr", *q, 4);
  return 0;
}
