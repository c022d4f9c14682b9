// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/date_parser.h"

#include <array>
#include <chrono>
#include <cstdint>

namespace vigie::ingest {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_space(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

// Reads exactly n digits at s[pos], advancing pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t n) {
  if (pos + n > s.size()) {
    return std::nullopt;
  }
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (!is_digit(c)) {
      return std::nullopt;
    }
    v = v * 10 + (c - '0');
  }
  pos += n;
  return v;
}

std::size_t count_digits(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) {
    ++n;
  }
  return n;
}

struct Fields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_minutes = 0;  // east of UTC
  int ordinal = 0;         // day of year when the date is ordinal (2003-161)
};

std::optional<core::Timestamp> assemble(const Fields& f) {
  if (f.year < 1 || f.year > 9999 || f.hour < 0 || f.hour > 24 || f.minute < 0 || f.minute > 59
      || f.second < 0 || f.second > 60 || (f.hour == 24 && (f.minute != 0 || f.second != 0))
      || f.offset_minutes < -18 * 60 || f.offset_minutes > 18 * 60) {
    return std::nullopt;
  }
  std::chrono::sys_days day{};
  if (f.ordinal > 0) {
    const std::chrono::year y{f.year};
    if (f.ordinal > (y.is_leap() ? 366 : 365)) {
      return std::nullopt;
    }
    day = std::chrono::sys_days{y / std::chrono::January / 1} + days{f.ordinal - 1};
  } else {
    const std::chrono::year_month_day ymd{std::chrono::year{f.year},
                                          std::chrono::month{static_cast<unsigned>(f.month)},
                                          std::chrono::day{static_cast<unsigned>(f.day)}};
    if (!ymd.ok()) {
      return std::nullopt;
    }
    day = std::chrono::sys_days{ymd};
  }
  // A leap second (:60) folds into the next minute; 24:00 is the end of the day.
  return core::Timestamp{day} + hours{f.hour} + minutes{f.minute} + seconds{f.second}
         - minutes{f.offset_minutes};
}

// "Z", "+hh:mm", "+hhmm", "+hh" at s[pos]; the rest of the string must be empty afterwards
// (whitespace aside). Absent zone: UTC.
bool iso_zone(std::string_view s, std::size_t pos, int& offset) {
  while (pos < s.size() && is_space(s[pos])) {
    ++pos;
  }
  if (pos == s.size()) {
    return true;
  }
  const std::string_view rest = trim(s.substr(pos));
  if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" || rest == "UT") {
    return true;
  }
  if (rest[0] != '+' && rest[0] != '-') {
    return false;
  }
  std::size_t p = 1;
  const auto hh = digits(rest, p, 2);
  if (!hh) {
    return false;
  }
  int mm = 0;
  if (p < rest.size()) {
    if (rest[p] == ':') {
      ++p;
    }
    const auto m = digits(rest, p, 2);
    if (!m || p != rest.size()) {
      return false;
    }
    mm = *m;
  }
  if (*hh > 23 || mm > 59) {
    return false;
  }
  offset = (rest[0] == '-' ? -1 : 1) * (*hh * 60 + mm);
  return true;
}

// The date part after the year: "-MM[-DD]", "/MM[/DD]", "-DDD" (ordinal) or "MMDD" (basic).
// Sets `basic` for the basic format. False when malformed.
bool iso_date_rest(std::string_view s, std::size_t& p, Fields& f, bool& basic) {
  if (p == s.size()) {
    return true;
  }
  if (s[p] != '-' && s[p] != '/') {
    if (count_digits(s, p) != 4) {
      return false;
    }
    basic = true;
    f.month = *digits(s, p, 2);
    f.day = *digits(s, p, 2);
    return true;
  }
  const char sep = s[p++];
  const std::size_t n = count_digits(s, p);
  if (n == 3 && sep == '-') {
    f.ordinal = *digits(s, p, 3);
    return true;
  }
  if (n != 1 && n != 2) {
    return false;
  }
  f.month = *digits(s, p, n);
  if (p < s.size() && s[p] == sep) {
    ++p;
    const std::size_t dn = count_digits(s, p);
    if (dn != 1 && dn != 2) {
      return false;
    }
    f.day = *digits(s, p, dn);
  }
  return true;
}

