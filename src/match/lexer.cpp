// SPDX-License-Identifier: AGPL-3.0-or-later
#include "match/lexer.h"

#include <array>
#include <charconv>
#include <optional>
#include <utility>

#include "text/text.h"

namespace vigie::match::detail {
namespace {

// Spaces people paste from word processors: French typography puts a (narrow) no-break space
// before ':' and inside « », so they must separate tokens like ASCII spaces do.
std::size_t space_length(std::string_view q, std::size_t i) {
  const auto c = static_cast<unsigned char>(q[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    return 1;
  }
  const std::string_view rest = q.substr(i);
  for (std::string_view s : {"\u00A0", "\u202F", "\u2009", "\u3000"}) {
    if (rest.starts_with(s)) {
      return s.size();
    }
  }
  return 0;
}

struct QuoteKind {
  std::string_view open;
  std::string_view close;
  std::string_view alt_close;  // “ may be closed by a plain '"' from another keyboard
};
constexpr std::array kQuotes = {
    QuoteKind{"\"", "\"", ""},
    QuoteKind{"\u00AB", "\u00BB", ""},
    QuoteKind{"\u201C", "\u201D", "\""},
};
constexpr std::array<std::string_view, 2> kStrayClosers = {"\u00BB", "\u201D"};

std::size_t quote_length(std::string_view q, std::size_t i) {
  const std::string_view rest = q.substr(i);
  for (const auto& k : kQuotes) {
    if (rest.starts_with(k.open)) {
      return k.open.size();
    }
  }
  for (std::string_view s : kStrayClosers) {
    if (rest.starts_with(s)) {
      return s.size();
    }
  }
  return 0;
}

bool ends_word(std::string_view q, std::size_t i) {
  return q[i] == '(' || q[i] == ')' || space_length(q, i) > 0 || quote_length(q, i) > 0;
}

std::optional<FieldName> field_named(std::string_view name) {
  struct Entry {
    std::string_view name;
    FieldName field;
  };
  // English names first, then the French aliases (folded: "après" is "apres").
  static constexpr std::array kFields = {
      Entry{"title", FieldName::Title},   Entry{"source", FieldName::Source},
      Entry{"author", FieldName::Author}, Entry{"lang", FieldName::Lang},
      Entry{"language", FieldName::Lang}, Entry{"country", FieldName::Country},
      Entry{"tag", FieldName::Tag},       Entry{"date", FieldName::Date},
      Entry{"after", FieldName::After},   Entry{"before", FieldName::Before},
      Entry{"titre", FieldName::Title},   Entry{"auteur", FieldName::Author},
      Entry{"langue", FieldName::Lang},   Entry{"pays", FieldName::Country},
      Entry{"etiquette", FieldName::Tag}, Entry{"apres", FieldName::After},
      Entry{"avant", FieldName::Before},
  };
  if (name.empty() || name.size() > 16) {
    return std::nullopt;
  }
  const std::string folded = text::fold(name);
  for (const auto& e : kFields) {
    if (folded == e.name) {
      return e.field;
    }
  }
  return std::nullopt;
}

std::optional<TokenKind> keyword(std::string_view w) {
  if (w == "AND" || w == "ET") {
    return TokenKind::And;
  }
  if (w == "OR" || w == "OU") {
    return TokenKind::Or;
  }
  if (w == "NOT" || w == "SAUF") {
    return TokenKind::Not;
  }
  return std::nullopt;
}

// "NEAR", "PRES" or "PRÈS", possibly followed by "/digits". Returns the length of the keyword
// when `w` starts with one of them.
std::size_t near_keyword(std::string_view w) {
  for (std::string_view k : {"NEAR", "PRES", "PR\u00C8S"}) {
    if (w.starts_with(k) && (w.size() == k.size() || w[k.size()] == '/')) {
      return k.size();
    }
  }
  return 0;
}

}  // namespace

int column_at(std::string_view query, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < query.size(); ++i) {
    if ((static_cast<unsigned char>(query[i]) & 0xC0U) != 0x80U) {
      ++column;
    }
  }
  return column;
}

tl::expected<std::vector<LexToken>, QuerySyntaxError> lex(std::string_view q,
                                                          const ParseLimits& limits) {
  std::vector<LexToken> out;
  std::size_t i = 0;
  auto fail = [&](std::size_t at, std::string key, std::string found, int related = 0) {
    return tl::unexpected<QuerySyntaxError>(
        QuerySyntaxError{column_at(q, at), std::move(key), std::move(found), related});
  };
  while (true) {
    while (i < q.size()) {
      const std::size_t n = space_length(q, i);
      if (n == 0) {
        break;
      }
      i += n;
    }
    LexToken t;
    t.begin = i;
    if (i == q.size()) {
      t.end = i;
      out.push_back(std::move(t));
      return out;
    }
    const std::string_view rest = q.substr(i);
    if (q[i] == '(' || q[i] == ')') {
      t.kind = q[i] == '(' ? TokenKind::LParen : TokenKind::RParen;
      t.end = ++i;
      out.push_back(std::move(t));
      continue;
    }
    const QuoteKind* quote = nullptr;
    for (const auto& k : kQuotes) {
      if (rest.starts_with(k.open)) {
        quote = &k;
        break;
      }
    }
    if (quote != nullptr) {
      const std::size_t inner = i + quote->open.size();
      std::size_t close = q.find(quote->close, inner);
      std::size_t close_len = quote->close.size();
      if (!quote->alt_close.empty()) {
        const std::size_t alt = q.find(quote->alt_close, inner);
        if (alt < close) {
          close = alt;
          close_len = quote->alt_close.size();
        }
      }
      if (close == std::string_view::npos) {
        return fail(q.size(), "query.unterminated_phrase", "", column_at(q, i));
      }
      t.kind = TokenKind::Phrase;
      t.text = std::string(q.substr(inner, close - inner));
      t.text_begin = inner;
      t.end = i = close + close_len;
      out.push_back(std::move(t));
      continue;
    }
    // '-' glued to what follows negates it ("-sport"); a lone or trailing '-' is a word.
    if (q[i] == '-' && i + 1 < q.size() && q[i + 1] != ')' && space_length(q, i + 1) == 0) {
      t.kind = TokenKind::Minus;
      t.end = ++i;
      out.push_back(std::move(t));
      continue;
    }
    std::size_t end = i;
    if (const std::size_t n = quote_length(q, i); n > 0) {
      end += n;  // a stray closing quote is a word of its own (without letters, so ignored)
    } else {
      while (end < q.size() && !ends_word(q, end)) {
        ++end;
      }
    }
    const std::string_view word = q.substr(i, end - i);
    t.end = end;
    t.text = std::string(word);
    t.text_begin = i;
    t.kind = TokenKind::Word;
    if (auto k = keyword(word)) {
      t.kind = *k;
    } else if (const std::size_t klen = near_keyword(word); klen > 0) {
      t.kind = TokenKind::Near;
      if (word.size() > klen) {
        const std::string_view digits = word.substr(klen + 1);
        int n = -1;
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (digits.empty() || digits.size() > 6 || ec != std::errc{}
            || ptr != digits.data() + digits.size() || n < 0 || n > limits.max_near_distance) {
          return fail(i, "query.near_distance", std::string(word));
        }
        t.near_distance = n;
      }
    } else if (const std::size_t colon = word.find(':'); colon != std::string_view::npos) {
      if (auto f = field_named(word.substr(0, colon))) {
        t.kind = TokenKind::Field;
        t.field = *f;
        t.text = std::string(word.substr(colon + 1));
        t.text_begin = i + colon + 1;
      }
    }
    i = end;
    out.push_back(std::move(t));
  }
}

}  // namespace vigie::match::detail
