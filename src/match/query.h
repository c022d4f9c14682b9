// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The query language shared by topics, search and filters (DESIGN.md §6 "Query language"),
// parsed once into a Query value. The grammar, the matching rules and examples are in
// src/match/README.md; this header is the contract of the AST.
//
// Every term in the tree is already folded (text::fold: case and accents removed) and comes
// from text::tokenize, exactly as documents are tokenised, so backends compare terms with `==`.
// A Query is an immutable value: copyable, comparable, safe to share between threads.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/time.h"

namespace vigie::match {

// The text fields a word, prefix, phrase or NEAR can be restricted to. Any means title or body
// text (not source, not author).
enum class Field { Any, Title, Source, Author };

// Exact-value filters: the document's language code, country code, and tags.
enum class FilterField { Lang, Country, Tag };

// A bare word. Matches a token of the field whose folded form is equal, or whose stem in the
// document's language equals the word's stem in that language. In Field::Source and
// Field::Author, and inside NEAR, only folded forms are compared (names are not stemmed).
struct Term {
  std::string term;  // folded, one token
  Field field = Field::Any;
  bool operator==(const Term&) const = default;
};

// `word*`: any token of the field whose folded form starts with `prefix` (no stemming).
struct Prefix {
  std::string prefix;  // folded, one token, at least ParseLimits::min_prefix_chars code points
  Field field = Field::Any;
  bool operator==(const Prefix&) const = default;
};

// `"a b c"`: the folded forms in this order at consecutive positions of one field (no
// stemming; a one-word phrase is an exact, unstemmed word). A query word that tokenises into
// several tokens ("e-commerce", "l'export") is also a Phrase.
struct Phrase {
  std::vector<std::string> terms;  // folded, at least one
  Field field = Field::Any;
  bool operator==(const Phrase&) const = default;
};

// One side of a NEAR. Terms inside NEAR compare folded forms only.
using NearOperand = std::variant<Term, Prefix, Phrase>;

// `a NEAR/n b`: an occurrence of each operand in the same field (for Field::Any: both in the
// title or both in the body), in either order, not overlapping, with at most `distance` other
// words between them. Both operands carry the same field.
struct Near {
  NearOperand left;
  NearOperand right;
  int distance = 10;
  bool operator==(const Near&) const = default;
};

// `lang:fr`, `country:ci`, `tag:"coton bio"`: the folded value equals the document's folded
// language, country, or one of its folded tags.
struct Filter {
  FilterField field = FilterField::Lang;
  std::string value;  // folded, non-empty
  bool operator==(const Filter&) const = default;
};

// The item date (published, else fetched) lies in [from, until). Bounds are UTC midnights;
// at least one is set, and from < until when both are.
struct DateRange {
  std::optional<core::Timestamp> from;
  std::optional<core::Timestamp> until;
  bool operator==(const DateRange&) const = default;
};

struct Query;

// All children match. At least two children; no child is itself an And (the parser flattens).
struct And {
  std::vector<Query> children;
  bool operator==(const And&) const;
};

// At least one child matches. At least two children; no child is itself an Or.
struct Or {
  std::vector<Query> children;
  bool operator==(const Or&) const;
};

// The operand does not match. A query may be purely negative ("-sport"): it then matches every
// document without the operand, which backends must support.
struct Not {
  explicit Not(Query operand);
  Not(const Not& other);
  Not& operator=(const Not& other);
  Not(Not&&) noexcept = default;
  Not& operator=(Not&&) noexcept = default;
  ~Not();
  const Query& operand() const { return *operand_; }
  bool operator==(const Not& other) const;

 private:
  std::unique_ptr<Query> operand_;  // never null
};

struct Query {
  using Node = std::variant<Term, Prefix, Phrase, Near, Filter, DateRange, And, Or, Not>;
  Node node;
  bool operator==(const Query&) const = default;
};

// Bounds that keep parsing and evaluation cheap whatever users type. Exceeding one is a syntax
// error with its own key (see QuerySyntaxError).
struct ParseLimits {
  std::size_t max_bytes = 4096;    // query length in bytes
  int max_depth = 32;              // nesting of parentheses and NOT
  int max_terms = 256;             // words, prefixes and phrase words, counted together
  int max_near_distance = 100;     // largest n in NEAR/n
  int default_near_distance = 10;  // n for a bare NEAR
  int min_prefix_chars = 3;        // code points before '*'
};

// The longest folded term, in bytes, that is indexed or accepted in a query. Longer tokens
// (URLs run together, base64 noise) are skipped by indexers and the evaluator alike, so they
// never disagree; a longer query word is a syntax error.
inline constexpr std::size_t kMaxTermBytes = 120;

// Where and why a query failed to parse, for messages in any language. `expected_key` is a
// stable catalog key (the list is in README.md), e.g. "query.expected_close_paren".
struct QuerySyntaxError {
  int column = 1;  // 1-based, in Unicode code points
  std::string expected_key;
  std::string found;       // the text found at `column`, empty at the end of the query
  int related_column = 0;  // the '(' or '"' an error refers back to; 0 when none
  bool operator==(const QuerySyntaxError&) const = default;
};

// Parses `text` into a Query, or says where it broke.
tl::expected<Query, QuerySyntaxError> parse_query_detailed(std::string_view text,
                                                           const ParseLimits& limits = {});

// As parse_query_detailed, with the failure as core::Error{InvalidInput, "query.syntax",
// describe(error)}.
core::Result<Query> parse_query(std::string_view text, const ParseLimits& limits = {});

// English technical text: "column 14: expected ')' to close the '(' at column 3".
std::string describe(const QuerySyntaxError& error);

// Canonical form, for tests and to show users what was understood: explicit AND/OR/NOT,
// folded terms, dates as date:A..B / date:>=A / date:<B. parse_query(to_string(q)) == q.
std::string to_string(const Query& query);

// The field a NEAR operand is restricted to.
Field field_of(const NearOperand& operand);

// How filter values are compared, on both sides: text::fold, then whitespace trimmed and runs
// of whitespace collapsed to one space ("Coton  Bio " -> "coton bio"). Indexers and the
// evaluator apply it to the document's lang, country and tags.
std::string normalize_filter_value(std::string_view value);

}  // namespace vigie::match
