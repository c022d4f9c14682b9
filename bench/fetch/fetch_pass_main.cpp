// SPDX-License-Identifier: AGPL-3.0-or-later
// vigie_bench_fetch_pass: fetch N feeds twice with CurlHttpClient, the second pass conditional
// (ETag and Last-Modified from the first), and report wall time, bytes on the wire and peak RSS.
//
//   vigie_bench_fetch_pass --base-url http://127.0.0.1:PORT --feeds 2000
//
// Meant to run against vigie_bench_fixture_server (see run_fetch_pass.sh). All feeds share one
// host, so the per-host limits default to the global limit and no gap; pass --per-host and
// --delay-ms to see politeness cost. The ratio to read is second-pass bytes / first-pass bytes:
// what conditional GET saves on a slow, costly link.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <sys/resource.h>

#include "fetch/curl/curl_http_client.h"

namespace {

struct PassStats {
  double seconds = 0;
  std::uint64_t wire_bytes = 0;
  std::uint64_t body_bytes = 0;
  std::size_t ok = 0;
  std::size_t not_modified = 0;
  std::size_t failed = 0;
  std::string first_error;
};

PassStats run_pass(vigie::fetch::HttpClient& client,
                   std::vector<vigie::fetch::FetchRequest>& requests) {
  PassStats stats;
  const auto start = std::chrono::steady_clock::now();
  const auto results = client.fetch_all(requests);
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    if (!r.response) {
      ++stats.failed;
      stats.wire_bytes += r.failure.wire_bytes;
      if (stats.first_error.empty()) {
        stats.first_error = r.response.error().message;
      }
      continue;
    }
    stats.wire_bytes += r.response->wire_bytes;
    stats.body_bytes += r.response->body.size();
    if (r.response->outcome == vigie::fetch::FetchResponse::Outcome::NotModified) {
      ++stats.not_modified;
    } else {
      ++stats.ok;
    }
    // What a refresh stores for next time.
    requests[i].etag = r.response->etag;
    requests[i].last_modified = r.response->last_modified;
  }
  return stats;
}

void print_pass(const char* name, const PassStats& s) {
  fmt::print("{}: {:.3f} s, {} ok, {} not modified, {} failed, wire {} bytes, bodies {} bytes\n",
             name, s.seconds, s.ok, s.not_modified, s.failed, s.wire_bytes, s.body_bytes);
  if (!s.first_error.empty()) {
    fmt::print("  first error: {}\n", s.first_error);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Two fetch passes (plain, then conditional) over N feeds"};
  std::string base_url = "http://127.0.0.1:8080";
  std::size_t feeds = 2000;
  vigie::fetch::FetchOptions options;
  options.allow_list = {"127.0.0.0/8"};  // the fixture server is on loopback
  std::size_t per_host = 0;
  long delay_ms = 0;
  app.add_option("--base-url", base_url, "Fixture server root, without a trailing slash");
  app.add_option("--feeds", feeds, "Feeds to fetch: /feed/0.xml .. /feed/<N-1>.xml");
  app.add_option("--concurrency", options.max_concurrent, "FetchOptions::max_concurrent");
  app.add_option("--per-host", per_host, "Per-host concurrency (default: = --concurrency)");
  app.add_option("--delay-ms", delay_ms, "Per-host minimum gap between starts, ms");
  CLI11_PARSE(app, argc, argv);
  options.per_host_max_concurrent = per_host == 0 ? options.max_concurrent : per_host;
  options.per_host_min_delay = std::chrono::milliseconds{delay_ms};

  auto client = vigie::fetch::CurlHttpClient::create(options);
  if (!client) {
    fmt::print(stderr, "{}\n", client.error().message);
    return 1;
  }
  std::vector<vigie::fetch::FetchRequest> requests(feeds);
  for (std::size_t i = 0; i < feeds; ++i) {
    requests[i].url = fmt::format("{}/feed/{}.xml", base_url, i);
  }

  fmt::print("fetching {} feeds, concurrency {}, per host {}, gap {} ms\n", feeds,
             options.max_concurrent, options.per_host_max_concurrent, delay_ms);
  const PassStats first = run_pass(**client, requests);
  print_pass("pass 1 (plain)      ", first);
  const PassStats second = run_pass(**client, requests);
  print_pass("pass 2 (conditional)", second);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("second/first wire bytes: {:.4f}\n",
             first.wire_bytes == 0
                 ? 0.0
                 : static_cast<double>(second.wire_bytes) / static_cast<double>(first.wire_bytes));
  fmt::print("peak RSS: {:.1f} MiB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
  return first.failed + second.failed == 0 ? 0 : 2;
}
