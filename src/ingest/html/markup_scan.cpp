// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/html/markup_scan.h"

namespace vigie::ingest::html::detail {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

Markup simple(MarkupKind kind, std::size_t end) {
  Markup m;
  m.kind = kind;
  m.end = end;
  return m;
}

std::size_t find_from(std::string_view s, std::size_t from, std::string_view needle) {
  return from > s.size() ? kNpos : s.find(needle, from);
}

Markup comment_until(std::string_view s, std::size_t from, std::string_view terminator) {
  Markup m;
  m.kind = MarkupKind::Comment;
  const std::size_t at = find_from(s, from, terminator);
  if (at == kNpos) {
    m.end = s.size();
    m.terminated = false;
  } else {
    m.end = at + terminator.size();
  }
  return m;
}

// HTML5 §13.2.5.43 onwards: comments end at "-->", and also at "--!>"; "<!-->" and "<!--->"
// are (abruptly closed) empty comments.
Markup scan_comment(std::string_view s, std::size_t pos) {
  const std::size_t body = pos + 4;
  if (s.compare(body, 1, ">") == 0) {
    return simple(MarkupKind::Comment, body + 1);
  }
  if (s.compare(body, 2, "->") == 0) {
    return simple(MarkupKind::Comment, body + 2);
  }
  Markup m;
  m.kind = MarkupKind::Comment;
  for (std::size_t i = find_from(s, body, "--"); i != kNpos; i = find_from(s, i + 1, "--")) {
    if (s.compare(i + 2, 1, ">") == 0) {
      m.end = i + 3;
      return m;
    }
    if (s.compare(i + 2, 2, "!>") == 0) {
      m.end = i + 4;
      return m;
    }
  }
  m.end = s.size();
  m.terminated = false;
  return m;
}

// From just after an attribute name: past "= value" if there is one (§13.2.5.34-39).
// Returns s.size() when a quoted value runs to the end.
std::size_t skip_attribute_value(std::string_view s, std::size_t i) {
  const std::size_t n = s.size();
  std::size_t j = i;
  while (j < n && is_html_space(s[j])) {
    ++j;
  }
  if (j >= n || s[j] != '=') {
    return j;
  }
  ++j;
  while (j < n && is_html_space(s[j])) {
    ++j;
  }
  if (j < n && (s[j] == '"' || s[j] == '\'')) {
    const std::size_t close = s.find(s[j], j + 1);
    return close == kNpos ? n : close + 1;
  }
  while (j < n && !is_html_space(s[j]) && s[j] != '>') {
    ++j;
  }
  return j;
}

// Attributes per §13.2.5.32-39. Returns the position of the closing ">" (or s.size()).
std::size_t scan_attributes(std::string_view s, std::size_t i, std::size_t max_attributes,
                            Markup& m) {
  const std::size_t n = s.size();
  for (;;) {
    while (i < n && (is_html_space(s[i]) || s[i] == '/')) {
      m.self_closing = s[i] == '/';
      ++i;
    }
    if (i >= n || s[i] == '>') {
      return i;
    }
    m.self_closing = false;
    if (m.attribute_count == max_attributes) {
      m.cut = i;
    }
    ++m.attribute_count;
    // Name: the first character may be "=" (a parse error, kept as part of the name).
    ++i;
    while (i < n && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') {
      ++i;
    }
    i = skip_attribute_value(s, i);
    if (i >= n) {
      return n;
    }
  }
}

Markup scan_tag(std::string_view s, std::size_t pos, bool is_end, std::size_t max_attributes) {
  Markup m;
  m.kind = is_end ? MarkupKind::EndTag : MarkupKind::StartTag;
  const std::size_t name_begin = pos + (is_end ? 2 : 1);
  std::size_t i = name_begin;
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>') {
    ++i;
  }
  m.name = s.substr(name_begin, i - name_begin);
  i = scan_attributes(s, i, max_attributes, m);
  if (i >= s.size()) {
    m.end = s.size();
    m.terminated = false;
  } else {
    m.end = i + 1;
  }
  return m;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) {
      return false;
    }
  }
  return true;
}

Markup scan_markup(std::string_view s, std::size_t pos, std::size_t max_attributes) {
  const std::size_t n = s.size();
  const char next = pos + 1 < n ? s[pos + 1] : '\0';
  if (is_ascii_alpha(next)) {
    return scan_tag(s, pos, false, max_attributes);
  }
  if (next == '/') {
    const char after = pos + 2 < n ? s[pos + 2] : '\0';
    if (is_ascii_alpha(after)) {
      return scan_tag(s, pos, true, max_attributes);
    }
    if (after == '>') {
      return simple(MarkupKind::Comment, pos + 3);  // "</>" is dropped
    }
    if (pos + 2 >= n) {
      return simple(MarkupKind::Text, pos + 1);  // "</" at the end is text
    }
    return comment_until(s, pos + 2, ">");
  }
  if (next == '!') {
    if (s.compare(pos, 4, "<!--") == 0) {
      return scan_comment(s, pos);
    }
    if (s.compare(pos, 9, "<![CDATA[") == 0) {
      Markup m;
      m.kind = MarkupKind::Cdata;
      m.content_begin = pos + 9;
      const std::size_t close = find_from(s, m.content_begin, "]]>");
      m.content_end = close == kNpos ? n : close;
      m.end = close == kNpos ? n : close + 3;
      m.terminated = close != kNpos;
      return m;
    }
    return comment_until(s, pos + 2, ">");
  }
  if (next == '?') {
    return comment_until(s, pos + 2, ">");
  }
  return simple(MarkupKind::Text, pos + 1);
}

std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  const std::size_t n = s.size();
  for (std::size_t i = find_from(s, from, "</"); i != kNpos; i = find_from(s, i + 2, "</")) {
    const std::size_t after = i + 2 + name.size();
    if (after > n || !iequals(s.substr(i + 2, name.size()), name)) {
      continue;
    }
    if (after == n || is_html_space(s[after]) || s[after] == '/' || s[after] == '>') {
      return i;
    }
  }
  return kNpos;
}

}  // namespace vigie::ingest::html::detail
