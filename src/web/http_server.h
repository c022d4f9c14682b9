// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The HTTP server: cpp-httplib (the only file that includes httplib.h) adapted to web::App.
// A fixed thread pool, bounded request sizes and timeouts, the security headers also on the
// library's own error responses, no Server header, and one access log line per response
// through spdlog (secrets redacted, web/access_log.h).
//
// Thread-safety: bind() and serve() from one thread; stop() from any thread.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"
#include "web/app.h"

namespace vigie::web {

struct ServerOptions {
  // Address to listen on; "127.0.0.1" keeps it local behind a reverse proxy.
  std::string host = "127.0.0.1";
  // TCP port; 0 picks a free one (tests), reported by bind().
  int port = 8080;
  // Worker threads. Requests are short (a feed from SQLite, a page): twice the cores of the
  // small servers we target (2) keeps the CPU busy while one thread waits on the disk.
  std::size_t threads = 4;
  // Largest request body accepted (413 beyond): our forms are a few bytes.
  std::size_t max_body_bytes = 64 * 1024;
  // Slow clients are cut off after these (slowloris).
  std::chrono::seconds read_timeout{10};
  std::chrono::seconds write_timeout{10};
  std::chrono::seconds keep_alive_timeout{5};
  std::size_t keep_alive_max_requests = 100;
};

struct ListenAddress {
  std::string host;
  int port = 0;
};

// "127.0.0.1:8080", "[::1]:0", "localhost:8080", ":8080" (all interfaces). Errors:
// "web.bad_listen" (InvalidInput).
core::Result<ListenAddress> parse_listen(std::string_view text);

class HttpServer {
 public:
  // `app` must outlive the server.
  HttpServer(const App& app, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the socket; returns the port (the chosen one when options.port is 0). Errors:
  // "web.bind_failed" (Unavailable: address in use, no permission).
  core::Result<int> bind();
  // Serves until stop(). Requires: bind() succeeded. Blocks.
  core::Status serve();
  // Stops accepting, lets requests in progress finish, and makes serve() return.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::web
