// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Pure parsers for the response header fields that drive polling: HTTP-date (RFC 9110 §5.6.7),
// Retry-After (RFC 9110 §10.2.3) and Cache-Control max-age (RFC 9111 §5.2). No clock reads: the
// reference instant is an argument.

#include <chrono>
#include <optional>
#include <string_view>

#include "core/time.h"

namespace vigie::fetch {

// Parses the three HTTP-date forms: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), obsolete
// RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT"; two-digit years 70-99 are 19xx, 00-69 are 20xx)
// and asctime ("Sun Nov  6 08:49:37 1994"). The day name is not checked against the date
// (servers get it wrong; the date is what counts). nullopt for anything else.
std::optional<core::Timestamp> parse_http_date(std::string_view value);

// Retry-After: delay-seconds ("120") or an HTTP-date, turned into a delay from `now` (use the
// response's Date when present, so a skewed local clock does not matter). A date in the past
// gives 0 s. Delays are clamped to 2^31 s. nullopt when the value is neither form.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, core::Timestamp now);

// The max-age directive of a Cache-Control field value (several field lines joined by ", "),
// plain or quoted ("max-age=\"60\""). The first occurrence wins (RFC 9111 §4.2.1); values over
// 2^31 are clamped to it (§1.2.2). nullopt when absent or malformed. s-maxage is for shared
// caches and ignored.
std::optional<std::chrono::seconds> parse_cache_control_max_age(std::string_view value);

}  // namespace vigie::fetch
