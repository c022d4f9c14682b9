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

const char* attribute(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a == nullptr ? nullptr : a->value;
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

using GumboOutputPtr = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void destroy_output(GumboOutput* output) {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

// ---------------------------------------------------------------------------------------------
// The walk

class Writer {
 public:
  explicit Writer(const SanitizeOptions& options)
      : options_(options), base_ok_(core::is_http_url(options.base_url)) {}

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

 private:
  struct Frame {
    const GumboNode* node = nullptr;
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
    switch (rule_of(el.tag)) {
      case Rule::Drop:
        return;
      case Rule::Unwrap:
        unwrap(node, false);
        return;
      case Rule::UnwrapAlways:
        unwrap(node, true);
        return;
      case Rule::Link:
        link(node);
        return;
      case Rule::Image:
        image(el);
        return;
      case Rule::Media:
        media(el);
        return;
      case Rule::AsList:
        open(node, "ul", false);
        return;
      case Rule::AsPre:
        open(node, "pre", false);
        return;
      case Rule::Keep:
        open(node, gumbo_normalized_tagname(el.tag), false);
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
    const GumboVector& children = node->v.element.children;
    if (!changes_structure) {
      for (unsigned int i = 0; i < children.length && !changes_structure; ++i) {
        changes_structure =
            static_cast<const GumboNode*>(children.data[i])->type == GUMBO_NODE_ELEMENT;
      }
    }
    unstable_ = unstable_ || changes_structure;
    stack_.push_back(Frame{node});
  }

  void open(const GumboNode* node, const char* name, bool is_link,
            std::string_view attributes_override = {}) {
    if (open_elements_ >= kMaxOutputDepth) {
      unwrap(node, true);
      return;
    }
    const GumboElement& el = node->v.element;
    Frame f{node};
    f.close_tag = name;
    f.is_link = is_link;
    f.tag_begin = out_.size();
    out_.push_back('<');
    out_.append(name);
    if (is_link) {
      out_.append(attributes_override);
    } else {
      attributes(el);
    }
    out_.push_back('>');
    f.tag_end = out_.size();
    if (std::strcmp(name, "pre") == 0) {
      pre_content_at_ = out_.size();
    }
    if (is_void(el.tag)) {
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

  void text(const char* s) {
    const std::string_view t(s);
    if (t.empty()) {
      return;
    }
    // The parser drops a newline right after <pre>; one written there must be doubled.
    if ((t.front() == '\n' || t.front() == '\r') && out_.size() == pre_content_at_) {
      out_.push_back('\n');
    }
    escape(t);
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
      std::string_view with;
      std::size_t length = 1;
      if (c >= 0x80) {
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

  void copy_integer(const GumboElement& el, const char* name, long lo, long hi) {
    if (auto v = bounded_integer(attribute(el, name), lo, hi)) {
      write_attribute(name, *v);
    }
  }

  void copy_text(const GumboElement& el, const char* name) {
    if (const char* v = attribute(el, name); v != nullptr && *v != '\0') {
      write_attribute(name, v);
    }
  }

  void copy_url(const GumboElement& el, const char* name) {
    if (auto url = clean_url(attribute(el, name), false)) {
      write_attribute(name, *url);
    }
  }

  void copy_enum(const GumboElement& el, const char* name,
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
  void attributes(const GumboElement& el) {
    switch (el.tag) {
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
        if (el.tag == GUMBO_TAG_TH) {
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

  void copy_datetime(const GumboElement& el) {
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
      if (!base_ok_) {
        return std::nullopt;
      }
      url = core::resolve_url(options_.base_url, url);
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

  void link(const GumboNode* node) {
    const GumboElement& el = node->v.element;
    if (open_links_ > 0) {
      unwrap(node, false);  // a link inside a link does not survive a re-parse
      return;
    }
    const auto href = clean_url(attribute(el, "href"), true);
    if (!href) {
      unwrap(node, false);
      return;
    }
    open(node, "a", true, link_attributes(*href, attribute(el, "title")));
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

  void image(const GumboElement& el) {
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
    std::optional<std::string> src = clean_url(attribute(el, "src"), false);
    for (unsigned int i = 0; !src && i < el.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(el.children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_SOURCE) {
        src = clean_url(attribute(child->v.element, "src"), false);
      }
    }
    if (!src || open_links_ > 0) {
      return;
    }
    resource_link(*src, file_label(*src));
  }

  const SanitizeOptions& options_;
  const bool base_ok_;
  std::string out_;
  std::vector<Frame> stack_;
  std::size_t open_elements_ = 0;
  std::size_t open_links_ = 0;
  std::size_t pre_content_at_ = kNpos;  // out_ size right after the last <pre> start tag
  std::size_t last_source_offset_ = 0;
  bool unstable_ = false;
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

std::string sanitize(std::string_view html, const SanitizeOptions& options) {
  if (html.size() > kMaxInputBytes) {
    html = html.substr(0, kMaxInputBytes);
  }
  Pass pass = sanitize_once(html, options);
  if (pass.unstable) {
    pass = sanitize_once(pass.html, options);
  }
  return std::move(pass.html);
}

}  // namespace vigie::ingest::html
