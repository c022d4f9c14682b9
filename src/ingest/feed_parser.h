// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The entry point of feed parsing: bytes and a base URL in, core::ParsedFeed out (DESIGN.md §6
// "Parsing"). RSS 0.90-0.94, RSS 1.0 (RDF), RSS 2.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1,
// with the extension modules real feeds use (content:encoded, Dublin Core, dcterms, media:,
// iTunes, atom:link in RSS). Pure: no file, network, clock or environment access. Thread-safe.
//
// Two stages (feed_adapter.h): a reader per syntax fills wire structs (xml_reader.h for the
// XML formats, json_feed_reader.h for JSON Feed), one adapter normalises them.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/feed.h"

namespace vigie::ingest {

struct ParseOptions {
  // The URL the document was fetched from: relative links resolve against it (after any
  // xml:base). May be empty: relative links then stay relative, and the HTML sanitiser drops
  // relative links inside content.
  std::string base_url;
  // The HTTP Content-Type header, may be empty. Its charset parameter takes part in encoding
  // detection (encoding.h); the media type itself is not trusted (servers lie), the bytes are
  // sniffed instead.
  std::string content_type;
  // Keep <img> in sanitised HTML (html::SanitizeOptions::keep_images). Default: images become
  // links, to spare bandwidth and readers' privacy.
  bool keep_images = false;
  // Documents larger than this are refused before any parsing. 32 MiB holds the largest
  // podcast feeds with years of history; raise it only for a source known to need it.
  std::size_t max_bytes = std::size_t{32} * 1024 * 1024;
  // Entries past this many are skipped (the feed is then bozo, saying so). Large podcast
  // archives hold a few thousand; the cap bounds memory against "<item/>" repeated millions of
  // times.
  std::size_t max_entries = 20000;
  // Optional. Called once per entry with everything but its summary and content (id, title,
  // links, dates, author, categories, enclosures); entries it refuses are left out of the
  // result before their HTML is sanitised, which is most of the cost of parsing. A refresh
  // that re-reads fifty items it already stored pays for the new ones only. Called on the
  // parsing thread, in document order; must not throw.
  std::function<bool(const core::FeedEntry&)> keep_entry;
};

// Parses one feed document.
//
// Returns the normalised feed (see core/feed.h and feed_adapter.h for the rules). A document
// that is recognised as a feed but broken (malformed XML, undefined entities, bad encoding,
// truncated JSON, ...) still succeeds, with what could be salvaged, bozo = true and a
// bozo_reason a person can read; several problems are joined with "; ".
//
// Errors:
// - "ingest.too_large" (InvalidInput): bytes.size() > options.max_bytes;
// - "ingest.not_a_feed" (InvalidInput): empty input, binary data, an HTML page, JSON that is
//   not a JSON Feed, XML whose root is not a feed element;
// - "ingest.out_of_memory" (Internal): an allocation failed;
// - "ingest.internal" (Internal): a bug (an unexpected exception from the JSON library).
//
// Security: no entity declared by the document is ever expanded, no external entity or DTD is
// read, libxml2 runs without network access and within its nesting limit (256); fields over
// 4 MiB are truncated, and entries, per-entry collections and JSON values are capped, so time
// is linear in the input and peak memory stays within about 13 times it (measured on hostile
// 32 MiB documents). See xml_prepare.h and xml_reader.h. Does not block beyond the CPU time
// parsing takes.
core::Result<core::ParsedFeed> parse_feed(std::string_view bytes, const ParseOptions& options);

}  // namespace vigie::ingest
