// SPDX-License-Identifier: AGPL-3.0-or-later
// The sanitiser: gumbo builds the HTML5 tree, an allow-list walk writes it back out.
//
// Three properties shape the code:
// - Safety comes from the allow-list and from writing every attribute ourselves: nothing from
//   the input is copied into the output unescaped, and only http, https and mailto URLs that we
//   re-check after resolution ever reach an href or src.
// - Idempotence (sanitize(sanitize(x)) == sanitize(x)) needs the output to parse back into the
//   tree it was written from. Trees the HTML parser built do, as long as we only keep or drop
//   whole elements; replacing an element by its children ("unwrapping") can build shapes the
//   parser would not (an <li> directly inside an <li>, an <h2> inside an <h1>). So an unwrap
//   that exposes child elements marks the run "unstable", and so does content the parser
//   moved around (foster parenting out of tables, the adoption agency); an unstable result goes
//   through the parser once more, which settles it (the property tests and the fuzzer check).
// - Bounded cost: gumbo is linear except where its tree-construction checks walk the stack of
//   open elements (100k nested <div>s take 20 s), so the input is first cut to a nesting depth
//   and attribute count that real documents never reach. The walk itself is iterative.
#include "ingest/html/sanitizer.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <gumbo.h>

#include "core/url.h"
#include "ingest/html/entities.h"
#include "ingest/html/markup_scan.h"
#include "ingest/html/sanitizer_paths.h"
#include "ingest/html/tags.h"

namespace vigie::ingest::html {
namespace {

using detail::ascii_lower;
using detail::iequals;
using detail::is_html_space;
using detail::Markup;
using detail::MarkupKind;
using detail::tag_of;

constexpr std::size_t kNpos = std::string_view::npos;
// Gumbo indexes with unsigned int; feed items are far smaller (fetch/ caps bodies).
constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;
// Nesting kept from the input (elements that stay open, see counts_for_depth) and written out.
// Real articles nest 10-30 deep and whole pages rarely past 60.
constexpr std::size_t kMaxInputDepth = 256;
constexpr std::size_t kMaxOutputDepth = 256;
// Gumbo checks each attribute against all earlier ones of the tag (quadratic).
constexpr std::size_t kMaxAttributes = 32;
constexpr std::size_t kMaxUrlBytes = 8192;
constexpr std::string_view kLinkRel = "nofollow noopener noreferrer";

// ---------------------------------------------------------------------------------------------
// Input bound

bool is_void(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
      return true;
    default:
      return false;
  }
}

// Elements the parser closes by itself when a sibling starts (<p>, <li>, <td>, ...), or that
// only nest inside a counted parent (<tr> needs a <table>). They cannot pile up on the stack
// without counted elements between them, so counting them would only make the bound trip on
// ordinary unclosed paragraphs and list items.
bool closes_implicitly(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

std::string lowered(std::string_view s) {
  std::string r(s);
  for (char& c : r) {
    c = ascii_lower(c);
  }
  return r;
}

// Rewrites the input so that gumbo's stack of open elements stays within kMaxInputDepth
// counted elements (start tags past it are removed, with as many of their end tags) and no tag
// has more than kMaxAttributes attributes. Input within those bounds is returned untouched,
// and so is the sanitiser's own output, which keeps the second pass and idempotence exact.
class InputBound {
 public:
  explicit InputBound(std::string_view in) : in_(in) {}

  std::string_view run(std::string& storage) {
    std::size_t i = 0;
    while ((i = in_.find('<', i)) != kNpos) {
      const Markup m = detail::scan_markup(in_, i, kMaxAttributes);
      if (m.kind == MarkupKind::StartTag) {
        i = start_tag(i, m, storage);
      } else if (m.kind == MarkupKind::EndTag) {
        end_tag(i, m, storage);
        i = m.end;
      } else {
        i = m.end;
      }
    }
    if (!changed_) {
      return in_;
    }
    storage.append(in_.substr(copied_));
    return storage;
  }

 private:
  // Replaces in_[from, to) by `with` in the output.
  void replace(std::size_t from, std::size_t to, std::string_view with, std::string& storage) {
    if (!changed_) {
      storage.reserve(in_.size());
      changed_ = true;
    }
    storage.append(in_.substr(copied_, from - copied_));
    storage.append(with);
    copied_ = to;
  }

  std::size_t start_tag(std::size_t at, const Markup& m, std::string& storage) {
    const GumboTag tag = tag_of(m.name);
    const bool foreign = foreign_from_ != kNpos;
    if (m.cut != kNpos && m.terminated) {
      replace(m.cut, m.end, ">", storage);
    }
    if (!foreign && detail::is_raw_text(tag)) {
      const std::size_t close = detail::find_end_tag(in_, m.end, m.name);
      return close == kNpos ? in_.size() : close;
    }
    if (!foreign && tag == GUMBO_TAG_PLAINTEXT) {
      return in_.size();  // the rest of the input is text
    }
    // In HTML the self-closing flag is ignored on non-void elements (<div/> opens a div); in
    // SVG and MathML it closes the element.
    if (is_void(tag) || closes_implicitly(tag)
        || (m.self_closing && (foreign || is_foreign(tag)))) {
      return m.end;
    }
    if (open_.size() >= kMaxInputDepth) {
      if (m.terminated) {
        replace(at, m.end, "", storage);
        ++dropped_[lowered(m.name)];
      }
      return m.end;
    }
    if (!foreign && is_foreign(tag)) {
      foreign_from_ = open_.size();
    }
    open_.push_back(m.name);
    return m.end;
  }

  void end_tag(std::size_t at, const Markup& m, std::string& storage) {
    if (!dropped_.empty()) {
      const auto it = dropped_.find(lowered(m.name));
      if (it != dropped_.end()) {
        if (m.terminated) {
          replace(at, m.end, "", storage);
        }
        if (--it->second == 0) {
          dropped_.erase(it);
        }
        return;
      }
    }
    // Like the parser, an end tag closes the nearest open element of its name and everything
    // opened after it; an end tag with no open match is ignored.
    for (std::size_t k = open_.size(); k-- > 0;) {
      if (iequals(open_[k], m.name)) {
        open_.resize(k);
        if (foreign_from_ != kNpos && foreign_from_ >= k) {
          foreign_from_ = kNpos;
        }
        return;
      }
    }
  }

  static bool is_foreign(GumboTag tag) { return tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH; }

  std::string_view in_;
  std::size_t copied_ = 0;
  bool changed_ = false;
  std::vector<std::string_view> open_;
  std::size_t foreign_from_ = kNpos;  // index in open_ of the outermost <svg>/<math>
  std::unordered_map<std::string, std::size_t> dropped_;  // lower-case name -> start tags removed
};

// ---------------------------------------------------------------------------------------------
// Allow-list

enum class Rule : std::uint8_t {
  Keep,          // written out with its allowed attributes
  Drop,          // dropped with everything inside
  Unwrap,        // replaced by its children
  UnwrapAlways,  // replaced by its children; changes structure the parser cares about
  Link,          // <a>: kept when its href is a safe URL, else unwrapped
  Image,         // <img>: kept, turned into a link, or dropped (options, trackers)
  Media,         // <audio>, <video>: a link to the media, content dropped
  AsList,        // <dir>, <menu>: written as <ul>, which the parser treats the same way
  AsPre,         // <listing>, <xmp>, <plaintext>: written as <pre>
};

Rule rule_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
      return Rule::Link;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
      return Rule::Image;
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return Rule::Media;
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_MENU:
      return Rule::AsList;
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return Rule::AsPre;

    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_I:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_RB:
    case GUMBO_TAG_RP:
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RTC:
    case GUMBO_TAG_RUBY:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
      return Rule::Keep;

    // Active content, embedding, document metadata, form controls, and elements whose content
    // is only a fallback or a control label.
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_META:
    case GUMBO_TAG_NEXTID:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TRACK:
      return Rule::Drop;

    // Special elements in the parser's sense (scope boundaries, list-item barriers): taking
    // them away lets their children meet ancestors the parser would have kept apart.
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_MARQUEE:
      return Rule::UnwrapAlways;

    default:  // <font>, <label>, <nobr>, <data>, custom elements, ...
      return Rule::Unwrap;
  }
}

