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

// memchr strides over the long runs without a newline (CDATA sections, text) that a byte
// loop would walk.
std::size_t count_newlines(std::string_view s) {
  std::size_t count = 0;
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (nl == nullptr) {
      break;
    }
    ++count;
    p = static_cast<const char*>(nl) + 1;
  }
  return count;
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

// An entity or character reference at s[i] == '&', as prepare_xml reads it.
struct Reference {
  enum class Kind : std::uint8_t {
    Xml,        // &lt; &gt; &amp; &quot; &apos;: `first` is the character
    Char,       // a numeric reference to an XML character: `first`
    Cp1252,     // a numeric reference to 0x80-0x9F, read as windows-1252: `first`
    Forbidden,  // a numeric reference to a character XML forbids
    Malformed,  // "&#" without digits or ";"
    Named,      // an HTML5 name: `first` and maybe `second`
    Unknown,    // "&name;" with a name nobody defines: `name`
    Bare,       // "&" followed by nothing a reference starts with
  };
  Reference(Kind k, std::size_t e, char32_t a = 0, char32_t b = 0, std::string_view n = {})
      : kind(k), end(e), first(a), second(b), name(n) {}
  Kind kind;
  std::size_t end;  // the index after the reference (after the "&" alone when kept as text)
  char32_t first;
  char32_t second;
  std::string_view name;
};

Reference read_reference(std::string_view s, std::size_t i) {
  using Kind = Reference::Kind;
  const std::size_t n = s.size();
  // Escaped HTML is mostly &lt; &gt; &amp; &quot;: settle those first.
  const std::string_view rest = s.substr(i + 1, 5);
  if (rest.substr(0, 3) == "lt;") {
    return Reference(Kind::Xml, i + 4, U'<');
  }
  if (rest.substr(0, 3) == "gt;") {
    return Reference(Kind::Xml, i + 4, U'>');
  }
  if (rest.substr(0, 4) == "amp;") {
    return Reference(Kind::Xml, i + 5, U'&');
  }
  if (rest == "quot;") {
    return Reference(Kind::Xml, i + 6, U'"');
  }
  if (rest == "apos;") {
    return Reference(Kind::Xml, i + 6, U'\'');
  }
  if (!rest.empty() && rest[0] == '#') {
    std::size_t j = i + 2;
    const bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
    j += hex ? 1 : 0;
    const std::size_t digits_start = j;
    char32_t cp = 0;
    while (j < n && (hex ? is_hex(s[j]) : is_digit(s[j])) && j - digits_start < 9) {
      const char c = s[j];
      const unsigned d = is_digit(c) ? static_cast<unsigned>(c - '0')
                                     : static_cast<unsigned>((c | 0x20) - 'a' + 10);
      cp = cp * (hex ? 16u : 10u) + d;
      ++j;
    }
    if (j == digits_start || j >= n || s[j] != ';') {
      return Reference(Kind::Malformed, i + 1);
    }
    if (cp >= 0x80 && cp <= 0x9F) {
      return Reference(Kind::Cp1252, j + 1, windows1252_to_unicode(static_cast<unsigned char>(cp)));
    }
    if (!is_xml_char(cp)) {
      return Reference(Kind::Forbidden, j + 1, U'\uFFFD');
    }
    return Reference(Kind::Char, j + 1, cp);
  }
  if (!rest.empty() && is_alpha(rest[0])) {
    std::size_t j = i + 1;
    while (j < n && (is_alpha(s[j]) || is_digit(s[j])) && j - i <= 32) {
      ++j;
    }
    if (j < n && s[j] == ';') {
      const std::string_view name = s.substr(i + 1, j - i - 1);
      if (const auto e = find_named_entity(name)) {
        return Reference(Kind::Named, j + 1, e->first, e->second);
      }
      return Reference(Kind::Unknown, i + 1, 0, 0, name);
    }
  }
  return Reference(Kind::Bare, i + 1);
}

// Does s hold a byte that only a decoding pass handles well ('&' or a non-ASCII byte)?
bool needs_decoding(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    if (((w & kHighs) | has_byte(w, '&')) != 0) {
      return true;
    }
  }
  for (; i < s.size(); ++i) {
    if (s[i] == '&' || (static_cast<unsigned char>(s[i]) & 0x80) != 0) {
      return true;
    }
  }
  return false;
}

