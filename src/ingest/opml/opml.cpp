// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/opml/opml.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "core/url.h"
#include "ingest/html/entities.h"

namespace vigie::ingest {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

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

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
         || c == '-' || c == '.' || c == ':';
}

// Trims and turns every run of whitespace into one space.
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    out.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// UTF-8 and UTF-16

std::size_t utf8_length(std::string_view s, std::size_t i, char32_t& cp) {
  return html::decode_utf8(s, i, cp);
}

bool is_valid_utf8(std::string_view s) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i, cp);
    if (n == 0) {
      return false;
    }
    i += n;
  }
  return true;
}

std::string utf16_to_utf8(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size());
  const auto unit = [&](std::size_t i) {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto b = static_cast<unsigned char>(s[i + 1]);
    return static_cast<char32_t>(little_endian ? (b << 8) | a : (a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    char32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    html::append_utf8(out, cp);  // lone surrogates become U+FFFD
  }
  return out;
}

// ISO-8859-1 labels mean windows-1252 in practice (WHATWG Encoding treats them as one).
std::string windows1252_to_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    html::append_utf8(out, html::windows1252_to_unicode(static_cast<unsigned char>(c)));
  }
  return out;
}

bool is_windows1252_label(std::string_view label) {
  for (std::string_view l : {"windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1",
                             "iso_8859-1", "latin1", "l1", "us-ascii", "ascii"}) {
    if (iequals(label, l)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Preparing the bytes for libxml2 (DESIGN.md §6 "Parsing", as the feed parser does)

struct Prepared {
  std::string text;
  const char* encoding = nullptr;  // for xmlReadMemory; nullptr: the declaration or UTF-8
  bool ignore_declared_encoding = false;
};

// Skips a DOCTYPE starting at s[pos]; quoted strings and the internal subset may hold ">".
std::size_t skip_doctype(std::string_view s, std::size_t pos) {
  char quote = '\0';
  int bracket = 0;
  for (std::size_t i = pos + 9; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != '\0') {
      if (c == quote) {
        quote = '\0';
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[') {
      ++bracket;
    } else if (c == ']') {
      bracket = bracket > 0 ? bracket - 1 : 0;
    } else if (c == '>' && bracket == 0) {
      return i + 1;
    }
  }
  return s.size();
}

std::size_t skip_past(std::string_view s, std::size_t from, std::string_view end) {
  const std::size_t at = s.find(end, from);
  return at == kNpos ? s.size() : at + end.size();
}

// The encoding named by an XML declaration at the start of s, if any.
std::string declared_encoding(std::string_view s) {
  if (!s.starts_with("<?xml")) {
    return {};
  }
  const std::string_view decl = s.substr(0, s.find("?>"));
  const std::size_t at = decl.find("encoding");
  if (at == kNpos) {
    return {};
  }
  std::size_t i = decl.find_first_of("\"'", at);
  if (i == kNpos) {
    return {};
  }
  const std::size_t close = decl.find(decl[i], i + 1);
  if (close == kNpos) {
    return {};
  }
  ++i;
  return std::string(decl.substr(i, close - i));
}

// Copies the markup construct at s[i] == '<' (or drops a DOCTYPE); returns where it ends.
std::size_t copy_markup(std::string_view s, std::size_t i, bool& in_prolog, std::string& out) {
  std::size_t end = i + 1;
  if (s.compare(i, 4, "<!--") == 0) {
    end = skip_past(s, i + 4, "-->");
  } else if (s.compare(i, 9, "<![CDATA[") == 0) {
    end = skip_past(s, i + 9, "]]>");
  } else if (s.compare(i, 2, "<?") == 0) {
    end = skip_past(s, i + 2, "?>");
  } else if (in_prolog && istarts_with(s.substr(i), "<!DOCTYPE")) {
    return skip_doctype(s, i);
  } else {
    in_prolog = in_prolog && !(i + 1 < s.size() && is_name_char(s[i + 1]));
  }
  out.append(s.substr(i, end - i));
  return end;
}

bool is_xml_char(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
         || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
}

// Writes the reference at rest[0] == '&' the way libxml2 will take it; returns its length.
std::size_t rewrite_reference(std::string_view rest, std::string& out) {
  std::size_t n = 1;
  while (n < rest.size() && n < 40 && rest[n] != ';' && (is_name_char(rest[n]) || rest[n] == '#')) {
    ++n;
  }
  const std::string_view name =
      n < rest.size() && rest[n] == ';' ? rest.substr(1, n - 1) : std::string_view{};
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
    out.append(rest.substr(0, n + 1));
    return n + 1;
  }
  if (!name.empty()) {
    if (auto ref = html::decode_char_ref(rest.substr(0, n + 1)); ref && ref->length == n + 1) {
      const char32_t cp = is_xml_char(ref->code_point) ? ref->code_point : 0xFFFD;
      out.append("&#");
      out.append(std::to_string(static_cast<std::uint32_t>(cp)));
      out.push_back(';');
      return n + 1;
    }
  }
  out.append("&amp;");
  return 1;
}

// Rewrites what libxml2 would reject or expand:
// - the DOCTYPE in the prolog goes, so that no declared entity is ever expanded and no DTD is
//   ever named to the parser;
// - HTML named references ("&eacute;") become numeric references, references to characters
//   XML forbids become U+FFFD, and a "&" that starts no reference ("?a=1&b=2", "R&D", an unknown
//   name) becomes "&amp;";
// - control characters XML forbids are dropped.
// Comments, CDATA sections and processing instructions are copied as they are.
std::string repair_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  bool in_prolog = true;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '<') {
      i = copy_markup(s, i, in_prolog, out);
    } else if (c == '&') {
      i += rewrite_reference(s.substr(i), out);
    } else {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
        out.push_back(c);
      }
      ++i;
    }
  }
  return out;
}

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i, cp);
    if (n == 0) {
      html::append_utf8(out, 0xFFFD);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

Prepared prepare(std::string_view bytes) {
  Prepared p;
  std::string utf8;
  bool known_utf8 = false;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    known_utf8 = true;
  } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with(std::string_view("<\0?\0", 4))) {
    if (bytes.starts_with("\xFF\xFE")) {
      bytes.remove_prefix(2);
    }
    utf8 = utf16_to_utf8(bytes, true);
    bytes = utf8;
    known_utf8 = true;
  } else if (bytes.starts_with("\xFE\xFF") || bytes.starts_with(std::string_view("\0<\0?", 4))) {
    if (bytes.starts_with("\xFE\xFF")) {
      bytes.remove_prefix(2);
    }
    utf8 = utf16_to_utf8(bytes, false);
    bytes = utf8;
    known_utf8 = true;
  }
  // Leading whitespace before the declaration is an error libxml2 does not recover from.
  while (!bytes.empty() && is_space(bytes.front())) {
    bytes.remove_prefix(1);
  }
  const std::string declared = declared_encoding(bytes);
  const bool declares_utf8 = istarts_with(declared, "utf-8") || istarts_with(declared, "utf8")
                             || istarts_with(declared, "utf-16") || istarts_with(declared, "ucs");
  // We decode UTF-8 and windows-1252 ourselves and hand libxml2 UTF-8: its converters stop at
  // the first byte they cannot map, losing the rest of the file.
  if (known_utf8 || declares_utf8 || (declared.empty() && is_valid_utf8(bytes))) {
    p.text = repair_markup(is_valid_utf8(bytes) ? bytes : std::string_view(repair_utf8(bytes)));
  } else if (declared.empty() || is_windows1252_label(declared)) {
    // No declaration and not UTF-8: files saved by old Windows tools.
    p.text = repair_markup(windows1252_to_utf8(bytes));
  } else {
    p.text = repair_markup(bytes);  // ISO-8859-15, KOI8-R...: libxml2 decodes it
    return p;
  }
  p.encoding = "UTF-8";
  p.ignore_declared_encoding = true;
  return p;
}

