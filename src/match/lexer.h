// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The query lexer: bytes in, tokens out, each token with its byte span for error columns.
// Internal to match/ (the parser is its only user); pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "match/query.h"

namespace vigie::match::detail {

enum class TokenKind {
  Word,    // anything else, as written (may end with '*')
  Phrase,  // text between quotes ("...", «...», “...”), quotes excluded
  Field,   // `name:` with a known name, plus the value written right after the colon
  LParen,
  RParen,
  And,    // AND, ET (upper case only)
  Or,     // OR, OU
  Not,    // NOT, SAUF
  Minus,  // '-' glued to the operand that follows
  Near,   // NEAR, NEAR/n, PRES, PRES/n, PRÈS, PRÈS/n
  End,
};

// The field names a Field token can carry. Date fields take a date expression as value.
enum class FieldName { Title, Source, Author, Lang, Country, Tag, Date, After, Before };

struct LexToken {
  TokenKind kind = TokenKind::End;
  std::size_t begin = 0;  // byte span in the query, for columns and `found`
  std::size_t end = 0;
  std::string text;            // Word: as written; Phrase: inside the quotes; Field: the value
  std::size_t text_begin = 0;  // byte offset of `text` in the query
  FieldName field = FieldName::Title;  // Field only
  int near_distance = -1;              // Near only; -1 for a bare NEAR
};

// Splits the whole query. Fails on an unterminated phrase or a malformed NEAR/n.
tl::expected<std::vector<LexToken>, QuerySyntaxError> lex(std::string_view query,
                                                          const ParseLimits& limits);

// 1-based code point column of a byte offset.
int column_at(std::string_view query, std::size_t offset);

}  // namespace vigie::match::detail
