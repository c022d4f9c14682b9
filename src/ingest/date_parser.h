// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Reads the dates feeds actually carry, to UTC. Pure and thread-safe.

#include <optional>
#include <string_view>

#include "core/time.h"

namespace vigie::ingest {

// Parses one date as found in a feed element and returns the UTC instant, or nullopt when the
// text is not a date this function can read, or names an impossible one (31 February, 25:00).
//
// Understood:
// - RFC 822 / RFC 1123 / RFC 2822 ("Tue, 10 Jun 2003 04:00:00 GMT") and the ways feeds break
//   it: no day name or a wrong one (ignored), two-digit years (RFC 2822 §4.3: 00-49 is 20xx,
//   50-99 is 19xx), missing seconds or time (00:00:00), upper or lower case, day and month
//   swapped ("Jun 10, 2003"), "3:04 pm", dashes (RFC 850 "Tuesday, 10-Jun-03 04:00:00 GMT"),
//   "14h30", a comment after the zone ("+0200 (CEST)");
// - zones: +hhmm, +hh:mm, +hh, GMT+2, UT, UTC, GMT, Z, the North American names (EST, PDT,
//   ...), common European, African and Asian abbreviations (CET, CEST, WAT, EAT, JST, ...);
//   military letters other than Z count as UTC as RFC 2822 §4.3 advises (RFC 822 got their
//   signs wrong); an unknown name or a missing zone means UTC;
// - month names in English, French, Spanish, Portuguese, Italian, German and Dutch, full or
//   abbreviated, with or without accents and a trailing dot ("févr.", "août", "dic");
// - asctime and Unix date ("Sun Nov  6 08:49:37 1994", "Mon Jan 2 15:04:05 MST 2006");
// - ISO 8601 / RFC 3339 / W3CDTF: with or without zone, with fractional seconds (dropped),
//   with a space instead of "T", date only ("2003-06-10"), year-month ("2003-06"), year alone,
//   ordinal dates ("2003-161"), basic format ("20030610T040000Z"), and "2003/06/10".
std::optional<core::Timestamp> parse_date(std::string_view text);

}  // namespace vigie::ingest
