// SPDX-License-Identifier: AGPL-3.0-or-later
// The sanitiser takes whatever feeds and pages hold. Beyond not crashing: its output must be a
// fixed point (sanitize(sanitize(x)) == sanitize(x)) and hold no active markup (script,
// style, embedding, forms, event or style attributes, javascript: or data: URLs); to_text and
// looks_like_html must be safe on the same bytes.
//
// The first input byte picks the options, so one corpus covers both image modes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_fail.h"
#include "ingest/html/sanitizer.h"

namespace {

bool contains_ci(std::string_view haystack, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool match = true;
    for (std::size_t k = 0; k < needle.size() && match; ++k) {
      char c = haystack[i + k];
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c + 32);
      }
      match = c == needle[k];
    }
    if (match) {
      return true;
    }
  }
  return false;
}

// Whether some tag in `html` has an attribute whose name starts with `prefix` (" on"). The
// output quotes every attribute value and escapes '"' inside, so quotes delimit values.
bool attribute_starts_with(std::string_view html, std::string_view prefix) {
  bool in_tag = false;
  bool in_value = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (in_value) {
      in_value = c != '"';
    } else if (c == '<') {
      in_tag = true;
    } else if (c == '>') {
      in_tag = false;
    } else if (in_tag && c == '"') {
      in_value = true;
    } else if (in_tag && contains_ci(html.substr(i, prefix.size()), prefix)) {
      return true;
    }
  }
  return false;
}

[[noreturn]] void fail(std::string_view what, std::string_view first, std::string_view second) {
  vigie::fuzz::fail(what, {{"first", first}, {"second", second}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  vigie::ingest::html::SanitizeOptions options;
  options.keep_images = (data[0] & 1U) != 0;
  if ((data[0] & 2U) != 0) {
    options.base_url = "https://example.org/news/item.html";
  }
  const std::string_view html(reinterpret_cast<const char*>(data) + 1, size - 1);

  const std::string once = vigie::ingest::html::sanitize(html, options);
  const std::string twice = vigie::ingest::html::sanitize(once, options);
  if (once != twice) {
    fail("sanitize is not idempotent", once, twice);
  }
  // Text and attribute values are escaped, so these can only be markup we wrote.
  for (std::string_view bad :
       {"<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<form", "<input",
        "<button", "<link", "<meta", "<base", "href=\"javascript", "src=\"javascript",
        "href=\"data", "src=\"data"}) {
    if (contains_ci(once, bad)) {
      fail("active markup in the output", once, std::string(bad));
    }
  }
  // " style=" and " on" may be text ("un bon vin"); inside a tag they are attributes.
  for (std::string_view bad : {" style", " on"}) {
    if (attribute_starts_with(once, bad)) {
      fail("style or event attribute in the output", once, std::string(bad));
    }
  }
  (void)vigie::ingest::html::to_text(html);
  (void)vigie::ingest::html::to_text(once);
  (void)vigie::ingest::html::looks_like_html(html);
  return 0;
}
