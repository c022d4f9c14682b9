// SPDX-License-Identifier: AGPL-3.0-or-later
// The small parsers every feed goes through: dates (ingest::parse_date) and URLs (core/url.h),
// on whatever a feed element holds. Beyond not crashing:
// - a date read is printed in ISO 8601 and read back to the same instant;
// - a URL that parses prints to a form that parses to the same print;
// - canonical forms are canonical: canonicalising again changes nothing;
// - resolving a reference against the text (or an http base) is safe.
// The input is a feed field's text; after a newline, a second text serves as the reference to
// resolve against the first.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"
#include "core/url.h"
#include "fuzz_fail.h"
#include "ingest/date_parser.h"

namespace {

[[noreturn]] void fail(std::string_view what, std::string_view input, std::string_view result) {
  vigie::fuzz::fail(what, {{"input", input}, {"result", result}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigie;  // NOLINT(google-build-using-namespace): fuzz entry point
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t nl = input.find('\n');
  const std::string_view first = input.substr(0, nl);
  const std::string_view second = nl == std::string_view::npos ? "" : input.substr(nl + 1);

  if (const auto t = ingest::parse_date(first)) {
    const std::string iso = core::format_iso8601(*t);
    const auto again = ingest::parse_date(iso);
    if (!again || *again != *t) {
      fail("a date does not read back from its ISO 8601 form", first, iso);
    }
  }

  if (const auto u = core::parse_url(first)) {
    const std::string printed = core::to_string(*u);
    const auto again = core::parse_url(printed);
    if (!again || core::to_string(*again) != printed) {
      fail("a URL does not parse back from its printed form", first, printed);
    }
  }
  const std::string canonical = core::canonicalize_url(first);
  if (core::canonicalize_url(canonical) != canonical) {
    fail("canonicalize_url is not idempotent", first, canonical);
  }

  const std::string base =
      core::is_http_url(first) ? std::string(first) : "https://veille.example.org/a/b/c?q=1";
  const std::string resolved = core::resolve_url(base, second);
  (void)core::is_http_url(resolved);
  return 0;
}
