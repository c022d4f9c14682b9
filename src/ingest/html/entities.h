// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Character references (HTML named entities and numeric references) and UTF-8 helpers.
// Internal to ingest/; the
// OPML reader uses it too, to turn the HTML entities that sloppy exporters write into numeric
// references libxml2 understands. Pure, thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace vigie::ingest::html {

// Code point of a named entity of the XHTML 1.0 set (HTML 4.01's 252 names plus "apos"), which
// is what real feeds and pages use. `name` has no "&" or ";". Case-sensitive, as in HTML.
std::optional<char32_t> named_entity(std::string_view name);

// Every name named_entity() knows, in byte order (for tests).
std::vector<std::string_view> named_entity_names();

struct CharRef {
  char32_t code_point = 0;
  std::size_t length = 0;  // bytes consumed from the "&"
};

// Decodes the reference starting at s[0] == '&': "&name;", "&#123;", "&#x7B;". The ";" may be
// missing after a numeric reference and after the common legacy names (amp, lt, gt, quot, nbsp,
// copy, reg), as browsers accept. Numeric references follow HTML5: 0, surrogates and values
// past U+10FFFF give U+FFFD; 0x80-0x9F are read as windows-1252. nullopt when s does not start
// with a reference we know (the "&" is then literal text).
std::optional<CharRef> decode_char_ref(std::string_view s);

// UTF-8 decoding and encoding and windows-1252 are text/utf8.h's.
using text::append_utf8;
using text::decode_utf8;
using text::windows1252_to_unicode;

}  // namespace vigie::ingest::html
