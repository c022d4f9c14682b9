// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/xml_feed_builder.h"

#include <algorithm>
#include <utility>

#include "core/url.h"

namespace vigie::ingest::xml {
namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// No field of a feed needs more: the longest articles are a few hundred kilobytes of HTML.
// libxml2's own 10 MB text-node limit applies to DOM building only, not to SAX, so the cap is
// ours. It bounds the work later stages (sanitising, indexing) do per field.
constexpr std::size_t kMaxFieldBytes = std::size_t{4} * 1024 * 1024;

// Per entry (and for the feed): links, categories, authors, contents. Every element a document
// adds costs memory out of proportion to its few bytes ("<category/>" is 11 bytes, its wire
// struct a hundred): caps keep memory within a small multiple of the input.
constexpr std::size_t kMaxPerEntry = 1000;
constexpr std::size_t kMaxBases = 10000;  // distinct xml:base values

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + 32) : a[i];
    const char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] + 32) : b[i];
    if (x != y) {
      return false;
    }
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

void trim_in_place(std::string& s) {
  const std::string_view t = trim(s);
  if (t.size() != s.size()) {
    s = std::string(t);
  }
}

// Appends text escaped for markup.
void append_escaped(std::string& out, std::string_view s, bool in_attribute) {
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char* rep = nullptr;
    if (c == '&') {
      rep = "&amp;";
    } else if (c == '<') {
      rep = "&lt;";
    } else if (c == '>') {
      rep = "&gt;";
    } else if (c == '"' && in_attribute) {
      rep = "&quot;";
    }
    if (rep != nullptr) {
      out.append(s.substr(from, i - from));
      out.append(rep);
      from = i + 1;
    }
  }
  out.append(s.substr(from));
}

// libxml2 hands attribute values to SAX2 with "&" kept as "&#38;" when entities are not
// substituted (it expects the DOM builder to re-parse them); everything else is decoded.
std::string decode_attribute(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  std::size_t from = 0;
  std::size_t at = 0;
  while ((at = v.find("&#38;", from)) != std::string_view::npos) {
    out.append(v.substr(from, at - from));
    out.push_back('&');
    from = at + 5;
  }
  out.append(v.substr(from));
  return out;
}

// The attributes of one start tag, as libxml2's SAX2 gives them: five pointers each (local

std::string_view value_of(const xmlChar* const* a) {
  return {reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3])};
}

