// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// WebhookClient: the seam through which the delivery service POSTs a webhook (issue
// "Distribute"). service/ and worker/ see only this header; the libcurl implementation
// (fetch/curl/curl_webhook_client.h) is wired by main/ and tests.
//
// A POST goes to one URL, with the same defences as feed fetching (fetch_options.h): the SSRF
// guard on the address actually connected (allow-list for tests), connect/total/low-speed
// timeouts, no proxy read from the environment, http and https only. Redirects are NEVER
// followed: a 3xx is an answer like any other (a moved receiver must be reconfigured).
//
// Outcome classification (sent / transient / permanent):
//   2xx                                            sent
//   408, 429, 5xx                                  transient  reason fetch.http_<status>
//   other statuses (3xx, 4xx)                      permanent  reason fetch.http_<status>
//   DNS, connect, TLS, timeout, dropped connection transient  reason fetch.dns_error, ...
//   bad URL, unsupported scheme, blocked address   permanent  fetch.invalid_url,
//                                                             fetch.unsupported_scheme,
//                                                             fetch.blocked_address
// The reasons are those of fetch/http_client.h (catalog keys, with the fetch.http_4xx/5xx
// families as fallbacks).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::fetch {

struct PostOutcome {
  bool sent = false;       // a 2xx answer
  int http_status = 0;     // the answer's status, 0 when none arrived
  bool transient = false;  // when !sent: trying again later may succeed
  std::string reason;      // stable key when !sent ("fetch.http_503"); "" when sent
  std::string detail;      // technical text for the attempt record (start of the answer's body
                           // or libcurl's message)
};

class WebhookClient {
 public:
  virtual ~WebhookClient() = default;
  // POSTs `body` to `url` with `headers` (name, value; values with CR, LF or other controls
  // are refused as fetch.invalid_header, permanent). Blocks for at most the configured total
  // timeout. Never throws; thread-safe.
  virtual PostOutcome post_json(const std::string& url,
                                const std::vector<std::pair<std::string, std::string>>& headers,
                                std::string_view body) = 0;
};

}  // namespace vigie::fetch