// ---------------------------------------------------------------------------------------------
// Small helpers

// The attributes of an element, from gumbo's tree or from the fast path's tokeniser (names
// lower-cased, values decoded, first of duplicates kept: what gumbo hands over too).
class Attrs {
 public:
  struct Pair {
    std::string name;
    std::string value;
  };

  explicit Attrs(const GumboElement& el) : gumbo_(&el.attributes) {}
  Attrs(const Pair* pairs, std::size_t count) : pairs_(pairs), count_(count) {}

  const char* get(const char* name) const {
    if (gumbo_ != nullptr) {
      const GumboAttribute* a = gumbo_get_attribute(gumbo_, name);
      return a == nullptr ? nullptr : a->value;
    }
    for (std::size_t i = 0; i < count_; ++i) {
      if (pairs_[i].name == name) {
        return pairs_[i].value.c_str();
      }
    }
    return nullptr;
  }

 private:
  const GumboVector* gumbo_ = nullptr;
  const Pair* pairs_ = nullptr;
  std::size_t count_ = 0;
};

const char* attribute(const Attrs& el, const char* name) {
  return el.get(name);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_html_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

// An integer attribute such as colspan, in [lo, hi], written back canonically.
std::optional<std::string> bounded_integer(const char* value, long lo, long hi) {
  if (value == nullptr) {
    return std::nullopt;
  }
  std::string_view s = trim(value);
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 9) {
    return std::nullopt;
  }
  long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  if (negative) {
    v = -v;
  }
  if (v < lo || v > hi) {
    return std::nullopt;
  }
  return std::to_string(v);
}

