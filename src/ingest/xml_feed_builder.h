// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Internal to ingest/: the libxml2 SAX2 event handler behind xml_reader.h. It follows the
// element stack, resolves xml:base, and captures the text of the elements feeds use into the
// wire structs of xml_wire.h. One instance per parse; not thread-safe.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "ingest/xml_prepare.h"
#include "ingest/xml_vocabulary.h"
#include "ingest/xml_wire.h"

namespace vigie::ingest::xml {

using wire::TextType;

inline std::string_view view(const xmlChar* s) {
  return s == nullptr ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(s));
}

// The attributes of one start tag, as libxml2's SAX2 gives them: five pointers each (local
// name, prefix, URI, value start, value end). A view: valid during the start callback only.
class Attrs {
 public:
  Attrs(int count, const xmlChar** data) : count_(count), data_(data) {}

  // The value of the attribute with this local name (any namespace but xml:, ASCII case
  // ignored), decoded; empty when absent.
  std::string get(std::string_view local) const;
  bool has(std::string_view local) const;
  // xml:base, xml:lang.
  std::optional<std::string> get_xml(std::string_view local) const;
  // Appends ` name="value"` for each attribute, escaped for markup.
  void serialise(std::string& out) const;

 private:
  const xmlChar* const* at(int i) const { return data_ + static_cast<std::ptrdiff_t>(i) * 5; }
  int count_;
  const xmlChar** data_;
};

enum class Target : std::uint8_t {
  Discard,
  FeedTitle,
  FeedAltTitle,
  FeedSubtitle,
  FeedAltSubtitle,
  FeedLanguage,
  FeedTtl,
  EntryTitle,
  EntryAltTitle,
  EntrySummary,
  EntryAltSummary,
  EntryContent,
  EntryId,
  Published,
  Updated,
  Created,
  LinkHref,
  CategoryText,
  Keywords,
  PersonName,
  PersonEmail,
  PersonUri,
};

struct Capture {
  bool active = false;
  Target target = Target::Discard;
  int depth = 0;
  std::string buf;
  bool keep_markup = false;  // text constructs keep child elements as markup
  bool markup = false;       // child elements were serialised into buf
  TextType declared = TextType::Text;
  wire::BaseIndex base = 0;
  int wrapper_depth = -1;  // the <div> around Atom XHTML content, left out
  std::string scheme;      // Keywords: the scheme of the categories made
};

// Receives the SAX2 events of one document (xml_reader.cpp forwards them) and builds the wire
// feed. Never throws out of a callback: xml_reader.cpp catches and calls fail().
class FeedBuilder {
 public:
  // `doc` holds the CDATA sections prepare_xml took out; it must outlive the builder.
  FeedBuilder(std::string_view base_url, const PreparedXml& doc, std::size_t max_entries)
      : doc_(doc), max_entries_(max_entries) {
    feed_.bases.emplace_back(base_url);
    cdata_used_.resize(doc.cdata_count());
  }

  void start(const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, const Attrs& a);
  void end();
  void text(std::string_view s);
  // <?vigie-cdata N?> stands for CDATA section N: its text goes where the section was. Each
  // section is used once at most, so a document that writes such instructions itself cannot
  // multiply its text.
  void processing_instruction(std::string_view target, std::string_view data);
  void error(const xmlError& e);
  void finish();

  void set_parser(xmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }
  void fail() {
    failed_ = true;
    xmlStopParser(ctxt_);
  }
  bool failed() const { return failed_; }
  bool not_a_feed() const { return !saw_root_ || not_a_feed_; }
  // What was wrong, for people: the first XML error and how many followed, fields truncated,
  // limits reached.
  std::optional<std::string> problem() const;
  std::size_t line_offset = 0;
  wire::XmlFeed& feed() { return feed_; }

