// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The reference evaluator: decides whether one document matches a Query, by the rules stated in
// query.h, with no index. It is the definition every search backend and the percolator must
// agree with (tests/unit/storage/xapian compares them on generated documents and queries), so
// it favours being obviously right over being fast.
//
// FieldTokens is also how indexers tokenise documents: building index terms from the same
// tokens and stems is what keeps a backend in agreement with this file.
//
// Pure and thread-safe; EvalDocument is an immutable value once built.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "match/query.h"
#include "text/text.h"

namespace vigie::match {

// True when text::stem_languages() lists `lang` (after normalize_filter_value).
bool has_stemmer(std::string_view lang);

// One field of a document, tokenised with text::tokenize. Tokens whose folded form is longer
// than kMaxTermBytes are dropped (their positions stay unused, so phrases do not jump over
// them). `stems` is empty, or parallel to `tokens` with text::stem(term, lang).
struct FieldTokens {
  std::vector<text::Token> tokens;
  std::vector<std::string> stems;

  // `lang` is a normalised language code; stems are computed only when has_stemmer(lang).
  static FieldTokens build(std::string_view text, std::string_view lang);
};

// What the evaluator needs of a document. Views must outlive the EvalDocument constructor only.
struct DocumentFields {
  std::string_view title{};
  std::string_view text{};
  std::string_view source{};  // the source's title
  std::string_view author{};
  std::string_view lang{};     // ISO 639-1, any case; "und" or empty when unknown
  std::string_view country{};  // any case
  std::span<const std::string> tags{};
  std::optional<core::Timestamp> date{};  // the item date: published, else fetched
};

// A document tokenised once for any number of evaluations.
class EvalDocument {
 public:
  explicit EvalDocument(const DocumentFields& fields);

  const FieldTokens& title() const { return title_; }
  const FieldTokens& text() const { return text_; }
  const FieldTokens& source() const { return source_; }
  const FieldTokens& author() const { return author_; }
  const std::string& lang() const { return lang_; }               // normalised
  const std::string& country() const { return country_; }         // normalised
  const std::vector<std::string>& tags() const { return tags_; }  // normalised
  const std::optional<core::Timestamp>& date() const { return date_; }

 private:
  std::string lang_;
  std::string country_;
  std::vector<std::string> tags_;
  std::optional<core::Timestamp> date_;
  FieldTokens title_;   // stemmed in the document's language
  FieldTokens text_;    // stemmed in the document's language
  FieldTokens source_;  // not stemmed
  FieldTokens author_;  // not stemmed
};

// True when `doc` matches `query`.
bool evaluate(const Query& query, const EvalDocument& doc);

// A position span [first, last] where a NEAR operand occurs in a field.
struct Span {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
};

// Where `operand` occurs in `field` (folded forms only, as inside NEAR), in position order.
std::vector<Span> occurrences(const NearOperand& operand, const FieldTokens& field);

// The NEAR rule on occurrence lists: a pair that does not overlap and has at most `distance`
// positions between them, in either order. Backends that check NEAR themselves call this.
// Spans may come in any order; long lists cost O((L + R) log R), not L x R, so a text that
// repeats both operands cannot stall matching.
bool near_match(std::span<const Span> left, std::span<const Span> right, int distance);

}  // namespace vigie::match