// The scheme of an absolute URL reference, lower-cased; nullopt for relative references.
std::optional<std::string> scheme_of(std::string_view url) {
  if (url.empty() || !detail::is_ascii_alpha(url.front())) {
    return std::nullopt;
  }
  for (std::size_t i = 1; i < url.size(); ++i) {
    const char c = url[i];
    if (c == ':') {
      return lowered(url.substr(0, i));
    }
    if (!detail::is_ascii_alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

bool host_matches(std::string_view host, std::string_view domain) {
  if (host.size() == domain.size()) {
    return host == domain;
  }
  return host.size() > domain.size() && host.ends_with(domain)
         && host[host.size() - domain.size() - 1] == '.';
}

struct Beacon {
  std::string_view domain;  // matches the host and its subdomains
  std::string_view path;    // path prefix; empty: any path
};

// Known tracking-pixel and share-button image sources seen in feeds.
constexpr std::array<Beacon, 22> kBeacons = {{
    {"feeds.feedburner.com", "/~r/"},
    {"feeds.feedburner.com", "/~ff/"},
    {"feedproxy.google.com", "/~r/"},
    {"feeds.feedblitz.com", "/~/i/"},
    {"feeds.wordpress.com", "/1.0/"},
    {"pixel.wp.com", ""},
    {"stats.wordpress.com", ""},
    {"feedsportal.com", ""},
    {"google-analytics.com", ""},
    {"doubleclick.net", ""},
    {"facebook.com", "/tr"},
    {"pixel.quantserve.com", ""},
    {"scorecardresearch.com", ""},
    {"pixel.mathtag.com", ""},
    {"bat.bing.com", ""},
    {"analytics.twitter.com", ""},
    {"amazon-adsystem.com", "/e/ir"},
    {"assoc-amazon.com", ""},
    {"list-manage.com", "/track/"},
    {"api.flattr.com", ""},
    {"piwik.pro", ""},
    {"matomo.cloud", ""},
}};

// File names that are beacons or layout spacers wherever they are served from.
constexpr std::array<std::string_view, 10> kBeaconFiles = {
    "open.gif", "pixel.gif", "pixel.png",       "beacon.gif", "1x1.gif",
    "1x1.png",  "track.gif", "transparent.gif", "spacer.gif", "blank.gif",
};

std::string_view last_segment(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == kNpos ? path : path.substr(slash + 1);
}

bool is_beacon_url(const std::string& url) {
  const auto parsed = core::parse_url(url);
  if (!parsed) {
    return false;
  }
  for (const Beacon& b : kBeacons) {
    if (host_matches(parsed->host, b.domain) && parsed->path.starts_with(b.path)) {
      return true;
    }
  }
  const std::string file = lowered(last_segment(parsed->path));
  for (std::string_view f : kBeaconFiles) {
    if (file == f) {
      return true;
    }
  }
  return false;
}

bool is_tiny(const char* dimension) {
  if (dimension == nullptr) {
    return false;
  }
  std::string v = lowered(trim(dimension));
  if (v.ends_with("px")) {
    v.resize(v.size() - 2);
  }
  return v == "0" || v == "1";
}

bool is_hidden_by_style(const char* style) {
  if (style == nullptr) {
    return false;
  }
  std::string compact;
  for (const char* p = style; *p != '\0'; ++p) {
    if (!is_html_space(*p)) {
      compact.push_back(ascii_lower(*p));
    }
  }
  for (std::string_view needle :
       {"display:none", "visibility:hidden", "width:1px", "height:1px", "width:0", "height:0"}) {
    if (compact.find(needle) != kNpos) {
      return true;
    }
  }
  return false;
}

std::string escape_text(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (char c : t) {
    switch (c) {
      case '&':
        out.append("&amp;");
        break;
      case '<':
        out.append("&lt;");
        break;
      case '>':
        out.append("&gt;");
        break;
      case '"':
        out.append("&quot;");
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

// ASCII bytes that escape() copies as they are.
constexpr std::array<std::uint8_t, 256> kEscapeKeeps = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0x20; c < 0x7F; ++c) {
    t[c] = c == '&' || c == '<' || c == '>' || c == '"' ? 0 : 1;
  }
  t['\t'] = t['\n'] = t['\f'] = 1;
  return t;
}();

// Length of the UTF-8 sequence at s[i] when it is a common, well-formed one whose character
// passes through untouched (U+00A0-U+07FF, U+1000-U+CFFF: no control, surrogate or
// noncharacter there); 0 otherwise, and the caller decodes it the long way.
inline std::size_t common_utf8_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const auto continuation = [&](std::size_t k) {
    return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0U) == 0x80U;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    return continuation(i + 1) && (b0 != 0xC2 || static_cast<unsigned char>(s[i + 1]) >= 0xA0) ? 2
                                                                                               : 0;
  }
  if (b0 >= 0xE1 && b0 <= 0xEC) {
    return continuation(i + 1) && continuation(i + 2) ? 3 : 0;
  }
  return 0;
}

using GumboOutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void destroy_output(GumboOutput* output) {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

// What sanitising needs to know about a base URL: whether relative URLs resolve against it
// (http or https with a host), and its origin "scheme://authority", to which resolve_url
// appends a path-absolute reference without dot segments as it is. Kept per thread for the
// last base seen, since all the fragments of a feed share one: parsing the base costs about
// as much as sanitising a short summary.
struct BaseFacts {
  std::string url;
  bool known = false;
  bool ok = false;
  std::string origin;  // empty: always go through resolve_url
};

const BaseFacts& base_facts(const std::string& base) {
  thread_local BaseFacts facts;
  if (!facts.known || facts.url != base) {
    facts.url = base;
    facts.known = true;
    facts.ok = core::is_http_url(base);
    facts.origin.clear();
    if (facts.ok) {
      std::string root = core::resolve_url(base, "/");
      if (root.ends_with('/')) {
        root.pop_back();
        facts.origin = std::move(root);
      }
    }
  }
  return facts;
}

// Whether the path of a relative reference (up to "?" or "#") has a "." or ".." segment,
// which resolution would remove.
bool has_dot_segment(std::string_view ref) {
  const std::string_view path = ref.substr(0, ref.find_first_of("?#"));
  std::size_t begin = 0;
  while (begin <= path.size()) {
    std::size_t end = path.find('/', begin);
    end = end == kNpos ? path.size() : end;
    const std::string_view segment = path.substr(begin, end - begin);
    if (segment == "." || segment == "..") {
      return true;
    }
    begin = end + 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The walk

class Writer {
 public:
  explicit Writer(const SanitizeOptions& options) : options_(options) {}

  std::string run(const GumboNode* root, std::size_t capacity) {
    out_.reserve(capacity);
    stack_.push_back(Frame{root});
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.next < children.length) {
        const auto* child = static_cast<const GumboNode*>(children.data[f.next++]);
        visit(child);  // may push onto stack_: f is not used past this point
      } else {
        close(stack_.back());
        stack_.pop_back();
      }
    }
    return std::move(out_);
  }

  bool unstable() const { return unstable_; }

  // The fast path (FastPath below) drives the same writer token by token instead of walking a
  // tree, so both paths write elements, attributes, links, images and text with one code.
  void begin(std::size_t capacity) { out_.reserve(capacity); }

  // A start tag the fast path accepted. Returns whether a frame was pushed (the element has
  // content and an end); kept elements and links push one, voids and images do not.
  bool start(GumboTag tag, const Attrs& attrs) {
    const std::size_t depth = stack_.size();
    element(nullptr, tag, attrs);
    return stack_.size() != depth;
  }

  // Whether the innermost open frame was unwrapped (a link with a bad href): the fast path
  // gives up when such an element has child elements, as the tree walk then re-parses.
  bool in_unwrapped() const { return !stack_.empty() && stack_.back().close_tag == nullptr; }

  void end() {
    close(stack_.back());
    stack_.pop_back();
  }

  std::string finish() {
    while (!stack_.empty()) {
      end();
    }
    return std::move(out_);
  }

  // Text the fast path has checked holds only characters escape() keeps and none of & < > ":
  // it goes out as it is. Any other text goes through text().
  void checked_text(std::string_view t) {
    if (t.empty()) {
      return;
    }
    if (t.front() == '\n' && out_.size() == pre_content_at_) {
      out_.push_back('\n');
    }
    out_.append(t);
  }

  void text(std::string_view t) {
    if (t.empty()) {
      return;
    }
    // The parser drops a newline right after <pre>; one written there must be doubled.
    if ((t.front() == '\n' || t.front() == '\r') && out_.size() == pre_content_at_) {
      out_.push_back('\n');
    }
    escape(t);
  }

 private:
  struct Frame {
    const GumboNode* node = nullptr;  // nullptr on the fast path
    unsigned int next = 0;
    const char* close_tag = nullptr;  // nullptr: unwrapped, nothing to close
    bool is_link = false;
    std::size_t tag_begin = 0;  // where its start tag sits in out_
    std::size_t tag_end = 0;
  };

  void visit(const GumboNode* node) {
    // The parser moves content around: out of tables (foster parenting), across misnested
    // formatting elements (the adoption agency, formatting reconstruction). Such content can
    // sit where a re-parse would not put it; it shows as a node whose source position comes
    // before one already visited.
    if (const std::size_t at = source_offset(node); at != kNpos) {
      if (at < last_source_offset_) {
        unstable_ = true;
      } else {
        last_source_offset_ = at;
      }
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) {
      return;  // comments, CDATA (foreign content only), <template> contents
    }
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) {
      return;  // SVG and MathML, wherever the parser put them
    }
    element(node, el.tag, Attrs(el));
  }

  // `node` is nullptr on the fast path, which never hands over media elements.
  void element(const GumboNode* node, GumboTag tag, const Attrs& attrs) {
    switch (rule_of(tag)) {
      case Rule::Drop:
        return;
      case Rule::Unwrap:
        unwrap(node, false);
        return;
      case Rule::UnwrapAlways:
        unwrap(node, true);
        return;
      case Rule::Link:
        link(node, attrs);
        return;
      case Rule::Image:
        image(attrs);
        return;
      case Rule::Media:
        media(node->v.element);
        return;
      case Rule::AsList:
        open(node, tag, "ul", attrs);
        return;
      case Rule::AsPre:
        open(node, tag, "pre", attrs);
        return;
      case Rule::Keep:
        open(node, tag, gumbo_normalized_tagname(tag), attrs);
        return;
    }
  }

  // Where the node starts in the parsed input; npos for elements the parser made up.
  static std::size_t source_offset(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_COMMENT:
        return node->v.text.start_pos.offset;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        return node->v.element.original_tag.length == 0 ? kNpos : node->v.element.start_pos.offset;
      default:
        return kNpos;
    }
  }

  // Replaces the element by its children.
  void unwrap(const GumboNode* node, bool changes_structure) {
    if (!changes_structure && node != nullptr) {
      const GumboVector& children = node->v.element.children;
      for (unsigned int i = 0; i < children.length && !changes_structure; ++i) {
        changes_structure =
            static_cast<const GumboNode*>(children.data[i])->type == GUMBO_NODE_ELEMENT;
      }
    }
    unstable_ = unstable_ || changes_structure;
    stack_.push_back(Frame{node});
  }

  void open(const GumboNode* node, GumboTag tag, const char* name, const Attrs& attrs,
            bool is_link = false, std::string_view attributes_override = {}) {
    if (open_elements_ >= kMaxOutputDepth) {
      unwrap(node, true);
      return;
    }
    Frame f{node};
    f.close_tag = name;
    f.is_link = is_link;
    f.tag_begin = out_.size();
    out_.push_back('<');
    out_.append(name);
    if (is_link) {
      out_.append(attributes_override);
    } else {
      attributes(tag, attrs);
    }
    out_.push_back('>');
    f.tag_end = out_.size();
    if (std::strcmp(name, "pre") == 0) {
      pre_content_at_ = out_.size();
    }
    if (is_void(tag)) {
      return;
    }
    ++open_elements_;
    if (is_link) {
      ++open_links_;
    }
    stack_.push_back(f);
  }

  void close(const Frame& f) {
    if (f.close_tag == nullptr) {
      return;
    }
    --open_elements_;
    if (f.is_link) {
      --open_links_;
      if (trim(std::string_view{out_}.substr(f.tag_end)).empty()) {
        // An empty link (its image was a tracker, its text was a lone space) helps nobody:
        // take the start tag back, keep the whitespace.
        out_.erase(f.tag_begin, f.tag_end - f.tag_begin);
        if (f.tag_begin == pre_content_at_ && f.tag_begin < out_.size()
            && out_[f.tag_begin] == '\n') {
          out_.insert(f.tag_begin, 1, '\n');
        }
        return;
      }
    }
    out_.append("</");
    out_.append(f.close_tag);
    out_.push_back('>');
  }

  // Escapes & < > " and keeps out what the parser's input stage would change on the way back
  // in (HTML5 §13.2.3.5): CR becomes LF, control characters are dropped, noncharacters become
  // U+FFFD. They reach us through references ("&#2;", "&#13;") that the parser decoded. Gumbo
  // can also hand back invalid UTF-8 for out-of-range references; that becomes U+FFFD too.
  void escape(std::string_view t) {
    const std::size_t n = t.size();
    std::size_t run = 0;
    std::size_t i = 0;
    while (i < n) {
      const auto c = static_cast<unsigned char>(t[i]);
      if (kEscapeKeeps[c] != 0) {
        ++i;
        continue;
      }
      std::string_view with;
      std::size_t length = 1;
      if (c >= 0x80) {
        if (const std::size_t common = common_utf8_length(t, i); common != 0) {
          i += common;
          continue;
        }
        char32_t cp = 0;
        length = decode_utf8(t, i, cp);
        if (length != 0 && cp > 0x9F && !(cp >= 0xFDD0 && cp <= 0xFDEF)
            && (cp & 0xFFFEU) != 0xFFFEU) {
          i += length;
          continue;
        }
        with = length == 0 || cp > 0x9F ? std::string_view("\xEF\xBF\xBD") : std::string_view();
        length = length == 0 ? 1 : length;
      } else if (c == '&') {
        with = "&amp;";
      } else if (c == '<') {
        with = "&lt;";
      } else if (c == '>') {
        with = "&gt;";
      } else if (c == '"') {
        with = "&quot;";
      } else if (c == '\r') {
        with = "\n";
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f') || c == 0x7F) {
        with = "";
      } else {
        ++i;
        continue;
      }
      out_.append(t.substr(run, i - run));
      out_.append(with);
      i += length;
      run = i;
    }
    out_.append(t.substr(run));
  }

  void write_attribute(std::string_view name, std::string_view value) {
    out_.push_back(' ');
    out_.append(name);
    out_.append("=\"");
    escape(value);
    out_.push_back('"');
  }

  void copy_integer(const Attrs& el, const char* name, long lo, long hi) {
    if (auto v = bounded_integer(attribute(el, name), lo, hi)) {
      write_attribute(name, *v);
    }
  }

  void copy_text(const Attrs& el, const char* name) {
    if (const char* v = attribute(el, name); v != nullptr && *v != '\0') {
      write_attribute(name, v);
    }
  }

  void copy_url(const Attrs& el, const char* name) {
    if (auto url = clean_url(attribute(el, name), false)) {
      write_attribute(name, *url);
    }
  }

  void copy_enum(const Attrs& el, const char* name,
                 std::initializer_list<std::string_view> allowed) {
    if (const char* v = attribute(el, name)) {
      const std::string value = lowered(trim(v));
      for (std::string_view a : allowed) {
        if (value == a) {
          write_attribute(name, a);
          return;
        }
      }
    }
  }

  // The attributes each kept element may carry; everything else (event handlers, style,
  // class, id, data-*) is dropped by omission.
  void attributes(GumboTag tag, const Attrs& el) {
    switch (tag) {
      case GUMBO_TAG_ABBR:
      case GUMBO_TAG_ACRONYM:
      case GUMBO_TAG_DFN:
        copy_text(el, "title");
        break;
      case GUMBO_TAG_BLOCKQUOTE:
      case GUMBO_TAG_Q:
        copy_url(el, "cite");
        break;
      case GUMBO_TAG_DEL:
      case GUMBO_TAG_INS:
        copy_url(el, "cite");
        copy_datetime(el);
        break;
      case GUMBO_TAG_TIME:
        copy_datetime(el);
        break;
      case GUMBO_TAG_OL:
        copy_integer(el, "start", -1000000, 1000000);
        if (attribute(el, "reversed") != nullptr) {
          out_.append(" reversed");
        }
        if (const char* type = attribute(el, "type")) {
          const std::string_view t = trim(type);
          if (t == "1" || t == "a" || t == "A" || t == "i" || t == "I") {
            write_attribute("type", t);
          }
        }
        break;
      case GUMBO_TAG_LI:
        copy_integer(el, "value", -1000000, 1000000);
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        copy_integer(el, "colspan", 1, 1000);
        copy_integer(el, "rowspan", 0, 65534);
        if (tag == GUMBO_TAG_TH) {
          copy_enum(el, "scope", {"row", "col", "rowgroup", "colgroup"});
        }
        break;
      case GUMBO_TAG_COL:
      case GUMBO_TAG_COLGROUP:
        copy_integer(el, "span", 1, 1000);
        break;
      default:
        break;
    }
    // Language and direction matter for the Arabic and mixed-script sources we follow.
    if (const char* lang = attribute(el, "lang"); lang != nullptr && is_language_tag(lang)) {
      write_attribute("lang", lang);
    }
    copy_enum(el, "dir", {"ltr", "rtl", "auto"});
  }

  void copy_datetime(const Attrs& el) {
    const char* v = attribute(el, "datetime");
    if (v == nullptr) {
      return;
    }
    const std::string_view d = trim(v);
    if (d.empty() || d.size() > 64) {
      return;
    }
    for (char c : d) {
      if (!(c >= '0' && c <= '9') && !detail::is_ascii_alpha(c) && c != '-' && c != ':' && c != '.'
          && c != '+' && c != ' ') {
        return;
      }
    }
    write_attribute("datetime", d);
  }

  static bool is_language_tag(std::string_view s) {
    if (s.empty() || s.size() > 35) {
      return false;
    }
    for (char c : s) {
      if (!detail::is_ascii_alpha(c) && !(c >= '0' && c <= '9') && c != '-') {
        return false;
      }
    }
    return true;
  }

  // A URL we are willing to write: http or https (absolute, or relative and resolved against
  // the base URL), or mailto when allowed. Browsers strip leading and trailing C0 controls and
  // spaces and remove tabs and newlines anywhere before reading the scheme, so "java\tscript:"
  // and " JavaScript:" are javascript: URLs; we do the same before deciding.
  std::optional<std::string> clean_url(const char* raw, bool allow_mailto) const {
    if (raw == nullptr) {
      return std::nullopt;
    }
    std::string_view r(raw);
    while (!r.empty() && static_cast<unsigned char>(r.front()) <= 0x20) {
      r.remove_prefix(1);
    }
    while (!r.empty() && static_cast<unsigned char>(r.back()) <= 0x20) {
      r.remove_suffix(1);
    }
    std::string url;
    url.reserve(r.size());
    for (char c : r) {
      if (c != '\t' && c != '\n' && c != '\r') {
        url.push_back(c);
      }
    }
    if (url.empty() || url.size() > kMaxUrlBytes) {
      return std::nullopt;
    }
    const auto scheme = scheme_of(url);
    if (scheme && *scheme == "mailto") {
      if (!allow_mailto || url.size() <= 7) {
        return std::nullopt;
      }
      return url;
    }
    if (scheme && *scheme != "http" && *scheme != "https") {
      return std::nullopt;
    }
    if (!scheme) {
      const BaseFacts& base = base_facts(options_.base_url);
      if (!base.ok) {
        return std::nullopt;
      }
      const bool network_path = url.starts_with("//");
      if (url.front() == '/' && !network_path && !base.origin.empty() && !has_dot_segment(url)) {
        url.insert(0, base.origin);  // what resolve_url gives, without parsing the base again
      } else {
        url = core::resolve_url(options_.base_url, url);
      }
      // Without an authority of its own, the reference takes the base's scheme and authority
      // (RFC 3986 §5.2.2), and the base is http(s) with a host: so is the result, and only
      // its length needs checking. Parsing it again would double the cost of every link.
      if (!network_path) {
        return url.size() > kMaxUrlBytes ? std::nullopt : std::optional<std::string>(url);
      }
    }
    // Checked again after resolution: whatever resolve_url returns must itself be http(s).
    const auto final_scheme = scheme_of(url);
    if (!final_scheme || (*final_scheme != "http" && *final_scheme != "https")
        || !core::is_http_url(url) || url.size() > kMaxUrlBytes) {
      return std::nullopt;
    }
    return url;
  }

  std::string link_attributes(std::string_view href, const char* title) {
    std::string saved;
    saved.swap(out_);
    write_attribute("href", href);
    if (title != nullptr && *title != '\0') {
      write_attribute("title", title);
    }
    write_attribute("rel", kLinkRel);
    saved.swap(out_);
    return saved;
  }

  void link(const GumboNode* node, const Attrs& el) {
    if (open_links_ > 0) {
      unwrap(node, false);  // a link inside a link does not survive a re-parse
      return;
    }
    const auto href = clean_url(attribute(el, "href"), true);
    if (!href) {
      unwrap(node, false);
      return;
    }
    open(node, GUMBO_TAG_A, "a", el, true, link_attributes(*href, attribute(el, "title")));
  }

  // A standalone link to a resource we do not embed, labelled with `label`.
  void resource_link(const std::string& url, std::string_view label) {
    out_.append("<a");
    out_.append(link_attributes(url, nullptr));
    out_.push_back('>');
    escape(label);
    out_.append("</a>");
  }

  static std::string file_label(const std::string& url) {
    const auto parsed = core::parse_url(url);
    if (!parsed) {
      return url;
    }
    const std::string_view file = last_segment(parsed->path);
    return file.empty() ? parsed->host : std::string(file);
  }

  void image(const Attrs& el) {
    // Lazy-loading pages put the real image in data-src and a placeholder in src.
    std::optional<std::string> src;
    for (const char* name : {"data-src", "data-lazy-src", "data-original", "src"}) {
      if ((src = clean_url(attribute(el, name), false))) {
        break;
      }
    }
    if (!src || is_tiny(attribute(el, "width")) || is_tiny(attribute(el, "height"))
        || is_hidden_by_style(attribute(el, "style")) || is_beacon_url(*src)) {
      return;
    }
    const char* alt = attribute(el, "alt");
    const char* title = attribute(el, "title");
    if (options_.keep_images) {
      out_.append("<img");
      write_attribute("src", *src);
      if (alt != nullptr) {
        write_attribute("alt", alt);
      }
      if (title != nullptr && *title != '\0') {
        write_attribute("title", title);
      }
      copy_integer(el, "width", 2, 10000);
      copy_integer(el, "height", 2, 10000);
      // Readers load it from the origin: lazily, and without telling it where they came from.
      write_attribute("loading", "lazy");
      write_attribute("referrerpolicy", "no-referrer");
      out_.push_back('>');
      return;
    }
    std::string label(trim(alt == nullptr ? "" : alt));
    if (label.empty() && title != nullptr) {
      label = trim(title);
    }
    if (open_links_ > 0) {
      escape(label);  // the enclosing link already goes somewhere; keep the words
      return;
    }
    if (label.empty()) {
      label = file_label(*src);
    }
    resource_link(*src, label);
  }

  void media(const GumboElement& el) {
    std::optional<std::string> src = clean_url(attribute(Attrs(el), "src"), false);
    for (unsigned int i = 0; !src && i < el.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(el.children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_SOURCE) {
        src = clean_url(attribute(Attrs(child->v.element), "src"), false);
      }
    }
    if (!src || open_links_ > 0) {
      return;
    }
    resource_link(*src, file_label(*src));
  }

  const SanitizeOptions& options_;

  std::string out_;
  std::vector<Frame> stack_;
  std::size_t open_elements_ = 0;
  std::size_t open_links_ = 0;
  std::size_t pre_content_at_ = kNpos;  // out_ size right after the last <pre> start tag
  std::size_t last_source_offset_ = 0;
  bool unstable_ = false;
};

// ---------------------------------------------------------------------------------------------
// The fast path
//
// Most feed HTML is a few paragraphs, links, emphasis and lists, properly nested. For such
// input the HTML5 tree is exactly the nesting of the tags, so tokenising it here and handing
// the tokens to the same Writer gives the bytes the gumbo walk would, at a fraction of the
// cost. Anything outside that narrow case gives up (nullopt) and the input goes through gumbo:
// comments, doctype and processing instructions; tags or attributes outside the set below;
// an end tag that does not close the innermost open element (the parser would imply end tags
// or run the adoption agency); a block start tag while a <p> is open (it would close the p);
// <li>, <dd>, <dt> outside their list; a heading inside a heading; a formatting element inside
// one of its kind; child elements of an unwrapped element; character references other than
// "&name;" (XHTML names but lang and rang, whose HTML5 values differ) and "&#...;" for
// characters the writer keeps as they are; control characters, CR, NUL, C1 controls,
// noncharacters, U+FEFF and invalid UTF-8; a newline or reference right after <pre>;
// unusual tag syntax (unquoted values holding quotes or "=", missing spaces between
// attributes, duplicate attributes, "/>" on non-void elements). sanitizer_fast_test.cpp and
// fuzz/html_sanitizer_fast_fuzz.cpp check that both paths agree byte for byte on every input
// the fast path accepts.

enum class FastKind : std::uint8_t {
  None,        // not handled: give up
  Phrasing,    // may sit inside a <p>
  Formatting,  // phrasing on the list of active formatting elements: not inside itself
  Void,        // phrasing void element (br, wbr, img)
  Block,       // closes an open <p>: not inside one
  BlockVoid,   // hr
  Heading,     // block; not inside another heading
  ListItem,    // block; only as a child of ul or ol
  DefItem,     // block; only as a child of dl
  Pre,         // block; its first newline is special
};

FastKind fast_kind(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BIG:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
      return FastKind::Formatting;
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_ACRONYM:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_INS:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_VAR:
      return FastKind::Phrasing;
    case GUMBO_TAG_BR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
      return FastKind::Void;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL:
      return FastKind::Block;
    case GUMBO_TAG_HR:
      return FastKind::BlockVoid;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return FastKind::Heading;
    case GUMBO_TAG_LI:
      return FastKind::ListItem;
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      return FastKind::DefItem;
    case GUMBO_TAG_PRE:
      return FastKind::Pre;
    default:
      return FastKind::None;
  }
}