// ---------------------------------------------------------------------------------------------
// Reading

// libxml2 reports encoding and I/O errors through its generic error handler, which
// XML_PARSE_NOERROR does not cover and which prints to stderr. The handler is per thread.
extern "C" void ignore_xml_error(void* /*context*/, const char* /*format*/, ...) {}

class QuietXmlErrors {
 public:
  QuietXmlErrors() : saved_(xmlGenericError), saved_context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, ignore_xml_error);
  }
  ~QuietXmlErrors() { xmlSetGenericErrorFunc(saved_context_, saved_); }
  QuietXmlErrors(const QuietXmlErrors&) = delete;
  QuietXmlErrors& operator=(const QuietXmlErrors&) = delete;
  QuietXmlErrors(QuietXmlErrors&&) = delete;
  QuietXmlErrors& operator=(QuietXmlErrors&&) = delete;

 private:
  xmlGenericErrorFunc saved_;
  void* saved_context_;
};

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view name_of(const xmlNode* n) {
  return n->name == nullptr ? std::string_view{}
                            : std::string_view(reinterpret_cast<const char*>(n->name));
}

bool is_element(const xmlNode* n, std::string_view name) {
  return n->type == XML_ELEMENT_NODE && iequals(name_of(n), name);
}

// Takes a string libxml2 allocated. Its text is UTF-8, except when recovery from a broken
// declaration left bytes of another encoding in it; those become U+FFFD.
std::string take_xml_string(xmlChar* s) {
  if (s == nullptr) {
    return {};
  }
  std::string r(reinterpret_cast<const char*>(s));
  xmlFree(s);
  return is_valid_utf8(r) ? r : repair_utf8(r);
}

