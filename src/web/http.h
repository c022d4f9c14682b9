// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The request and response that handlers see: our own small values, not cpp-httplib's, so that
// handlers are plain functions testable without sockets, and the HTTP library stays behind
// web/http_server.cpp (the only file that includes httplib.h).

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::web {

// Header names compare without case (RFC 9110 §5.1).
struct CaseInsensitiveLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

struct Request {
  std::string method;  // "GET", "POST", ... (HEAD is routed as GET)
  std::string path;    // decoded, without the query
  std::map<std::string, std::string, std::less<>> query;  // decoded; the last value wins
  std::map<std::string, std::string, CaseInsensitiveLess> headers;
  std::string body;
  std::string remote_addr;
  // Filled by the router: the {name} parts of the route's pattern.
  std::map<std::string, std::string, std::less<>> params;

  // Empty when absent.
  std::string header(std::string_view name) const;
  std::string query_param(std::string_view name) const;
  std::string param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  // In order; set_header replaces a header of the same name.
  std::vector<std::pair<std::string, std::string>> headers;

  void set_header(std::string_view name, std::string value);
  // Empty when absent.
  std::string header(std::string_view name) const;
};

}  // namespace vigie::web