bool is_tag_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f';
}

bool is_ascii_alnum(char c) {
  return detail::is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

// Characters that reach the output as they are (or as &amp; &lt; &gt; &quot;): the writer
// neither drops nor replaces them, and the parser's input stage leaves them alone.
bool is_plain_code_point(char32_t cp) {
  if (cp < 0x80) {
    return cp == '\t' || cp == '\n' || (cp >= 0x20 && cp < 0x7F);
  }
  return cp >= 0xA0 && cp != 0xFEFF && !(cp >= 0xFDD0 && cp <= 0xFDEF) && (cp & 0xFFFEU) != 0xFFFEU
         && !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
}

// Byte classes for the text scanner: 0 = copy as is, 1 = look closer (markup, references,
// characters to escape, control characters, the start of a UTF-8 sequence).
constexpr std::array<std::uint8_t, 256> kTextStop = [] {
  std::array<std::uint8_t, 256> t{};
  for (std::size_t c = 0; c < t.size(); ++c) {
    t[c] = (c < 0x20 && c != '\t' && c != '\n') || c >= 0x7F || c == '<' || c == '&' || c == '>'
                   || c == '"'
               ? 1
               : 0;
  }
  return t;
}();

// The names HTML5 decodes without a ";" ("&copy2024" is "\u00A92024"): an "&" followed by
// letters and digits that do not start with one of them is a literal ampersand.
constexpr std::array<std::string_view, 106> kLegacyEntityNames = {
    "AElig",  "AMP",    "Aacute", "Acirc",  "Agrave", "Aring",  "Atilde", "Auml",   "COPY",
    "Ccedil", "ETH",    "Eacute", "Ecirc",  "Egrave", "Euml",   "GT",     "Iacute", "Icirc",
    "Igrave", "Iuml",   "LT",     "Ntilde", "Oacute", "Ocirc",  "Ograve", "Oslash", "Otilde",
    "Ouml",   "QUOT",   "REG",    "THORN",  "Uacute", "Ucirc",  "Ugrave", "Uuml",   "Yacute",
    "aacute", "acirc",  "acute",  "aelig",  "agrave", "amp",    "aring",  "atilde", "auml",
    "brvbar", "ccedil", "cedil",  "cent",   "copy",   "curren", "deg",    "divide", "eacute",
    "ecirc",  "egrave", "eth",    "euml",   "frac12", "frac14", "frac34", "gt",     "iacute",
    "icirc",  "iexcl",  "igrave", "iquest", "iuml",   "laquo",  "lt",     "macr",   "micro",
    "middot", "nbsp",   "not",    "ntilde", "oacute", "ocirc",  "ograve", "ordf",   "ordm",
    "oslash", "otilde", "ouml",   "para",   "plusmn", "pound",  "quot",   "raquo",  "reg",
    "sect",   "shy",    "sup1",   "sup2",   "sup3",   "szlig",  "thorn",  "times",  "uacute",
    "ucirc",  "ugrave", "uml",    "uuml",   "yacute", "yen",    "yuml",
};

class FastPath {
 public:
  FastPath(std::string_view in, const SanitizeOptions& options) : in_(in), writer_(options) {}

  std::optional<std::string> run() {
    writer_.begin(in_.size() + in_.size() / 8 + 16);
    const std::size_t n = in_.size();
    while (i_ < n) {
      const std::size_t run = i_;
      while (i_ < n) {
        const auto u = static_cast<unsigned char>(in_[i_]);
        if (kTextStop[u] == 0) {
          ++i_;
        } else if (u >= 0x80) {
          if (!utf8(i_)) {
            return std::nullopt;
          }
        } else {
          break;
        }
      }
      writer_.checked_text(in_.substr(run, i_ - run));
      if (i_ == n) {
        break;
      }
      const char c = in_[i_];
      if (c == '>' || c == '"') {
        writer_.checked_text(c == '>' ? "&gt;" : "&quot;");
        ++i_;
      } else if (c == '&') {
        if (!reference(i_, scratch_)) {
          return std::nullopt;
        }
        writer_.text(scratch_);
      } else if (c == '<') {
        if (!markup()) {
          return std::nullopt;
        }
      } else {
        return std::nullopt;  // control character, DEL
      }
    }
    if (writer_.unstable()) {
      return std::nullopt;
    }
    return writer_.finish();
  }

 private:
  struct Open {
    GumboTag tag;
    FastKind kind;
  };

  // in_[at] starts a multi-byte sequence: step over it when it is a plain character.
  bool utf8(std::size_t& at) const {
    if (const std::size_t common = common_utf8_length(in_, at); common != 0) {
      at += common;
      return true;
    }
    char32_t cp = 0;
    const std::size_t length = decode_utf8(in_, at, cp);
    if (length == 0 || !is_plain_code_point(cp)) {
      return false;
    }
    at += length;
    return true;
  }

  // in_[at] == '&'. Puts what it stands for in `out` (replacing its content) and steps over
  // it; false when it is not a reference the fast path decodes like the parser.
  bool reference(std::size_t& at, std::string& out) const {
    out.clear();
    const std::size_t n = in_.size();
    std::size_t k = at + 1;
    if (k >= n || (!is_ascii_alnum(in_[k]) && in_[k] != '#')) {
      out.push_back('&');  // not a reference: a literal ampersand
      at = k;
      return true;
    }
    char32_t cp = 0;
    if (in_[k] == '#') {
      ++k;
      const bool hex = k < n && (in_[k] == 'x' || in_[k] == 'X');
      k += hex ? 1 : 0;
      const std::size_t digits = k;
      for (; k < n && k - digits < 8; ++k) {
        const char d = in_[k];
        int v = -1;
        if (d >= '0' && d <= '9') {
          v = d - '0';
        } else if (hex && d >= 'a' && d <= 'f') {
          v = d - 'a' + 10;
        } else if (hex && d >= 'A' && d <= 'F') {
          v = d - 'A' + 10;
        }
        if (v < 0) {
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (k == digits || k >= n || in_[k] != ';') {
        return false;
      }
    } else {
      const std::size_t name = k;
      while (k < n && is_ascii_alnum(in_[k])) {
        ++k;
      }
      if (k >= n || in_[k] != ';') {
        const std::string_view word = in_.substr(name, k - name);
        for (std::string_view legacy : kLegacyEntityNames) {
          if (word.starts_with(legacy)) {
            return false;
          }
        }
        out.push_back('&');  // "R&D": a literal ampersand, the word is text
        at = name;
        return true;
      }
      const std::string_view nm = in_.substr(name, k - name);
      const auto named = named_entity(nm);
      if (!named || nm == "lang" || nm == "rang") {
        return false;
      }
      cp = *named;
    }
    if (!is_plain_code_point(cp)) {
      return false;
    }
    append_utf8(out, cp);
    at = k + 1;
    return true;
  }

  bool markup() {
    const std::size_t n = in_.size();
    const std::size_t next = i_ + 1;
    if (next >= n) {
      writer_.text("<");  // "<" at the end is text
      i_ = next;
      return true;
    }
    const char c = in_[next];
    if (c == '/') {
      return end_tag();
    }
    if (detail::is_ascii_alpha(c)) {
      return start_tag();
    }
    if (c == '!' || c == '?') {
      return false;  // comment, doctype, CDATA, processing instruction
    }
    writer_.text("<");  // "a < b": text
    i_ = next;
    return true;
  }

  // Tag name at in_[k]: letters and digits up to a space, "/" or ">".
  bool tag_name(std::size_t& k, GumboTag& tag) const {
    const std::size_t from = k;
    while (k < in_.size() && is_ascii_alnum(in_[k])) {
      ++k;
    }
    if (k == from || k >= in_.size() || !(is_tag_space(in_[k]) || in_[k] == '/' || in_[k] == '>')) {
      return false;
    }
    tag = tag_of(in_.substr(from, k - from));
    return true;
  }

  bool end_tag() {
    std::size_t k = i_ + 2;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    if (k >= in_.size() || !detail::is_ascii_alpha(in_[k]) || !tag_name(k, tag)) {
      return false;
    }
    while (k < in_.size() && is_tag_space(in_[k])) {
      ++k;
    }
    if (k >= in_.size() || in_[k] != '>' || open_.empty() || open_.back().tag != tag) {
      return false;
    }
    pop();
    i_ = k + 1;
    return true;
  }

  void pop() {
    const Open o = open_.back();
    open_.pop_back();
    if (o.tag == GUMBO_TAG_P) {
      --open_p_;
    } else if (o.kind == FastKind::Heading) {
      --open_headings_;
    }
    writer_.end();
  }

  bool start_tag() {
    std::size_t k = i_ + 1;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    if (!tag_name(k, tag)) {
      return false;
    }
    const FastKind kind = fast_kind(tag);
    if (kind == FastKind::None || !allowed_here(tag, kind)) {
      return false;
    }
    bool self_closing = false;
    if (!attributes(k, self_closing)) {
      return false;
    }
    const bool is_void_kind = kind == FastKind::Void || kind == FastKind::BlockVoid;
    if (self_closing && !is_void_kind) {
      return false;  // "<p/>" opens a p: leave it to the parser
    }
    i_ = k;
    if (kind == FastKind::Pre && i_ < in_.size() && (in_[i_] == '\n' || in_[i_] == '&')) {
      return false;  // the parser drops a newline there
    }
    const bool pushed = writer_.start(tag, Attrs(attrs_.data(), attr_count_));
    if (pushed == is_void_kind) {
      return false;  // not expected; stay on the safe side
    }
    if (!is_void_kind) {
      open_.push_back(Open{tag, kind});
      open_p_ += tag == GUMBO_TAG_P ? 1 : 0;
      open_headings_ += kind == FastKind::Heading ? 1 : 0;
    }
    return true;
  }

  // Whether the tree builder puts the element right where the tag stands, inside the
  // innermost open element, doing nothing else.
  bool allowed_here(GumboTag tag, FastKind kind) const {
    if (open_.size() >= kMaxFastDepth || writer_.in_unwrapped()) {
      return false;
    }
    switch (kind) {
      case FastKind::Formatting:
        for (const Open& o : open_) {
          if (o.tag == tag) {
            return false;
          }
        }
        return true;
      case FastKind::Phrasing:
      case FastKind::Void:
        return true;
      case FastKind::Heading:
        return open_p_ == 0 && open_headings_ == 0;
      case FastKind::ListItem:
        return open_p_ == 0 && !open_.empty()
               && (open_.back().tag == GUMBO_TAG_UL || open_.back().tag == GUMBO_TAG_OL);
      case FastKind::DefItem:
        return open_p_ == 0 && !open_.empty() && open_.back().tag == GUMBO_TAG_DL;
      case FastKind::Block:
      case FastKind::BlockVoid:
      case FastKind::Pre:
        return open_p_ == 0;
      case FastKind::None:
        return false;
    }
    return false;
  }

  // Attributes from in_[k] to the end of the tag; k ends one past the ">".
  bool attributes(std::size_t& k, bool& self_closing) {
    const std::size_t n = in_.size();
    attr_count_ = 0;
    while (true) {
      while (k < n && is_tag_space(in_[k])) {
        ++k;
      }
      if (k >= n) {
        return false;  // unterminated: the parser drops the tag
      }
      if (in_[k] == '>') {
        ++k;
        return true;
      }
      if (in_[k] == '/') {
        if (k + 1 < n && in_[k + 1] == '>') {
          self_closing = true;
          k += 2;
          return true;
        }
        return false;
      }
      if (!attribute_pair(k)) {
        return false;
      }
    }
  }

  static bool is_name_char(char c) {
    return is_ascii_alnum(c) || c == '-' || c == '_' || c == ':' || c == '.';
  }

  bool attribute_pair(std::size_t& k) {
    const std::size_t n = in_.size();
    if (!detail::is_ascii_alpha(in_[k]) && in_[k] != '_' && in_[k] != ':') {
      return false;
    }
    if (attr_count_ >= kMaxFastAttributes) {
      return false;
    }
    if (attrs_.size() <= attr_count_) {
      attrs_.resize(attr_count_ + 1);
    }
    Attrs::Pair& pair = attrs_[attr_count_];
    pair.name.clear();
    pair.value.clear();
    while (k < n && is_name_char(in_[k])) {
      pair.name.push_back(ascii_lower(in_[k]));
      ++k;
    }
    const std::size_t name_end = k;
    while (k < n && is_tag_space(in_[k])) {
      ++k;
    }
    if (k < n && in_[k] == '=') {
      ++k;
      while (k < n && is_tag_space(in_[k])) {
        ++k;
      }
      if (k >= n) {
        return false;
      }
      const char q = in_[k];
      if (q == '"' || q == '\'') {
        ++k;
        if (!value(k, pair.value, q)) {
          return false;
        }
        ++k;  // the closing quote
        if (k >= n || !(is_tag_space(in_[k]) || in_[k] == '/' || in_[k] == '>')) {
          return false;
        }
      } else if (!value(k, pair.value, '\0') || pair.value.empty()) {
        return false;
      }
    } else if (k == name_end && k < n && in_[k] != '/' && in_[k] != '>') {
      return false;  // a character that cannot be in a name follows it
    }
    // Duplicates: gumbo keeps the first, but a valueless duplicate makes it drop the value of
    // whichever attribute comes next ("<q a b a cite=x>" loses cite). Leave them to it.
    for (std::size_t a = 0; a < attr_count_; ++a) {
      if (attrs_[a].name == pair.name) {
        return false;
      }
    }
    ++attr_count_;
    return true;
  }

  // An attribute value from in_[k], quoted by `quote` ('\0': unquoted), decoded into `out`;
  // k ends on the closing quote (or one past an unquoted value).
  bool value(std::size_t& k, std::string& out, char quote) {
    const std::size_t n = in_.size();
    std::size_t run = k;
    while (true) {
      if (k >= n) {
        return false;
      }
      const char c = in_[k];
      if (quote != '\0' ? c == quote : (is_tag_space(c) || c == '>')) {
        out.append(in_.substr(run, k - run));
        return true;
      }
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x80) {
        if (!utf8(k)) {
          return false;
        }
        continue;
      }
      if (c == '&') {
        out.append(in_.substr(run, k - run));
        if (!reference(k, scratch_)) {
          return false;
        }
        out.append(scratch_);
        run = k;
        continue;
      }
      if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) {
        return false;
      }
      if (quote == '\0' && (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`')) {
        return false;
      }
      ++k;
    }
  }

  static constexpr std::size_t kMaxFastDepth = 100;
  static constexpr std::size_t kMaxFastAttributes = 16;

  std::string_view in_;
  std::size_t i_ = 0;
  Writer writer_;
  std::vector<Open> open_;
  std::size_t open_p_ = 0;
  std::size_t open_headings_ = 0;
  std::vector<Attrs::Pair> attrs_;
  std::size_t attr_count_ = 0;
  std::string scratch_;
};

struct Pass {
  std::string html;
  bool unstable = false;
};

Pass sanitize_once(std::string_view html, const SanitizeOptions& options) {
  std::string bounded_storage;
  const std::string_view input = InputBound(html).run(bounded_storage);

  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.fragment_context = GUMBO_TAG_DIV;  // a fragment, as it sits in a reader page
  gumbo_options.max_errors = 0;                    // we never look at them
  GumboOutputPtr output(gumbo_parse_with_options(&gumbo_options, input.data(), input.size()),
                        destroy_output);
  if (output == nullptr || output->root == nullptr) {
    return Pass{escape_text(to_text(input)), false};
  }
  Writer writer(options);
  std::string result = writer.run(output->root, input.size());
  return Pass{std::move(result), writer.unstable()};
}

}  // namespace

namespace detail {

std::optional<std::string> sanitize_fast(std::string_view html, const SanitizeOptions& options) {
  if (html.size() > kMaxInputBytes) {
    return std::nullopt;
  }
  return FastPath(html, options).run();
}

std::string sanitize_with_gumbo(std::string_view html, const SanitizeOptions& options) {
  if (html.size() > kMaxInputBytes) {
    html = html.substr(0, kMaxInputBytes);
  }
  Pass pass = sanitize_once(html, options);
  if (pass.unstable) {
    pass = sanitize_once(pass.html, options);
  }
  return std::move(pass.html);
}

}  // namespace detail

std::string sanitize(std::string_view html, const SanitizeOptions& options) {
  if (std::optional<std::string> fast = detail::sanitize_fast(html, options)) {
    return std::move(*fast);
  }
  return detail::sanitize_with_gumbo(html, options);
}

}  // namespace vigie::ingest::html
