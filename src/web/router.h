// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The route table (STYLE.md H13: a plain list of {method, pattern, handler}, no macro DSL) and
// the matcher. Every route of the server is in route_table() in router.cpp, and only there.
//
// Patterns are absolute paths split at '/'; a segment is literal, or `prefix{name}suffix`,
// which captures a non-empty part into Request::params["name"] ("/feeds/topics/{id}.atom").
// HEAD is matched as GET (the HTTP layer drops the body).
//
// Thread-safety: immutable after construction; match() may be called from any thread.

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "web/http.h"

namespace vigie::web {

class FeedHandler;
class UnsubscribeHandler;

// A handler decodes the request, calls a service and encodes the answer. Errors are returned,
// never turned into a status here: App maps them (web/error_response.cpp, the one place).
using Handler = std::function<core::Result<Response>(const Request&)>;

struct Route {
  std::string method;   // "GET", "POST"
  std::string pattern;  // "/feeds/topics/{id}.atom"
  Handler handler;
};

// What the routes call. Every pointer must be set (and outlive the routes) before a route
// runs; health may be empty (always healthy).
struct Endpoints {
  FeedHandler* feeds = nullptr;
  UnsubscribeHandler* unsubscribe = nullptr;
  // GET /healthz: Unavailable when the server cannot serve (the store is unreachable).
  std::function<core::Status()> health;
};

// The one route table.
std::vector<Route> route_table(const Endpoints& endpoints);

struct RouteMatch {
  const Route* route = nullptr;  // nullptr: no route for this method and path
  std::map<std::string, std::string, std::less<>> params;
  std::vector<std::string> allowed_methods;  // when the path matched under other methods only
};

// True when `path` fits `pattern`; fills `params`.
bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string, std::less<>>& params);

class Router {
 public:
  explicit Router(std::vector<Route> routes) : routes_(std::move(routes)) {}
  RouteMatch match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace vigie::web
