// SPDX-License-Identifier: AGPL-3.0-or-later
// CurlHttpClient against the loopback fixture server. No test leaves 127.0.0.1: the redirects to
// private and metadata addresses are refused by the SSRF guard before a socket is opened, and
// those addresses never appear in an allow-list.
#include "fetch/curl/curl_http_client.h"

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/fake_clock.h"
#include "support/http/http_fixture_server.h"
#include "support/temp_dir.h"

namespace vigie::fetch {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using testing::CannedResponse;
using testing::ContentCoding;
using testing::HttpFixtureServer;
using testing::RecordedRequest;

constexpr std::string_view kFeed = R"(<?xml version="1.0"?><rss version="2.0"><channel>
<title>Veille coton</title><item><title>Prix du coton</title></item></channel></rss>)";

// Short timeouts keep failing tests fast; no per-host gap unless a test wants one.
FetchOptions loopback_options(const HttpFixtureServer& server) {
  FetchOptions o;
  o.allow_list = {server.host_port()};
  o.per_host_min_delay = milliseconds{0};
  o.connect_timeout = milliseconds{5000};
  o.total_timeout = milliseconds{30000};
  return o;
}

std::unique_ptr<CurlHttpClient> make_client(FetchOptions options) {
  auto client = CurlHttpClient::create(std::move(options));
  if (!client) {
    ADD_FAILURE() << client.error().message;
    return nullptr;
  }
  return std::move(*client);
}

FetchResult fetch_one(HttpClient& client, FetchRequest request) {
  auto results = client.fetch_all(std::span<const FetchRequest>(&request, 1));
  return std::move(results.at(0));
}

FetchRequest get(std::string url) {
  FetchRequest r;
  r.url = std::move(url);
  return r;
}

std::string reason_of(const FetchResult& r) {
  return r.response ? std::string("ok") : r.response.error().reason;
}

CannedResponse feed_response() {
  CannedResponse r;
  r.body = std::string(kFeed);
  return r;
}

TEST(CurlHttpClientTest, FetchesABodyWithItsMetadata) {
  HttpFixtureServer server;
  CannedResponse r = feed_response();
  r.content_type = "application/rss+xml; charset=utf-8";
  r.headers = {{"Cache-Control", "public, max-age=900"}};
  server.serve("/feed.xml", r);
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/feed.xml")));

  ASSERT_TRUE(result.response) << result.response.error().message;
  const FetchResponse& resp = *result.response;
  EXPECT_EQ(resp.outcome, FetchResponse::Outcome::Ok);
  EXPECT_EQ(resp.status, 200);
  EXPECT_EQ(resp.body, kFeed);
  EXPECT_EQ(resp.content_type, "application/rss+xml; charset=utf-8");
  EXPECT_EQ(resp.max_age, seconds{900});
  EXPECT_EQ(resp.final_url, server.url("/feed.xml"));
  EXPECT_EQ(resp.redirects, 0);
  EXPECT_EQ(resp.connected_ip, "127.0.0.1");
  EXPECT_GT(resp.wire_bytes, kFeed.size());
}

