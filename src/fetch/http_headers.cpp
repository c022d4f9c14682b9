// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/http_headers.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>

namespace vigie::fetch {
namespace {

// RFC 9111 §1.2.2: a cache receiving a delta-seconds larger than it can represent uses
// 2147483648 (2^31).
constexpr std::int64_t kMaxDeltaSeconds = 2147483648LL;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// A small cursor over the date text; each take_* consumes on success only.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}

  bool done() const { return s_.empty(); }

  bool take(char c) {
    if (s_.empty() || s_.front() != c) {
      return false;
    }
    s_.remove_prefix(1);
    return true;
  }

  bool take_spaces() {
    if (s_.empty() || s_.front() != ' ') {
      return false;
    }
    while (!s_.empty() && s_.front() == ' ') {
      s_.remove_prefix(1);
    }
    return true;
  }

  // Exactly `min`..`max` digits.
  std::optional<int> take_number(std::size_t min, std::size_t max) {
    std::size_t n = 0;
    while (n < s_.size() && n < max && is_digit(s_[n])) {
      ++n;
    }
    if (n < min) {
      return std::nullopt;
    }
    int value = 0;
    std::from_chars(s_.data(), s_.data() + n, value);
    s_.remove_prefix(n);
    return value;
  }

  std::string_view take_word() {
    std::size_t n = 0;
    while (n < s_.size() && ((s_[n] >= 'a' && s_[n] <= 'z') || (s_[n] >= 'A' && s_[n] <= 'Z'))) {
      ++n;
    }
    const std::string_view word = s_.substr(0, n);
    s_.remove_prefix(n);
    return word;
  }

 private:
  std::string_view s_;
};

std::optional<unsigned> month_number(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (iequals(name, kMonths[i])) {
      return static_cast<unsigned>(i + 1);
    }
  }
  return std::nullopt;
}

bool take_time(Cursor& c, int& h, int& m, int& s) {
  const auto hh = c.take_number(2, 2);
  if (!hh || !c.take(':')) {
    return false;
  }
  const auto mm = c.take_number(2, 2);
  if (!mm || !c.take(':')) {
    return false;
  }
  const auto ss = c.take_number(2, 2);
  if (!ss) {
    return false;
  }
  h = *hh;
  m = *mm;
  s = *ss;
  return true;
}

std::optional<core::Timestamp> make_timestamp(int year, unsigned month, int day, int h, int m,
                                              int s) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  // Leap second 60 is allowed by the grammar; fold it onto :59.
  if (!ymd.ok() || h > 23 || m > 59 || s > 60) {
    return std::nullopt;
  }
  return core::Timestamp{std::chrono::sys_days{ymd}.time_since_epoch() + std::chrono::hours{h}
                         + std::chrono::minutes{m} + std::chrono::seconds{s == 60 ? 59 : s}};
}

// "06 Nov 1994 08:49:37 GMT" after "Sun, ".
std::optional<core::Timestamp> parse_imf_rest(Cursor& c) {
  const auto day = c.take_number(1, 2);
  if (!day || !c.take_spaces()) {
    return std::nullopt;
  }
  const auto month = month_number(c.take_word());
  if (!month || !c.take_spaces()) {
    return std::nullopt;
  }
  const auto year = c.take_number(4, 4);
  int h = 0;
  int m = 0;
  int s = 0;
  if (!year || !c.take_spaces() || !take_time(c, h, m, s) || !c.take_spaces()
      || !iequals(c.take_word(), "GMT") || !c.done()) {
    return std::nullopt;
  }
  return make_timestamp(*year, *month, *day, h, m, s);
}

// "06-Nov-94 08:49:37 GMT" after "Sunday, ".
std::optional<core::Timestamp> parse_rfc850_rest(Cursor& c) {
  const auto day = c.take_number(2, 2);
  if (!day || !c.take('-')) {
    return std::nullopt;
  }
  const auto month = month_number(c.take_word());
  if (!month || !c.take('-')) {
    return std::nullopt;
  }
  const auto yy = c.take_number(2, 2);
  int h = 0;
  int m = 0;
  int s = 0;
  if (!yy || !c.take_spaces() || !take_time(c, h, m, s) || !c.take_spaces()
      || !iequals(c.take_word(), "GMT") || !c.done()) {
    return std::nullopt;
  }
  // RFC 9110 §5.6.7 says to read a year more than 50 years ahead as the past; without a clock
  // here we pivot at 1970, which is the same for every date a server can sensibly send.
  const int year = *yy >= 70 ? 1900 + *yy : 2000 + *yy;
  return make_timestamp(year, *month, *day, h, m, s);
}

// "Nov  6 08:49:37 1994" after "Sun ".
std::optional<core::Timestamp> parse_asctime_rest(Cursor& c) {
  const auto month = month_number(c.take_word());
  if (!month || !c.take_spaces()) {
    return std::nullopt;
  }
  const auto day = c.take_number(1, 2);
  int h = 0;
  int m = 0;
  int s = 0;
  if (!day || !c.take_spaces() || !take_time(c, h, m, s) || !c.take_spaces()) {
    return std::nullopt;
  }
  const auto year = c.take_number(4, 4);
  if (!year || !c.done()) {
    return std::nullopt;
  }
  return make_timestamp(*year, *month, *day, h, m, s);
}

std::optional<std::int64_t> parse_delta_seconds(std::string_view s) {
  if (s.empty()) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (const char c : s) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
    value = std::min(value * 10 + (c - '0'), kMaxDeltaSeconds);
  }
  return value;
}

}  // namespace

std::optional<core::Timestamp> parse_http_date(std::string_view value) {
  Cursor c(trim(value));
  const std::string_view day_name = c.take_word();
  if (day_name.size() < 3) {
    return std::nullopt;
  }
  if (c.take(',')) {
    if (!c.take_spaces()) {
      return std::nullopt;
    }
    // IMF-fixdate uses the three-letter day name, RFC 850 the full one.
    return day_name.size() == 3 ? parse_imf_rest(c) : parse_rfc850_rest(c);
  }
  if (day_name.size() == 3 && c.take_spaces()) {
    return parse_asctime_rest(c);
  }
  return std::nullopt;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, core::Timestamp now) {
  value = trim(value);
  if (const auto delta = parse_delta_seconds(value)) {
    return std::chrono::seconds{*delta};
  }
  const auto when = parse_http_date(value);
  if (!when) {
    return std::nullopt;
  }
  const std::int64_t delta = (*when - now).count();
  return std::chrono::seconds{std::clamp<std::int64_t>(delta, 0, kMaxDeltaSeconds)};
}

std::optional<std::chrono::seconds> parse_cache_control_max_age(std::string_view value) {
  while (!value.empty()) {
    const std::size_t comma = value.find(',');
    std::string_view directive = trim(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view{} : value.substr(comma + 1);
    const std::size_t eq = directive.find('=');
    if (!iequals(trim(directive.substr(0, eq)), "max-age")) {
      continue;
    }
    if (eq == std::string_view::npos) {
      return std::nullopt;
    }
    std::string_view arg = trim(directive.substr(eq + 1));
    if (arg.size() >= 2 && arg.front() == '"' && arg.back() == '"') {
      arg = arg.substr(1, arg.size() - 2);
    }
    const auto delta = parse_delta_seconds(arg);
    if (!delta) {
      return std::nullopt;
    }
    return std::chrono::seconds{*delta};
  }
  return std::nullopt;
}

}  // namespace vigie::fetch
