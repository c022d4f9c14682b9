// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The JSON form of a parsed feed, as `vigie parse FILE` prints it. Pure, thread-safe.

#include <string>

#include "core/feed.h"

namespace vigie::ingest {

// One JSON object, keys in this order, no whitespace, no trailing newline:
//   {"bozo": bool, "bozo_reason": str|null,
//    "feed": {"title", "link", "subtitle", "updated", "language", "author"},
//    "entries": [{"id", "title", "link",
//                 "links": [{"rel", "type", "href", "title"?, "length"?, "hreflang"?}],
//                 "summary",
//                 "content": [{"type": "text/plain|text/html|application/xhtml+xml",
//                              "value"}],
//                 "published", "updated", "author",
//                 "categories": [{"term", "scheme", "label"}],
//                 "enclosures": [{"href", "type"?, "length"?}]}]}
// Values are strings or null; dates are "YYYY-MM-DDTHH:MM:SSZ"; lengths are numbers; keys
// marked "?" are omitted when absent. Strings are UTF-8, not \u-escaped beyond what JSON
// requires.
std::string to_json(const core::ParsedFeed& feed);

}  // namespace vigie::ingest