std::string text_of(const xmlNode* n) {
  return take_xml_string(xmlNodeGetContent(n));
}

// Attribute value by name, ASCII case-insensitive (exporters write xmlUrl, xmlurl, XMLURL).
std::optional<std::string> attribute(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || !iequals(reinterpret_cast<const char*>(a->name), name)) {
      continue;
    }
    return take_xml_string(xmlNodeListGetString(n->doc, a->children, 1));
  }
  return std::nullopt;
}

std::optional<std::string> non_empty(std::optional<std::string> s) {
  if (!s) {
    return std::nullopt;
  }
  std::string c = collapse(*s);
  if (c.empty()) {
    return std::nullopt;
  }
  return c;
}

std::string clean_url_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\t' && c != '\n' && c != '\r') {
      out.push_back(c);
    }
  }
  std::string_view v(out);
  while (!v.empty() && v.front() == ' ') {
    v.remove_prefix(1);
  }
  while (!v.empty() && v.back() == ' ') {
    v.remove_suffix(1);
  }
  return std::string(v);
}

// The feed URL of an outline, repaired where readers agree on the intent.
std::optional<std::string> feed_url(std::string_view raw) {
  std::string s = clean_url_text(raw);
  if (istarts_with(s, "feed://")) {
    s = "http://" + s.substr(7);
  } else if (istarts_with(s, "feed:")) {
    s = s.substr(5);
  }
  if (s.empty() || s.find(' ') != std::string::npos) {
    return std::nullopt;
  }
  if (core::is_http_url(s)) {
    return s;
  }
  // "www.example.org/rss": a host with a dot and no scheme.
  const std::size_t slash = s.find('/');
  const std::string_view host = std::string_view{s}.substr(0, slash);
  if (s.find("://") == std::string::npos && host.find(':') == kNpos && host.find('.') != kNpos
      && host.front() != '.' && slash != 0) {
    std::string with_scheme = "http://" + s;
    if (core::is_http_url(with_scheme)) {
      return with_scheme;
    }
  }
  return std::nullopt;
}

void add_tag(std::vector<std::string>& tags, std::string tag) {
  if (tag.empty()) {
    return;
  }
  for (const std::string& t : tags) {
    if (t == tag) {
      return;
    }
  }
  tags.push_back(std::move(tag));
}

class Reader {
 public:
  OpmlDocument read(const xmlNode* root) {
    for (const xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (is_element(n, "head")) {
        for (const xmlNode* h = n->children; h != nullptr; h = h->next) {
          if (is_element(h, "title")) {
            doc_.title = collapse(text_of(h));
          }
        }
      } else if (is_element(n, "body")) {
        outlines(n->children);
      } else if (is_element(n, "outline")) {
        outlines(n);  // no <body>: OPML 1.0 files from some tools
        break;
      }
    }
    return std::move(doc_);
  }

 private:
  struct Level {
    const xmlNode* next;
    bool folder;  // pushed a name onto path_
  };