 private:
  void close_current();
  void note_truncated();
  enum class Limit : unsigned { Entries = 1, PerEntry = 2, Bases = 4 };
  // True when a collection of `size` may grow; otherwise records that `which` was reached.
  bool has_room(std::size_t size, std::size_t cap, Limit which);
  Ns classify_ns(const xmlChar* uri, const xmlChar* prefix);
  El classify(Ns ns, const xmlChar* local);
  void root(El el, Ns ns, const Attrs& a);
  void dispatch(El el, Ns ns, const Attrs& a);
  bool dispatch_structure(El el, Ns ns, const Attrs& a);
  bool dispatch_text(El el, Ns ns, const Attrs& a);
  bool dispatch_metadata(El el, const Attrs& a);
  bool dispatch_links_and_terms(El el, const Attrs& a);
  void begin(Target t, TextType declared, bool keep_markup);
  void begin_text(Target t, std::optional<TextType> declared) {
    if (declared) {
      begin(t, *declared, true);
    } else {
      begin(Target::Discard, TextType::Text, false);
    }
  }
  void begin_plain(Target t) { begin(t, TextType::Text, false); }
  void end_capture();
  void end_category();
  void end_keywords();
  // The captured text without surrounding whitespace, moved out of the capture buffer.
  std::string take_trimmed();
  void capture_child_start(std::string_view local, const Attrs& a);
  void capture_child_end(std::string_view local);
  void add_link(const Attrs& a);
  void add_media_link(const Attrs& a, std::string rel);
  void begin_person();
  void begin_category(const Attrs& a, std::string scheme_default);
  std::optional<TextType> text_type(Ns ns, const Attrs& a, TextType rss_default) const;

  bool in_entry() const { return entry_depth_ > 0; }
  wire::Entry& entry() { return feed_.entries.back(); }
  wire::Dates& dates() { return in_entry() ? entry().dates : feed_.feed.dates; }
  std::vector<wire::Person>& people() { return in_entry() ? entry().authors : feed_.feed.authors; }
  std::vector<wire::Link>& links() { return in_entry() ? entry().links : feed_.feed.links; }
  wire::BaseIndex base() const { return base_stack_.empty() ? 0 : base_stack_.back(); }

  wire::XmlFeed feed_;
  const PreparedXml& doc_;
  std::size_t max_entries_;
  unsigned limits_hit_ = 0;
  std::vector<bool> cdata_used_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  // The elements open as the document's tags say (see end()); depth_ is its size.
  struct OpenElement {
    const xmlChar* local;
    const xmlChar* prefix;
    bool is(std::string_view qname) const {
      const std::string_view l = view(local);
      if (prefix == nullptr) {
        return qname == l;
      }
      const std::string_view p = view(prefix);
      return qname.size() == p.size() + 1 + l.size() && qname.substr(0, p.size()) == p
             && qname[p.size()] == ':' && qname.substr(p.size() + 1) == l;
    }
  };
  std::vector<OpenElement> open_;
  std::string pending_end_tag_;  // the real name of a mismatched end tag, until its end event
  int depth_ = 0;
  int skip_depth_ = 0;
  int entry_depth_ = 0;
  int person_depth_ = 0;
  std::vector<wire::BaseIndex> base_stack_;
  Capture cap_;
  std::string root_lang_;
  bool saw_root_ = false;
  bool not_a_feed_ = false;
  bool failed_ = false;
  std::optional<std::string> problem_;
  std::size_t error_count_ = 0;
  bool truncated_ = false;

  // The last namespace URI seen and its class: libxml2 interns URIs, so one pointer compare
  // usually answers.
  const xmlChar* last_uri_ = nullptr;
  Ns last_ns_ = Ns::None;
  // Element names are interned too: a small direct-mapped cache of (name, ns) -> element.
  struct CacheSlot {
    const xmlChar* local = nullptr;
    Ns ns = Ns::None;
    El el = El::Unknown;
  };
  std::array<CacheSlot, 64> cache_{};
};

}  // namespace vigie::ingest::xml
