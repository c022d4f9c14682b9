// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/time.h"

#include <cstdio>

namespace vigie::core {

std::string format_rfc5322(Timestamp t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  const std::chrono::weekday wd{day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %u %s %d %02ld:%02ld:%02ld +0000", kDays[wd.c_encoding()],
                static_cast<unsigned>(ymd.day()), kMonths[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<int>(ymd.year()), static_cast<long>(hms.hours().count()),
                static_cast<long>(hms.minutes().count()), static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string format_iso8601(Timestamp t) {
  const auto day = std::chrono::floor<std::chrono::days>(t);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{t - day};
  char buf[64];  // generous: -Wformat-truncation cannot bound the year
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

std::optional<Timestamp> parse_iso8601_strict(std::string_view s) {
  int y = 0;
  unsigned mo = 0;
  unsigned d = 0;
  int h = 0;
  int mi = 0;
  int se = 0;
  const std::string str(s);
  char tail = 0;
  if (s.size() == 10) {
    if (std::sscanf(str.c_str(), "%4d-%2u-%2u%c", &y, &mo, &d, &tail) != 3) {
      return std::nullopt;
    }
  } else if (std::sscanf(str.c_str(), "%4d-%2u-%2uT%2d:%2d:%2dZ%c", &y, &mo, &d, &h, &mi, &se,
                         &tail)
             != 6) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{mo},
                                        std::chrono::day{d}};
  if (!ymd.ok() || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) {
    return std::nullopt;
  }
  return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi}
         + std::chrono::seconds{se};
}

}  // namespace vigie::core
