// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// OPML subscription lists (OPML 1.0 and 2.0): import and export, so that a watch cell can move
// its sources in from and out to Miniflux, FreshRSS, newsboat, Feedly, Inoreader and the like.
// Bytes in, structs out: no I/O. Pure and thread-safe.
//
// Folders become tags. A feed's tags are the names of the folders it sits in, outermost first
// (a feed in "Agriculture" > "Coton" gets {"Agriculture", "Coton"}), followed by the entries of
// its OPML 2.0 `category` attribute (comma-separated; surrounding slashes trimmed, "/a/b" is the
// one tag "a/b"). Export writes one level of folders, named after each feed's first tag, which
// is what Miniflux, FreshRSS, Feedly and Inoreader read; the other tags go into `category`, so
// that our own exports re-import unchanged. newsboat reads the folders only, and joins nested
// ones into one tag ("Agriculture/Coton"); it ignores `category`.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace vigie::ingest {

struct OpmlFeed {
  std::string title;    // title or text attribute; the feed URL when both are missing
  std::string xml_url;  // always an absolute http(s) URL
  std::optional<std::string> html_url;  // the site, when given as an absolute http(s) URL
  std::vector<std::string> tags;        // folder path, then categories; no empty or repeated tag
  std::optional<std::string> language;
  std::optional<std::string> description;

  bool operator==(const OpmlFeed&) const = default;
};

struct OpmlDocument {
  std::string title;  // <head><title>, whitespace collapsed; may be empty
  std::vector<OpmlFeed> feeds;

  bool operator==(const OpmlDocument&) const = default;
};

// Reads an OPML document. Lenient as feed readers are: libxml2 in recover mode, attribute names
// matched without regard to case (xmlUrl, xmlurl, XMLURL), HTML named entities and stray "&"
// accepted, encoding from the BOM or the XML declaration (UTF-8 when neither; windows-1252 when
// that is not valid UTF-8). Safe on hostile input: no network, no DTD, the DOCTYPE is removed
// before parsing so that no declared entity is ever expanded.
//
// Titles, tags and the document title have their whitespace collapsed. Outlines whose feed URL
// is not an absolute http(s) URL after repair ("feed://", "feed:https://", a bare
// "www.example.org/rss" gets "http://") are skipped. A feed listed more than once (Feedly puts a
// feed in each of its categories) is kept once, at its first place, with the tags of every
// listing.
//
// Errors: InvalidInput "opml.invalid" when the bytes are not XML with an <opml> root element.
core::Result<OpmlDocument> parse_opml(std::string_view bytes);

// Writes an OPML 2.0 document (UTF-8). Pure: the caller passes the creation date, already in
// RFC 822 form ("Thu, 01 Jan 2026 00:00:00 GMT"); an empty date leaves <dateCreated> out.
// Feeds are written in their order: feeds without tags at the top level, runs of consecutive
// feeds with the same first tag in one folder of that name (so a caller that wants a single
// folder per tag sorts by first tag first; readers merge same-named folders anyway).
// Characters XML cannot carry (most C0 controls, invalid UTF-8) are dropped or replaced by
// U+FFFD.
//
// parse_opml(write_opml(d, date)) == d for every d that parse_opml returned, except when a tag
// other than a feed's first contains "," or starts or ends with "/": it travels in `category`,
// where "," separates entries and surrounding slashes are trimmed.
std::string write_opml(const OpmlDocument& document, std::string_view date_created_rfc822);

}  // namespace vigie::ingest