TEST(CurlHttpClientTest, SendsConditionalHeadersAndReportsNotModified) {
  HttpFixtureServer server;
  server.handle("/feed.xml", [](const RecordedRequest& req) {
    CannedResponse r = feed_response();
    r.headers = {{"ETag", "\"v1\""}, {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"}};
    if (req.header("if-none-match") == "\"v1\"") {
      r.status = 304;
      r.body.clear();
    }
    return r;
  });
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  const FetchResult first = fetch_one(*client, get(server.url("/feed.xml")));
  ASSERT_TRUE(first.response) << first.response.error().message;
  ASSERT_EQ(first.response->etag, "\"v1\"");
  ASSERT_EQ(first.response->last_modified, "Sun, 06 Nov 1994 08:49:37 GMT");

  FetchRequest again = get(server.url("/feed.xml"));
  again.etag = first.response->etag;
  again.last_modified = first.response->last_modified;
  const FetchResult second = fetch_one(*client, again);

  ASSERT_TRUE(second.response) << second.response.error().message;
  EXPECT_EQ(second.response->outcome, FetchResponse::Outcome::NotModified);
  EXPECT_EQ(second.response->status, 304);
  EXPECT_TRUE(second.response->body.empty());
  EXPECT_EQ(second.response->etag, "\"v1\"");
  EXPECT_LT(second.response->wire_bytes, first.response->wire_bytes);
  const auto requests = server.requests_for("/feed.xml");
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_FALSE(requests[0].has_header("if-none-match"));
  EXPECT_FALSE(requests[0].has_header("if-modified-since"));
  EXPECT_EQ(requests[1].header("if-none-match"), "\"v1\"");
  EXPECT_EQ(requests[1].header("if-modified-since"), "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(CurlHttpClientTest, KeepsTheRequestValidatorsWhenA304OmitsThem) {
  HttpFixtureServer server;
  CannedResponse r;
  r.status = 304;
  server.serve("/feed.xml", r);
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);
  FetchRequest req = get(server.url("/feed.xml"));
  req.etag = "W/\"abc\"";
  req.last_modified = "Sun, 06 Nov 1994 08:49:37 GMT";

  const FetchResult result = fetch_one(*client, req);

  ASSERT_TRUE(result.response) << result.response.error().message;
  EXPECT_EQ(result.response->outcome, FetchResponse::Outcome::NotModified);
  EXPECT_EQ(result.response->etag, "W/\"abc\"");
  EXPECT_EQ(result.response->last_modified, "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(CurlHttpClientTest, SendsUserAgentAndAcceptAndDropsValidatorsThatWouldInjectHeaders) {
  HttpFixtureServer server;
  server.serve("/feed.xml", feed_response());
  FetchOptions o = loopback_options(server);
  o.user_agent = "VigieTest/1.0";
  const auto client = make_client(o);
  ASSERT_TRUE(client);
  FetchRequest req = get(server.url("/feed.xml"));
  req.etag = "\"x\"\r\nX-Injected: yes";

  ASSERT_TRUE(fetch_one(*client, req).response);
  FetchRequest custom = get(server.url("/feed.xml"));
  custom.user_agent = "Mozilla/5.0 (source override)";
  ASSERT_TRUE(fetch_one(*client, custom).response);

  const auto requests = server.requests_for("/feed.xml");
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[0].header("user-agent"), "VigieTest/1.0");
  EXPECT_NE(requests[0].header("accept").find("application/rss+xml"), std::string::npos);
  EXPECT_FALSE(requests[0].has_header("x-injected"));
  EXPECT_FALSE(requests[0].has_header("if-none-match"));
  EXPECT_EQ(requests[1].header("user-agent"), "Mozilla/5.0 (source override)");
}

TEST(CurlHttpClientTest, DecodesEveryOfferedContentCoding) {
  HttpFixtureServer server;
  std::string body;
  for (int i = 0; i < 200; ++i) {
    body += "<item><title>Filière coton, campagne " + std::to_string(i) + "</title></item>\n";
  }
  const ContentCoding codings[] = {ContentCoding::Gzip, ContentCoding::Deflate,
                                   ContentCoding::Brotli, ContentCoding::Zstd};
  for (const ContentCoding coding : codings) {
    CannedResponse r;
    r.body = body;
    r.coding = coding;
    server.serve("/" + std::string(testing::coding_token(coding)), r);
  }
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);
  for (const ContentCoding coding : codings) {
    const std::string token(testing::coding_token(coding));
    SCOPED_TRACE(token);
    const FetchResult result = fetch_one(*client, get(server.url("/" + token)));
    ASSERT_TRUE(result.response) << result.response.error().message;
    EXPECT_EQ(result.response->body, body);
    EXPECT_LT(result.response->wire_bytes, body.size() / 2);
    const auto requests = server.requests_for("/" + token);
    ASSERT_EQ(requests.size(), 1U);
    EXPECT_NE(requests[0].header("accept-encoding").find(token), std::string::npos);
  }
}

TEST(CurlHttpClientTest, FollowsRedirectsWithinTheLimit) {
  HttpFixtureServer server;
  server.redirect("/r1", "/r2", 301);
  server.redirect("/r2", server.url("/r3"), 302);
  server.redirect("/r3", "/feed.xml", 307);
  server.serve("/feed.xml", feed_response());
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/r1")));

  ASSERT_TRUE(result.response) << result.response.error().message;
  EXPECT_EQ(result.response->body, kFeed);
  EXPECT_EQ(result.response->redirects, 3);
  EXPECT_EQ(result.response->final_url, server.url("/feed.xml"));
}

TEST(CurlHttpClientTest, StopsLongRedirectChainsAndLoops) {
  HttpFixtureServer server;
  for (int i = 0; i < 8; ++i) {
    server.redirect("/chain" + std::to_string(i), "/chain" + std::to_string(i + 1));
  }
  server.serve("/chain8", feed_response());
  server.redirect("/loop-a", "/loop-b");
  server.redirect("/loop-b", "/loop-a");
  FetchOptions o = loopback_options(server);
  o.max_redirects = 5;
  const auto client = make_client(o);
  ASSERT_TRUE(client);
  const std::vector<FetchRequest> requests = {get(server.url("/chain0")),
                                              get(server.url("/loop-a"))};

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), 2U);
  for (const FetchResult& r : results) {
    EXPECT_EQ(reason_of(r), "fetch.too_many_redirects");
    EXPECT_EQ(r.failure.redirects, 5);
  }
  EXPECT_EQ(server.hits("/chain6"), 0U);
  EXPECT_LE(server.hits("/loop-a") + server.hits("/loop-b"), 6U);
}