// Could libxml2 see "]]>" in this run of text, which it reports? Not only where the run says
// it: a dropped control character ("]]\x01>") or a dropped comment before or after the run
// ("]]<!---->>") joins the pieces. Any run with both ']' and '>', or that starts with '>' or
// ends with ']', stays for libxml2 to read (found by fuzz_feed_prepare_diff); few do.
bool may_close_cdata(std::string_view run) {
  if (run.empty()) {
    return false;
  }
  if (run.front() == '>' || run.back() == ']') {
    return true;
  }
  return std::memchr(run.data(), ']', run.size()) != nullptr
         && std::memchr(run.data(), '>', run.size()) != nullptr;
}

// The longest text run decoded out of band (see run()).
constexpr std::size_t kMaxDecodedRun = std::size_t{8} * 1024 * 1024;

// Bytes a tag scan stops at: quotes, the ends of a tag, and what is_special() flags.
constexpr std::array<bool, 256> kTagStops = [] {
  std::array<bool, 256> t{};
  for (unsigned b = 0; b < 0x20; ++b) {
    t[b] = b != '\t' && b != '\n' && b != '\r';
  }
  for (const char b : {'"', '\'', '<', '>', '&'}) {
    t[static_cast<unsigned char>(b)] = true;
  }
  t[0xEF] = true;
  return t;
}();