// ":MM" or (basic format) "MM" at s[p], when present. False when malformed.
bool iso_time_field(std::string_view s, std::size_t& p, bool basic, bool& present, int& value) {
  const bool colon = p < s.size() && s[p] == ':';
  present = colon || (basic && count_digits(s, p) >= 2);
  if (!present) {
    return true;
  }
  p += colon ? 1 : 0;
  const auto v = digits(s, p, 2);
  if (!v) {
    return false;
  }
  value = *v;
  return true;
}

// The time part: "Thh[:mm[:ss[.fff]]]" (or with a space instead of "T"), when present.
bool iso_time(std::string_view s, std::size_t& p, Fields& f, bool basic) {
  if (p + 1 >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ') || !is_digit(s[p + 1])) {
    return true;
  }
  ++p;
  const auto hh = digits(s, p, 2);
  if (!hh) {
    return false;
  }
  f.hour = *hh;
  bool has_minutes = false;
  if (!iso_time_field(s, p, basic, has_minutes, f.minute)) {
    return false;
  }
  bool has_seconds = false;
  if (!has_minutes || !iso_time_field(s, p, basic, has_seconds, f.second)) {
    return !has_minutes;
  }
  if (!has_seconds) {
    return true;
  }
  if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
    ++p;
    const std::size_t frac = count_digits(s, p);
    if (frac == 0) {
      return false;
    }
    p += frac;  // fractions of a second are dropped
  }
  return true;
}

// ISO 8601 profiles used by feeds (RFC 3339, W3CDTF, Atom), plus "YYYY/MM/DD".
std::optional<core::Timestamp> parse_iso(std::string_view s) {
  Fields f;
  std::size_t p = 0;
  const auto year = digits(s, p, 4);
  if (!year) {
    return std::nullopt;
  }
  f.year = *year;
  f.month = 1;
  f.day = 1;
  bool basic = false;
  if (!iso_date_rest(s, p, f, basic) || !iso_time(s, p, f, basic)
      || !iso_zone(s, p, f.offset_minutes)) {
    return std::nullopt;
  }
  return assemble(f);
}

// --- RFC 822 and its relatives, read as a bag of tokens -------------------------------------

struct MonthName {
  std::string_view name;   // lower case, UTF-8
  std::size_t min_prefix;  // shortest accepted abbreviation
  int month;
};

// Several languages share spellings; all agree on the month where they collide.
constexpr std::array<MonthName, 75> kMonths = {{
    // English
    {"january", 3, 1},
    {"february", 3, 2},
    {"march", 3, 3},
    {"april", 3, 4},
    {"may", 3, 5},
    {"june", 3, 6},
    {"july", 3, 7},
    {"august", 3, 8},
    {"september", 3, 9},
    {"october", 3, 10},
    {"november", 3, 11},
    {"december", 3, 12},
    // French
    {"janvier", 4, 1},
    {"février", 4, 2},
    {"fevrier", 3, 2},
    {"mars", 3, 3},
    {"avril", 3, 4},
    {"mai", 3, 5},
    {"juin", 4, 6},
    {"juillet", 4, 7},
    {"août", 4, 8},
    {"aout", 3, 8},
    {"septembre", 4, 9},
    {"octobre", 3, 10},
    {"novembre", 3, 11},
    {"décembre", 4, 12},
    // Spanish
    {"enero", 3, 1},
    {"febrero", 3, 2},
    {"marzo", 3, 3},
    {"abril", 3, 4},
    {"mayo", 3, 5},
    {"junio", 3, 6},
    {"julio", 3, 7},
    {"agosto", 3, 8},
    {"septiembre", 3, 9},
    {"setiembre", 3, 9},
    {"octubre", 3, 10},
    {"noviembre", 3, 11},
    {"diciembre", 3, 12},
    // Portuguese
    {"janeiro", 3, 1},
    {"fevereiro", 3, 2},
    {"março", 3, 3},
    {"maio", 3, 5},
    {"junho", 3, 6},
    {"julho", 3, 7},
    {"setembro", 3, 9},
    {"outubro", 3, 10},
    {"novembro", 3, 11},
    {"dezembro", 3, 12},
    // Italian
    {"gennaio", 3, 1},
    {"febbraio", 3, 2},
    {"aprile", 3, 4},
    {"maggio", 3, 5},
    {"giugno", 3, 6},
    {"luglio", 3, 7},
    {"settembre", 3, 9},
    {"ottobre", 3, 10},
    {"dicembre", 3, 12},
    // German
    {"januar", 3, 1},
    {"jänner", 3, 1},
    {"februar", 3, 2},
    {"märz", 3, 3},
    {"maerz", 3, 3},
    {"juni", 3, 6},
    {"juli", 3, 7},
    {"oktober", 3, 10},
    {"dezember", 3, 12},
    // Dutch
    {"januari", 3, 1},
    {"februari", 3, 2},
    {"maart", 3, 3},
    {"mrt", 3, 3},
    {"mei", 3, 5},
    {"augustus", 3, 8},
    {"okt", 3, 10},
}};