TEST(CurlHttpClientTest, RefusesLoopbackWithoutAnAllowListEntryBeforeConnecting) {
  HttpFixtureServer server;
  server.serve("/feed.xml", feed_response());
  FetchOptions o = loopback_options(server);
  o.allow_list.clear();
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/feed.xml")));

  ASSERT_FALSE(result.response);
  EXPECT_EQ(reason_of(result), "fetch.blocked_address");
  EXPECT_EQ(result.response.error().code, core::ErrorCode::PermissionDenied);
  EXPECT_EQ(result.failure.blocked_ip, "127.0.0.1");
  EXPECT_EQ(server.requests().size(), 0U);
}

TEST(CurlHttpClientTest, AllowsLoopbackByCidrOrHostPortEntry) {
  HttpFixtureServer server;
  server.serve("/feed.xml", feed_response());
  const std::vector<std::string> entries[] = {{"127.0.0.0/8"}, {server.host_port()}};
  for (const auto& allow : entries) {
    SCOPED_TRACE(allow.front());
    FetchOptions o = loopback_options(server);
    o.allow_list = allow;
    const auto client = make_client(o);
    ASSERT_TRUE(client);
    EXPECT_EQ(reason_of(fetch_one(*client, get(server.url("/feed.xml")))), "ok");
  }
}

TEST(CurlHttpClientTest, RefusesRedirectsToPrivateAndMetadataAddresses) {
  HttpFixtureServer server;
  HttpFixtureServer other;  // loopback too, but on a port the allow-list does not name
  other.serve("/feed.xml", feed_response());
  struct Case {
    const char* path;
    std::string location;
    const char* blocked_ip;
  };
  const Case cases[] = {
      {"/to-private", "http://10.0.0.1:" + std::to_string(server.port()) + "/feed.xml", "10.0.0.1"},
      {"/to-metadata", "http://169.254.169.254/latest/meta-data/", "169.254.169.254"},
      {"/to-mapped", "http://[::ffff:10.0.0.1]/feed.xml", "::ffff:10.0.0.1"},
      {"/to-cgnat", "http://100.64.0.1/feed.xml", "100.64.0.1"},
      {"/to-other-port", other.url("/feed.xml"), "127.0.0.1"},
  };
  for (const Case& c : cases) {
    server.redirect(c.path, c.location);
  }
  const auto client = make_client(loopback_options(server));  // allows server's port only
  ASSERT_TRUE(client);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path);
    const FetchResult result = fetch_one(*client, get(server.url(c.path)));
    EXPECT_EQ(reason_of(result), "fetch.blocked_address");
    EXPECT_EQ(result.failure.blocked_ip, c.blocked_ip);
    EXPECT_EQ(result.failure.redirects, 1);
  }
  EXPECT_EQ(other.requests().size(), 0U);
}

