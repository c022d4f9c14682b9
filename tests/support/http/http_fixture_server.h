// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// HttpFixtureServer: a local HTTP(S) server for fetch and integration tests (STYLE.md H10,
// newsboat's HttpTestServer). It binds 127.0.0.1 on a free port, serves registered paths from
// a thread pool, records every request (method, path, headers, steady-clock arrival time) and
// stops in its destructor. Nothing here touches a non-loopback address.
//
// Besides canned responses and handlers it has the hostile servers the client must survive:
// a gzip bomb, an endless body, a trickling body, redirect chains and loops.
//
// Thread-safety: every member function may be called from any thread while it serves.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::testing {

enum class ContentCoding { Identity, Gzip, Deflate, Brotli, Zstd };

// The body encoded as the Content-Encoding would carry it (Deflate is the zlib format of
// RFC 9110 §8.4.1.2). Throws std::runtime_error if the encoder fails.
std::string encode_body(std::string_view body, ContentCoding coding);

// The Content-Encoding token: "gzip", "deflate", "br", "zstd" ("" for Identity).
std::string_view coding_token(ContentCoding coding);

struct RecordedRequest {
  std::string method;
  std::string path;  // without the query string
  // Header fields with lower-case names.
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::steady_clock::time_point received_at;

  // The first value of header `name` (any case), or "" when absent.
  std::string header(std::string_view name) const;
  bool has_header(std::string_view name) const;
};

struct CannedResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string content_type = "application/rss+xml";
  // Encode the body so when the request's Accept-Encoding names this coding (Content-Encoding
  // is then set); send it as it is otherwise.
  ContentCoding coding = ContentCoding::Identity;
  // Keep the request in flight this long before answering, so concurrent requests overlap on
  // the server (concurrency tests). Cut short when the server stops.
  std::chrono::milliseconds hold{0};
};

class HttpFixtureServer {
 public:
  using Handler = std::function<CannedResponse(const RecordedRequest&)>;

  struct TlsFiles {
    std::filesystem::path cert;  // PEM certificate
    std::filesystem::path key;   // PEM private key
  };

  // Plain HTTP. Throws std::runtime_error when no port can be bound.
  HttpFixtureServer();
  // HTTPS with the given certificate (see write_self_signed_cert).
  explicit HttpFixtureServer(const TlsFiles& tls);
  ~HttpFixtureServer();
  HttpFixtureServer(const HttpFixtureServer&) = delete;
  HttpFixtureServer& operator=(const HttpFixtureServer&) = delete;
  HttpFixtureServer(HttpFixtureServer&&) = delete;
  HttpFixtureServer& operator=(HttpFixtureServer&&) = delete;

  int port() const;
  // "http://127.0.0.1:<port><path>" (https for a TLS server). `path` starts with "/".
  std::string url(std::string_view path) const;
  // "127.0.0.1:<port>", the allow-list entry that lets a client reach this server.
  std::string host_port() const;

  // Registers a path (exact match, query ignored). Later registrations replace earlier ones.
  // Unregistered paths get 404.
  void serve(const std::string& path, CannedResponse response);
  void handle(const std::string& path, Handler handler);
  void redirect(const std::string& path, const std::string& location, int status = 302);

  // A valid gzip body (Content-Encoding: gzip, Content-Length set) that inflates to
  // `decompressed_bytes` zero bytes, sent whatever the request accepts. About 1 KiB on the
  // wire per MiB inflated; the compressed body is streamed, so 10 GiB costs no memory here.
  void serve_gzip_bomb(const std::string& path, std::uint64_t decompressed_bytes);
  // A chunked body of zeros that never ends; it stops when the client hangs up.
  void serve_endless(const std::string& path);
  // A chunked body of one byte per `interval`, forever.
  void serve_trickle(const std::string& path, std::chrono::milliseconds interval);

  std::vector<RecordedRequest> requests() const;
  std::vector<RecordedRequest> requests_for(std::string_view path) const;
  std::size_t hits(std::string_view path) const;
  // The most requests handled at the same moment since the server started.
  std::size_t max_in_flight() const;
  // Body bytes written by serve_endless, serve_trickle and serve_gzip_bomb routes so far.
  std::uint64_t streamed_bytes() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Writes a fresh self-signed certificate (CN=localhost, valid from an hour ago for a day) and
// its private key into `dir` as cert.pem and key.pem. No client trusts it: that is the point.
// Throws std::runtime_error on OpenSSL failure.
HttpFixtureServer::TlsFiles write_self_signed_cert(const std::filesystem::path& dir);

}  // namespace vigie::testing
