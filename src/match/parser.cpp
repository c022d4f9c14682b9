// SPDX-License-Identifier: AGPL-3.0-or-later
// Recursive descent over the lexer's tokens. Precedence, loosest first: OR, AND (explicit or
// implicit), NOT / '-', NEAR (so "-a NEAR b" excludes the pair, not just "a"). Fields apply to the
// word, phrase or group glued to the colon.

#include <chrono>
#include <optional>
#include <utility>

#include "match/lexer.h"
#include "match/query.h"
#include "text/text.h"

namespace vigie::match {
namespace {

using detail::FieldName;
using detail::LexToken;
using detail::TokenKind;
using ParseResult = tl::expected<Query, QuerySyntaxError>;

bool is_filter(FieldName f) {
  return f == FieldName::Lang || f == FieldName::Country || f == FieldName::Tag;
}

Field text_field(std::optional<FieldName> f) {
  if (!f) {
    return Field::Any;
  }
  switch (*f) {
    case FieldName::Title:
      return Field::Title;
    case FieldName::Source:
      return Field::Source;
    case FieldName::Author:
      return Field::Author;
    default:
      return Field::Any;
  }
}

FilterField filter_field(FieldName f) {
  switch (f) {
    case FieldName::Country:
      return FilterField::Country;
    case FieldName::Tag:
      return FilterField::Tag;
    default:
      return FilterField::Lang;
  }
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
      ++n;
    }
  }
  return n;
}

// A date written as YYYY, YYYY-MM or YYYY-MM-DD names a period; `first` is its first day and
// `next` the first day after it.
struct Period {
  core::Timestamp first;
  core::Timestamp next;
};

