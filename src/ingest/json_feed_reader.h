// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The JSON stage of feed parsing: JSON Feed 1.0/1.1 into wire::JsonFeed. Pure, thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "ingest/json_feed_wire.h"

namespace vigie::ingest {

struct JsonReadResult {
  wire::JsonFeed feed;
  // What was wrong with a recognised but broken document, for people ("JSON syntax error at
  // byte 812: the items before it were kept"), or nullopt.
  std::optional<std::string> problem;
};

// Reads UTF-8 JSON text. Parsing is exception-free and iterative; nesting deeper than 64
// levels, more than a million values, items past `max_entries` and tags, attachments or
// authors past 1,000 in one item are ignored, and said in `problem` (memory stays within a
// small multiple of the input). A document cut short keeps what was complete.
//
// Errors:
// - "ingest.not_a_feed" (InvalidInput): not a JSON object, or an object that is not a JSON
//   Feed (no "version" naming jsonfeed.org and no "items" array).
// - "ingest.out_of_memory" (Internal): an allocation failed.
core::Result<JsonReadResult> read_json_feed(std::string_view utf8, std::size_t max_entries);

}  // namespace vigie::ingest
