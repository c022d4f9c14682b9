// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/xml_prepare.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "ingest/named_entities.h"
#include "ingest/utf8.h"

namespace vigie::ingest {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) {
    return false;
  }
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[pos + k];
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (c != prefix[k]) {
      return false;
    }
  }
  return true;
}

bool has_feed_root(std::string_view s) {
  for (const std::string_view root : {"<rss", "<feed", "<rdf:RDF", "<RDF", "<channel"}) {
    if (s.find(root) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

std::size_t count_newlines(std::string_view s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// Skips a DOCTYPE starting at s[pos] == '<'. Quoted strings and the internal subset may hold
// '>' (and the subset, comments with anything in them). Returns the index after it.
std::size_t skip_doctype(std::string_view s, std::size_t pos, bool& declared_entities) {
  std::size_t i = pos + 9;
  int bracket = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"' || c == '\'') {
      const std::size_t end = s.find(c, i + 1);
      i = end == std::string_view::npos ? s.size() : end + 1;
    } else if (bracket > 0 && s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      i = end == std::string_view::npos ? s.size() : end + 3;
    } else if (c == '[') {
      ++bracket;
      ++i;
    } else if (c == ']') {
      bracket = std::max(0, bracket - 1);
      ++i;
    } else if (c == '>' && bracket == 0) {
      return i + 1;
    } else {
      if (bracket > 0 && s.compare(i, 8, "<!ENTITY") == 0) {
        declared_entities = true;
      }
      ++i;
    }
  }
  return s.size();
}

// Eight bytes at a time: does the word hold '&', a byte below 0x20 or 0xEF (the lead byte of
// U+FFFE/U+FFFF)? Classic SWAR tests; false positives only next to a true hit.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
constexpr std::uint64_t has_less(std::uint64_t w, std::uint8_t n) {
  return (w - kOnes * n) & ~w & kHighs;
}
constexpr std::uint64_t has_byte(std::uint64_t w, std::uint8_t b) {
  const std::uint64_t x = w ^ (kOnes * b);
  return (x - kOnes) & ~x & kHighs;
}
bool word_is_plain(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return (has_byte(w, '&') | has_less(w, 0x20) | has_byte(w, 0xEF)) == 0;
}

// The same without '&', which CDATA holds as text.
bool word_is_clean_cdata(const char* p) {
  std::uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return (has_less(w, 0x20) | has_byte(w, 0xEF)) == 0;
}

bool is_special(unsigned char b) {
  return b == '&' || b == 0xEF || (b < 0x20 && b != '\t' && b != '\n' && b != '\r');
}

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
         || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void append_char_ref(std::string& out, char32_t cp) {
  std::array<char, 16> buf{};
  const int n = std::snprintf(buf.data(), buf.size(), "&#x%X;", static_cast<unsigned>(cp));
  out.append(buf.data(), static_cast<std::size_t>(n));
}

// Copy-on-write rewriting of the body: `out` is only started at the first change.
class BodyRewriter {
 public:
  BodyRewriter(std::string_view s, std::size_t start, std::size_t line_offset,
               std::vector<PreparedXml::CdataPiece>& cdata, std::string& arena)
      : s_(s),
        start_(start),
        copied_(start),
        line_offset_(line_offset),
        cdata_(cdata),
        arena_(arena) {}

  void run();
  bool changed() const { return changed_; }
  std::string take() {
    out_.append(s_.substr(copied_));
    return std::move(out_);
  }
  const std::optional<std::string>& problem() const { return problem_; }
  std::size_t repairs() const { return repairs_; }

 private:
  // Replaces s_[from, to) with `text`.
  void replace(std::size_t from, std::size_t to, std::string_view text) {
    if (!changed_) {
      changed_ = true;
      out_.reserve(s_.size() - start_ + 64);
    }
    out_.append(s_.substr(copied_, from - copied_));
    out_.append(text);
    copied_ = to;
  }
  // Counts a repair; the first one is described, with its line. `name` fills "%s" in `what`.
  void note(std::size_t at, std::string_view what, std::string_view name = {}) {
    ++repairs_;
    if (!problem_) {
      const std::size_t line = line_offset_ + count_newlines(s_.substr(start_, at - start_)) + 1;
      std::string text(what);
      if (const std::size_t slot = text.find("%s"); slot != std::string::npos) {
        text.replace(slot, 2, name);
      }
      problem_ = "line " + std::to_string(line) + ": " + text;
    }
  }
  std::size_t reference(std::size_t i);
  std::size_t numeric_reference(std::size_t i);
  std::size_t named_reference(std::size_t i);
  std::size_t cdata_section(std::size_t i);
  std::size_t comment(std::size_t i);
  std::size_t special(std::size_t i);

  std::string_view s_;
  std::size_t start_;
  std::size_t copied_;
  std::size_t line_offset_;
  bool changed_ = false;
  std::string out_;
  std::optional<std::string> problem_;
  std::size_t repairs_ = 0;
  std::vector<PreparedXml::CdataPiece>& cdata_;
  std::string& arena_;
};

// Handles the reference at s_[i] == '&'; returns the index to continue from.
// "&#123;" or "&#x7B;" at s_[i]; returns the index to continue from.
std::size_t BodyRewriter::numeric_reference(std::size_t i) {
  const std::size_t n = s_.size();
  std::size_t j = i + 2;
  const bool hex = j < n && (s_[j] == 'x' || s_[j] == 'X');
  j += hex ? 1 : 0;
  const std::size_t digits_start = j;
  char32_t cp = 0;
  while (j < n && (hex ? is_hex(s_[j]) : is_digit(s_[j])) && j - digits_start < 9) {
    const char c = s_[j];
    const unsigned d =
        is_digit(c) ? static_cast<unsigned>(c - '0') : static_cast<unsigned>((c | 0x20) - 'a' + 10);
    cp = cp * (hex ? 16u : 10u) + d;
    ++j;
  }
  if (j == digits_start || j >= n || s_[j] != ';') {
    replace(i, i + 1, "&amp;");
    note(i, "malformed character reference, kept as text");
    return i + 1;
  }
  if (cp >= 0x80 && cp <= 0x9F) {
    std::string ref;
    append_char_ref(ref, windows1252_to_unicode(static_cast<unsigned char>(cp)));
    replace(i, j + 1, ref);
  } else if (!is_xml_char(cp)) {
    replace(i, j + 1, "&#xFFFD;");
    note(i, "reference to a character XML forbids, replaced with U+FFFD");
  }
  return j + 1;
}

// "&name;" at s_[i] (s_[i + 1] is a letter); returns the index to continue from, or npos when
// no ";" closes the name.
std::size_t BodyRewriter::named_reference(std::size_t i) {
  const std::size_t n = s_.size();
  std::size_t j = i + 1;
  while (j < n && (is_alpha(s_[j]) || is_digit(s_[j])) && j - i <= 32) {
    ++j;
  }
  if (j >= n || s_[j] != ';') {
    return std::string_view::npos;
  }
  const std::string_view name = s_.substr(i + 1, j - i - 1);
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
    return j + 1;
  }
  if (const auto e = find_named_entity(name)) {
    std::string ref;
    append_char_ref(ref, e->first);
    if (e->second != 0) {
      append_char_ref(ref, e->second);
    }
    replace(i, j + 1, ref);
    return j + 1;
  }
  replace(i, i + 1, "&amp;");
  note(i, "undefined entity &%s; kept as text", name);
  return j + 1;
}

// Handles the reference at s_[i] == '&'; returns the index to continue from.
std::size_t BodyRewriter::reference(std::size_t i) {
  // Escaped HTML is mostly &lt; &gt; &amp; &quot;: settle those first.
  const std::string_view rest = s_.substr(i + 1, 5);
  if (rest.substr(0, 3) == "lt;" || rest.substr(0, 3) == "gt;") {
    return i + 4;
  }
  if (rest.substr(0, 4) == "amp;") {
    return i + 5;
  }
  if (rest == "quot;" || rest == "apos;") {
    return i + 6;
  }
  if (!rest.empty() && rest[0] == '#') {
    return numeric_reference(i);
  }
  if (!rest.empty() && is_alpha(rest[0])) {
    if (const std::size_t next = named_reference(i); next != std::string_view::npos) {
      return next;
    }
  }
  replace(i, i + 1, "&amp;");
  note(i, "unescaped & kept as text");
  return i + 1;
}

// A CDATA section goes out of band: libxml2 reads CDATA one character at a time through its
// slowest path, while a processing instruction naming the section is skipped in a blink. The
// reader puts the text back (xml_reader.cpp). Control characters inside are cleaned here, and
// the instruction carries the section's newlines so that line numbers stay true.
std::size_t BodyRewriter::cdata_section(std::size_t i) {
  const std::size_t n = s_.size();
  const std::size_t begin = i + 9;
  const std::size_t close = s_.find("]]>", begin);
  const std::size_t end = close == std::string_view::npos ? n : close;
  const std::size_t next = close == std::string_view::npos ? n : close + 3;
  const std::string_view text = s_.substr(begin, end - begin);

  PreparedXml::CdataPiece piece{false, begin, text.size()};
  bool dirty = false;
  for (std::size_t j = 0; j < text.size() && !dirty;) {
    if (j + 8 <= text.size() && word_is_clean_cdata(text.data() + j)) {
      j += 8;
      continue;
    }
    const auto b = static_cast<unsigned char>(text[j]);
    dirty = (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
            || (b == 0xEF && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0xBF
                && (static_cast<unsigned char>(text[j + 2]) & 0xFE) == 0xBE);
    ++j;
  }
  if (dirty) {
    piece = PreparedXml::CdataPiece{true, arena_.size(), 0};
    for (std::size_t j = 0; j < text.size(); ++j) {
      const auto b = static_cast<unsigned char>(text[j]);
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
        note(begin + j, "control character removed");
        continue;
      }
      if (b == 0xEF && j + 2 < text.size() && static_cast<unsigned char>(text[j + 1]) == 0xBF
          && (static_cast<unsigned char>(text[j + 2]) & 0xFE) == 0xBE) {
        note(begin + j, "non-character replaced with U+FFFD");
        arena_.append("\xEF\xBF\xBD");
        j += 2;
        continue;
      }
      arena_.push_back(text[j]);
    }
    piece.length = arena_.size() - piece.offset;
  }
  std::string pi = "<?vigie-cdata " + std::to_string(cdata_.size());
  pi.append(count_newlines(text), '\n');
  pi.append("?>");
  cdata_.push_back(piece);
  replace(i, next, pi);
  return next;
}

// Comments are dropped: nothing reads them, and they may hold anything.
std::size_t BodyRewriter::comment(std::size_t i) {
  const std::size_t close = s_.find("-->", i + 4);
  const std::size_t next = close == std::string_view::npos ? s_.size() : close + 3;
  const std::string_view text = s_.substr(i, next - i);
  replace(i, next, std::string(count_newlines(text), '\n'));
  return next;
}

// A byte is_special() flagged, outside CDATA and comments.
std::size_t BodyRewriter::special(std::size_t i) {
  const auto b = static_cast<unsigned char>(s_[i]);
  if (b == '&') {
    return reference(i);
  }
  if (b == 0xEF) {
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters.
    if (i + 2 < s_.size() && static_cast<unsigned char>(s_[i + 1]) == 0xBF
        && (static_cast<unsigned char>(s_[i + 2]) & 0xFE) == 0xBE) {
      replace(i, i + 3, "\xEF\xBF\xBD");
      note(i, "non-character replaced with U+FFFD");
      return i + 3;
    }
    return i + 1;
  }
  replace(i, i + 1, "");
  note(i, "control character removed");
  return i + 1;
}

void BodyRewriter::run() {
  const std::size_t n = s_.size();
  std::size_t next_bang = s_.find("<!", start_);  // the next CDATA section or comment, maybe
  std::size_t i = start_;
  while (i < n) {
    const std::size_t limit = std::min(n, next_bang);
    while (i + 8 <= limit && word_is_plain(s_.data() + i)) {
      i += 8;
    }
    while (i < limit && !is_special(static_cast<unsigned char>(s_[i]))) {
      ++i;
    }
    if (i >= n) {
      break;
    }
    if (i == next_bang) {
      if (s_.compare(i, 9, "<![CDATA[") == 0) {
        i = cdata_section(i);
      } else if (s_.compare(i, 4, "<!--") == 0) {
        i = comment(i);
      } else {
        i += 2;
      }
      next_bang = i < n ? s_.find("<!", i) : std::string_view::npos;
      continue;
    }
    if (i < limit) {
      i = special(i);
    }
  }
}

// Where the root element starts: after leading junk (when an XML declaration follows it),
// the declaration, comments, processing instructions and the DOCTYPE.
std::size_t skip_prolog(std::string_view s, bool& junk, bool& doctype, bool& entities) {
  std::size_t pos = 0;
  while (pos < s.size() && is_space(s[pos])) {
    ++pos;
  }
  if (s.compare(pos, 5, "<?xml") != 0) {
    // Junk before the document, typically a server-side warning ("<b>Warning</b>: ..."):
    // skip to the XML declaration when one follows and no feed element comes before it.
    const std::size_t decl = s.substr(0, 4096).find("<?xml");
    if (decl != std::string_view::npos && decl > pos && !has_feed_root(s.substr(pos, decl - pos))) {
      junk = true;
      pos = decl;
    }
  }
  while (pos < s.size()) {
    while (pos < s.size() && is_space(s[pos])) {
      ++pos;
    }
    std::size_t end = std::string_view::npos;
    if (s.compare(pos, 2, "<?") == 0) {
      end = s.find("?>", pos + 2);
      end = end == std::string_view::npos ? s.size() : end + 2;
    } else if (s.compare(pos, 4, "<!--") == 0) {
      end = s.find("-->", pos + 4);
      end = end == std::string_view::npos ? s.size() : end + 3;
    } else if (starts_with_ci(s, pos, "<!DOCTYPE")) {
      end = skip_doctype(s, pos, entities);
      doctype = true;
    } else {
      return pos;
    }
    pos = end;
  }
  return pos;
}

}  // namespace

PreparedXml prepare_xml(std::string_view utf8) {
  const std::string_view s = utf8;
  PreparedXml r;
  bool junk = false;
  const std::size_t pos = skip_prolog(s, junk, r.dropped_doctype_, r.declared_entities_);
  std::optional<std::string> prolog_problem;
  if (junk) {
    prolog_problem = "text before the XML declaration ignored";
  }
  r.line_offset_ = count_newlines(s.substr(0, pos));

  BodyRewriter body(s, pos, r.line_offset_, r.cdata_, r.cdata_arena_);
  r.source_ = s;
  body.run();
  r.repair_count_ = body.repairs() + (prolog_problem ? 1 : 0);
  r.problem_ = prolog_problem ? prolog_problem : body.problem();
  if (body.changed()) {
    r.owned_ = body.take();
  } else {
    r.borrowed_ = s.substr(pos);
  }
  return r;
}

}  // namespace vigie::ingest