  // Depth-first over outlines, without recursion: nesting depth is the document's choice.
  void outlines(const xmlNode* first) {
    std::vector<Level> levels{{first, false}};
    while (!levels.empty()) {
      const xmlNode* n = levels.back().next;
      if (n == nullptr) {
        if (levels.back().folder) {
          path_.pop_back();
        }
        levels.pop_back();
        continue;
      }
      levels.back().next = n->next;
      if (!is_element(n, "outline")) {
        continue;
      }
      const std::optional<std::string> xml = feed_url_of(n);
      if (xml) {
        feed(n, *xml);
        levels.push_back({n->children, false});
        continue;
      }
      if (attribute(n, "xmlUrl")) {
        continue;  // a feed with an unusable URL, not a folder
      }
      std::optional<std::string> name = non_empty(attribute(n, "text"));
      if (!name) {
        name = non_empty(attribute(n, "title"));
      }
      if (name) {
        path_.push_back(*name);
      }
      levels.push_back({n->children, name.has_value()});
    }
  }

  static std::optional<std::string> feed_url_of(const xmlNode* n) {
    if (auto x = attribute(n, "xmlUrl"); x && !collapse(*x).empty()) {
      return feed_url(*x);
    }
    // Some OPML 1.0 writers put the feed in `url` with a feed type.
    const auto type = attribute(n, "type");
    if (type && (iequals(*type, "rss") || iequals(*type, "atom") || iequals(*type, "feed"))) {
      if (auto u = attribute(n, "url")) {
        return feed_url(*u);
      }
    }
    return std::nullopt;
  }

  void feed(const xmlNode* n, const std::string& xml_url) {
    OpmlFeed f;
    f.xml_url = xml_url;
    if (auto t = non_empty(attribute(n, "title"))) {
      f.title = *t;
    } else if (auto x = non_empty(attribute(n, "text"))) {
      f.title = *x;
    } else {
      f.title = xml_url;
    }
    if (auto h = attribute(n, "htmlUrl")) {
      if (std::string u = clean_url_text(*h); core::is_http_url(u) && u.find(' ') == kNpos) {
        f.html_url = u;
      }
    }
    f.language = non_empty(attribute(n, "language"));
    f.description = non_empty(attribute(n, "description"));
    for (const std::string& folder : path_) {
      add_tag(f.tags, folder);
    }
    if (auto categories = attribute(n, "category")) {
      std::string_view rest(*categories);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        std::string tag = collapse(rest.substr(0, comma));
        const std::size_t b = tag.find_first_not_of('/');
        const std::size_t e = tag.find_last_not_of('/');
        add_tag(f.tags,
                b == std::string::npos ? std::string() : collapse(tag.substr(b, e - b + 1)));
        rest = comma == kNpos ? std::string_view{} : rest.substr(comma + 1);
      }
    }

    const auto [it, inserted] = index_.try_emplace(f.xml_url, doc_.feeds.size());
    if (inserted) {
      doc_.feeds.push_back(std::move(f));
      return;
    }
    OpmlFeed& first = doc_.feeds[it->second];
    for (std::string& tag : f.tags) {
      add_tag(first.tags, std::move(tag));
    }
    if (!first.html_url) {
      first.html_url = std::move(f.html_url);
    }
    if (!first.language) {
      first.language = std::move(f.language);
    }
    if (!first.description) {
      first.description = std::move(f.description);
    }
  }

  OpmlDocument doc_;
  std::vector<std::string> path_;
  std::unordered_map<std::string, std::size_t> index_;
};

// ---------------------------------------------------------------------------------------------
// Writing

// Appends s escaped for XML text or a double-quoted attribute: invalid UTF-8 becomes U+FFFD,
// characters XML 1.0 forbids are dropped, and in attributes tab and line breaks are written as
// references so that attribute-value normalisation keeps them.
void append_escaped(std::string& out, std::string_view s, bool attribute) {
  char32_t cp = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_length(s, i, cp);
    if (n == 0) {
      html::append_utf8(out, 0xFFFD);
      ++i;
      continue;
    }
    const std::string_view seq = s.substr(i, n);
    i += n;
    switch (cp) {
      case '&':
        out.append("&amp;");
        continue;
      case '<':
        out.append("&lt;");
        continue;
      case '>':
        out.append("&gt;");
        continue;
      case '"':
        out.append(attribute ? "&quot;" : "\"");
        continue;
      case '\t':
        out.append(attribute ? "&#9;" : "\t");
        continue;
      case '\n':
        out.append(attribute ? "&#10;" : "\n");
        continue;
      case '\r':
        out.append("&#13;");
        continue;
      case 0xFFFE:
      case 0xFFFF:
        html::append_utf8(out, 0xFFFD);
        continue;
      default:
        if (cp < 0x20) {
          continue;
        }
        out.append(seq);
    }
  }
}