TEST(CurlHttpClientTest, RefusesOtherSchemesUpFrontAndOnRedirect) {
  HttpFixtureServer server;
  server.redirect("/to-file", "file:///etc/passwd");
  server.redirect("/to-ftp", "ftp://127.0.0.1/feed.xml");
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);
  const std::vector<FetchRequest> requests = {
      get("file:///etc/passwd"), get("ftp://127.0.0.1/x"),    get("not a url"),
      get("http:///x"),          get(server.url("/to-file")), get(server.url("/to-ftp"))};

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), requests.size());
  EXPECT_EQ(reason_of(results[0]), "fetch.unsupported_scheme");
  EXPECT_EQ(reason_of(results[1]), "fetch.unsupported_scheme");
  EXPECT_EQ(reason_of(results[2]), "fetch.invalid_url");
  EXPECT_EQ(reason_of(results[3]), "fetch.invalid_url");
  EXPECT_EQ(reason_of(results[4]), "fetch.unsupported_scheme");
  EXPECT_EQ(reason_of(results[5]), "fetch.unsupported_scheme");
}

TEST(CurlHttpClientTest, CapsTheDecompressedSizeOfAGzipBomb) {
  HttpFixtureServer server;
  server.serve_gzip_bomb("/bomb.xml", 1ULL << 30);  // 1 GiB inflated, about 1 MiB sent
  FetchOptions o = loopback_options(server);
  o.max_body_bytes = 1 << 20;
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/bomb.xml")));

  EXPECT_EQ(reason_of(result), "fetch.body_too_large");
  EXPECT_EQ(result.failure.status, 200);
  EXPECT_LT(result.failure.wire_bytes, 64U * 1024);  // stopped after ~1 MiB inflated
}

TEST(CurlHttpClientTest, StopsAnEndlessBodyAtTheCap) {
  HttpFixtureServer server;
  server.serve_endless("/endless");
  FetchOptions o = loopback_options(server);
  o.max_body_bytes = 256ULL * 1024;
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/endless")));

  EXPECT_EQ(reason_of(result), "fetch.body_too_large");
}

TEST(CurlHttpClientTest, StopsATricklingResponseWithTheLowSpeedLimit) {
  HttpFixtureServer server;
  server.serve_trickle("/slow", milliseconds{200});
  FetchOptions o = loopback_options(server);
  o.low_speed_limit_bytes_per_second = 1000;
  o.low_speed_time = seconds{1};
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/slow")));

  ASSERT_FALSE(result.response);
  EXPECT_EQ(reason_of(result), "fetch.timeout");
  EXPECT_EQ(result.response.error().code, core::ErrorCode::Unavailable);
}

TEST(CurlHttpClientTest, MapsErrorStatusesAndReadsRetryAfter) {
  HttpFixtureServer server;
  struct Case {
    int status;
    std::vector<std::pair<std::string, std::string>> headers;
    const char* reason;
    core::ErrorCode code;
    std::optional<seconds> retry_after;
  };
  const Case cases[] = {
      {404, {}, "fetch.http_404", core::ErrorCode::NotFound, std::nullopt},
      {410, {}, "fetch.http_410", core::ErrorCode::NotFound, std::nullopt},
      {429, {{"Retry-After", "120"}}, "fetch.http_429", core::ErrorCode::Unavailable, seconds{120}},
      {500, {}, "fetch.http_500", core::ErrorCode::Unavailable, std::nullopt},
      {503,
       {{"Date", "Sun, 06 Nov 1994 08:49:37 GMT"},
        {"Retry-After", "Sun, 06 Nov 1994 09:49:37 GMT"}},
       "fetch.http_503",
       core::ErrorCode::Unavailable,
       seconds{3600}},
  };
  std::vector<FetchRequest> requests;
  for (const Case& c : cases) {
    CannedResponse r;
    r.status = c.status;
    r.headers = c.headers;
    r.body = "error page";
    r.content_type = "text/html";
    const std::string path = "/status/" + std::to_string(c.status);
    server.serve(path, r);
    requests.push_back(get(server.url(path)));
  }
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), std::size(cases));
  for (std::size_t i = 0; i < results.size(); ++i) {
    const Case& c = cases[i];
    SCOPED_TRACE(c.status);
    EXPECT_EQ(reason_of(results[i]), c.reason);
    ASSERT_FALSE(results[i].response);
    EXPECT_EQ(results[i].response.error().code, c.code);
    EXPECT_EQ(results[i].failure.status, c.status);
    EXPECT_EQ(results[i].failure.retry_after, c.retry_after);
    EXPECT_EQ(results[i].failure.connected_ip, "127.0.0.1");
  }
}

