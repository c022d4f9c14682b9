// SPDX-License-Identifier: AGPL-3.0-or-later
// Differential fuzzer for the sanitiser's fast path (ingest/html/sanitizer_paths.h): whenever
// the fast path accepts an input, its output must be byte-identical to the gumbo path's, and
// sanitize() must return that same output. Any difference aborts.
//
// The first input byte picks the options (image mode, base URL), as in html_sanitizer_fuzz.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/html/sanitizer.h"
#include "ingest/html/sanitizer_paths.h"

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

  const std::optional<std::string> fast = vigie::ingest::html::detail::sanitize_fast(html, options);
  if (!fast) {
    return 0;
  }
  const std::string slow = vigie::ingest::html::detail::sanitize_with_gumbo(html, options);
  if (*fast != slow) {
    std::fprintf(stderr, "fast path differs from gumbo\n--- fast\n%s\n--- gumbo\n%s\n",
                 fast->c_str(), slow.c_str());
    std::abort();
  }
  if (vigie::ingest::html::sanitize(html, options) != slow) {
    std::fprintf(stderr, "sanitize() differs from gumbo\n");
    std::abort();
  }
  return 0;
}
