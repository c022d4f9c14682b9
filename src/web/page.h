// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Server-rendered HTML pages: one light layout (inline CSS, no script, no external resource,
// so it works on slow links and under the strict Content-Security-Policy below), HTML
// escaping, and the choice of language. Pure.

#include <string>
#include <string_view>

#include "core/i18n.h"
#include "text/utf8.h"
#include "web/http.h"

namespace vigie::web {

// The messages of both interface languages; pages are in the reader's language.
struct Translations {
  const core::Messages& fr;
  const core::Messages& en;
  const core::Messages& of(std::string_view lang) const { return lang == "en" ? en : fr; }
};

// "fr" or "en" from the Accept-Language header (the first of the two listed with a non-zero
// weight, in order of preference); "fr" when neither is (the interface is French first).
std::string choose_lang(const Request& request);

// HTML text and attribute values are escaped by text::html_escape (one escaper for pages,
// emails and feeds).
using text::html_escape;

struct Page {
  std::string lang = "fr";
  std::string title;      // plain text
  std::string body_html;  // already escaped
};

// The whole document.
std::string render_page(const Page& page);

// The Content-Security-Policy of render_page's documents: nothing but the layout's own style
// (by hash) and forms posting to this site.
const std::string& page_csp();

// Sets the response's body, content type and CSP to the page.
void set_page(Response& response, const Page& page);

}  // namespace vigie::web
