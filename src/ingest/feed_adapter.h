// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The second stage of feed parsing: wire structs into the normalised core::ParsedFeed, the
// Universal Feed Parser's model. Every format goes through here, so the normalisation rules
// live in one place:
// - relative URLs resolve against the xml:base in effect (nested, per element), then the
//   document URL; entry `link` is the first alternate link of an HTML type (or none);
// - a permalink guid stands in for a missing link (RSS 2.0);
// - titles are plain text: HTML (declared, or guessed in RSS as feedparser does) is reduced
//   to its text, entities decoded, whitespace collapsed;
// - HTML and XHTML summaries and contents are sanitised with html::sanitize against their
//   base; plain text is kept as text (content type "text/plain");
// - an entry without a summary takes itunes:summary / media:description, else its first
//   content;
// - enclosures (RSS enclosure, media:content, Atom rel="enclosure", JSON attachments) appear
//   both in `enclosures` and in `links` with rel "enclosure", once per URL; media:thumbnail
//   becomes a link with rel "thumbnail";
// - author is "Name (email)" when both are known; RSS "email (Name)" and "Name <email>" are
//   read as such;
// - published falls back to the creation date; the feed's updated to its published date.
// Pure, thread-safe.

#include <functional>
#include <string>
#include <string_view>

#include "core/feed.h"
#include "ingest/json_feed_wire.h"
#include "ingest/xml_wire.h"

namespace vigie::ingest {

struct AdaptOptions {
  std::string_view base_url;  // the document URL
  bool keep_images = false;   // html::SanitizeOptions::keep_images
  // ParseOptions::keep_entry; may be null or empty.
  const std::function<bool(const core::FeedEntry&)>* keep_entry = nullptr;
};

// The result has format, feed and entries set; bozo is left to the caller. The wire feed is
// consumed (its strings are moved into the result).
core::ParsedFeed adapt_xml_feed(wire::XmlFeed&& feed, const AdaptOptions& options);
core::ParsedFeed adapt_json_feed(wire::JsonFeed&& feed, const AdaptOptions& options);

// The sanitising step with its plain-text shortcut, against base "http://test.example/".
std::string sanitize_html_for_test(std::string_view value, bool keep_images);

}  // namespace vigie::ingest
