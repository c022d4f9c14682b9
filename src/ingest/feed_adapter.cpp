// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/feed_adapter.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "core/url.h"
#include "ingest/date_parser.h"
#include "ingest/html/sanitizer.h"

namespace vigie::ingest {
namespace {

using core::OptString;
using wire::TextType;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

OptString opt(std::string_view s) {
  s = trim(s);
  if (s.empty()) {
    return std::nullopt;
  }
  return std::string(s);
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lx = (x >= 'A' && x <= 'Z') ? static_cast<char>(x + 32) : x;
           const auto ly = (y >= 'A' && y <= 'Z') ? static_cast<char>(y + 32) : y;
           return lx == ly;
         });
}

// Collapses runs of ASCII whitespace (and no-break spaces) to one space, and trims: titles and
// names are shown on one line.
std::string collapse_whitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    bool space = is_space(c);
    std::size_t width = 1;
    if (!space && c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      space = true;
      width = 2;
    }
    if (space) {
      pending_space = !out.empty();
      i += width - 1;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(c);
  }
  return out;
}

std::optional<std::int64_t> parse_length(std::string_view s) {
  s = trim(s);
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || ptr != s.data() + s.size() || v < 0) {
    return std::nullopt;
  }
  return v;
}

bool is_html_type(std::string_view type) {
  type = trim(type.substr(0, type.find(';')));
  return type.empty() || iequals(type, "text/html") || iequals(type, "application/xhtml+xml");
}

bool is_email_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
         || c == '_' || c == '%' || c == '+' || c == '-';
}

void remove_all(std::string& s, std::string_view what) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) {
    s.erase(at, what.size());
  }
}

// "Name (email)" when both are known. RSS 2.0 writes "email (Name)", others "Name <email>":
// the address is found around its "@" and the name is what remains.
OptString format_person(const wire::Person& p) {
  std::string name = collapse_whitespace(p.name);
  std::string email(trim(p.email));
  if (name.empty() && email.empty()) {
    std::string text = collapse_whitespace(p.text);
    const std::size_t at = text.find('@');
    if (at != std::string::npos) {
      std::size_t b = at;
      while (b > 0 && is_email_char(text[b - 1])) {
        --b;
      }
      std::size_t e = at + 1;
      while (e < text.size() && is_email_char(text[e])) {
        ++e;
      }
      if (b < at && e > at + 1) {
        email = text.substr(b, e - b);
        text.erase(b, e - b);
        remove_all(text, "mailto:");
        remove_all(text, "()");
        remove_all(text, "<>");
      }
    }
    std::string_view rest = trim(text);
    if (!rest.empty() && rest.front() == '(' && rest.back() == ')') {
      rest = trim(rest.substr(1, rest.size() - 2));
    }
    name = std::string(rest);
  }
  if (email.rfind("mailto:", 0) == 0) {
    email.erase(0, 7);
  }
  if (!name.empty() && !email.empty()) {
    return name + " (" + email + ")";
  }
  if (!name.empty()) {
    return name;
  }
  if (!email.empty()) {
    return email;
  }
  return opt(p.uri);
}

