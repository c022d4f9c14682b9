// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The XML stage of feed parsing: a libxml2 SAX2 reader that fills the wire structs of
// xml_wire.h in one pass, without building a DOM. Pure, thread-safe (each call has its own
// parser context; libxml2 is initialised once, on first use).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ingest/xml_prepare.h"
#include "ingest/xml_wire.h"

namespace vigie::ingest {

struct XmlReadResult {
  wire::XmlFeed feed;
  // The first well-formedness error libxml2 reported in recover mode, for people
  // ("line 12: Opening and ending tag mismatch: item line 5 and channel"), or nullopt.
  std::optional<std::string> problem;
};

// Reads a document prepared by prepare_xml. `base_url` is the document URL, against which
// xml:base values and relative links resolve (may be empty). Entries past `max_entries` are
// skipped, as are links, categories, authors and contents past 1,000 in one entry and
// xml:base values past 10,000 (each said in `problem`): memory stays within a small multiple
// of the input whatever it holds.
//
// libxml2 runs with XML_PARSE_NONET and recover mode, without entity substitution or DTD
// loading (the DOCTYPE is already gone), and with its default size limits (10 MB text nodes,
// 256 levels of nesting). Whatever a broken document still yields is returned with `problem`
// set.
//
// Errors:
// - "ingest.not_a_feed" (InvalidInput): the root element is not rss, rdf:RDF, feed or
//   channel, or there is no root element (an HTML page, binary data, empty input).
// - "ingest.out_of_memory" (Internal): an allocation failed mid-parse.
core::Result<XmlReadResult> read_xml_feed(const PreparedXml& doc, std::string_view base_url,
                                          std::size_t max_entries);

}  // namespace vigie::ingest
