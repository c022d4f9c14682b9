// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A small, allocation-free scanner for HTML markup: where a tag, comment or raw-text element
// ends, following the HTML5 tokenizer closely enough for the two jobs it has here. to_text()
// uses it to stream text out of markup without building a tree, and the sanitiser uses it to
// bound its input before gumbo sees it. Internal to ingest/html. Pure, thread-safe.

#include <cstddef>
#include <string_view>

namespace vigie::ingest::html::detail {

enum class MarkupKind {
  Text,      // s[pos] is a literal "<" (e.g. "a < b"): not markup
  StartTag,  // <name ...>
  EndTag,    // </name ...>
  Comment,   // <!-- -->, <!DOCTYPE>, <? ?>, </3>, and other bogus comments: no content
  Cdata,     // <![CDATA[ ... ]]>: content in [content_begin, content_end)
};

struct Markup {
  MarkupKind kind = MarkupKind::Text;
  std::size_t end = 0;     // one past the construct ("<" + 1 for Text); s.size() if unterminated
  bool terminated = true;  // false when input ends inside the construct (the parser drops it)
  std::string_view name;   // tag name as written, for tags
  bool self_closing = false;
  std::size_t attribute_count = 0;
  // When the tag has more than `max_attributes` attributes: where the first extra one begins,
  // so a caller can cut the tag there. npos otherwise.
  std::size_t cut = std::string_view::npos;
  std::size_t content_begin = 0;  // for Cdata
  std::size_t content_end = 0;
};

// Scans the construct at s[pos], which must be '<'.
Markup scan_markup(std::string_view s, std::size_t pos, std::size_t max_attributes);

// Position of the "</name" (ASCII case-insensitive, followed by whitespace, "/" or ">") that
// ends a raw-text element such as <script>, searching from `from`; npos when there is none.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name);

inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool iequals(std::string_view a, std::string_view b);

}  // namespace vigie::ingest::html::detail