// Sanitising runs a full HTML5 parse (gumbo) and is most of the cost of parsing a feed. An
// HTML value without "<", "&" or control characters (HTML5 rewrites CR and NUL) is plain text
// whatever the parser does: sanitize() then only escapes ">" and '"', which this does without
// the parse. feed_adapter_test.cpp checks that both agree, so the shortcut cannot drift.
std::string sanitize_html(std::string_view value, const html::SanitizeOptions& options) {
  const bool plain = std::none_of(value.begin(), value.end(), [](char c) {
    return c == '<' || c == '&' || (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t');
  });
  if (!plain) {
    return html::sanitize(value, options);
  }
  std::string out;
  out.reserve(value.size() + 16);
  for (const char c : value) {
    if (c == '>') {
      out.append("&gt;");
    } else if (c == '"') {
      out.append("&quot;");
    } else {
      out.push_back(c);
    }
  }
  return out;
}

class XmlAdapter {
 public:
  XmlAdapter(wire::XmlFeed& w, const AdaptOptions& o)
      : w_(w),
        o_(o),
        rss_(w.format != core::FeedFormat::Atom10 && w.format != core::FeedFormat::Atom03) {}

  core::ParsedFeed run();

 private:
  const std::string& base(wire::BaseIndex i) const {
    return i < w_.bases.size() ? w_.bases[i] : w_.bases.front();
  }
  // RSS elements are nominally text but routinely hold HTML; feedparser guesses, and so do we.
  TextType effective_type(const wire::Text& t) const {
    if (t.type == TextType::Text && rss_ && html::looks_like_html(t.value)) {
      return TextType::Html;
    }
    return t.type;
  }
  OptString plain(const std::optional<wire::Text>& t, const std::optional<wire::Text>& alt) const;
  // Plain text is moved out of `t`; HTML is sanitised into a new string.
  core::FeedContent content(wire::Text& t) const;
  std::vector<core::FeedLink> links(const std::vector<wire::Link>& in) const;
  std::optional<core::FeedEntry> entry(wire::Entry& in) const;
  core::FeedEntry head(const wire::Entry& in) const;
  void body(wire::Entry& in, core::FeedEntry& e) const;
  void meta(core::FeedMeta& out) const;

  wire::XmlFeed& w_;
  const AdaptOptions& o_;
  bool rss_;
};

OptString XmlAdapter::plain(const std::optional<wire::Text>& t,
                            const std::optional<wire::Text>& alt) const {
  const std::optional<wire::Text>& src = t ? t : alt;
  if (!src) {
    return std::nullopt;
  }
  const std::string text = effective_type(*src) == TextType::Text
                               ? collapse_whitespace(src->value)
                               : collapse_whitespace(html::to_text(src->value));
  return opt(text);
}

core::FeedContent XmlAdapter::content(wire::Text& t) const {
  const TextType type = effective_type(t);
  if (type == TextType::Text) {
    return {"text/plain", std::move(t.value)};
  }
  const html::SanitizeOptions so{base(t.base), o_.keep_images};
  return {type == TextType::Html ? "text/html" : "application/xhtml+xml",
          sanitize_html(t.value, so)};
}

std::vector<core::FeedLink> XmlAdapter::links(const std::vector<wire::Link>& in) const {
  std::vector<core::FeedLink> out;
  out.reserve(in.size());
  for (const wire::Link& l : in) {
    const std::string_view href = trim(l.href);
    if (href.empty()) {
      continue;
    }
    core::FeedLink link;
    if (!trim(l.rel).empty()) {
      link.rel = std::string(trim(l.rel));
    }
    link.type = opt(l.type);
    link.href = core::resolve_url(base(l.base), href);
    link.title = opt(l.title);
    link.length = parse_length(l.length);
    link.hreflang = opt(l.hreflang);
    if (link.rel == "enclosure"
        && std::any_of(out.begin(), out.end(), [&](const core::FeedLink& seen) {
             return seen.rel == "enclosure" && seen.href == link.href;
           })) {
      continue;  // the same file as <enclosure> and <media:content>: once is enough
    }
    out.push_back(std::move(link));
  }
  return out;
}

OptString first_alternate(const std::vector<core::FeedLink>& links) {
  for (const core::FeedLink& l : links) {
    if (l.rel == "alternate" && is_html_type(l.type.value_or(""))) {
      return l.href;
    }
  }
  return std::nullopt;
}

std::vector<core::FeedEnclosure> enclosures_of(const std::vector<core::FeedLink>& links) {
  std::vector<core::FeedEnclosure> out;
  for (const core::FeedLink& l : links) {
    if (l.rel == "enclosure") {
      out.push_back(core::FeedEnclosure{l.href, l.type, l.length});
    }
  }
  return out;
}

std::optional<core::Timestamp> date_of(std::string_view primary, std::string_view fallback = {}) {
  if (auto t = parse_date(primary)) {
    return t;
  }
  return fallback.empty() ? std::nullopt : parse_date(fallback);
}

std::vector<core::FeedCategory> categories_of(const std::vector<wire::Category>& in) {
  std::vector<core::FeedCategory> out;
  for (const wire::Category& c : in) {
    core::FeedCategory cat{opt(c.term), opt(c.scheme), opt(c.label)};
    if (!cat.term) {
      continue;
    }
    const bool dup = std::any_of(out.begin(), out.end(), [&](const auto& seen) {
      return seen.term == cat.term && seen.scheme == cat.scheme;
    });
    if (!dup) {
      out.push_back(std::move(cat));
    }
  }
  return out;
}

core::FeedEntry XmlAdapter::head(const wire::Entry& in) const {
  core::FeedEntry e;
  if (in.id) {
    e.id = opt(*in.id);
  }
  e.title = plain(in.title, in.alt_title);
  e.links = links(in.links);
  e.link = first_alternate(e.links);
  if (!e.link && in.id_is_permalink && e.id) {
    // RSS 2.0: a guid that is a permalink is the item's URL when it has no <link>.
    std::string url = core::resolve_url(base(in.id_base), *e.id);
    if (core::is_http_url(url)) {
      e.link = std::move(url);
    }
  }
  e.enclosures = enclosures_of(e.links);
  e.published = date_of(in.dates.published, in.dates.created);
  e.updated = date_of(in.dates.updated);
  for (const wire::Person& p : in.authors) {
    if ((e.author = format_person(p))) {
      break;
    }
  }
  e.categories = categories_of(in.categories);
  return e;
}

void XmlAdapter::body(wire::Entry& in, core::FeedEntry& e) const {
  wire::Text* summary = in.summary ? &*in.summary : in.alt_summary ? &*in.alt_summary : nullptr;
  // Feeds often repeat the content as the description: sanitise it once.
  std::size_t same = in.contents.size();
  for (std::size_t k = 0; summary != nullptr && k < in.contents.size(); ++k) {
    const wire::Text& c = in.contents[k];
    if (c.value == summary->value && c.type == summary->type && c.base == summary->base) {
      same = k;
      break;
    }
  }
  if (summary != nullptr && same == in.contents.size()) {
    e.summary = content(*summary).value;
  }
  e.content.reserve(in.contents.size());
  for (wire::Text& c : in.contents) {
    e.content.push_back(content(c));
  }
  if (summary != nullptr && same < e.content.size()) {
    e.summary = e.content[same].value;
  } else if (summary == nullptr && !e.content.empty()) {
    e.summary = e.content.front().value;
  }
  if (e.summary && trim(*e.summary).empty()) {
    e.summary.reset();
  }
}

std::optional<core::FeedEntry> XmlAdapter::entry(wire::Entry& in) const {
  core::FeedEntry e = head(in);
  // Everything but the HTML is known: let the caller skip entries it already has before
  // paying for sanitising.
  if (o_.keep_entry != nullptr && *o_.keep_entry && !(*o_.keep_entry)(e)) {
    return std::nullopt;
  }
  body(in, e);
  return e;
}

void XmlAdapter::meta(core::FeedMeta& out) const {
  const wire::Feed& f = w_.feed;
  out.title = plain(f.title, f.alt_title);
  const std::vector<core::FeedLink> feed_links = links(f.links);
  out.link = first_alternate(feed_links);
  for (const core::FeedLink& l : feed_links) {
    if (l.rel == "hub") {
      out.hub = l.href;
      break;
    }
  }
  std::optional<wire::Text>& sub = w_.feed.subtitle ? w_.feed.subtitle : w_.feed.alt_subtitle;
  if (sub) {
    out.subtitle = opt(content(*sub).value);
  }
  out.updated = date_of(f.dates.updated, f.dates.published);
  if (OptString lang = opt(f.language)) {
    std::replace(lang->begin(), lang->end(), '_', '-');
    out.language = std::move(lang);
  }
  for (const wire::Person& p : f.authors) {
    if ((out.author = format_person(p))) {
      break;
    }
  }
  if (const auto ttl = parse_length(f.ttl); ttl && *ttl <= std::numeric_limits<int>::max()) {
    out.ttl_minutes = static_cast<int>(*ttl);
  }
}

core::ParsedFeed XmlAdapter::run() {
  core::ParsedFeed out;
  out.format = w_.format;
  meta(out.feed);
  out.entries.reserve(w_.entries.size());
  for (wire::Entry& in : w_.entries) {
    if (std::optional<core::FeedEntry> e = entry(in)) {
      out.entries.push_back(std::move(*e));
    }
  }
  return out;
}

}  // namespace

