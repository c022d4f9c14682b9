// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/http_server.h"

#include <charconv>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "web/access_log.h"

namespace vigie::web {
namespace {

Request to_request(const httplib::Request& in) {
  Request r;
  r.method = in.method;
  r.path = in.path;
  r.body = in.body;
  r.remote_addr = in.remote_addr;
  for (const auto& [k, v] : in.headers) {
    r.headers.emplace(k, v);  // the first of repeated headers
  }
  // httplib merges the query and, for urlencoded POSTs, the form fields.
  for (const auto& [k, v] : in.params) {
    r.query[k] = v;
  }
  return r;
}

void to_httplib(const Response& in, httplib::Response& out) {
  out.status = in.status;
  out.headers.clear();
  for (const auto& [k, v] : in.headers) {
    out.set_header(k, v);
  }
  if (!in.content_type.empty()) {
    out.set_content(in.body, in.content_type.c_str());
  } else {
    out.body = in.body;
  }
}

}  // namespace

core::Result<ListenAddress> parse_listen(std::string_view text) {
  auto bad = [&] {
    return core::make_error(core::ErrorCode::InvalidInput, "web.bad_listen",
                            "web: cannot listen on '" + std::string(text)
                                + "' (expected host:port, [::1]:port or :port)");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    return bad();
  }
  ListenAddress a;
  std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  if (host.starts_with('[') && host.ends_with(']')) {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return bad();  // a bare IPv6 address needs brackets
  }
  a.host = host.empty() ? "0.0.0.0" : std::string(host);
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
  if (port.empty() || ec != std::errc{} || end != port.data() + port.size() || a.port < 0
      || a.port > 65535) {
    return bad();
  }
  return a;
}

struct HttpServer::Impl {
  Impl(const App& a, ServerOptions o) : app(a), options(std::move(o)) {}
  const App& app;
  ServerOptions options;
  httplib::Server server;
};

HttpServer::HttpServer(const App& app, ServerOptions options)
    : impl_(std::make_unique<Impl>(app, std::move(options))) {
  // The lambdas hold a reference to `app`, which outlives the server.
  auto& s = impl_->server;
  const auto threads = impl_->options.threads == 0 ? 1 : impl_->options.threads;
  // httplib owns the queue it is given (it deletes it when the server stops).
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };  // NOLINT
  s.set_payload_max_length(impl_->options.max_body_bytes);
  s.set_read_timeout(impl_->options.read_timeout);
  s.set_write_timeout(impl_->options.write_timeout);
  s.set_keep_alive_timeout(impl_->options.keep_alive_timeout.count());
  s.set_keep_alive_max_count(impl_->options.keep_alive_max_requests);

  auto handler = [&app](const httplib::Request& req, httplib::Response& res) {
    to_httplib(app.handle(to_request(req)), res);
  };
  // Every method goes to our router, which answers 404 and 405 itself.
  s.Get(".*", handler);
  s.Post(".*", handler);
  s.Put(".*", handler);
  s.Patch(".*", handler);
  s.Delete(".*", handler);
  s.Options(".*", handler);
  // The library's own refusals (malformed request 400, body too large 413, URI too long 414,
  // unknown method) get our error page and headers too; our handlers' error responses already
  // have theirs.
  s.set_error_handler([&app](const httplib::Request& req, httplib::Response& res) {
    if (res.body.empty()) {  // httplib calls this for every status >= 400, ours too
      to_httplib(app.status(res.status, to_request(req)), res);
    }
  });
  s.set_exception_handler(
      [&app](const httplib::Request& req, httplib::Response& res, const std::exception_ptr&) {
        spdlog::error("web: internal error outside a handler");
        to_httplib(app.status(500, to_request(req)), res);
      });
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    spdlog::info("{}", access_log_line({req.remote_addr, req.method, req.target, res.status,
                                        res.body.size(), req.get_header_value("User-Agent")}));
  });
}

HttpServer::~HttpServer() {
  stop();
}

core::Result<int> HttpServer::bind() {
  auto& o = impl_->options;
  int port = o.port;
  if (o.port == 0) {
    port = impl_->server.bind_to_any_port(o.host);
  } else if (!impl_->server.bind_to_port(o.host, o.port)) {
    port = -1;
  }
  if (port <= 0) {
    return core::make_error(core::ErrorCode::Unavailable, "web.bind_failed",
                            "web: cannot listen on " + o.host + ":" + std::to_string(o.port));
  }
  o.port = port;
  return port;
}

core::Status HttpServer::serve() {
  if (!impl_->server.listen_after_bind()) {
    return core::make_error(core::ErrorCode::Unavailable, "web.bind_failed",
                            "web: the server stopped accepting connections");
  }
  return {};
}

void HttpServer::stop() {
  if (impl_ && impl_->server.is_running()) {
    impl_->server.stop();
  }
}

}  // namespace vigie::web
