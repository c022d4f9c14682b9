// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Wire structs of the XML feed formats: what RSS 0.90-0.94, RSS 1.0 (RDF), RSS 2.0 and
// Atom 0.3/1.0 documents say, as they say it (raw text, unparsed dates, URLs not yet resolved,
// HTML not yet sanitised). The formats share one shape because they differ in element names
// rather than in what they carry, and because extension modules (Dublin Core, content:,
// media:, iTunes, atom:link) cross them freely. xml_reader.h fills these; feed_adapter.h turns
// them into core::ParsedFeed. Plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/feed.h"

namespace vigie::ingest::wire {

// Index into XmlFeed::bases: the xml:base in effect where a value was found.
using BaseIndex = std::uint32_t;

// How a text construct's value is to be read.
enum class TextType {
  Text,   // plain text
  Html,   // escaped HTML (RSS description, Atom type="html", CDATA)
  Xhtml,  // markup that was inline in the document (Atom type="xhtml", or elements found where
          // text was expected), re-serialised
};

struct Text {
  std::string value;
  TextType type = TextType::Text;
  BaseIndex base = 0;
};

struct Link {
  std::string rel;  // empty: alternate
  std::string type;
  std::string href;  // as written
  std::string title;
  std::string length;
  std::string hreflang;
  BaseIndex base = 0;
};

// An Atom person, or the text of an RSS author / Dublin Core creator in `text`.
struct Person {
  std::string name;
  std::string email;
  std::string uri;
  std::string text;
};

struct Category {
  std::string term;
  std::string scheme;
  std::string label;
};

struct Dates {
  std::string published;  // pubDate, published, issued, dcterms:issued
  std::string updated;    // updated, modified, lastBuildDate, dc:date, dcterms:modified
  std::string created;    // created, dcterms:created
};

struct Entry {
  std::optional<std::string> id;  // guid, atom:id, rdf:about
  bool id_is_permalink = false;   // RSS guid without isPermaLink="false"
  BaseIndex id_base = 0;
  std::optional<Text> title;
  std::optional<Text> alt_title;    // dc:title, media:title (when no title)
  std::optional<Text> summary;      // description, atom:summary, dc:description
  std::optional<Text> alt_summary;  // itunes:summary, media:description (when no summary)
  std::vector<Text> contents;       // content:encoded, atom:content, xhtml:body
  std::vector<Link> links;          // atom:link, RSS link text, enclosures, media:content
  Dates dates;
  std::vector<Person> authors;       // author, dc:creator, itunes:author
  std::vector<Category> categories;  // category, dc:subject, media:category, itunes:keywords
};

struct Feed {
  std::optional<Text> title;
  std::optional<Text> alt_title;     // dc:title (when no title)
  std::optional<Text> subtitle;      // description, subtitle, tagline, dc:description
  std::optional<Text> alt_subtitle;  // itunes:subtitle, itunes:summary
  std::vector<Link> links;
  Dates dates;
  std::string language;         // language, dc:language, else xml:lang of the root or feed element
  std::vector<Person> authors;  // author, managingEditor, dc:creator, itunes:author
  std::string ttl;
};

struct XmlFeed {
  core::FeedFormat format = core::FeedFormat::Unknown;
  // bases[0] is the document URL; every xml:base adds one entry, resolved against its parent.
  std::vector<std::string> bases;
  Feed feed;
  std::vector<Entry> entries;
};

}  // namespace vigie::ingest::wire
