// SPDX-License-Identifier: AGPL-3.0-or-later
// to_text() and looks_like_html(): a single pass over the markup with the small scanner of
// markup_scan.h, no tree. It runs on every ingested item, so it must stay fast (bench/ measures
// it); a DOM would cost a parse per item for text that does not need one.
#include <cstdint>
#include <string>
#include <string_view>

#include <gumbo.h>

#include "ingest/html/entities.h"
#include "ingest/html/markup_scan.h"
#include "ingest/html/sanitizer.h"
#include "ingest/html/tags.h"

namespace vigie::ingest::html {
namespace {

using detail::is_raw_text;
using detail::Markup;
using detail::MarkupKind;
using detail::tag_of;

enum class TextRole : std::uint8_t {
  Inline,    // contributes its text
  Block,     // a line break before and after
  Cell,      // a space before and after (table cells)
  Skip,      // element and content dropped: scripts, styles, form controls, embedded things
  Verbatim,  // content is raw text, shown as written (<xmp>, <plaintext>)
};

TextRole role_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TITLE:
      return TextRole::Skip;
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return TextRole::Verbatim;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return TextRole::Cell;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return TextRole::Block;
    default:
      return TextRole::Inline;
  }
}

// Collapses whitespace as it appends: runs of spaces become one space, line breaks win over
// spaces, nothing is written before the first or after the last visible character.
class TextSink {
 public:
  explicit TextSink(std::size_t capacity) { out_.reserve(capacity); }

  void space() {
    if (pending_ == Pending::None && !out_.empty()) {
      pending_ = Pending::Space;
    }
  }
  void line_break() {
    if (!out_.empty()) {
      pending_ = Pending::Newline;
    }
  }

  // Text without markup or references; whitespace is collapsed, C0 controls are dropped.
  void text(std::string_view s) {
    const std::size_t n = s.size();
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c <= 0x20 || c == 0x7F) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
          space();
        }
        continue;
      }
      if (c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        ++i;  // U+00A0 NO-BREAK SPACE, mostly used for layout
        space();
        continue;
      }
      flush();
      // Copy the run of ordinary bytes in one go.
      std::size_t j = i + 1;
      while (j < n) {
        const auto d = static_cast<unsigned char>(s[j]);
        if (d <= 0x20 || d == 0x7F || d == 0xC2) {
          break;
        }
        ++j;
      }
      out_.append(s.data() + i, j - i);
      i = j - 1;
    }
  }

  void code_point(char32_t cp) {
    if (cp == 0xA0 || cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
      space();
      return;
    }
    if (cp < 0x20 || cp == 0x7F) {
      return;
    }
    flush();
    append_utf8(out_, cp);
  }

  std::string take() { return std::move(out_); }

 private:
  enum class Pending : std::uint8_t { None, Space, Newline };

  void flush() {
    if (pending_ == Pending::Space) {
      out_.push_back(' ');
    } else if (pending_ == Pending::Newline) {
      out_.push_back('\n');
    }
    pending_ = Pending::None;
  }

  std::string out_;
  Pending pending_ = Pending::None;
};

// Text with character references decoded.
void decode_into(TextSink& sink, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      sink.text(s.substr(i));
      return;
    }
    sink.text(s.substr(i, amp - i));
    if (auto ref = decode_char_ref(s.substr(amp))) {
      sink.code_point(ref->code_point);
      i = amp + ref->length;
    } else {
      sink.text("&");
      i = amp + 1;
    }
  }
}

// Applies a tag's role; returns where scanning goes on (past the content of skipped elements).
std::size_t tag(std::string_view html, const Markup& m, TextSink& sink) {
  const GumboTag tag = tag_of(m.name);
  const TextRole role = role_of(tag);
  if (role == TextRole::Block) {
    sink.line_break();
    return m.end;
  }
  if (role == TextRole::Cell) {
    sink.space();
    return m.end;
  }
  if (m.kind != MarkupKind::StartTag || (role != TextRole::Skip && role != TextRole::Verbatim)) {
    return m.end;
  }
  const bool raw = is_raw_text(tag);
  if (!raw && m.self_closing) {
    return m.end;  // <svg/>: foreign elements honour the self-closing flag
  }
  std::size_t close = tag == GUMBO_TAG_PLAINTEXT ? std::string_view::npos
                                                 : detail::find_end_tag(html, m.end, m.name);
  if (close == std::string_view::npos) {
    if (!raw && tag != GUMBO_TAG_PLAINTEXT) {
      return m.end;  // an unclosed <svg> does not swallow the rest, as a raw-text element would
    }
    close = html.size();
  }
  if (role == TextRole::Verbatim) {
    sink.line_break();
    sink.text(html.substr(m.end, close - m.end));
    sink.line_break();
  }
  return close;  // the end tag itself is scanned next
}

}  // namespace

std::string to_text(std::string_view html) {
  TextSink sink(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) {
      decode_into(sink, html.substr(i));
      break;
    }
    decode_into(sink, html.substr(i, lt - i));
    const Markup m = detail::scan_markup(html, lt, 0);
    switch (m.kind) {
      case MarkupKind::Text:
        sink.text("<");
        i = m.end;
        break;
      case MarkupKind::Comment:
        i = m.end;
        break;
      case MarkupKind::Cdata:
        // Not CDATA in HTML, but feeds double-wrap content; its text is what the author meant.
        sink.text(html.substr(m.content_begin, m.content_end - m.content_begin));
        i = m.end;
        break;
      case MarkupKind::StartTag:
      case MarkupKind::EndTag:
        i = tag(html, m, sink);
        break;
    }
  }
  return sink.take();
}

bool looks_like_html(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '<') {
      const Markup m = detail::scan_markup(s, i, 0);
      if ((m.kind == MarkupKind::StartTag || m.kind == MarkupKind::EndTag) && m.terminated
          && tag_of(m.name) != GUMBO_TAG_UNKNOWN) {
        return true;
      }
      if (m.kind == MarkupKind::Comment && m.terminated && s.compare(i, 4, "<!--") == 0) {
        return true;
      }
    } else if (s[i] == '&') {
      // Only terminated references: "R&D" and "Tom & Jerry" are text.
      if (auto ref = decode_char_ref(s.substr(i)); ref && s[i + ref->length - 1] == ';') {
        return true;
      }
    }
  }
  return false;
}

}  // namespace vigie::ingest::html
