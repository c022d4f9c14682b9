// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/error_response.h"

#include <string>

#include <nlohmann/json.hpp>

namespace vigie::web {
namespace {

bool wants_json(const Request& request) {
  const std::string accept = request.header("Accept");
  return request.path.starts_with("/api/") || request.path.ends_with(".json")
         || (accept.find("application/json") != std::string::npos
             && accept.find("text/html") == std::string::npos);
}

// The catalog key of a status; statuses without their own message use their class's.
std::string key_for(int status) {
  switch (status) {
    case 400:
      return "web.error_400";
    case 403:
      return "web.error_403";
    case 404:
      return "web.error_404";
    case 405:
      return "web.error_405";
    case 409:
      return "web.error_409";
    case 413:
      return "web.error_413";
    case 503:
      return "web.error_503";
    default:
      return status < 500 ? "web.error_400" : "web.error_500";
  }
}

}  // namespace

int status_for(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::InvalidInput:
      return 400;
    case core::ErrorCode::PermissionDenied:
      return 403;
    case core::ErrorCode::NotFound:
      return 404;
    case core::ErrorCode::Conflict:
      return 409;
    case core::ErrorCode::Unavailable:
      return 503;
    case core::ErrorCode::Internal:
      break;
  }
  return 500;
}

Response error_response(const core::Error& error, const Request& request,
                        const Translations& messages) {
  Response r = status_response(status_for(error.code), request, messages);
  if (error.code == core::ErrorCode::Unavailable) {
    r.set_header("Retry-After", "30");
  }
  return r;
}

Response status_response(int status, const Request& request, const Translations& messages) {
  const std::string lang = choose_lang(request);
  const core::Messages& m = messages.of(lang);
  const std::string key = key_for(status);
  Response r;
  r.status = status;
  r.set_header("Cache-Control", "no-store");
  if (wants_json(request)) {
    r.content_type = "application/json";
    r.body = nlohmann::json{{"error", {{"status", status}, {"message", m.get(key)}}}}.dump() + "\n";
    return r;
  }
  Page page;
  page.lang = lang;
  page.title = m.get(key);
  page.body_html = "<p>" + text::html_escape(m.get(key + "_text")) + "</p>\n<p class=\"muted\">"
                   + text::html_escape(m.get("web.error_status")) + " " + std::to_string(status)
                   + "</p>";
  set_page(r, page);
  return r;
}

}  // namespace vigie::web