std::optional<int> month_of(std::string_view word) {
  for (const MonthName& m : kMonths) {
    if (word.size() >= m.min_prefix && word.size() <= m.name.size()
        && m.name.substr(0, word.size()) == word) {
      return m.month;
    }
  }
  return std::nullopt;
}

struct ZoneName {
  std::string_view name;
  int offset_minutes;
};

constexpr std::array<ZoneName, 47> kZones = {{
    {"ut", 0},     {"utc", 0},    {"gmt", 0},     {"z", 0},       {"wet", 0},    {"west", 60},
    {"bst", 60},   {"cet", 60},   {"cest", 120},  {"met", 60},    {"mest", 120}, {"eet", 120},
    {"eest", 180}, {"msk", 180},  {"wat", 60},    {"cat", 120},   {"eat", 180},  {"sast", 120},
    {"est", -300}, {"edt", -240}, {"cst", -360},  {"cdt", -300},  {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240},
    {"adt", -180}, {"nst", -210}, {"ndt", -150},  {"et", -300},   {"ct", -360},  {"mt", -420},
    {"pt", -480},  {"nzdt", 780}, {"jst", 540},   {"kst", 540},   {"hkt", 480},  {"sgt", 480},
    {"awst", 480}, {"acst", 570}, {"aest", 600},  {"aedt", 660},  {"nzst", 720},
}};

std::optional<int> zone_of(std::string_view word) {
  for (const ZoneName& z : kZones) {
    if (z.name == word) {
      return z.offset_minutes;
    }
  }
  // RFC 2822 §4.3: RFC 822 defined the military zones with the wrong sign, so they carry no
  // reliable information and count as UTC.
  if (word.size() == 1 && word[0] >= 'a' && word[0] <= 'z' && word[0] != 'j') {
    return 0;
  }
  return std::nullopt;
}

enum class TokKind { Number, Word, Time, Offset };

struct Token {
  TokKind kind = TokKind::Number;
  int value = 0;                // Number: value; Offset: minutes east of UTC
  std::size_t length = 0;       // Number: digit count
  int h = 0, m = 0, s = 0;      // Time
  std::array<char, 16> word{};  // Word: lower case, truncated words are never months
  std::size_t word_len = 0;
  bool comma_after = false;
  std::string_view view() const { return {word.data(), word_len}; }
};

constexpr std::size_t kMaxTokens = 16;

// Lower-cases ASCII and the Latin-1 capitals (UTF-8 C3 80..9E) so "FÉVR" reads as "févr".
void append_lower(Token& t, std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == 0xC3 && i + 1 < s.size()) {
    auto c2 = static_cast<unsigned char>(s[i + 1]);
    if (c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97) {
      c2 = static_cast<unsigned char>(c2 + 0x20);
    }
    if (t.word_len + 2 <= t.word.size()) {
      t.word[t.word_len++] = static_cast<char>(c);
      t.word[t.word_len++] = static_cast<char>(c2);
    } else {
      t.word_len = t.word.size();
    }
    i += 2;
    return;
  }
  if (t.word_len < t.word.size()) {
    t.word[t.word_len++] =
        (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
  }
  ++i;
}

