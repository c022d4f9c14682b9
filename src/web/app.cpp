// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/app.h"

#include <exception>
#include <string>

#include <spdlog/spdlog.h>

#include "web/error_response.h"

namespace vigie::web {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (out.find(p) != std::string::npos) {
      continue;
    }
    out += out.empty() ? p : ", " + p;
  }
  return out;
}

}  // namespace

void apply_security_headers(Response& r) {
  if (r.header("Content-Security-Policy").empty()) {
    r.set_header("Content-Security-Policy",
                 "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
  if (r.header("Cache-Control").empty()) {
    r.set_header("Cache-Control", "no-store");
  }
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("Referrer-Policy", "no-referrer");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

Response App::status(int status, const Request& request) const {
  Response r = status_response(status, request, messages_);
  apply_security_headers(r);
  return r;
}

Response App::handle(Request request) const {
  Response response;
  auto found = router_.match(request.method, request.path);
  if (found.route == nullptr) {
    if (found.allowed_methods.empty()) {
      response = status_response(404, request, messages_);
    } else {
      response = status_response(405, request, messages_);
      response.set_header("Allow", join(found.allowed_methods));
    }
    apply_security_headers(response);
    return response;
  }
  request.params = std::move(found.params);
  // Every handler runs under this guard (STYLE.md H4): an exception never reaches the HTTP
  // library's thread; it is logged and answered 500.
  try {
    auto result = found.route->handler(request);
    if (result) {
      response = std::move(*result);
    } else {
      const auto& e = result.error();
      if (e.code == core::ErrorCode::Internal || e.code == core::ErrorCode::Unavailable) {
        spdlog::warn("web: {} {}: {} ({})", request.method, found.route->pattern, e.reason,
                     e.message);
      }
      response = error_response(e, request, messages_);
    }
  } catch (const std::exception& ex) {
    spdlog::error("web: {} {}: internal error: {}", request.method, found.route->pattern,
                  ex.what());
    response = status_response(500, request, messages_);
  }
  apply_security_headers(response);
  return response;
}

}  // namespace vigie::web