std::string sanitize_html_for_test(std::string_view value, bool keep_images) {
  return sanitize_html(value, html::SanitizeOptions{"http://test.example/", keep_images});
}

core::ParsedFeed adapt_xml_feed(wire::XmlFeed&& feed, const AdaptOptions& options) {
  wire::XmlFeed consumed = std::move(feed);
  return XmlAdapter(consumed, options).run();
}

namespace {

// JSON Feed has no xml:base: URLs resolve against the document, else the feed_url it names.
class JsonAdapter {
 public:
  JsonAdapter(wire::JsonFeed& w, const AdaptOptions& o)
      : w_(w),
        o_(o),
        base_(o.base_url.empty() ? std::string_view{w.feed_url} : o.base_url),
        sanitize_options_{base_, o.keep_images} {}

  core::ParsedFeed run();

 private:
  std::string resolve(std::string_view href) const { return core::resolve_url(base_, href); }
  core::FeedEntry head(const wire::JsonItem& it, const OptString& feed_author) const;
  void body(wire::JsonItem& it, core::FeedEntry& e) const;

  wire::JsonFeed& w_;
  const AdaptOptions& o_;
  std::string base_;
  html::SanitizeOptions sanitize_options_;
};

OptString author_of(const std::vector<wire::JsonAuthor>& authors) {
  if (authors.empty()) {
    return std::nullopt;
  }
  return opt(authors.front().name.empty() ? authors.front().url : authors.front().name);
}

// Everything but the HTML.
core::FeedEntry JsonAdapter::head(const wire::JsonItem& it, const OptString& feed_author) const {
  core::FeedEntry e;
  e.id = it.id ? opt(*it.id) : std::nullopt;
  e.title = opt(collapse_whitespace(it.title));
  const auto add_link = [&](const char* rel, const std::string& href) {
    if (!trim(href).empty()) {
      e.links.push_back(core::FeedLink{rel, std::nullopt, resolve(href), {}, {}, {}});
    }
  };
  add_link("alternate", it.url);
  if (!e.links.empty()) {
    e.link = e.links.front().href;
  }
  add_link("related", it.external_url);
  add_link("thumbnail", it.image);
  for (const wire::JsonAttachment& a : it.attachments) {
    core::FeedLink l{"enclosure",  opt(a.mime_type), resolve(a.url),
                     opt(a.title), a.size_in_bytes,  {}};
    e.enclosures.push_back(core::FeedEnclosure{l.href, l.type, l.length});
    e.links.push_back(std::move(l));
  }
  e.published = date_of(it.date_published);
  e.updated = date_of(it.date_modified);
  // JSON Feed 1.1: item authors default to the feed's.
  e.author = it.authors.empty() ? feed_author : author_of(it.authors);
  for (const std::string& tag : it.tags) {
    if (OptString term = opt(tag)) {
      e.categories.push_back(core::FeedCategory{std::move(term), std::nullopt, std::nullopt});
    }
  }
  return e;
}

void JsonAdapter::body(wire::JsonItem& it, core::FeedEntry& e) const {
  if (!trim(it.content_html).empty()) {
    e.content.push_back({"text/html", sanitize_html(it.content_html, sanitize_options_)});
  }
  if (!trim(it.content_text).empty()) {
    e.content.push_back({"text/plain", std::move(it.content_text)});
  }
  e.summary = opt(it.summary);
  if (!e.summary && !e.content.empty()) {
    e.summary = opt(e.content.front().value);
  }
}

core::ParsedFeed JsonAdapter::run() {
  core::ParsedFeed out;
  out.format = w_.format;
  out.feed.title = opt(collapse_whitespace(w_.title));
  if (!trim(w_.home_page_url).empty()) {
    out.feed.link = resolve(w_.home_page_url);
  }
  out.feed.subtitle = opt(w_.description);
  out.feed.language = opt(w_.language);
  out.feed.author = author_of(w_.authors);
  if (!w_.hub_urls.empty()) {
    out.feed.hub = resolve(w_.hub_urls.front());
  }
  out.entries.reserve(w_.items.size());
  for (wire::JsonItem& it : w_.items) {
    core::FeedEntry e = head(it, out.feed.author);
    if (o_.keep_entry != nullptr && *o_.keep_entry && !(*o_.keep_entry)(e)) {
      continue;
    }
    body(it, e);
    out.entries.push_back(std::move(e));
  }
  return out;
}

}  // namespace

core::ParsedFeed adapt_json_feed(wire::JsonFeed&& feed, const AdaptOptions& options) {
  wire::JsonFeed consumed = std::move(feed);
  return JsonAdapter(consumed, options).run();
}

}  // namespace vigie::ingest
