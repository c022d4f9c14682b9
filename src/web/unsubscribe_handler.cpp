// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/unsubscribe_handler.h"

#include <fmt/format.h>

#include "web/error_response.h"

namespace vigie::web {
namespace {

std::string rhythm_key(std::string_view rhythm) {
  if (rhythm == "daily") {
    return "web.unsubscribe.rhythm_daily";
  }
  if (rhythm == "weekly") {
    return "web.unsubscribe.rhythm_weekly";
  }
  if (rhythm == "immediate") {
    return "web.unsubscribe.rhythm_immediate";
  }
  return "web.unsubscribe.rhythm_any";
}

std::string lang_of(const UnsubscribeView& view) {
  return view.lang == "en" ? "en" : "fr";
}

}  // namespace

std::string UnsubscribeHandler::what(const UnsubscribeView& view, const core::Messages& m) const {
  std::string topics;
  for (const auto& t : view.topics) {
    topics += topics.empty() ? t : ", " + t;
  }
  std::string html = "<p>"
                     + text::html_escape(fmt::format(fmt::runtime(m.get("web.unsubscribe.confirm")),
                                                     m.get(rhythm_key(view.rhythm)), view.email))
                     + "</p>\n";
  if (!topics.empty()) {
    html += "<p class=\"muted\">"
            + text::html_escape(fmt::format(fmt::runtime(m.get("web.unsubscribe.topics")), topics))
            + "</p>\n";
  }
  return html;
}

core::Result<Response> UnsubscribeHandler::invalid_or(const core::Error& error,
                                                      const Request& request) const {
  if (error.code != core::ErrorCode::NotFound && error.code != core::ErrorCode::InvalidInput) {
    return tl::unexpected(error);  // 503/500 through the error mapping
  }
  const std::string lang = choose_lang(request);
  const auto& m = messages_.of(lang);
  Response r;
  r.status = status_for(error.code);
  Page page;
  page.lang = lang;
  page.title = m.get("web.unsubscribe.invalid_title");
  page.body_html = "<p>" + text::html_escape(m.get("web.unsubscribe.invalid_text")) + "</p>";
  set_page(r, page);
  return r;
}

core::Result<Response> UnsubscribeHandler::show(const Request& request) {
  auto view = actions_.describe(request.param("token"));
  if (!view) {
    return invalid_or(view.error(), request);
  }
  const std::string lang = lang_of(*view);
  const auto& m = messages_.of(lang);
  Page page;
  page.lang = lang;
  page.title = m.get("web.unsubscribe.title");
  // The form posts to this very URL (the token is in the path) with the RFC 8058 body, so the
  // button and a mail client's one-click take the same way.
  page.body_html = what(*view, m)
                   + "<form method=\"post\">\n"
                     "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
                     "<button type=\"submit\">"
                   + text::html_escape(m.get("web.unsubscribe.button")) + "</button>\n</form>";
  Response r;
  set_page(r, page);
  return r;
}

core::Result<Response> UnsubscribeHandler::confirm(const Request& request) {
  auto view = actions_.unsubscribe(request.param("token"));
  if (!view) {
    return invalid_or(view.error(), request);
  }
  const std::string lang = lang_of(*view);
  const auto& m = messages_.of(lang);
  Page page;
  page.lang = lang;
  page.title = m.get("web.unsubscribe.done_title");
  page.body_html = "<p>"
                   + text::html_escape(fmt::format(fmt::runtime(m.get("web.unsubscribe.done")),
                                                   m.get(rhythm_key(view->rhythm)), view->email))
                   + "</p>";
  Response r;
  set_page(r, page);
  return r;
}

}  // namespace vigie::web
