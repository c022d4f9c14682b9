// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Feeds out (issue "Distribute", item 5): Atom 1.0, RSS 2.0 and JSON Feed 1.1 documents for a
// topic's kept stories (and later each bulletin), for people who read in a feed reader. Pure:
// values in, bytes out. The same document is served by `vigie serve` and printed by
// `vigie feed`, so both are byte-identical for the same input.
//
// Output rules: UTF-8; XML escaped (& < > " ') with characters XML 1.0 forbids removed; HTML
// bodies carried escaped (Atom type="html", RSS description, JSON content_html) and expected
// already sanitised by the caller (they come from the store, sanitised at ingestion); dates in
// UTC (RFC 3339 for Atom and JSON Feed, RFC 822 for RSS). Entries are written in the order
// given (newest first is the caller's choice).

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace vigie::publish {

struct FeedEntry {
  std::string id;            // stable and unique within the feed (e.g. a tag: URI)
  std::string title;         // plain text
  std::string link;          // absolute URL of the story (portal) or the original article
  std::string summary_html;  // sanitised HTML; may be empty
  std::string author;        // may be empty
  std::vector<std::string> categories;
  core::Timestamp published{};
  core::Timestamp updated{};
};

struct FeedDocument {
  std::string id;             // stable feed id (tag: URI or the feed's URL)
  std::string title;          // plain text
  std::string subtitle;       // plain text; may be empty
  std::string home_url;       // the HTML page the feed is about (portal topic page)
  std::string self_url;       // where this document is served (with its secret when private)
  std::string language;       // "fr", "en"
  std::string author;         // the operator's name
  core::Timestamp updated{};  // newest entry's update, or a fixed time when empty
  std::vector<FeedEntry> entries;
};

enum class FeedFormat { Atom, Rss, Json };

// "atom", "rss", "json" -> format; nullopt otherwise.
std::optional<FeedFormat> parse_feed_format(std::string_view name);
// The media type to serve the format with.
const char* content_type(FeedFormat format);

std::string write_atom(const FeedDocument& feed);
std::string write_rss(const FeedDocument& feed);
std::string write_json_feed(const FeedDocument& feed);
std::string write_feed(const FeedDocument& feed, FeedFormat format);

// A strong ETag for a document: a quoted hex digest of its bytes.
std::string etag_of(std::string_view document);

}  // namespace vigie::publish