// Copy-on-write rewriting of the body: `out` is only started at the first change.
class BodyRewriter {
 public:
  BodyRewriter(std::string_view s, std::size_t start, std::size_t line_offset,
               const PrepareOptions& options, std::vector<PreparedXml::CdataPiece>& cdata,
               std::string& arena)
      : s_(s),
        start_(start),
        copied_(start),
        line_offset_(line_offset),
        decode_text_(options.text_out_of_band),
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
  // Starts replacing s_[from, to): the caller appends the replacement to out_.
  std::string& replace_from(std::size_t from, std::size_t to) {
    if (!changed_) {
      changed_ = true;
      out_.reserve(s_.size() - start_ + 64);
    }
    out_.append(s_.substr(copied_, from - copied_));
    copied_ = to;
    return out_;
  }
  // Replaces s_[from, to) with `text`.
  void replace(std::size_t from, std::size_t to, std::string_view text) {
    replace_from(from, to).append(text);
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
  void note_reference(std::size_t i, const Reference& r);
  std::size_t reference(std::size_t i);
  std::size_t decode_reference(std::size_t i);
  std::size_t cdata_section(std::size_t i);
  std::size_t comment(std::size_t i);
  std::size_t special(std::size_t i);
  std::size_t markup(std::size_t i);
  std::size_t tag(std::size_t i);
  void rewrite(std::size_t from, std::size_t to);
  void decode(std::size_t from, std::size_t to);
  void add_piece(std::size_t from, std::size_t to, PreparedXml::CdataPiece piece,
                 std::size_t newlines);

  std::string_view s_;
  std::size_t start_;
  std::size_t copied_;
  std::size_t line_offset_;
  // Text runs inside the root element go out of band while the element structure is followed
  // (decode_text_ and depth_ > 0); any doubt about it turns this off for the rest of the body.
  bool decode_text_;
  int depth_ = 0;
  bool changed_ = false;
  std::string out_;
  std::optional<std::string> problem_;
  std::size_t repairs_ = 0;
  std::vector<PreparedXml::CdataPiece>& cdata_;
  std::string& arena_;
};

void BodyRewriter::note_reference(std::size_t i, const Reference& r) {
  switch (r.kind) {
    case Reference::Kind::Malformed:
      note(i, "malformed character reference, kept as text");
      break;
    case Reference::Kind::Forbidden:
      note(i, "reference to a character XML forbids, replaced with U+FFFD");
      break;
    case Reference::Kind::Unknown:
      note(i, "undefined entity &%s; kept as text", r.name);
      break;
    case Reference::Kind::Bare:
      note(i, "unescaped & kept as text");
      break;
    default:
      break;
  }
}

// Rewrites the reference at s_[i] == '&' into one libxml2 knows; returns the index to
// continue from.
std::size_t BodyRewriter::reference(std::size_t i) {
  using Kind = Reference::Kind;
  const Reference r = read_reference(s_, i);
  note_reference(i, r);
  switch (r.kind) {
    case Kind::Xml:
      return r.end;
    case Kind::Char:
      // XML spells a hexadecimal reference "&#x" only; "&#X41;" (HTML allows it) is written
      // again the XML way, or libxml2 would keep "X41;" as text after an error.
      if (s_[i + 2] == 'X') {
        append_char_ref(replace_from(i, r.end), r.first);
      }
      return r.end;
    case Kind::Cp1252:
      append_char_ref(replace_from(i, r.end), r.first);
      return r.end;
    case Kind::Forbidden:
      replace(i, r.end, "&#xFFFD;");
      return r.end;
    case Kind::Named: {
      std::string& out = replace_from(i, r.end);
      append_char_ref(out, r.first);
      if (r.second != 0) {
        append_char_ref(out, r.second);
      }
      return r.end;
    }
    case Kind::Unknown:
      replace(i, i + 1, "&amp;");
      return i + 1 + r.name.size() + 1;
    case Kind::Malformed:
    case Kind::Bare:
      break;
  }
  replace(i, i + 1, "&amp;");
  return i + 1;
}

// Appends the text the reference at s_[i] == '&' stands for to the arena; returns the index
// to continue from. The same reading as reference(), decoded rather than rewritten.
std::size_t BodyRewriter::decode_reference(std::size_t i) {
  using Kind = Reference::Kind;
  const Reference r = read_reference(s_, i);
  note_reference(i, r);
  switch (r.kind) {
    case Kind::Xml:
      arena_.push_back(static_cast<char>(r.first));
      break;
    case Kind::Char:
    case Kind::Cp1252:
    case Kind::Forbidden:
      append_utf8(arena_, r.first);
      break;
    case Kind::Named:
      append_utf8(arena_, r.first);
      if (r.second != 0) {
        append_utf8(arena_, r.second);
      }
      break;
    case Kind::Unknown:
    case Kind::Malformed:
    case Kind::Bare:
      arena_.push_back('&');
      break;
  }
  return r.end;
}

// Section N of the out-of-band text replaces s_[from, to) as <?vigie-cdata N?>, with the
// newlines of what it replaces so that line numbers hold.
void BodyRewriter::add_piece(std::size_t from, std::size_t to, PreparedXml::CdataPiece piece,
                             std::size_t newlines) {
  std::string& out = replace_from(from, to);
  out.append("<?vigie-cdata ");
  out.append(std::to_string(cdata_.size()));
  out.append(newlines, '\n');
  out.append("?>");
  cdata_.push_back(piece);
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
  add_piece(i, next, piece, count_newlines(text));
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

// Rewrites s_[from, to) in place (references libxml2 would not know, forbidden characters).
void BodyRewriter::rewrite(std::size_t from, std::size_t to) {
  std::size_t i = from;
  while (i < to) {
    while (i + 8 <= to && word_is_plain(s_.data() + i)) {
      i += 8;
    }
    while (i < to && !is_special(static_cast<unsigned char>(s_[i]))) {
      ++i;
    }
    if (i < to) {
      i = special(i);
    }
  }
}

// Text content s_[from, to), between two tags of the root element, that holds references or
// non-ASCII characters: libxml2 reads such text a character at a time and calls back once per
// reference, while decoding it here costs a copy. Its text, as libxml2 would report it
// (references replaced, line ends normalised to LF), goes to the arena and the run becomes
// <?vigie-cdata N?>, like a CDATA section.
void BodyRewriter::decode(std::size_t from, std::size_t to) {
  PreparedXml::CdataPiece piece{true, arena_.size(), 0};
  std::size_t newlines = 0;
  std::size_t i = from;
  while (i < to) {
    std::size_t j = i;
    // Whole words of bytes to copy as they are (tab and LF go the byte way, to count lines).
    while (j + 8 <= to && word_is_plain(s_.data() + j)) {
      j += 8;
    }
    for (; j < to; ++j) {
      const auto b = static_cast<unsigned char>(s_[j]);
      if (b == '\n') {
        ++newlines;
      } else if ((b < 0x20 && b != '\t') || b == '&' || b == 0xEF) {
        break;
      }
    }
    arena_.append(s_.data() + i, j - i);
    if (j >= to) {
      break;
    }
    const auto b = static_cast<unsigned char>(s_[j]);
    if (b == '&') {
      i = decode_reference(j);
    } else if (b == '\r') {
      // CR LF and a lone CR are LF to an XML parser.
      if (j + 1 >= to || s_[j + 1] != '\n') {
        arena_.push_back('\n');
      }
      i = j + 1;
    } else if (b == 0xEF) {
      if (j + 2 < to && static_cast<unsigned char>(s_[j + 1]) == 0xBF
          && (static_cast<unsigned char>(s_[j + 2]) & 0xFE) == 0xBE) {
        note(j, "non-character replaced with U+FFFD");
        arena_.append("\xEF\xBF\xBD");
        i = j + 3;
      } else {
        arena_.push_back(static_cast<char>(b));
        i = j + 1;
      }
    } else {
      note(j, "control character removed");
      i = j + 1;
    }
  }
  piece.length = arena_.size() - piece.offset;
  add_piece(from, to, piece, newlines);
}

// The tag at s_[i] == '<' (not a comment, CDATA section or processing instruction); returns
// the index after it. Follows the element depth; stops decoding text when the tag is odd.
std::size_t BodyRewriter::tag(std::size_t i) {
  const std::size_t n = s_.size();
  char quote = 0;
  std::size_t j = i + 1;
  while (j < n) {
    while (j < n && !kTagStops[static_cast<unsigned char>(s_[j])]) {
      ++j;
    }
    if (j >= n) {
      break;
    }
    const char c = s_[j];
    if (c == '"' || c == '\'') {
      quote = quote == 0 ? c : (quote == c ? 0 : quote);
      ++j;
    } else if (c == '>' && quote == 0) {
      const char kind = s_[i + 1];
      if (kind == '/') {
        --depth_;
        decode_text_ = decode_text_ && depth_ > 0;
      } else if (kind == '!' || s_[j - 1] != '/') {
        // "<!DOCTYPE" and the like are errors in the body: stop following.
        decode_text_ = decode_text_ && kind != '!';
        ++depth_;
      } else {
        // An empty element: the root alone if it is the first tag.
        decode_text_ = decode_text_ && depth_ > 0;
      }
      return j + 1;
    } else if (c == '<') {
      // A tag left open, or '<' in an attribute value: libxml2 recovers its way; stop
      // following the structure.
      decode_text_ = false;
      if (quote == 0) {
        return j;
      }
      ++j;
    } else if (c == '>') {
      ++j;
    } else {
      // A control character is dropped, which joins its neighbours: "<\0?x>" becomes a
      // processing instruction for libxml2, "<\1/a>" an end tag, unlike the tag followed
      // here. Stop following the structure (found by fuzz_feed_prepare_diff).
      decode_text_ = decode_text_ && static_cast<unsigned char>(c) >= 0x20;
      j = special(j);
    }
  }
  decode_text_ = false;
  return n;
}

// The markup at s_[i] == '<'; returns the index after it.
std::size_t BodyRewriter::markup(std::size_t i) {
  if (s_.compare(i, 9, "<![CDATA[") == 0) {
    return cdata_section(i);
  }
  if (s_.compare(i, 4, "<!--") == 0) {
    return comment(i);
  }
  if (s_.compare(i, 2, "<?") == 0) {
    const std::size_t close = s_.find("?>", i + 2);
    const std::size_t next = close == std::string_view::npos ? s_.size() : close + 2;
    rewrite(i, next);
    return next;
  }
  return tag(i);
}

void BodyRewriter::run() {
  const std::size_t n = s_.size();
  std::size_t i = start_;
  // Text before the root element is an error libxml2 must see, and the structure is unknown.
  decode_text_ = decode_text_ && i < n && s_[i] == '<';
  while (i < n) {
    if (s_[i] == '<') {
      i = markup(i);
      continue;
    }
    const void* lt = std::memchr(s_.data() + i, '<', n - i);
    const std::size_t end =
        lt == nullptr ? n : static_cast<std::size_t>(static_cast<const char*>(lt) - s_.data());
    const std::string_view run = s_.substr(i, end - i);
    // Text after the last tag stays, so that libxml2 still sees what a truncated document
    // ends with; "]]>" stays, so that libxml2 still reports it. So does a run over 8 MiB: its
    // newlines could pass libxml2's 10 MB limit on an instruction, which would drop the text.
    if (decode_text_ && depth_ > 0 && lt != nullptr && run.size() <= kMaxDecodedRun
        && needs_decoding(run) && !may_close_cdata(run)) {
      decode(i, end);
    } else {
      rewrite(i, end);
    }
    i = end;
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

PreparedXml prepare_xml(std::string_view utf8, const PrepareOptions& options) {
  const std::string_view s = utf8;
  PreparedXml r;
  bool junk = false;
  const std::size_t pos = skip_prolog(s, junk, r.dropped_doctype_, r.declared_entities_);
  std::optional<std::string> prolog_problem;
  if (junk) {
    prolog_problem = "text before the XML declaration ignored";
  }
  r.line_offset_ = count_newlines(s.substr(0, pos));

  BodyRewriter body(s, pos, r.line_offset_, options, r.cdata_, r.cdata_arena_);
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
