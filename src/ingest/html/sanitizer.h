// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// HTML sanitising and text extraction (DESIGN.md §6 "HTML"). Pure, thread-safe.
//
// The sanitiser parses with gumbo (HTML5 tree building, as a fragment inside a <div>) and keeps
// only an allow-list of elements and attributes: no script, style, iframe, object, embed, form
// controls, SVG or MathML, no link/meta/base, no event attributes, no style/class/id; only
// http/https/mailto links (relative ones are resolved against base_url). Sanitising is
// idempotent: sanitize(sanitize(x)) == sanitize(x).

#include <string>
#include <string_view>

namespace vigie::ingest::html {

struct SanitizeOptions {
  std::string base_url;      // resolves relative href/src; empty: relative links are dropped
  bool keep_images = false;  // remote images are not loaded by default (bandwidth, privacy)
  // When keep_images is false, <img> becomes a link to the image with its alt text, so the
  // reader can still open it. Tracking pixels (1x1, known beacon hosts) are dropped either way.
};

// Returns sanitised HTML (a fragment, UTF-8). Never fails: unparseable input yields the text.
//
// What comes out:
// - Elements kept (attributes in brackets; lang and dir on all of them): p, br, hr, div, span,
//   h1-h6, blockquote[cite], pre, code, ul, ol[start reversed type], li[value], dl, dt, dd,
//   a[href title], b, strong, i, em, u, s, strike, small, big, tt, mark, sup, sub, abbr[title],
//   acronym[title], dfn[title], q[cite], cite, kbd, samp, var, del/ins[cite datetime],
//   time[datetime], bdi, bdo, ruby/rb/rt/rtc/rp, table, caption, colgroup/col[span],
//   thead/tbody/tfoot, tr, td/th[colspan rowspan; th scope], figure, figcaption, details,
//   summary, article, section, header, footer, main, nav, aside, address, hgroup, center; img
//   when keep_images. <dir>/<menu> are written as <ul>; <xmp>/<listing>/<plaintext> as <pre>.
// - Dropped with their content: script, style, noscript, template, iframe, frame(set),
//   object, embed, applet, canvas, svg, math, form controls (input, button, select, textarea,
//   ...), title, head elements. Other elements (font, form, fieldset, label, custom elements,
//   ...) are replaced by their content.
// - Links: href must be http(s) (absolute, or relative and resolved) or mailto:, judged after
//   removing what browsers ignore (leading/trailing controls and spaces, tabs and newlines
//   inside), so "java&#x09;script:" and "  JaVaScRiPt:" are dropped. A link with a bad href is
//   replaced by its text; a link inside a link is unwrapped; a link left empty (say its only
//   image was a tracker) is removed. Every link gets rel="nofollow noopener noreferrer".
// - Images: the source is data-src / data-lazy-src / data-original (lazy loading) or src,
//   http(s) only. Dropped when 1x1 or 0x0, hidden by style, or from a known beacon (FeedBurner
//   ~r/~ff, pixel.wp.com, analytics hosts, open.gif...). With keep_images, written with src, alt,
//   title, width, height, loading="lazy" and referrerpolicy="no-referrer"; without, a link to
//   the image labelled by alt, title or file name (inside a link: just the alt text).
//   <audio>/<video> become a link to the media.
// - Text and attribute values are escaped (& < > "); comments go.
//
// Cost is linear in practice: nesting past 256 levels and attributes past 32 per tag are cut
// before parsing, and inputs past 64 MiB are truncated. Well-nested common markup skips the
// HTML5 parser (a fast path with byte-identical output, see sanitizer_paths.h). Requires:
// UTF-8 input (invalid bytes become U+FFFD).
std::string sanitize(std::string_view html, const SanitizeOptions& options);

// Plain text of an HTML fragment for indexing and previews: block elements become line
// breaks, whitespace is collapsed, entities decoded, scripts/styles dropped.
//
// Details: one "\n" between blocks (no blank lines), table cells separated by a space, runs of
// whitespace (and U+00A0) become one space, no leading or trailing whitespace. The content of
// script, style, noscript, template, iframe, textarea, select, title, svg and math is dropped;
// images contribute nothing. Named references of the XHTML set and numeric references are
// decoded; unknown ones stay as written. A single pass without a tree (hundreds of MB/s).
std::string to_text(std::string_view html);

// True when the string looks like HTML markup rather than plain text (used to tell text from
// HTML in feeds that do not say): it holds a tag of a known HTML element, a comment, or a
// terminated character reference ("&amp;", "&#233;"). "a < b", "R&D" and "<me@example.org>"
// are text.
bool looks_like_html(std::string_view s);

}  // namespace vigie::ingest::html
