// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The web application without sockets: request in, response out. Routes the request
// (web/router.h), runs the handler, turns a returned error or an escaped exception into the
// error response (web/error_response.h), and puts the security headers on every response.
// web/http_server.cpp feeds it from cpp-httplib; tests call handle() directly.
//
// Thread-safety: handle() may be called from several threads at once if the handlers allow it
// (ours call services that are safe to call concurrently).

#include <vector>

#include "web/http.h"
#include "web/page.h"
#include "web/router.h"

namespace vigie::web {

// Headers every response carries (the handler's own CSP and Cache-Control win): a CSP that
// allows nothing, no MIME sniffing, no Referer leaking a secret URL, no framing.
void apply_security_headers(Response& response);

class App {
 public:
  App(std::vector<Route> routes, Translations messages)
      : router_(std::move(routes)), messages_(messages) {}

  Response handle(Request request) const;
  // For statuses the HTTP layer decides before routing (malformed request, body too large).
  Response status(int status, const Request& request) const;

 private:
  Router router_;
  Translations messages_;
};

}  // namespace vigie::web
