// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The HTML5 named character references (WHATWG, all 2,125 names that end in ";"), used to turn
// the entities real feeds write (&nbsp; &eacute; &rsquo; ...) into numeric references before
// libxml2 sees them, since XML itself only knows five names. Pure, thread-safe.

#include <optional>
#include <string_view>

namespace vigie::ingest {

// One or two code points: a few HTML5 names stand for a pair ("&NotEqualTilde;").
struct NamedEntity {
  char32_t first = 0;
  char32_t second = 0;  // 0 when the name stands for one code point
};

// Looks up `name`, without "&" and ";". Case-sensitive, as in HTML. nullopt when unknown.
std::optional<NamedEntity> find_named_entity(std::string_view name);

}  // namespace vigie::ingest