std::optional<int> digits(std::string_view s, std::size_t n) {
  if (s.size() != n) {
    return std::nullopt;
  }
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<Period> parse_period(std::string_view s) {
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::months;
  using std::chrono::sys_days;
  using std::chrono::year;
  using std::chrono::year_month_day;
  using std::chrono::years;
  const auto y = digits(s.substr(0, 4), 4);
  if (!y || *y < 1000) {
    return std::nullopt;
  }
  if (s.size() == 4) {
    const year_month_day a{year{*y}, month{1}, day{1}};
    return Period{sys_days{a}, sys_days{a + years{1}}};
  }
  if (s.size() < 7 || s[4] != '-') {
    return std::nullopt;
  }
  const auto m = digits(s.substr(5, 2), 2);
  if (!m || *m < 1 || *m > 12) {
    return std::nullopt;
  }
  const auto um = static_cast<unsigned>(*m);
  if (s.size() == 7) {
    const year_month_day a{year{*y}, month{um}, day{1}};
    return Period{sys_days{a}, sys_days{a + months{1}}};
  }
  if (s.size() != 10 || s[7] != '-') {
    return std::nullopt;
  }
  const auto d = digits(s.substr(8, 2), 2);
  if (!d) {
    return std::nullopt;
  }
  const year_month_day a{year{*y}, month{um}, day{static_cast<unsigned>(*d)}};
  if (!a.ok()) {
    return std::nullopt;
  }
  return Period{sys_days{a}, sys_days{a} + std::chrono::days{1}};
}

class Parser {
 public:
  Parser(std::string_view query, std::vector<LexToken> tokens, const ParseLimits& limits)
      : query_(query), tokens_(std::move(tokens)), terms_(tokens_.size()), limits_(limits) {}

  ParseResult parse() {
    skip_empty();
    if (cur().kind == TokenKind::End) {
      return fail_at(cur(), "query.empty");
    }
    auto q = parse_or(std::nullopt, 0);
    if (!q) {
      return q;
    }
    skip_empty();
    if (cur().kind == TokenKind::RParen) {
      return fail_at(cur(), "query.unexpected_close_paren");
    }
    if (cur().kind != TokenKind::End) {
      return fail_at(cur(), "query.unexpected_token");
    }
    return q;
  }

 private:
  using Context = std::optional<FieldName>;  // the field of an enclosing `name:(...)`

  const LexToken& cur() const { return tokens_[pos_]; }
  void advance() {
    if (cur().kind != TokenKind::End) {
      ++pos_;
    }
  }

  tl::unexpected<QuerySyntaxError> fail(std::size_t offset, std::string key, std::string found,
                                        int related = 0) const {
    return tl::unexpected<QuerySyntaxError>(QuerySyntaxError{
        detail::column_at(query_, offset), std::move(key), std::move(found), related});
  }
  tl::unexpected<QuerySyntaxError> fail_at(const LexToken& t, std::string key,
                                           int related = 0) const {
    return fail(t.begin, std::move(key), std::string(query_.substr(t.begin, t.end - t.begin)),
                related);
  }

  // The folded tokens of a Word or Phrase token, computed once.
  const std::vector<std::string>& terms_of(std::size_t index) {
    auto& slot = terms_[index];
    if (!slot) {
      std::vector<std::string> out;
      const LexToken& t = tokens_[index];
      std::string_view s = t.text;
      if (t.kind == TokenKind::Word && s.ends_with('*')) {
        s.remove_suffix(1);
      }
      for (auto& tok : text::tokenize(s)) {
        out.push_back(std::move(tok.term));
      }
      slot = std::move(out);
    }
    return *slot;
  }

  // Punctuation typed between words ("coton , cajou", "a & b") has no letters: skip it where
  // an operand may start, as if it were a space.
  void skip_empty() {
    while ((cur().kind == TokenKind::Word || cur().kind == TokenKind::Phrase)
           && cur().text.find('*') == std::string::npos && terms_of(pos_).empty()) {
      advance();
    }
  }

  static bool starts_operand(const LexToken& t) {
    switch (t.kind) {
      case TokenKind::Word:
      case TokenKind::Phrase:
      case TokenKind::Field:
      case TokenKind::LParen:
      case TokenKind::Not:
      case TokenKind::Minus:
        return true;
      default:
        return false;
    }
  }

  tl::expected<void, QuerySyntaxError> count_terms(std::size_t n, std::size_t offset) {
    terms_count_ += static_cast<int>(n);
    if (terms_count_ > limits_.max_terms) {
      return fail(offset, "query.too_many_terms", "");
    }
    return {};
  }

  template <class Node>
  static Query flatten(std::vector<Query> children) {
    if (children.size() == 1) {
      return std::move(children.front());
    }
    Node node;
    for (auto& c : children) {
      if (auto* same = std::get_if<Node>(&c.node)) {
        for (auto& g : same->children) {
          node.children.push_back(std::move(g));
        }
      } else {
        node.children.push_back(std::move(c));
      }
    }
    return Query{std::move(node)};
  }

  ParseResult parse_or(Context ctx, int depth) {
    std::vector<Query> children;
    auto first = parse_and(ctx, depth);
    if (!first) {
      return first;
    }
    children.push_back(std::move(*first));
    while (cur().kind == TokenKind::Or) {
      advance();
      skip_empty();
      if (!starts_operand(cur())) {
        return fail_at(cur(), "query.expected_term");
      }
      auto next = parse_and(ctx, depth);
      if (!next) {
        return next;
      }
      children.push_back(std::move(*next));
    }
    return flatten<Or>(std::move(children));
  }

  ParseResult parse_and(Context ctx, int depth) {
    std::vector<Query> children;
    auto first = parse_unary(ctx, depth);
    if (!first) {
      return first;
    }
    children.push_back(std::move(*first));
    while (true) {
      skip_empty();
      if (cur().kind == TokenKind::And) {
        advance();
        skip_empty();
        if (!starts_operand(cur())) {
          return fail_at(cur(), "query.expected_term");
        }
      } else if (!starts_operand(cur())) {
        break;
      }
      auto next = parse_unary(ctx, depth);
      if (!next) {
        return next;
      }
      children.push_back(std::move(*next));
    }
    return flatten<And>(std::move(children));
  }

  static std::optional<NearOperand> as_near_operand(Query q) {
    if (auto* t = std::get_if<Term>(&q.node)) {
      return NearOperand{std::move(*t)};
    }
    if (auto* p = std::get_if<Prefix>(&q.node)) {
      return NearOperand{std::move(*p)};
    }
    if (auto* ph = std::get_if<Phrase>(&q.node)) {
      return NearOperand{std::move(*ph)};
    }
    return std::nullopt;
  }

  ParseResult parse_near(Context ctx, int depth) {
    const LexToken& left_tok = cur();
    auto left = parse_primary(ctx, depth);
    if (!left) {
      return left;
    }
    skip_empty();
    if (cur().kind != TokenKind::Near) {
      return left;
    }
    const LexToken& near_tok = cur();
    auto left_op = as_near_operand(std::move(*left));
    if (!left_op) {
      return fail_at(left_tok, "query.near_operand");
    }
    advance();
    skip_empty();
    if (cur().kind == TokenKind::Not || cur().kind == TokenKind::Minus) {
      return fail_at(cur(), "query.near_operand");
    }
    if (!starts_operand(cur())) {
      return fail_at(cur(), "query.expected_term");
    }
    const LexToken& right_tok = cur();
    auto right = parse_primary(ctx, depth);
    if (!right) {
      return right;
    }
    auto right_op = as_near_operand(std::move(*right));
    if (!right_op) {
      return fail_at(right_tok, "query.near_operand");
    }
    if (field_of(*left_op) != field_of(*right_op)) {
      return fail_at(near_tok, "query.near_field_mismatch");
    }
    skip_empty();
    if (cur().kind == TokenKind::Near) {
      return fail_at(cur(), "query.near_chain");
    }
    const int distance =
        near_tok.near_distance < 0 ? limits_.default_near_distance : near_tok.near_distance;
    return Query{Near{std::move(*left_op), std::move(*right_op), distance}};
  }

  ParseResult parse_unary(Context ctx, int depth) {
    if (cur().kind != TokenKind::Not && cur().kind != TokenKind::Minus) {
      return parse_near(ctx, depth);
    }
    if (depth + 1 > limits_.max_depth) {
      return fail_at(cur(), "query.too_deep");
    }
    advance();
    skip_empty();
    if (!starts_operand(cur())) {
      return fail_at(cur(), "query.expected_term");
    }
    auto operand = parse_unary(ctx, depth + 1);
    if (!operand) {
      return operand;
    }
    return Query{Not{std::move(*operand)}};
  }

  ParseResult parse_primary(Context ctx, int depth) {
    const std::size_t index = pos_;
    const LexToken& t = cur();
    switch (t.kind) {
      case TokenKind::LParen: {
        if (depth + 1 > limits_.max_depth) {
          return fail_at(t, "query.too_deep");
        }
        advance();
        skip_empty();
        if (!starts_operand(cur())) {
          return fail_at(cur(), "query.expected_term");
        }
        auto inner = parse_or(ctx, depth + 1);
        if (!inner) {
          return inner;
        }
        skip_empty();
        if (cur().kind != TokenKind::RParen) {
          return fail_at(cur(), "query.expected_close_paren", detail::column_at(query_, t.begin));
        }
        advance();
        return inner;
      }
      case TokenKind::Word:
        advance();
        return word_value(index, ctx, "query.expected_term");
      case TokenKind::Phrase:
        advance();
        return phrase_value(index, ctx, "query.expected_term");
      case TokenKind::Field:
        advance();
        return field_value(index, ctx, depth);
      default:
        return fail_at(t, "query.expected_term");
    }
  }

  ParseResult filter_value(const LexToken& t, FieldName f, std::string_view empty_key) {
    std::string value = normalize_filter_value(t.text);
    if (value.empty()) {
      return fail(t.text_begin, std::string(empty_key), t.text);
    }
    if (value.size() > kMaxTermBytes) {
      return fail(t.text_begin, "query.term_too_long", t.text);
    }
    if (auto ok = count_terms(1, t.text_begin); !ok) {
      return tl::unexpected(ok.error());
    }
    return Query{Filter{filter_field(f), std::move(value)}};
  }

  ParseResult terms_value(std::vector<std::string> terms, Field field, std::size_t offset,
                          bool phrase) {
    for (const auto& term : terms) {
      if (term.size() > kMaxTermBytes) {
        return fail(offset, "query.term_too_long", term);
      }
    }
    if (auto ok = count_terms(terms.size(), offset); !ok) {
      return tl::unexpected(ok.error());
    }
    if (terms.size() == 1 && !phrase) {
      return Query{Term{std::move(terms.front()), field}};
    }
    return Query{Phrase{std::move(terms), field}};
  }

  ParseResult word_value(std::size_t index, Context ctx, std::string_view empty_key) {
    const LexToken& t = tokens_[index];
    if (ctx && is_filter(*ctx)) {
      if (t.text.ends_with('*')) {
        return fail(t.text_begin + t.text.size() - 1, "query.field_value", t.text);
      }
      return filter_value(t, *ctx, empty_key);
    }
    const Field field = text_field(ctx);
    const std::size_t star = t.text.find('*');
    if (star != std::string::npos && star + 1 != t.text.size()) {
      return fail(t.text_begin + star, "query.wildcard_position", t.text);
    }
    const auto& terms = terms_of(index);
    if (star == std::string::npos) {
      if (terms.empty()) {
        return fail(t.text_begin, std::string(empty_key), t.text);
      }
      return terms_value(terms, field, t.text_begin, false);
    }
    if (terms.size() > 1) {
      return fail(t.text_begin, "query.prefix_not_single_word", t.text);
    }
    if (terms.empty()
        || code_points(terms.front())
               < static_cast<std::size_t>(std::max(limits_.min_prefix_chars, 1))) {
      return fail(t.text_begin, "query.prefix_too_short", t.text);
    }
    if (terms.front().size() > kMaxTermBytes) {
      return fail(t.text_begin, "query.term_too_long", t.text);
    }
    if (auto ok = count_terms(1, t.text_begin); !ok) {
      return tl::unexpected(ok.error());
    }
    return Query{Prefix{terms.front(), field}};
  }

  ParseResult phrase_value(std::size_t index, Context ctx, std::string_view empty_key) {
    const LexToken& t = tokens_[index];
    if (ctx && is_filter(*ctx)) {
      return filter_value(t, *ctx, empty_key);
    }
    const auto& terms = terms_of(index);
    if (terms.empty()) {
      return fail_at(t, std::string(empty_key));
    }
    return terms_value(terms, text_field(ctx), t.begin, true);
  }

  ParseResult field_value(std::size_t index, Context ctx, int depth) {
    const LexToken& t = tokens_[index];
    if (ctx) {
      return fail_at(t, "query.nested_field");
    }
    if (t.field == FieldName::Date || t.field == FieldName::After || t.field == FieldName::Before) {
      return date_value(t);
    }
    if (!t.text.empty()) {
      return word_value(index, t.field, "query.expected_field_value");
    }
    // `title:"..."` and `title:(...)`: the value must be glued to the colon.
    const LexToken& next = cur();
    if (next.begin == t.end && next.kind == TokenKind::Phrase) {
      const std::size_t next_index = pos_;
      advance();
      return phrase_value(next_index, t.field, "query.expected_field_value");
    }
    if (next.begin == t.end && next.kind == TokenKind::LParen) {
      return parse_primary(t.field, depth);
    }
    return fail(t.end, "query.expected_field_value",
                next.begin == t.end ? std::string(query_.substr(next.begin, next.end - next.begin))
                                    : std::string());
  }

  ParseResult date_value(const LexToken& t) {
    auto bad = [&] { return fail(t.text_begin, "query.bad_date", t.text); };
    std::string_view v = t.text;
    DateRange range;
    if (t.field != FieldName::Date) {
      const auto p = parse_period(v);
      if (!p) {
        return bad();
      }
      if (t.field == FieldName::After) {
        range.from = p->first;
      } else {
        range.until = p->first;
      }
    } else if (const std::size_t dots = v.find(".."); dots != std::string_view::npos) {
      const std::string_view lo = v.substr(0, dots);
      const std::string_view hi = v.substr(dots + 2);
      if (lo.empty() && hi.empty()) {
        return bad();
      }
      if (!lo.empty()) {
        const auto p = parse_period(lo);
        if (!p) {
          return bad();
        }
        range.from = p->first;
      }
      if (!hi.empty()) {
        const auto p = parse_period(hi);
        if (!p) {
          return bad();
        }
        range.until = p->next;
      }
    } else {
      std::string_view op;
      for (std::string_view candidate : {">=", "<=", ">", "<"}) {
        if (v.starts_with(candidate)) {
          op = candidate;
          break;
        }
      }
      const auto p = parse_period(v.substr(op.size()));
      if (!p) {
        return bad();
      }
      if (op.empty()) {
        range.from = p->first;
        range.until = p->next;
      } else if (op == ">=") {
        range.from = p->first;
      } else if (op == ">") {
        range.from = p->next;
      } else if (op == "<=") {
        range.until = p->next;
      } else {
        range.until = p->first;
      }
    }
    if (range.from && range.until && *range.from >= *range.until) {
      return fail(t.text_begin, "query.empty_date_range", t.text);
    }
    if (auto ok = count_terms(1, t.text_begin); !ok) {
      return tl::unexpected(ok.error());
    }
    return Query{range};
  }

  std::string_view query_;
  std::vector<LexToken> tokens_;
  std::vector<std::optional<std::vector<std::string>>> terms_;
  const ParseLimits& limits_;
  std::size_t pos_ = 0;
  int terms_count_ = 0;
};

}  // namespace

tl::expected<Query, QuerySyntaxError> parse_query_detailed(std::string_view text,
                                                           const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return tl::unexpected<QuerySyntaxError>(
        QuerySyntaxError{detail::column_at(text, limits.max_bytes), "query.too_long", "", 0});
  }
  auto tokens = detail::lex(text, limits);
  if (!tokens) {
    return tl::unexpected(tokens.error());
  }
  return Parser(text, std::move(*tokens), limits).parse();
}

core::Result<Query> parse_query(std::string_view text, const ParseLimits& limits) {
  auto q = parse_query_detailed(text, limits);
  if (!q) {
    return core::make_error(core::ErrorCode::InvalidInput, "query.syntax", describe(q.error()));
  }
  return std::move(*q);
}

}  // namespace vigie::match