TEST(CurlHttpClientTest, ReportsAnUntrustedCertificateAsTlsError) {
  const vigie::testing::TempDir dir;
  HttpFixtureServer server(testing::write_self_signed_cert(dir.path()));
  server.serve("/feed.xml", feed_response());
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get(server.url("/feed.xml")));

  EXPECT_EQ(reason_of(result), "fetch.tls_error");
  EXPECT_EQ(server.requests().size(), 0U);
}

TEST(CurlHttpClientTest, NeverExceedsThePerHostConcurrencyLimit) {
  HttpFixtureServer server;
  CannedResponse slow = feed_response();
  slow.hold = milliseconds{50};  // lets requests overlap if the client allowed it
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 20; ++i) {
    const std::string path = "/feed/" + std::to_string(i) + ".xml";
    server.serve(path, slow);
    requests.push_back(get(server.url(path)));
  }
  FetchOptions o = loopback_options(server);
  o.per_host_max_concurrent = 2;
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), 20U);
  for (std::size_t i = 0; i < results.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(results[i].response) << results[i].response.error().message;
    EXPECT_EQ(results[i].response->final_url, requests[i].url);  // same order as requested
  }
  EXPECT_EQ(server.requests().size(), 20U);
  EXPECT_LE(server.max_in_flight(), 2U);
}

TEST(CurlHttpClientTest, RunsRequestsConcurrentlyWhenTheLimitAllows) {
  // The counterpart of the test above: the server does see overlap when the client allows it,
  // so the <= 2 there is a real observation.
  HttpFixtureServer server;
  CannedResponse slow = feed_response();
  slow.hold = milliseconds{300};
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 8; ++i) {
    const std::string path = "/feed/" + std::to_string(i) + ".xml";
    server.serve(path, slow);
    requests.push_back(get(server.url(path)));
  }
  FetchOptions o = loopback_options(server);
  o.per_host_max_concurrent = 8;
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), 8U);
  EXPECT_GT(server.max_in_flight(), 2U);
}

TEST(CurlHttpClientTest, SpacesRequestStartsToOneHostByTheMinimumDelay) {
  vigie::testing::FakeClock clock;
  std::vector<std::chrono::steady_clock::time_point> fake_arrivals;
  std::mutex mutex;
  HttpFixtureServer server;  // after what its handler uses: it stops first
  server.handle("/feed.xml", [&](const RecordedRequest&) {
    const std::lock_guard lock(mutex);
    fake_arrivals.push_back(clock.steady_now());
    return feed_response();
  });
  FetchOptions o = loopback_options(server);
  o.per_host_min_delay = milliseconds{2000};
  o.per_host_max_concurrent = 2;
  int sleeps = 0;
  auto created = CurlHttpClient::create(o, clock, [&](std::chrono::steady_clock::time_point t) {
    ++sleeps;
    clock.advance(std::chrono::ceil<seconds>(t - clock.steady_now()));
  });
  ASSERT_TRUE(created) << created.error().message;
  const std::vector<FetchRequest> requests(4, get(server.url("/feed.xml")));

  const auto results = (*created)->fetch_all(requests);

  for (const FetchResult& r : results) {
    EXPECT_EQ(reason_of(r), "ok");
  }
  {
    const std::lock_guard lock(mutex);
    ASSERT_EQ(fake_arrivals.size(), 4U);
    for (std::size_t i = 1; i < fake_arrivals.size(); ++i) {
      SCOPED_TRACE(i);
      EXPECT_GE(fake_arrivals[i] - fake_arrivals[i - 1], seconds{2});
    }
  }
  EXPECT_EQ(sleeps, 3);

  // The gap also holds across batches: the next batch waits for it.
  const auto again = (*created)->fetch_all(std::span(requests).first(1));
  EXPECT_EQ(reason_of(again.at(0)), "ok");
  EXPECT_EQ(sleeps, 4);
}

TEST(CurlHttpClientTest, ReturnsResultsInRequestOrderAcrossHostsAndFailures) {
  HttpFixtureServer a;
  HttpFixtureServer b;
  a.serve("/a.xml", feed_response());
  CannedResponse gone;
  gone.status = 410;
  b.serve("/gone.xml", gone);
  FetchOptions o = loopback_options(a);
  o.allow_list = {a.host_port(), b.host_port()};
  const auto client = make_client(o);
  ASSERT_TRUE(client);
  const std::vector<FetchRequest> requests = {get(b.url("/gone.xml")), get("gopher://x/"),
                                              get(a.url("/a.xml")), get(b.url("/missing"))};

  const auto results = client->fetch_all(requests);

  ASSERT_EQ(results.size(), 4U);
  EXPECT_EQ(reason_of(results[0]), "fetch.http_410");
  EXPECT_EQ(reason_of(results[1]), "fetch.unsupported_scheme");
  EXPECT_EQ(reason_of(results[2]), "ok");
  EXPECT_EQ(reason_of(results[3]), "fetch.http_404");
  EXPECT_TRUE(client->fetch_all({}).empty());
}

