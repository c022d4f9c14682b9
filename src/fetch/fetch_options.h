// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// FetchOptions: the typed configuration of the HTTP client (STYLE.md H6). Every field has a
// default that suits a watch cell polling a few hundred feeds over a slow link; main/ overrides
// them from the config file, VIGIE_* variables and flags, then calls validate_fetch_options().

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace vigie::fetch {

struct FetchOptions {
  // Transfers in flight at once over all hosts. Default 16. Raise on a fat link with many hosts;
  // each transfer holds at most max_body_bytes of memory.
  std::size_t max_concurrent = 16;

  // Transfers in flight at once to one host (the host name of the request URL, ports ignored).
  // Default 2, the old RFC 2616 courtesy figure; most feed hosts are small sites.
  std::size_t per_host_max_concurrent = 2;

  // Minimum gap between the starts of two requests to one host. Default 1 s. Zero disables the
  // gap (benchmarks against a local server).
  std::chrono::milliseconds per_host_min_delay{1000};

  // Time allowed for DNS + TCP + TLS of one connection. Default 15 s: slow links are slow.
  std::chrono::milliseconds connect_timeout{15'000};

  // Time allowed for one whole fetch, redirects included. Default 120 s.
  std::chrono::milliseconds total_timeout{120'000};

  // A transfer slower than low_speed_limit_bytes_per_second for low_speed_time is aborted with
  // fetch.timeout: it stops trickling servers long before total_timeout. Default 100 B/s for
  // 30 s, which a working 2G link still beats.
  std::uint32_t low_speed_limit_bytes_per_second = 100;
  std::chrono::seconds low_speed_time{30};

  // Redirect hops followed per fetch. Default 5; a loop fails with fetch.too_many_redirects.
  int max_redirects = 5;

  // Cap on the DECOMPRESSED body, in bytes. Default 20 MiB: real feeds are under 2 MiB, and a
  // compression bomb is stopped here with fetch.body_too_large.
  std::uint64_t max_body_bytes = 20ULL * 1024 * 1024;

  // Proxy URL ("http://proxy.lan:3128", "socks5h://..."). Empty: no proxy. The proxy
  // environment variables (http_proxy, HTTPS_PROXY, ...) are NEVER read implicitly: what the
  // client does depends on this field only; main/ may copy an environment value into it.
  // With a proxy, the SSRF guard can check only IP-literal hosts (the proxy resolves names).
  std::string proxy;

  // User-Agent sent when a request does not carry its own. Sites block empty agents.
  std::string user_agent = "Vigie/0.1 (feed reader; economic intelligence watch)";

  // Accept header sent with every request: feed types first, anything else last.
  std::string accept =
      "application/rss+xml, application/atom+xml, application/feed+json, "
      "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

  // SSRF guard exceptions. By default the client refuses to connect to loopback, private,
  // link-local, CGNAT, unique-local, multicast, reserved and unspecified addresses (IPv4-mapped
  // IPv6 forms included). Each entry re-allows one destination:
  //   "10.1.0.0/16", "::1/128"   a CIDR block (a bare address means /32 or /128);
  //   "intranet.lan:8080"        a host name and port, matched against the URL of each hop;
  //   "127.0.0.1:8080", "[::1]:8080"  an address and port.
  // Default empty. Tests use it for their loopback fixture server.
  std::vector<std::string> allow_list;

  // Offer HTTP/2 over TLS (ALPN); plain http:// stays HTTP/1.1. Default on.
  bool http2 = true;

  // CA bundle file for TLS verification. Empty: the system store. Verification is never off.
  std::string ca_file;
};

// Checks field ranges and parses the allow-list.
// Returns fetch.invalid_options (InvalidInput) naming the first bad field or allow-list entry.
core::Status validate_fetch_options(const FetchOptions& options);

}  // namespace vigie::fetch
