// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The two ways sanitize() reaches its result, exposed for the differential test
// (tests/unit/ingest/html/sanitizer_fast_test.cpp) and fuzzer (fuzz/html_sanitizer_fast_fuzz.cpp).
// Internal to ingest/html.

#include <optional>
#include <string>
#include <string_view>

#include "ingest/html/sanitizer.h"

namespace vigie::ingest::html::detail {

// The fast path: a tokeniser for well-nested markup made of common allow-listed elements,
// simple character references and plain characters, driving the same writer as the gumbo walk.
// nullopt when the input is anything else. Whatever it returns is byte-identical to
// sanitize_with_gumbo(html, options).
std::optional<std::string> sanitize_fast(std::string_view html, const SanitizeOptions& options);

// The general path: gumbo's HTML5 tree, the allow-list walk, and a second pass when the first
// one changed structure the parser cares about.
std::string sanitize_with_gumbo(std::string_view html, const SanitizeOptions& options);

}  // namespace vigie::ingest::html::detail
