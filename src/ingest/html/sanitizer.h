// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// HTML sanitising and text extraction (DESIGN.md §6 "HTML"). Pure, thread-safe.
//
// The sanitiser parses with gumbo (HTML5 tree building) and keeps only an allow-list of
// elements and attributes: no script, style, iframe, object, form, SVG or MathML, no event
// attributes, only http/https/mailto links (relative ones are resolved against base_url).
// Sanitising is idempotent: sanitize(sanitize(x)) == sanitize(x).

#include <string>
#include <string_view>

namespace vigie::ingest::html {

struct SanitizeOptions {
  std::string base_url;        // resolves relative href/src; empty: relative links are dropped
  bool keep_images = false;    // remote images are not loaded by default (bandwidth, privacy)
  // When keep_images is false, <img> becomes a link to the image with its alt text, so the
  // reader can still open it. Tracking pixels (1x1, known beacon hosts) are dropped either way.
};

// Returns sanitised HTML (a fragment, UTF-8). Never fails: unparseable input yields the text.
std::string sanitize(std::string_view html, const SanitizeOptions& options);

// Plain text of an HTML fragment for indexing and previews: block elements become line
// breaks, whitespace is collapsed, entities decoded, scripts/styles dropped.
std::string to_text(std::string_view html);

// True when the string looks like HTML markup rather than plain text (used to tell text from
// HTML in feeds that do not say).
bool looks_like_html(std::string_view s);

}  // namespace vigie::ingest::html