void write_attribute(std::string& out, std::string_view name, std::string_view value) {
  out.push_back(' ');
  out.append(name);
  out.append("=\"");
  append_escaped(out, value, true);
  out.push_back('"');
}

void write_feed(std::string& out, const OpmlFeed& f, std::size_t indent, bool first_tag_is_folder) {
  out.append(indent, ' ');
  out.append("<outline");
  write_attribute(out, "type", "rss");
  write_attribute(out, "text", f.title);
  write_attribute(out, "title", f.title);
  write_attribute(out, "xmlUrl", f.xml_url);
  if (f.html_url) {
    write_attribute(out, "htmlUrl", *f.html_url);
  }
  if (f.description) {
    write_attribute(out, "description", *f.description);
  }
  if (f.language) {
    write_attribute(out, "language", *f.language);
  }
  std::string categories;
  for (std::size_t i = first_tag_is_folder ? 1 : 0; i < f.tags.size(); ++i) {
    if (!categories.empty()) {
      categories.push_back(',');
    }
    categories.append(f.tags[i]);
  }
  if (!categories.empty()) {
    write_attribute(out, "category", categories);
  }
  out.append("/>\n");
}

}  // namespace

core::Result<OpmlDocument> parse_opml(std::string_view bytes) {
  const Prepared p = prepare(bytes);
  if (p.text.size() > static_cast<std::size_t>(INT_MAX)) {
    return core::make_error(core::ErrorCode::InvalidInput, "opml.invalid",
                            "opml: document larger than 2 GiB");
  }
  // libxml2 must be initialised once before threads use it; a function-local static does that
  // exactly once, whichever thread comes first.
  static const bool kLibxmlReady = (xmlInitParser(), true);
  (void)kLibxmlReady;
  const QuietXmlErrors quiet;
  int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING
                | XML_PARSE_NOCDATA;
  if (p.ignore_declared_encoding) {
    options |= XML_PARSE_IGNORE_ENC;
  }
  const std::unique_ptr<xmlDoc, DocDeleter> doc(
      xmlReadMemory(p.text.data(), static_cast<int>(p.text.size()), nullptr, p.encoding, options));
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    return core::make_error(core::ErrorCode::InvalidInput, "opml.invalid",
                            "opml: not an XML document");
  }
  if (!iequals(name_of(root), "opml")) {
    return core::make_error(
        core::ErrorCode::InvalidInput, "opml.invalid",
        "opml: root element is <" + std::string(name_of(root)) + ">, not <opml>");
  }
  return Reader().read(root);
}

std::string write_opml(const OpmlDocument& document, std::string_view date_created_rfc822) {
  std::string out;
  out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
  out.append("    <title>");
  append_escaped(out, document.title, false);
  out.append("</title>\n");
  if (!date_created_rfc822.empty()) {
    out.append("    <dateCreated>");
    append_escaped(out, date_created_rfc822, false);
    out.append("</dateCreated>\n");
  }
  out.append("  </head>\n  <body>\n");

  // Feeds keep their order, so that a re-import gives the same list: consecutive feeds with the
  // same first tag share a folder, and a tag that comes back later opens another folder of the
  // same name (readers merge folders by name).
  const std::vector<OpmlFeed>& feeds = document.feeds;
  for (std::size_t i = 0; i < feeds.size();) {
    if (feeds[i].tags.empty()) {
      write_feed(out, feeds[i], 4, false);
      ++i;
      continue;
    }
    const std::string& folder = feeds[i].tags.front();
    out.append("    <outline");
    write_attribute(out, "text", folder);
    write_attribute(out, "title", folder);
    out.append(">\n");
    for (; i < feeds.size() && !feeds[i].tags.empty() && feeds[i].tags.front() == folder; ++i) {
      write_feed(out, feeds[i], 6, true);
    }
    out.append("    </outline>\n");
  }
  out.append("  </body>\n</opml>\n");
  return out;
}

}  // namespace vigie::ingest
