// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The normalised result of parsing one feed document, whatever its format. It follows the model
// people know from the Universal Feed Parser, and is exactly what `vigie parse` prints as JSON.
// Absent values are std::nullopt (printed as null), never empty strings.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace vigie::core {

using OptString = std::optional<std::string>;

enum class FeedFormat {
  Unknown,
  Rss090,
  Rss091,
  Rss092,
  Rss093,
  Rss094,
  Rss20,
  Rss10,
  Atom03,
  Atom10,
  JsonFeed10,
  JsonFeed11
};

struct FeedLink {
  std::string rel = "alternate";  // default when the document gives none
  OptString type;
  std::string href;
  OptString title;
  std::optional<std::int64_t> length;
  OptString hreflang;
};

struct FeedCategory {
  OptString term;
  OptString scheme;
  OptString label;
};

struct FeedEnclosure {
  std::string href;
  OptString type;
  std::optional<std::int64_t> length;
};

// type is "text/plain", "text/html" or "application/xhtml+xml". HTML values are sanitised.
struct FeedContent {
  std::string type;
  std::string value;
};

struct FeedEntry {
  OptString id;
  OptString title;              // plain text, entities decoded
  OptString link;               // the first alternate link, absolute
  std::vector<FeedLink> links;  // enclosures appear here too (rel "enclosure")
  OptString summary;            // falls back to the first content when the entry has no summary
  std::vector<FeedContent> content;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  OptString author;  // "Name (email)" when both are given
  std::vector<FeedCategory> categories;
  std::vector<FeedEnclosure> enclosures;
};

struct FeedMeta {
  OptString title;
  OptString link;
  OptString subtitle;
  std::optional<Timestamp> updated;
  OptString language;
  OptString author;
  OptString hub;                   // WebSub hub advertised by the feed, if any
  std::optional<int> ttl_minutes;  // RSS <ttl>
};

struct ParsedFeed {
  FeedFormat format = FeedFormat::Unknown;
  bool bozo = false;      // the document was broken and salvaged (or partly so)
  OptString bozo_reason;  // why, for people: "unclosed tag at line 12", ...
  FeedMeta feed;
  std::vector<FeedEntry> entries;
};

const char* to_string(FeedFormat f);

}  // namespace vigie::core
