// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/query.h"

#include <array>
#include <chrono>
#include <utility>

#include <fmt/format.h>

#include "text/text.h"

namespace vigie::match {

Not::Not(Query operand) : operand_(std::make_unique<Query>(std::move(operand))) {}
Not::Not(const Not& other) : operand_(std::make_unique<Query>(*other.operand_)) {}
Not& Not::operator=(const Not& other) {
  if (this != &other) {
    operand_ = std::make_unique<Query>(*other.operand_);
  }
  return *this;
}
Not::~Not() = default;
bool Not::operator==(const Not& other) const {
  return *operand_ == *other.operand_;
}
bool And::operator==(const And& other) const {
  return children == other.children;
}
bool Or::operator==(const Or& other) const {
  return children == other.children;
}

Field field_of(const NearOperand& operand) {
  return std::visit([](const auto& o) { return o.field; }, operand);
}

std::string normalize_filter_value(std::string_view value) {
  const std::string folded = text::fold(value);
  std::string out;
  bool pending_space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(c);
  }
  return out;
}

namespace {

std::string_view field_prefix(Field f) {
  switch (f) {
    case Field::Any:
      return "";
    case Field::Title:
      return "title:";
    case Field::Source:
      return "source:";
    case Field::Author:
      return "author:";
  }
  return "";
}

std::string_view filter_name(FilterField f) {
  switch (f) {
    case FilterField::Lang:
      return "lang";
    case FilterField::Country:
      return "country";
    case FilterField::Tag:
      return "tag";
  }
  return "";
}

bool needs_quotes(std::string_view v) {
  if (v.empty() || v.ends_with('*')) {
    return true;
  }
  for (std::string_view bad :
       {" ", "(", ")", "\"", "\u00AB", "\u00BB", "\u201C", "\u201D", "\u00A0", "\u202F", "\u2009",
        "\u3000", "\t", "\n", "\r", "\f", "\v"}) {
    if (v.find(bad) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// Quotes a filter value with the first quote style that does not occur inside it.
std::string quoted(std::string_view v) {
  if (v.find('"') == std::string_view::npos) {
    return fmt::format("\"{}\"", v);
  }
  if (v.find("\u00BB") == std::string_view::npos) {
    return fmt::format("\u00AB{}\u00BB", v);
  }
  return fmt::format("\u201C{}\u201D", v);
}

std::string join(const std::vector<std::string>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) {
      out.push_back(' ');
    }
    out += t;
  }
  return out;
}

std::string print_date(core::Timestamp t) {
  const std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(t)};
  return fmt::format("{:04d}-{:02d}-{:02d}", static_cast<int>(d.year()),
                     static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
}

struct Printer {
  std::string operator()(const Term& t) const {
    return fmt::format("{}{}", field_prefix(t.field), t.term);
  }
  std::string operator()(const Prefix& p) const {
    return fmt::format("{}{}*", field_prefix(p.field), p.prefix);
  }
  std::string operator()(const Phrase& p) const {
    return fmt::format("{}\"{}\"", field_prefix(p.field), join(p.terms));
  }
  std::string operator()(const Near& n) const {
    return fmt::format("{} NEAR/{} {}", std::visit(*this, n.left), n.distance,
                       std::visit(*this, n.right));
  }
  std::string operator()(const Filter& f) const {
    return fmt::format("{}:{}", filter_name(f.field),
                       needs_quotes(f.value) ? quoted(f.value) : f.value);
  }
  std::string operator()(const DateRange& d) const {
    if (d.from && d.until) {
      return fmt::format("date:{}..{}", print_date(*d.from),
                         print_date(*d.until - std::chrono::days{1}));
    }
    if (d.from) {
      return fmt::format("date:>={}", print_date(*d.from));
    }
    if (d.until) {
      return fmt::format("date:<{}", print_date(*d.until));
    }
    return "date:..";
  }
  std::string operator()(const And& a) const {
    std::string out;
    for (const auto& c : a.children) {
      if (!out.empty()) {
        out += " AND ";
      }
      out += std::holds_alternative<Or>(c.node) ? "(" + print(c) + ")" : print(c);
    }
    return out;
  }
  std::string operator()(const Or& o) const {
    std::string out;
    for (const auto& c : o.children) {
      if (!out.empty()) {
        out += " OR ";
      }
      // Parentheses an AND does not need, for readers who do not know the precedence.
      out += std::holds_alternative<And>(c.node) ? "(" + print(c) + ")" : print(c);
    }
    return out;
  }
  std::string operator()(const Not& n) const {
    const auto& op = n.operand().node;
    // NOT binds tighter than AND and OR: group them so they stay under the NOT. A NEAR needs
    // no parentheses, but they show readers what the NOT applies to.
    const bool group = std::holds_alternative<And>(op) || std::holds_alternative<Or>(op)
                       || std::holds_alternative<Near>(op);
    return group ? "NOT (" + print(n.operand()) + ")" : "NOT " + print(n.operand());
  }
  std::string print(const Query& q) const { return std::visit(*this, q.node); }
};

}  // namespace

std::string to_string(const Query& query) {
  return Printer{}.print(query);
}

std::string describe(const QuerySyntaxError& e) {
  struct Text {
    std::string_view key;
    std::string_view text;
    bool with_found;
  };
  static constexpr std::array kTexts = {
      Text{"query.empty", "the query has no words", false},
      Text{"query.too_long", "the query is too long", false},
      Text{"query.too_deep", "too many nested parentheses or NOT", false},
      Text{"query.too_many_terms", "too many words in the query", false},
      Text{"query.expected_term", "expected a word, a phrase or '('", true},
      Text{"query.expected_close_paren", "expected ')' to close the '(' at column {}", true},
      Text{"query.unexpected_close_paren", "found ')' without a matching '('", false},
      Text{"query.unexpected_token", "expected an operator or the end of the query", true},
      Text{"query.unterminated_phrase", "expected a closing quote for the phrase at column {}",
           false},
      Text{"query.expected_field_value", "expected a word, a phrase or '(' right after the field",
           true},
      Text{"query.near_distance", "expected NEAR/n with n a whole number within the limit", true},
      Text{"query.near_operand", "expected a word, a prefix or a phrase next to NEAR", true},
      Text{"query.near_field_mismatch", "both sides of NEAR must be in the same field", false},
      Text{"query.near_chain", "NEAR joins exactly two words or phrases; use AND between them",
           true},
      Text{"query.prefix_too_short", "expected more letters before '*'", true},
      Text{"query.wildcard_position", "'*' is only allowed at the end of a word", true},
      Text{"query.prefix_not_single_word", "'*' must end a single word", true},
      Text{"query.bad_date",
           "expected a date such as 2026-03-31, 2026-03, >=2026-01-01 or 2026-01-01..2026-03-31",
           true},
      Text{"query.empty_date_range", "the date range is empty", true},
      Text{"query.field_value", "this field takes a plain value, without '*'", true},
      Text{"query.nested_field", "a field cannot be used inside another field's parentheses", true},
      Text{"query.term_too_long", "a word is too long", true},
  };
  std::string text = std::string(e.expected_key);
  bool with_found = true;
  for (const auto& t : kTexts) {
    if (t.key == e.expected_key) {
      text = t.text.find("{}") != std::string_view::npos
                 ? fmt::format(fmt::runtime(t.text), e.related_column)
                 : std::string(t.text);
      with_found = t.with_found;
      break;
    }
  }
  if (with_found) {
    text += e.found.empty() ? " but found the end of the query"
                            : fmt::format(" but found '{}'", e.found);
  }
  return fmt::format("column {}: {}", e.column, text);
}

}  // namespace vigie::match
