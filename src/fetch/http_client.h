// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// HttpClient: the seam between the services and the network. service/ and worker/ see only
// this header; the libcurl implementation lives in fetch/curl/ and is wired by main/ (tests use
// it directly against a loopback fixture server).
//
// One call fetches a batch of URLs concurrently, politely and defensively:
//   - conditional GET: the caller passes the validators it stored (ETag, Last-Modified) and
//     gets Outcome::NotModified on 304, which is a success, not an error (STYLE.md H4);
//   - per-host politeness: at most FetchOptions::per_host_max_concurrent transfers to one host
//     and FetchOptions::per_host_min_delay between two request starts to it;
//   - compressed transfer (gzip, deflate, brotli, zstd), with the body cap applied to the
//     DECOMPRESSED size;
//   - redirects followed (http and https only), bounded by FetchOptions::max_redirects;
//   - SSRF guard: the address actually connected is checked on every hop, before the
//     connection is opened, against the allow-list (see fetch_options.h).
//
// Error reasons (core::Error::reason), the stable keys for the message catalogs:
//   fetch.invalid_url          the URL does not parse as an absolute URL with a host
//                              (InvalidInput)
//   fetch.unsupported_scheme   not http or https, also for a redirect to ftp: or file:
//                              (InvalidInput)
//   fetch.dns_error            the host name does not resolve (Unavailable)
//   fetch.connect_error        no TCP connection could be made (Unavailable)
//   fetch.proxy_error          the configured proxy could not be resolved or refused the
//                              tunnel (Unavailable)
//   fetch.timeout              connect, total or low-speed time exceeded (Unavailable)
//   fetch.tls_error            handshake failed or certificate not trusted (Unavailable)
//   fetch.protocol_error       the connection dropped mid-response or the server sent
//                              something that is not HTTP (Unavailable)
//   fetch.too_many_redirects   more than max_redirects hops, redirect loops included
//                              (InvalidInput)
//   fetch.body_too_large       decompressed body over max_body_bytes (InvalidInput)
//   fetch.bad_encoding         Content-Encoding could not be decoded (InvalidInput)
//   fetch.blocked_address      the SSRF guard refused the address of some hop
//                              (PermissionDenied)
//   fetch.http_<status>        the final response had an error status; the three digits are
//                              the actual code: fetch.http_404, fetch.http_410 (NotFound),
//                              fetch.http_401, fetch.http_403 (PermissionDenied),
//                              fetch.http_408, fetch.http_429 and every fetch.http_5xx
//                              (Unavailable), other fetch.http_4xx (InvalidInput), and a
//                              redirect status without a usable Location, e.g. fetch.http_300
//                              (InvalidInput). Catalogs should fall back from the exact code to
//                              "fetch.http_4xx" / "fetch.http_5xx" / "fetch.http_3xx".
//   fetch.transfer_error       any other libcurl failure (Unavailable)
//   fetch.internal             out of memory or a libcurl setup failure (Internal)

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"

namespace vigie::fetch {

// One GET to make.
struct FetchRequest {
  // Absolute http:// or https:// URL.
  std::string url;
  // Validators from the previous successful fetch of this URL, sent as If-None-Match and
  // If-Modified-Since. Pass them back exactly as received (the ETag with its quotes).
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  // Overrides FetchOptions::user_agent for this request when not empty (a source configured to
  // present a browser agent, for instance).
  std::string user_agent;
};

// A successful fetch: a 2xx body, or a 304.
struct FetchResponse {
  enum class Outcome {
    Ok,           // 2xx: body holds the new content
    NotModified,  // 304: the stored copy is current; body is empty
  };
  Outcome outcome = Outcome::Ok;
  // Final HTTP status (200, 203, 304, ...).
  long status = 0;
  // Decompressed body, at most FetchOptions::max_body_bytes.
  std::string body;
  // Content-Type of the final response, as sent (charset parameter included), or empty.
  std::string content_type;
  // Validators to store for the next fetch. On NotModified, when the 304 omits one, the value
  // sent in the request is returned, so the caller can always store what it gets.
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  // Retry-After (delay-seconds or HTTP-date, measured from the response's Date) and
  // Cache-Control max-age, when the final response carried them. Hints for poll_policy.h.
  std::optional<std::chrono::seconds> retry_after;
  std::optional<std::chrono::seconds> max_age;
  // URL of the last hop after redirects, and the number of redirects followed.
  std::string final_url;
  int redirects = 0;
  // Bytes received on the wire: headers of every hop plus the final body as transferred
  // (compressed). The figure the bandwidth budget cares about.
  std::uint64_t wire_bytes = 0;
  // Address of the server that answered the last hop ("203.0.113.7", "2001:db8::1"), or the
  // proxy's when one is configured. For logs and the evidence trail.
  std::string connected_ip;
};

// Facts about a failed fetch that the scheduler and the logs need. core::Error stays the error
// type; this rides beside it.
struct FetchFailure {
  // HTTP status of the final response, 0 when none arrived (DNS, connect, TLS, guard, ...).
  long status = 0;
  // Retry-After of the error response (429 and 503 usually), already converted to a delay.
  std::optional<std::chrono::seconds> retry_after;
  // As in FetchResponse, for what happened before the failure.
  std::string final_url;
  int redirects = 0;
  std::uint64_t wire_bytes = 0;
  std::string connected_ip;
  // For fetch.blocked_address: the address the guard refused.
  std::string blocked_ip;
};

// One result per request: the response, or the error plus its facts.
struct FetchResult {
  core::Result<FetchResponse> response;
  // Meaningful only when !response; default-constructed otherwise.
  FetchFailure failure;
};

// Fetches batches of URLs. Implementations document their own thread-safety; the curl one
// serialises concurrent fetch_all calls on one instance.
class HttpClient {
 public:
  virtual ~HttpClient() = default;

  // Fetches every request concurrently, under the global and per-host limits, and returns one
  // FetchResult per request, in the order of `requests`. Requests that fail do not affect the
  // others. An empty batch returns an empty vector at once.
  // Blocks until every transfer has finished or failed (each is bounded by
  // FetchOptions::total_timeout; the per-host gap may add waiting between starts).
  // Errors per request: the reasons listed at the top of this file.
  virtual std::vector<FetchResult> fetch_all(std::span<const FetchRequest> requests) = 0;
};

}  // namespace vigie::fetch