// Signed offset at s[i] ('+' or '-'): hhmm, hh:mm, hh or h. Advances i.
std::optional<int> read_offset(std::string_view s, std::size_t& i) {
  const int sign = s[i] == '-' ? -1 : 1;
  std::size_t p = i + 1;
  const std::size_t n = count_digits(s, p);
  int hh = 0;
  int mm = 0;
  if (n == 4) {
    hh = *digits(s, p, 2);
    mm = *digits(s, p, 2);
  } else if (n == 1 || n == 2) {
    hh = *digits(s, p, n);
    if (p < s.size() && s[p] == ':' && count_digits(s, p + 1) == 2) {
      ++p;
      mm = *digits(s, p, 2);
    }
  } else {
    return std::nullopt;
  }
  if (hh > 23 || mm > 59) {
    return std::nullopt;
  }
  i = p;
  return sign * (hh * 60 + mm);
}

bool is_separator(char c) {
  return is_space(c) || c == '-' || c == '/' || c == '.' || c == ',' || c == '(' || c == ')';
}

bool is_word_char(char c) {
  return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80;
}

// "15:04[:05[.123]]" or the French "15h04", whose hour `hour` was read and s[p] is ':', 'h'
// or 'H'. Advances p past it. False when malformed.
bool read_time(std::string_view s, std::size_t& p, int hour, Token& t) {
  const char sep = s[p++];
  const std::size_t mn = count_digits(s, p);
  if (mn != 2 && !(mn == 1 && sep == ':')) {
    return false;
  }
  t.kind = TokKind::Time;
  t.h = hour;
  t.m = *digits(s, p, mn);
  if (sep != ':' || p >= s.size() || s[p] != ':') {
    return true;
  }
  ++p;
  if (count_digits(s, p) != 2) {
    return false;
  }
  t.s = *digits(s, p, 2);
  if (p < s.size() && (s[p] == '.' || s[p] == ',') && count_digits(s, p + 1) > 0) {
    p += 1 + count_digits(s, p + 1);
  }
  return true;
}

// A number, or a time when one follows. Advances i. False when malformed.
bool read_number(std::string_view s, std::size_t& i, Token& t) {
  const std::size_t n = count_digits(s, i);
  if (n > 4) {
    return false;
  }
  const int v = *digits(s, i, n);
  const bool time_follows =
      n <= 2 && i < s.size()
      && (s[i] == ':' || ((s[i] == 'h' || s[i] == 'H') && count_digits(s, i + 1) == 2));
  if (time_follows) {
    return read_time(s, i, v, t);
  }
  t.kind = TokKind::Number;
  t.value = v;
  t.length = n;
  return true;
}

// The token at s[i]: a numeric zone (when `offset`), a number or time, or a word. False for
// characters no date has (';', '@', '"', ...).
bool read_token(std::string_view s, std::size_t& i, bool offset, Token& t) {
  t = Token{};
  const char c = s[i];
  if (offset) {
    const auto off = read_offset(s, i);
    t.kind = TokKind::Offset;
    t.value = off.value_or(0);
    return off.has_value();
  }
  if (is_digit(c)) {
    return read_number(s, i, t);
  }
  if (!is_word_char(c)) {
    return false;
  }
  t.kind = TokKind::Word;
  while (i < s.size() && is_word_char(s[i])) {
    append_lower(t, s, i);
  }
  return true;
}

// Splits the text into tokens. False when it holds something no date has.
bool tokenize(std::string_view s, std::array<Token, kMaxTokens>& toks, std::size_t& count) {
  count = 0;
  bool seen_time = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    // After the time, a sign starts a numeric zone; before it, '-' separates "02-Jan-06".
    const bool offset =
        c == '+' || (c == '-' && seen_time && i + 1 < s.size() && is_digit(s[i + 1]));
    if (is_separator(c) && !offset) {
      if (c == ',' && count > 0) {
        toks[count - 1].comma_after = true;
      }
      ++i;
      continue;
    }
    if (count == kMaxTokens || !read_token(s, i, offset, toks[count])) {
      return false;
    }
    seen_time = seen_time || toks[count].kind == TokKind::Time;
    ++count;
  }
  return true;
}

struct Interpretation {
  int year = -1;
  std::size_t year_digits = 0;
  int month = 0;
  int day = -1;
  int offset = 0;
  bool have_offset = false;
};