// Sets environment variables for its scope (STYLE.md H10: environment changes are RAII-scoped).
class ScopedEnv {
 public:
  ScopedEnv(std::initializer_list<std::pair<const char*, const char*>> vars) {
    for (const auto& [name, value] : vars) {
      const char* old = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): test setup
      saved_.emplace_back(name, old != nullptr ? std::optional<std::string>(old) : std::nullopt);
      ::setenv(name, value, 1);  // NOLINT(concurrency-mt-unsafe): test setup
    }
  }
  ~ScopedEnv() {
    for (const auto& [name, old] : saved_) {
      if (old) {
        ::setenv(name.c_str(), old->c_str(), 1);  // NOLINT(concurrency-mt-unsafe)
      } else {
        ::unsetenv(name.c_str());  // NOLINT(concurrency-mt-unsafe)
      }
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ScopedEnv(ScopedEnv&&) = delete;
  ScopedEnv& operator=(ScopedEnv&&) = delete;

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(CurlHttpClientTest, IgnoresProxyEnvironmentVariablesWhenNoProxyIsConfigured) {
  HttpFixtureServer server;
  server.serve("/feed.xml", feed_response());
  const ScopedEnv env({{"http_proxy", "http://127.0.0.1:9"},
                       {"HTTPS_PROXY", "http://127.0.0.1:9"},
                       {"ALL_PROXY", "http://127.0.0.1:9"}});
  const auto client = make_client(loopback_options(server));
  ASSERT_TRUE(client);

  EXPECT_EQ(reason_of(fetch_one(*client, get(server.url("/feed.xml")))), "ok");
  EXPECT_EQ(server.hits("/feed.xml"), 1U);
}

TEST(CurlHttpClientTest, SendsRequestsThroughTheConfiguredProxy) {
  // The fixture server plays the proxy: a proxied request arrives with the absolute URL as its
  // target, which is the path it is registered under.
  HttpFixtureServer proxy;
  proxy.serve("http://feeds.example/feed.xml", feed_response());
  FetchOptions o = loopback_options(proxy);
  o.allow_list.clear();  // the configured proxy is trusted; the guard checks the targets
  o.proxy = "http://" + proxy.host_port();
  const auto client = make_client(o);
  ASSERT_TRUE(client);

  const FetchResult result = fetch_one(*client, get("http://feeds.example/feed.xml"));

  ASSERT_TRUE(result.response) << result.response.error().message;
  EXPECT_EQ(result.response->body, kFeed);
  EXPECT_EQ(proxy.hits("http://feeds.example/feed.xml"), 1U);
}

TEST(CurlHttpClientTest, RefusesPrivateLiteralTargetsThroughAProxy) {
  HttpFixtureServer proxy;
  FetchOptions o = loopback_options(proxy);
  o.allow_list.clear();
  o.proxy = "http://" + proxy.host_port();
  const auto client = make_client(o);
  ASSERT_TRUE(client);
  const std::vector<FetchRequest> requests = {
      get("http://10.0.0.1/feed.xml"), get("http://169.254.169.254/latest/meta-data/"),
      get("http://localhost:8080/feed.xml"), get("http://127.1/feed.xml")};

  const auto results = client->fetch_all(requests);

  for (const FetchResult& r : results) {
    EXPECT_EQ(reason_of(r), "fetch.blocked_address");
  }
  EXPECT_EQ(results.at(0).failure.blocked_ip, "10.0.0.1");
  EXPECT_EQ(proxy.requests().size(), 0U);
}

TEST(CurlHttpClientTest, RefusesInvalidOptionsAtCreation) {
  FetchOptions o;
  o.allow_list = {"not an entry"};
  const auto client = CurlHttpClient::create(o);
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().reason, "fetch.invalid_options");
}

}  // namespace
}  // namespace vigie::fetch