bool is_void_element(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid = {
      "br",   "img", "hr",    "input", "meta",   "link",  "area",
      "base", "col", "embed", "param", "source", "track", "wbr"};
  for (const std::string_view v : kVoid) {
    if (iequals(v, name)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string Attrs::get(std::string_view local) const {
  for (int i = 0; i < count_; ++i) {
    const xmlChar* const* a = at(i);
    if (iequals(view(a[0]), local) && view(a[2]) != kXmlNamespace) {
      return decode_attribute(value_of(a));
    }
  }
  return {};
}

bool Attrs::has(std::string_view local) const {
  for (int i = 0; i < count_; ++i) {
    const xmlChar* const* a = at(i);
    if (iequals(view(a[0]), local) && view(a[2]) != kXmlNamespace) {
      return true;
    }
  }
  return false;
}

std::optional<std::string> Attrs::get_xml(std::string_view local) const {
  for (int i = 0; i < count_; ++i) {
    const xmlChar* const* a = at(i);
    if (view(a[0]) == local && view(a[2]) == kXmlNamespace) {
      return decode_attribute(value_of(a));
    }
  }
  return std::nullopt;
}

void Attrs::serialise(std::string& out) const {
  for (int i = 0; i < count_; ++i) {
    const xmlChar* const* a = at(i);
    out.push_back(' ');
    if (a[1] != nullptr) {
      out.append(view(a[1]));
      out.push_back(':');
    }
    out.append(view(a[0]));
    out.append("=\"");
    append_escaped(out, decode_attribute(value_of(a)), true);
    out.push_back('"');
  }
}

Ns FeedBuilder::classify_ns(const xmlChar* uri, const xmlChar* prefix) {
  if (uri == nullptr) {
    return prefix == nullptr ? Ns::None : xml::namespace_of_prefix(view(prefix));
  }
  if (uri != last_uri_) {
    last_uri_ = uri;
    last_ns_ = xml::namespace_of(view(uri));
  }
  return last_ns_;
}

El FeedBuilder::classify(Ns ns, const xmlChar* local) {
  const auto h = (reinterpret_cast<std::uintptr_t>(local) >> 4) ^ static_cast<std::uintptr_t>(ns);
  CacheSlot& slot = cache_[h % cache_.size()];
  if (slot.local == local && slot.ns == ns) {
    return slot.el;
  }
  const El el = xml::element_of(ns, view(local));
  slot = CacheSlot{local, ns, el};
  return el;
}

void FeedBuilder::start(const xmlChar* local, const xmlChar* prefix, const xmlChar* uri,
                        const Attrs& a) {
  ++depth_;
  open_.push_back(OpenElement{local, prefix});
  wire::BaseIndex b = base();
  if (auto xb = a.get_xml("base")) {
    // xml:base resolves against the base in effect; only http(s) results are accepted, so a
    // document cannot make its links "javascript:" or "file:" (feedparser does the same).
    std::string resolved = core::resolve_url(feed_.bases[b], *xb);
    if (core::is_http_url(resolved) && has_room(feed_.bases.size(), kMaxBases, Limit::Bases)) {
      feed_.bases.push_back(std::move(resolved));
      b = static_cast<wire::BaseIndex>(feed_.bases.size() - 1);
    }
  }
  base_stack_.push_back(b);
  if (skip_depth_ > 0) {
    return;
  }
  if (cap_.active) {
    capture_child_start(view(local), a);
    return;
  }
  const Ns ns = classify_ns(uri, prefix);
  const El el = classify(ns, local);
  if (depth_ == 1) {
    root(el, ns, a);
    return;
  }
  dispatch(el, ns, a);
}

void FeedBuilder::end() {
  if (!pending_end_tag_.empty()) {
    // libxml2 met an end tag that does not close the current element (an unclosed <b> in a
    // title, say). In recover mode it then closes only its current element, which shifts
    // every later element by one level. Close what the end tag names instead, as HTML
    // parsers do, and ignore the end tag when nothing open has that name.
    const std::string name = std::move(pending_end_tag_);
    pending_end_tag_.clear();
    std::size_t k = open_.size();
    while (k > 0 && !open_[k - 1].is(name)) {
      --k;
    }
    if (k == 0) {
      return;
    }
    while (open_.size() >= k) {
      close_current();
    }
    return;
  }
  close_current();
}

void FeedBuilder::close_current() {
  if (open_.empty()) {
    return;
  }
  if (skip_depth_ > 0) {
    if (depth_ == skip_depth_) {
      skip_depth_ = 0;
    }
  } else if (cap_.active) {
    if (depth_ > cap_.depth) {
      capture_child_end(view(open_.back().local));
    } else {
      end_capture();
    }
  } else if (person_depth_ > 0 && depth_ == person_depth_) {
    person_depth_ = 0;
    trim_in_place(people().back().text);
  } else if (entry_depth_ > 0 && depth_ == entry_depth_) {
    entry_depth_ = 0;
  }
  open_.pop_back();
  base_stack_.pop_back();
  --depth_;
}

void FeedBuilder::text(std::string_view s) {
  if (skip_depth_ > 0) {
    return;
  }
  if (cap_.active) {
    if (cap_.buf.size() + s.size() > kMaxFieldBytes) {
      note_truncated();
      s = s.substr(0, kMaxFieldBytes - std::min(kMaxFieldBytes, cap_.buf.size()));
    }
    if (cap_.markup) {
      append_escaped(cap_.buf, s, false);
    } else {
      cap_.buf.append(s);
    }
  } else if (person_depth_ > 0 && depth_ == person_depth_) {
    people().back().text.append(s);
  }
}

void FeedBuilder::processing_instruction(std::string_view target, std::string_view data) {
  if (target != "vigie-cdata") {
    return;
  }
  std::size_t n = 0;
  std::size_t k = 0;
  while (k < data.size() && k < 12 && data[k] >= '0' && data[k] <= '9') {
    n = n * 10 + static_cast<std::size_t>(data[k] - '0');
    ++k;
  }
  if (k == 0 || n >= cdata_used_.size() || cdata_used_[n]) {
    return;
  }
  cdata_used_[n] = true;
  if (const auto section = doc_.cdata(n)) {
    text(*section);
  }
}

bool FeedBuilder::has_room(std::size_t size, std::size_t cap, Limit which) {
  if (size < cap) {
    return true;
  }
  limits_hit_ |= static_cast<unsigned>(which);
  return false;
}

std::optional<std::string> FeedBuilder::problem() const {
  std::optional<std::string> p = problem_;
  if (p && error_count_ > 1) {
    *p += " (and " + std::to_string(error_count_ - 1) + " more XML errors)";
  }
  const auto add = [&p](const std::string& why) { p = p ? *p + "; " + why : why; };
  if (truncated_) {
    add("a field over 4 MiB was truncated");
  }
  if ((limits_hit_ & static_cast<unsigned>(Limit::Entries)) != 0) {
    add("more than " + std::to_string(max_entries_) + " entries: the rest were ignored");
  }
  if ((limits_hit_ & static_cast<unsigned>(Limit::PerEntry)) != 0) {
    add("more than " + std::to_string(kMaxPerEntry)
        + " links, categories, authors or contents in an entry: the rest were ignored");
  }
  if ((limits_hit_ & static_cast<unsigned>(Limit::Bases)) != 0) {
    add("more than " + std::to_string(kMaxBases) + " xml:base values: the rest were ignored");
  }
  return p;
}

void FeedBuilder::note_truncated() {
  truncated_ = true;
}

void FeedBuilder::error(const xmlError& e) {
  if (e.code == XML_ERR_TAG_NAME_MISMATCH && e.str2 != nullptr) {
    pending_end_tag_ = e.str2;
  }
  if (e.level < XML_ERR_ERROR) {
    return;
  }
  ++error_count_;
  if (problem_) {
    return;
  }
  std::string msg = e.message != nullptr ? std::string(trim(e.message)) : "malformed XML";
  if (e.line > 0) {
    msg = "line " + std::to_string(static_cast<std::size_t>(e.line) + line_offset) + ": " + msg;
  }
  problem_ = std::move(msg);
}

void FeedBuilder::finish() {
  // A document cut short leaves its last capture open: keep what it had.
  if (cap_.active) {
    end_capture();
  }
  if (feed_.feed.language.empty()) {
    feed_.feed.language = root_lang_;
  }
}

void FeedBuilder::root(El el, Ns ns, const Attrs& a) {
  saw_root_ = true;
  using core::FeedFormat;
  switch (el) {
    case El::Rss: {
      const std::string v = a.get("version");
      if (v == "0.91") {
        feed_.format = FeedFormat::Rss091;
      } else if (v == "0.92") {
        feed_.format = FeedFormat::Rss092;
      } else if (v == "0.93") {
        feed_.format = FeedFormat::Rss093;
      } else if (v == "0.94") {
        feed_.format = FeedFormat::Rss094;
      } else if (v == "0.90") {
        feed_.format = FeedFormat::Rss090;
      } else {
        feed_.format = FeedFormat::Rss20;
      }
      break;
    }
    case El::RdfRoot:
      feed_.format = FeedFormat::Rss10;
      break;
    case El::Feed:
      feed_.format = (ns == Ns::Atom03 || (ns == Ns::None && a.get("version") == "0.3"))
                         ? FeedFormat::Atom03
                         : FeedFormat::Atom10;
      break;
    case El::Channel:  // a bare channel: RSS 0.9x as some old tools wrote it
      feed_.format = FeedFormat::Rss091;
      break;
    default:
      not_a_feed_ = true;
      xmlStopParser(ctxt_);
      return;
  }
  if (auto lang = a.get_xml("lang")) {
    root_lang_ = std::string(trim(*lang));
  }
}

std::optional<TextType> FeedBuilder::text_type(Ns ns, const Attrs& a, TextType rss_default) const {
  const bool atom_doc =
      feed_.format == core::FeedFormat::Atom10 || feed_.format == core::FeedFormat::Atom03;
  if (!xml::is_atom(ns) && !(ns == Ns::None && atom_doc)) {
    return rss_default;
  }
  // RFC 4287 §3.1.1 and Atom 0.3 §3.1: type, plus 0.3's mode.
  const std::string type = a.get("type");
  const std::string mode = a.get("mode");
  if (iequals(mode, "base64")) {
    return std::nullopt;
  }
  TextType t = TextType::Text;  // also for "text", "plain", "text/plain" and other text/*
  if (iequals(type, "html") || iequals(type, "text/html")) {
    t = TextType::Html;
  } else if (iequals(type, "xhtml") || iequals(type, "application/xhtml+xml")) {
    t = TextType::Xhtml;
  } else if (!type.empty() && !iequals(type, "text") && !iequals(type, "plain")
             && type.rfind("text/", 0) != 0) {
    return std::nullopt;  // binary or other media content: nothing to show as text
  }
  if (t == TextType::Html && iequals(mode, "xml")) {
    t = TextType::Xhtml;
  }
  return t;
}

void FeedBuilder::dispatch(El el, Ns ns, const Attrs& a) {
  // Each group returns true when it handled the element; unknown elements are passed over
  // (their children are still looked at: media:group, say, only wraps media:content).
  (void)(dispatch_structure(el, ns, a) || dispatch_text(el, ns, a) || dispatch_metadata(el, a)
         || dispatch_links_and_terms(el, a));
}

bool FeedBuilder::dispatch_structure(El el, Ns ns, const Attrs& a) {
  switch (el) {
    case El::Skipped:
      skip_depth_ = depth_;
      return true;
    case El::Channel:
    case El::Feed:
      if (ns == Ns::Rss090 && feed_.format == core::FeedFormat::Rss10) {
        feed_.format = core::FeedFormat::Rss090;
      }
      if (auto lang = a.get_xml("lang"); lang && root_lang_.empty()) {
        root_lang_ = std::string(trim(*lang));
      }
      return true;
    case El::Item:
    case El::Entry:
      if (in_entry()) {
        skip_depth_ = depth_;  // an entry inside an entry: broken, ignored
        return true;
      }
      if (ns == Ns::Rss090 && feed_.format == core::FeedFormat::Rss10) {
        feed_.format = core::FeedFormat::Rss090;
      }
      if (!has_room(feed_.entries.size(), max_entries_, Limit::Entries)) {
        skip_depth_ = depth_;
        return true;
      }
      feed_.entries.emplace_back();
      entry_depth_ = depth_;
      if (std::string about = a.get("about"); !about.empty()) {
        entry().id = std::move(about);  // RSS 1.0 rdf:about
      }
      return true;
    default:
      return false;
  }
}

// Text constructs. RSS titles are text and descriptions HTML (RSS 2.0 spec); Atom says which
// with its type attribute (text_type).
bool FeedBuilder::dispatch_text(El el, Ns ns, const Attrs& a) {
  const bool e = in_entry();
  switch (el) {
    case El::Title:
      begin_text(e ? Target::EntryTitle : Target::FeedTitle, text_type(ns, a, TextType::Text));
      return true;
    case El::DcTitle:
    case El::MediaTitle:
      begin_text(e ? Target::EntryAltTitle : Target::FeedAltTitle, TextType::Text);
      return true;
    case El::Description:
    case El::DcDescription:
      begin_text(e ? Target::EntrySummary : Target::FeedSubtitle, text_type(ns, a, TextType::Html));
      return true;
    case El::Summary:
      begin_text(e ? Target::EntrySummary : Target::FeedSubtitle, text_type(ns, a, TextType::Text));
      return true;
    case El::Subtitle:
    case El::Tagline:
      begin_text(e ? Target::Discard : Target::FeedSubtitle, text_type(ns, a, TextType::Text));
      return true;
    case El::ItunesSubtitle:
    case El::ItunesSummary:
      begin_text(e ? Target::EntryAltSummary : Target::FeedAltSubtitle, TextType::Text);
      return true;
    case El::MediaDescription:
      begin_text(e ? Target::EntryAltSummary : Target::FeedAltSubtitle,
                 iequals(a.get("type"), "html") ? TextType::Html : TextType::Text);
      return true;
    case El::Content:
      if (!e || a.has("src")) {
        begin_plain(Target::Discard);  // out-of-line content (RFC 4287 §4.1.3.2): nothing here
      } else {
        begin_text(Target::EntryContent, text_type(ns, a, TextType::Text));
      }
      return true;
    case El::ContentEncoded:
      begin_text(e ? Target::EntryContent : Target::Discard, TextType::Html);
      return true;
    case El::XhtmlBody:
      begin_text(e ? Target::EntryContent : Target::Discard, TextType::Xhtml);
      return true;
    default:
      return false;
  }
}

// Identity, dates, people, language, ttl.
bool FeedBuilder::dispatch_metadata(El el, const Attrs& a) {
  const bool e = in_entry();
  switch (el) {
    case El::Guid:
      if (e) {
        entry().id_is_permalink = !iequals(a.get("ispermalink"), "false");
        entry().id_base = base();
      }
      begin_plain(e ? Target::EntryId : Target::Discard);
      return true;
    case El::Id:
      if (e) {
        entry().id_is_permalink = false;
      }
      begin_plain(e ? Target::EntryId : Target::Discard);
      return true;
    case El::PubDate:
    case El::Published:
    case El::Issued:
    case El::DctIssued:
      begin_plain(Target::Published);
      return true;
    case El::Updated:
    case El::Modified:
    case El::LastBuildDate:
    case El::DcDate:
    case El::DctModified:
      begin_plain(Target::Updated);
      return true;
    case El::Created:
    case El::DctCreated:
      begin_plain(Target::Created);
      return true;
    case El::Author:
    case El::ManagingEditor:
    case El::DcCreator:
    case El::ItunesAuthor:
      begin_person();
      return true;
    case El::Name:
    case El::Email:
    case El::Uri:
    case El::Url:
      if (person_depth_ > 0 && depth_ == person_depth_ + 1) {
        begin_plain(el == El::Name    ? Target::PersonName
                    : el == El::Email ? Target::PersonEmail
                                      : Target::PersonUri);
      }
      return true;
    case El::Language:
    case El::DcLanguage:
      begin_plain(e ? Target::Discard : Target::FeedLanguage);
      return true;
    case El::Ttl:
      begin_plain(e ? Target::Discard : Target::FeedTtl);
      return true;
    default:
      return false;
  }
}

// Links, enclosures, media, categories and keywords.
bool FeedBuilder::dispatch_links_and_terms(El el, const Attrs& a) {
  const bool e = in_entry();
  switch (el) {
    case El::Link:
      add_link(a);
      return true;
    case El::Enclosure: {
      std::string url = a.get("url");
      if (e && !url.empty() && has_room(entry().links.size(), kMaxPerEntry, Limit::PerEntry)) {
        entry().links.push_back(wire::Link{
            "enclosure", a.get("type"), std::move(url), {}, a.get("length"), {}, base()});
      }
      return true;
    }
    case El::MediaContent:
      add_media_link(a, "enclosure");
      return true;
    case El::MediaThumbnail:
      add_media_link(a, "thumbnail");
      return true;
    case El::Category:
      if (e) {
        std::string scheme = a.get("scheme");
        begin_category(a, scheme.empty() ? a.get("domain") : std::move(scheme));
      }
      return true;
    case El::DcSubject:
      if (e && has_room(entry().categories.size(), kMaxPerEntry, Limit::PerEntry)) {
        entry().categories.emplace_back();
        begin_plain(Target::CategoryText);
      }
      return true;
    case El::MediaCategory:
      if (e) {
        const std::string scheme = a.get("scheme");
        begin_category(a, scheme.empty() ? "http://search.yahoo.com/mrss/category_schema" : scheme);
      }
      return true;
    case El::ItunesKeywords:
    case El::MediaKeywords:
      if (e) {
        begin_plain(Target::Keywords);
        cap_.scheme = el == El::ItunesKeywords ? "http://www.itunes.com/" : "";
      }
      return true;
    default:
      return false;
  }
}

void FeedBuilder::add_link(const Attrs& a) {
  if (!has_room(links().size(), kMaxPerEntry, Limit::PerEntry)) {
    begin_plain(Target::Discard);
    return;
  }
  if (a.has("href")) {
    links().push_back(wire::Link{a.get("rel"), a.get("type"), a.get("href"), a.get("title"),
                                 a.get("length"), a.get("hreflang"), base()});
    begin_plain(Target::Discard);
    return;
  }
  // RSS: the link is the element's text.
  links().push_back(wire::Link{{}, {}, {}, {}, {}, {}, base()});
  begin_plain(Target::LinkHref);
}

void FeedBuilder::add_media_link(const Attrs& a, std::string rel) {
  if (!in_entry()) {
    return;
  }
  std::string url = a.get("url");
  if (url.empty() || !has_room(entry().links.size(), kMaxPerEntry, Limit::PerEntry)) {
    return;
  }
  entry().links.push_back(
      wire::Link{std::move(rel), a.get("type"), std::move(url), {}, a.get("filesize"), {}, base()});
}

void FeedBuilder::begin_person() {
  if (person_depth_ > 0 || !has_room(people().size(), kMaxPerEntry, Limit::PerEntry)) {
    begin_plain(Target::Discard);
    return;
  }
  people().emplace_back();
  person_depth_ = depth_;
}

void FeedBuilder::begin_category(const Attrs& a, std::string scheme) {
  if (!has_room(entry().categories.size(), kMaxPerEntry, Limit::PerEntry)) {
    begin_plain(Target::Discard);
    return;
  }
  entry().categories.push_back(wire::Category{a.get("term"), std::move(scheme), a.get("label")});
  begin_plain(Target::CategoryText);
}

void FeedBuilder::begin(Target t, TextType declared, bool keep_markup) {
  cap_.active = true;
  cap_.target = t;
  cap_.depth = depth_;
  cap_.buf.clear();
  cap_.keep_markup = keep_markup;
  cap_.markup = false;
  cap_.declared = declared;
  cap_.base = base();
  cap_.wrapper_depth = -1;
  cap_.scheme.clear();
}

void FeedBuilder::capture_child_start(std::string_view local, const Attrs& a) {
  if (!cap_.keep_markup) {
    return;  // plain values keep the text of children, not their tags
  }
  if (cap_.buf.size() > kMaxFieldBytes) {
    note_truncated();
    return;
  }
  // RFC 4287 §3.1.1.3: XHTML content sits in one <div> that is not part of it.
  if (cap_.declared == TextType::Xhtml && !cap_.markup && depth_ == cap_.depth + 1
      && iequals(local, "div") && trim(cap_.buf).empty()) {
    cap_.wrapper_depth = depth_;
    cap_.markup = true;
    cap_.buf.clear();
    return;
  }
  if (!cap_.markup) {
    // Children where text was expected: what came before them was text, escape it.
    std::string escaped;
    append_escaped(escaped, cap_.buf, false);
    cap_.buf = std::move(escaped);
    cap_.markup = true;
  }
  cap_.buf.push_back('<');
  cap_.buf.append(local);
  a.serialise(cap_.buf);
  cap_.buf.push_back('>');
}

void FeedBuilder::capture_child_end(std::string_view local) {
  if (!cap_.keep_markup || depth_ == cap_.wrapper_depth || is_void_element(local)) {
    return;
  }
  cap_.buf.append("</");
  cap_.buf.append(local);
  cap_.buf.push_back('>');
}

std::string FeedBuilder::take_trimmed() {
  std::string& b = cap_.buf;
  std::size_t end = b.size();
  while (end > 0 && is_space(b[end - 1])) {
    --end;
  }
  std::size_t begin = 0;
  while (begin < end && is_space(b[begin])) {
    ++begin;
  }
  b.resize(end);
  b.erase(0, begin);
  return std::move(b);
}

// A category's text is its term, unless its term attribute said it already (Atom).
void FeedBuilder::end_category() {
  wire::Category& c = entry().categories.back();
  if (c.term.empty()) {
    c.term = std::string(trim(cap_.buf));
  }
  if (c.term.empty()) {
    entry().categories.pop_back();
  }
}

// itunes:keywords and media:keywords: comma-separated terms.
void FeedBuilder::end_keywords() {
  std::string_view rest = cap_.buf;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view term = trim(rest.substr(0, comma));
    if (!term.empty() && has_room(entry().categories.size(), kMaxPerEntry, Limit::PerEntry)) {
      entry().categories.push_back(wire::Category{std::string(term), cap_.scheme, {}});
    }
    if (comma == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(comma + 1);
  }
}

void FeedBuilder::end_capture() {
  cap_.active = false;
  const auto take_text = [this]() {
    wire::Text t;
    t.type = cap_.markup ? TextType::Xhtml : cap_.declared;
    t.value = take_trimmed();
    t.base = cap_.base;
    return t;
  };
  const auto set_once = [&](std::optional<wire::Text>& slot) {
    if (!slot && !trim(cap_.buf).empty()) {
      slot = take_text();
    }
  };
  const auto set_plain = [this](std::string& slot) {
    if (slot.empty()) {
      slot = take_trimmed();
    }
  };
  switch (cap_.target) {
    case Target::Discard:
      return;
    case Target::FeedTitle:
      return set_once(feed_.feed.title);
    case Target::FeedAltTitle:
      return set_once(feed_.feed.alt_title);
    case Target::EntryAltTitle:
      return set_once(entry().alt_title);
    case Target::FeedSubtitle:
      return set_once(feed_.feed.subtitle);
    case Target::FeedAltSubtitle:
      return set_once(feed_.feed.alt_subtitle);
    case Target::FeedLanguage:
      return set_plain(feed_.feed.language);
    case Target::FeedTtl:
      return set_plain(feed_.feed.ttl);
    case Target::EntryTitle:
      return set_once(entry().title);
    case Target::EntrySummary:
      return set_once(entry().summary);
    case Target::EntryAltSummary:
      return set_once(entry().alt_summary);
    case Target::EntryContent:
      if (!trim(cap_.buf).empty()
          && has_room(entry().contents.size(), kMaxPerEntry, Limit::PerEntry)) {
        entry().contents.push_back(take_text());
      }
      return;
    case Target::EntryId:
      if (!entry().id || entry().id->empty()) {
        entry().id = take_trimmed();
      }
      return;
    case Target::Published:
      return set_plain(dates().published);
    case Target::Updated:
      return set_plain(dates().updated);
    case Target::Created:
      return set_plain(dates().created);
    case Target::LinkHref:
      links().back().href = take_trimmed();
      if (links().back().href.empty()) {
        links().pop_back();
      }
      return;
    case Target::CategoryText:
      return end_category();
    case Target::Keywords:
      return end_keywords();
    case Target::PersonName:
      return set_plain(people().back().name);
    case Target::PersonEmail:
      return set_plain(people().back().email);
    case Target::PersonUri:
      return set_plain(people().back().uri);
  }
}

}  // namespace vigie::ingest::xml
