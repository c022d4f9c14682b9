// SPDX-License-Identifier: AGPL-3.0-or-later
#include "http_fixture_server.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <variant>

#include <httplib.h>

#include "encoders.h"

namespace vigie::testing {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lower(c); });
  return out;
}

// True when the Accept-Encoding value lists `token` (q-values other than 0 not examined).
bool accepts(std::string_view accept_encoding, std::string_view token) {
  const std::string value = lower(accept_encoding);
  std::size_t pos = 0;
  while (pos <= value.size()) {
    std::size_t end = value.find(',', pos);
    if (end == std::string::npos) {
      end = value.size();
    }
    std::string_view item(value.data() + pos, end - pos);
    item = item.substr(0, item.find(';'));
    while (!item.empty() && item.front() == ' ') {
      item.remove_prefix(1);
    }
    while (!item.empty() && item.back() == ' ') {
      item.remove_suffix(1);
    }
    if (item == token) {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

struct Endless {};
struct Trickle {
  std::chrono::milliseconds interval;
};
using Route = std::variant<CannedResponse, HttpFixtureServer::Handler, GzipBomb, Endless, Trickle>;

}  // namespace

struct HttpFixtureServer::Impl {
  std::unique_ptr<httplib::Server> server;
  std::thread thread;
  int port = 0;
  bool tls = false;

  mutable std::mutex mutex;
  std::map<std::string, Route, std::less<>> routes;
  std::vector<RecordedRequest> log;

  std::atomic<std::size_t> in_flight{0};
  std::atomic<std::size_t> max_in_flight{0};
  std::atomic<std::uint64_t> streamed{0};

  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopping = false;  // guarded by stop_mutex

  // Waits up to `d`; false when the server is stopping.
  bool pause(std::chrono::milliseconds d) {
    std::unique_lock lock(stop_mutex);
    return !stop_cv.wait_for(lock, d, [this] { return stopping; });
  }
  bool is_stopping() {
    const std::lock_guard lock(stop_mutex);
    return stopping;
  }

  void start() {
    // Plenty of workers so that the server is never the bottleneck of a concurrency test.
    server->new_task_queue = [] { return new httplib::ThreadPool(32); };
    server->set_keep_alive_timeout(2);
    // Headers and body go out in separate writes: without this, Nagle and delayed ACKs add
    // ~40 ms to many responses.
    server->set_tcp_nodelay(true);
    server->Get(
        ".*", [this](const httplib::Request& req, httplib::Response& res) { dispatch(req, res); });
    port = server->bind_to_any_port("127.0.0.1");
    if (port <= 0) {
      throw std::runtime_error("fixture server: cannot bind 127.0.0.1");
    }
    thread = std::thread([this] { server->listen_after_bind(); });
    // cpp-httplib's stop() does nothing until the accept loop runs, so a server stopped right
    // after it started would block its destructor forever: wait for the loop.
    while (!server->is_running()) {
      std::this_thread::yield();
    }
  }

  void stop() {
    {
      const std::lock_guard lock(stop_mutex);
      stopping = true;
    }
    stop_cv.notify_all();
    server->stop();
    if (thread.joinable()) {
      thread.join();
    }
  }

  RecordedRequest record(const httplib::Request& req) {
    RecordedRequest r;
    r.received_at = std::chrono::steady_clock::now();
    r.method = req.method;
    r.path = req.path;
    for (const auto& [name, value] : req.headers) {
      r.headers.emplace_back(lower(name), value);
    }
    const std::lock_guard lock(mutex);
    log.push_back(r);
    return r;
  }

  // Counts a request as in flight for its scope, exceptions included.
  class InFlight {
   public:
    explicit InFlight(Impl& impl) : impl_(impl) {
      const std::size_t now = ++impl_.in_flight;
      std::size_t seen = impl_.max_in_flight.load();
      while (now > seen && !impl_.max_in_flight.compare_exchange_weak(seen, now)) {
      }
    }
    ~InFlight() { --impl_.in_flight; }
    InFlight(const InFlight&) = delete;
    InFlight& operator=(const InFlight&) = delete;
    InFlight(InFlight&&) = delete;
    InFlight& operator=(InFlight&&) = delete;

   private:
    Impl& impl_;
  };

  void dispatch(const httplib::Request& req, httplib::Response& res) {
    const InFlight counted(*this);
    const RecordedRequest request = record(req);
    std::optional<Route> route;
    {
      const std::lock_guard lock(mutex);
      if (const auto it = routes.find(request.path); it != routes.end()) {
        route = it->second;
      }
    }
    if (!route) {
      CannedResponse not_found;
      not_found.status = 404;
      not_found.body = "not found";
      not_found.content_type = "text/plain";
      send_canned(request, not_found, res);
    } else if (const auto* canned = std::get_if<CannedResponse>(&*route)) {
      send_canned(request, *canned, res);
    } else if (const auto* handler = std::get_if<Handler>(&*route)) {
      send_canned(request, (*handler)(request), res);
    } else if (const auto* bomb = std::get_if<GzipBomb>(&*route)) {
      send_bomb(*bomb, res);
    } else if (std::holds_alternative<Endless>(*route)) {
      send_endless(res);
    } else {
      send_trickle(std::get<Trickle>(*route).interval, res);
    }
  }

  void send_canned(const RecordedRequest& request, const CannedResponse& canned,
                   httplib::Response& res) {
    if (canned.hold.count() > 0) {
      pause(canned.hold);
    }
    res.status = canned.status;
    for (const auto& [name, value] : canned.headers) {
      res.set_header(name, value);
    }
    auto body = std::make_shared<std::string>(canned.body);
    if (canned.coding != ContentCoding::Identity
        && accepts(request.header("accept-encoding"), coding_token(canned.coding))) {
      *body = encode_body(*body, canned.coding);
      res.set_header("Content-Encoding", std::string(coding_token(canned.coding)));
    }
    if (canned.status == 204 || canned.status == 304 || canned.status < 200) {
      return;
    }
    if (body->empty()) {
      res.set_header("Content-Length", "0");
      return;
    }
    // A sized content provider is sent exactly as given: cpp-httplib compresses plain bodies of
    // some types on its own, which would hide what the test meant to send.
    res.set_content_provider(
        body->size(), canned.content_type,
        [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
          return sink.write(body->data() + offset, length);
        });
  }

  void send_bomb(const GzipBomb& bomb, httplib::Response& res) {
    res.set_header("Content-Encoding", "gzip");
    auto shared = std::make_shared<GzipBomb>(bomb);
    res.set_content_provider(
        shared->size(), "application/rss+xml",
        [this, shared](std::size_t offset, std::size_t /*length*/, httplib::DataSink& sink) {
          const GzipBomb& b = *shared;
          const std::uint64_t body_end = b.head.size() + b.block.size() * b.repeats;
          std::string_view piece;
          if (offset < b.head.size()) {
            piece = std::string_view{b.head}.substr(offset);
          } else if (offset < body_end) {
            piece = std::string_view{b.block}.substr((offset - b.head.size()) % b.block.size());
          } else {
            piece = std::string_view{b.tail}.substr(offset - body_end);
          }
          if (is_stopping()) {
            return false;
          }
          streamed += piece.size();
          return sink.write(piece.data(), piece.size());
        });
  }

  void send_endless(httplib::Response& res) {
    auto zeros = std::make_shared<std::string>(64 * 1024, '\0');
    // application/octet-stream: not a type cpp-httplib compresses on its own.
    res.set_chunked_content_provider(
        "application/octet-stream", [this, zeros](std::size_t /*offset*/, httplib::DataSink& sink) {
          if (is_stopping()) {
            return false;
          }
          streamed += zeros->size();
          return sink.write(zeros->data(), zeros->size());
        });
  }

  void send_trickle(std::chrono::milliseconds interval, httplib::Response& res) {
    res.set_chunked_content_provider(
        "application/octet-stream",
        [this, interval](std::size_t /*offset*/, httplib::DataSink& sink) {
          if (!sink.write("x", 1)) {
            return false;
          }
          ++streamed;
          return pause(interval);
        });
  }
};

std::string RecordedRequest::header(std::string_view name) const {
  const std::string key = lower(name);
  for (const auto& [n, v] : headers) {
    if (n == key) {
      return v;
    }
  }
  return "";
}

bool RecordedRequest::has_header(std::string_view name) const {
  const std::string key = lower(name);
  return std::any_of(headers.begin(), headers.end(), [&](const auto& h) { return h.first == key; });
}

HttpFixtureServer::HttpFixtureServer() : impl_(std::make_unique<Impl>()) {
  impl_->server = std::make_unique<httplib::Server>();
  impl_->start();
}

HttpFixtureServer::HttpFixtureServer(const TlsFiles& tls) : impl_(std::make_unique<Impl>()) {
  auto server =
      std::make_unique<httplib::SSLServer>(tls.cert.string().c_str(), tls.key.string().c_str());
  if (!server->is_valid()) {
    throw std::runtime_error("fixture server: cannot load the TLS certificate or key");
  }
  impl_->server = std::move(server);
  impl_->tls = true;
  impl_->start();
}

HttpFixtureServer::~HttpFixtureServer() {
  impl_->stop();
}

int HttpFixtureServer::port() const {
  return impl_->port;
}

std::string HttpFixtureServer::url(std::string_view path) const {
  return std::string(impl_->tls ? "https" : "http") + "://" + host_port() + std::string(path);
}

std::string HttpFixtureServer::host_port() const {
  return "127.0.0.1:" + std::to_string(impl_->port);
}

void HttpFixtureServer::serve(const std::string& path, CannedResponse response) {
  const std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(path, Route{std::move(response)});
}

void HttpFixtureServer::handle(const std::string& path, Handler handler) {
  const std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(path, Route{std::move(handler)});
}

void HttpFixtureServer::redirect(const std::string& path, const std::string& location, int status) {
  CannedResponse r;
  r.status = status;
  r.headers = {{"Location", location}};
  serve(path, std::move(r));
}

void HttpFixtureServer::serve_gzip_bomb(const std::string& path, std::uint64_t decompressed_bytes) {
  GzipBomb bomb = make_gzip_bomb(decompressed_bytes);
  const std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(path, Route{std::move(bomb)});
}

void HttpFixtureServer::serve_endless(const std::string& path) {
  const std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(path, Route{Endless{}});
}

void HttpFixtureServer::serve_trickle(const std::string& path, std::chrono::milliseconds interval) {
  const std::lock_guard lock(impl_->mutex);
  impl_->routes.insert_or_assign(path, Route{Trickle{interval}});
}

std::vector<RecordedRequest> HttpFixtureServer::requests() const {
  const std::lock_guard lock(impl_->mutex);
  return impl_->log;
}

std::vector<RecordedRequest> HttpFixtureServer::requests_for(std::string_view path) const {
  std::vector<RecordedRequest> out;
  const std::lock_guard lock(impl_->mutex);
  std::copy_if(impl_->log.begin(), impl_->log.end(), std::back_inserter(out),
               [&](const RecordedRequest& r) { return r.path == path; });
  return out;
}

std::size_t HttpFixtureServer::hits(std::string_view path) const {
  return requests_for(path).size();
}

std::size_t HttpFixtureServer::max_in_flight() const {
  return impl_->max_in_flight.load();
}

std::uint64_t HttpFixtureServer::streamed_bytes() const {
  return impl_->streamed.load();
}

}  // namespace vigie::testing