// The first four-digit number is the year, the first short one the day, the next short one a
// two-digit year.
void apply_numbers(const std::array<Token, kMaxTokens>& toks, std::size_t count,
                   Interpretation& r) {
  bool seen_time = false;
  for (std::size_t k = 0; k < count; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokKind::Time) {
      seen_time = true;
      continue;
    }
    if (t.kind != TokKind::Number) {
      continue;
    }
    if (t.length == 4 && r.year < 0) {
      r.year = t.value;
      r.year_digits = 4;
    } else if (t.length == 4 && seen_time) {
      r.offset = (t.value / 100) * 60 + t.value % 100;  // "+" forgotten before the zone
      r.have_offset = true;
    } else if (t.length <= 2 && r.day < 0) {
      r.day = t.value;
    } else if (t.length <= 2 && r.year < 0) {
      r.year = t.value;
      r.year_digits = t.length;
    }
  }
}

// The month: a leading word followed by a comma is a day name, even when it spells a month in
// some language ("mar," is Tuesday in Spanish); otherwise the first month word wins. Returns
// the token index, or kMaxTokens.
std::size_t find_month(const std::array<Token, kMaxTokens>& toks, std::size_t count, int& month) {
  for (std::size_t k = 0; k < count; ++k) {
    if (toks[k].kind != TokKind::Word || (k == 0 && toks[k].comma_after && count > 1)) {
      continue;
    }
    if (const auto m = month_of(toks[k].view())) {
      month = *m;
      return k;
    }
  }
  return kMaxTokens;
}

// A word other than the month: "am"/"pm" after the time, or a zone name. A numeric offset
// wins over a name: "+0200 (CEST)", and "GMT+2" (the name comes first and the offset token
// overrides it); words before the month are day names. False for an impossible "13 pm".
bool apply_word(std::string_view w, bool seen_time, bool zone_allowed, Fields& f) {
  if (seen_time && (w == "pm" || w == "am")) {
    if (f.hour > 12 || f.hour == 0) {
      return false;
    }
    f.hour = (f.hour % 12) + (w == "pm" ? 12 : 0);
    return true;
  }
  if (const auto z = zone_allowed ? zone_of(w) : std::nullopt) {
    f.offset_minutes = *z;
  }
  return true;
}

// The time, the zone and "am"/"pm", into f. False for an impossible "13 pm".
bool apply_time_and_zone(const std::array<Token, kMaxTokens>& toks, std::size_t count,
                         std::size_t month_index, bool have_offset, Fields& f) {
  bool seen_time = false;
  for (std::size_t k = 0; k < count; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokKind::Time && !seen_time) {
      seen_time = true;
      f.hour = t.h;
      f.minute = t.m;
      f.second = t.s;
      continue;
    }
    if (t.kind == TokKind::Offset) {
      f.offset_minutes = t.value;
      have_offset = true;
      continue;
    }
    if (t.kind != TokKind::Word || k == month_index) {
      continue;
    }
    const bool zone_allowed = !have_offset && (seen_time || k > month_index);
    if (!apply_word(t.view(), seen_time, zone_allowed, f)) {
      return false;
    }
  }
  return true;
}

std::optional<core::Timestamp> parse_rfc822_like(std::string_view s) {
  std::array<Token, kMaxTokens> toks;
  std::size_t count = 0;
  if (!tokenize(s, toks, count) || count == 0) {
    return std::nullopt;
  }
  Interpretation r;
  const std::size_t month_index = find_month(toks, count, r.month);
  if (month_index == kMaxTokens) {
    return std::nullopt;
  }
  apply_numbers(toks, count, r);
  if (r.day < 0 || r.year < 0) {
    return std::nullopt;
  }
  Fields f;
  f.month = r.month;
  f.day = r.day;
  f.year = r.year;
  if (r.year_digits <= 2) {
    f.year += r.year < 50 ? 2000 : 1900;
  }
  f.offset_minutes = r.offset;
  if (!apply_time_and_zone(toks, count, month_index, r.have_offset, f)) {
    return std::nullopt;
  }
  return assemble(f);
}

}  // namespace

std::optional<core::Timestamp> parse_date(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.empty() || s.size() > 128) {
    return std::nullopt;
  }
  if (s.size() >= 4 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3])) {
    if (auto t = parse_iso(s)) {
      return t;
    }
  }
  return parse_rfc822_like(s);
}

}  // namespace vigie::ingest
