// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Instants are UTC seconds since the epoch. Pure helpers, no clock reads here (see clock.h).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::core {

using Timestamp = std::chrono::sys_seconds;

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso8601(Timestamp t);

// RFC 5322 / RFC 822 date in UTC, as mail headers and RSS want it:
// "Fri, 27 Nov 2026 09:14:37 +0000".
std::string format_rfc5322(Timestamp t);

// Parses exactly the format produced by format_iso8601 (and a date alone, "YYYY-MM-DD").
std::optional<Timestamp> parse_iso8601_strict(std::string_view s);

inline std::int64_t to_unix(Timestamp t) {
  return t.time_since_epoch().count();
}
inline Timestamp from_unix(std::int64_t s) {
  return Timestamp{std::chrono::seconds{s}};
}

}  // namespace vigie::core
