// SPDX-License-Identifier: AGPL-3.0-or-later
// A collection pass end to end below the CLI: real SQLite store, real Xapian index, real curl
// client, a loopback fixture server that records what it receives, and a fake clock.
#include <gtest/gtest.h>

#include "fetch/curl/curl_http_client.h"
#include "http/http_fixture_server.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "service/refresh_service.h"
#include "service/search_service.h"
#include "service/source_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"
#include "support/fake_clock.h"
#include "support/temp_dir.h"

namespace vigie::service {
namespace {

using namespace std::chrono_literals;

std::string rss(const std::string& title, int items) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title
      + "</title><link>https://news.example/</link>";
  for (int i = 0; i < items; ++i) {
    const std::string n = std::to_string(i);
    xml += "<item><title>Coton : campagne " + n + "</title><link>https://news.example/a/" + n
           + "</link><guid>urn:item:" + n + "</guid><pubDate>Mon, 02 Nov 2026 0"
           + std::to_string(i % 10)
           + ":00:00 GMT</pubDate><description>Le prix du coton graine et la campagne " + n
           + " dans la zone UEMOA.</description></item>";
  }
  return xml + "</channel></rss>";
}

using Headers = std::vector<std::pair<std::string, std::string>>;

vigie::testing::CannedResponse canned(int status, std::string body, Headers headers = {},
                                      std::string type = "application/rss+xml") {
  vigie::testing::CannedResponse c;
  c.status = status;
  c.body = std::move(body);
  c.headers = std::move(headers);
  c.content_type = std::move(type);
  return c;
}

class RefreshTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::move(*storage::sqlite::SqliteStore::open({.path = (dir_ / "v.db").string()}));
    index_ = std::move(*storage::XapianIndex::open(dir_ / "v.index"));
    fetch::FetchOptions opts;
    opts.allow_list = {server_.host_port()};
    opts.per_host_min_delay = 0ms;
    opts.low_speed_time = 2s;
    http_ = std::move(*fetch::CurlHttpClient::create(opts));
    org_ = store_->ensure_operator("CCI")->id;
    sync_ = std::make_unique<IndexSync>(*store_, *index_);
    ingest_ = std::make_unique<IngestService>(*store_, clock_);
    sources_ = std::make_unique<SourceService>(*store_, clock_, org_);
    search_ = std::make_unique<SearchService>(*store_, *index_, *sync_, org_);
    refresh_ = std::make_unique<RefreshService>(*store_, *http_, *ingest_, *sync_, clock_,
                                                RefreshOptions{}, 42);
  }

  core::Source add(const std::string& path) {
    AddSourceRequest req;
    req.url = server_.url(path);
    req.title = path;
    return *sources_->add(req);
  }

  core::Source reload(const core::Source& s) { return *store_->get_source(s.id); }

  testing::TempDir dir_;
  testing::FakeClock clock_;
  vigie::testing::HttpFixtureServer server_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  std::unique_ptr<storage::XapianIndex> index_;
  std::unique_ptr<fetch::CurlHttpClient> http_;
  core::OrgId org_ = 0;
  std::unique_ptr<IndexSync> sync_;
  std::unique_ptr<IngestService> ingest_;
  std::unique_ptr<SourceService> sources_;
  std::unique_ptr<SearchService> search_;
  std::unique_ptr<RefreshService> refresh_;
};

TEST_F(RefreshTest, StoresNewItemsRecordsHealthAndMakesThemSearchable) {
  server_.serve("/feed.xml", canned(200, rss("Coton", 5), {{"ETag", "\"v1\""}}));
  core::Source s = add("/feed.xml");
  auto report = refresh_->run_due();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->sources, 1U);
  EXPECT_EQ(report->changed, 1U);
  EXPECT_EQ(report->new_items, 5U);
  EXPECT_GT(report->wire_bytes, 0U);

  core::Source after = reload(s);
  EXPECT_EQ(after.health.last_success_at, clock_.now());
  EXPECT_EQ(after.health.etag, "\"v1\"");
  EXPECT_FALSE(after.health.last_error_reason.has_value());
  EXPECT_GT(after.health.next_check_at, clock_.now());

  auto found = search_->search("campagne", {});
  ASSERT_TRUE(found);
  EXPECT_EQ(found->results.size(), 5U);
  // Titles and snippets are marked from the stored item (the index keeps no text).
  const auto& first = found->results.front();
  EXPECT_EQ(first.title_html, "Coton : <mark>campagne</mark> " + first.item.title.substr(17));
  EXPECT_NE(first.snippet_html.find("la <mark>campagne</mark>"), std::string::npos)
      << first.snippet_html;
}

TEST_F(RefreshTest, TheNextPassIsConditionalAndNothingIsStoredTwice) {
  server_.handle("/feed.xml", [](const vigie::testing::RecordedRequest& r) {
    if (r.header("If-None-Match") == "\"v1\"") {
      return canned(304, "", {{"ETag", "\"v1\""}});
    }
    return canned(200, rss("Coton", 3), {{"ETag", "\"v1\""}});
  });
  core::Source s = add("/feed.xml");
  ASSERT_TRUE(refresh_->run_due());
  // Not due yet: nothing is fetched.
  auto early = refresh_->run_due();
  ASSERT_TRUE(early);
  EXPECT_EQ(early->sources, 0U);
  EXPECT_EQ(server_.hits("/feed.xml"), 1U);

  clock_.set(reload(s).health.next_check_at);
  auto second = refresh_->run_due();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->not_modified, 1U);
  auto requests = server_.requests_for("/feed.xml");
  ASSERT_EQ(requests.size(), 2U);
  EXPECT_EQ(requests[1].header("If-None-Match"), "\"v1\"");
  EXPECT_EQ(*store_->count_items(org_), 3U);
}

TEST_F(RefreshTest, FailuresAreKeptBackedOffAndNeverStopPolling) {
  server_.serve("/gone.xml", canned(404, "not here"));
  core::Source s = add("/gone.xml");
  std::chrono::seconds previous_gap{0};
  for (int attempt = 1; attempt <= 12; ++attempt) {
    auto r = refresh_->run_due();
    ASSERT_TRUE(r);
    ASSERT_EQ(r->failed, 1U) << "attempt " << attempt;
    core::Source now = reload(s);
    EXPECT_EQ(now.health.last_error_reason, "fetch.http_404");
    EXPECT_EQ(now.health.consecutive_failures, attempt);
    const auto gap = now.health.next_check_at - clock_.now();
    EXPECT_GE(gap, 4min);  // backoff starts at 5 min, less at most 10% jitter
    EXPECT_LE(gap, 24h);   // and is capped at a day: never disabled
    if (attempt <= 5) {
      EXPECT_GT(gap, previous_gap) << "attempt " << attempt;
    }
    previous_gap = std::chrono::duration_cast<std::chrono::seconds>(gap);
    clock_.set(now.health.next_check_at);
  }
  // The source comes back: the error clears and the count resets.
  server_.serve("/gone.xml", canned(200, rss("Retour", 1)));
  ASSERT_TRUE(refresh_->run_due());
  core::Source back = reload(s);
  EXPECT_FALSE(back.health.last_error_reason.has_value());
  EXPECT_EQ(back.health.consecutive_failures, 0);
}

TEST_F(RefreshTest, RetryAfterIsHonoured) {
  server_.serve("/busy.xml", canned(429, "", {{"Retry-After", "7200"}}));
  core::Source s = add("/busy.xml");
  ASSERT_TRUE(refresh_->run_due());
  core::Source after = reload(s);
  EXPECT_EQ(after.health.last_error_reason, "fetch.http_429");
  EXPECT_GE(after.health.next_check_at - clock_.now(), 7200s);
}

TEST_F(RefreshTest, APageThatIsNotAFeedIsTheSourcesError) {
  server_.serve("/page.html", canned(200, "<!doctype html><html><body><p>Accueil</p></body></html>",
                                     {}, "text/html"));
  core::Source s = add("/page.html");
  auto r = refresh_->run_due();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->failed, 1U);
  EXPECT_EQ(reload(s).health.last_error_reason, "ingest.not_a_feed");
}

TEST_F(RefreshTest, OneBatchOfMixedOutcomesRecordsEachSourceItsOwn) {
  // Changed documents are stored by BulkIngest while failures and 304s are recorded as they
  // come: each source must still get its own outcome.
  server_.handle("/a.xml", [](const vigie::testing::RecordedRequest& r) {
    if (r.header("If-None-Match") == "\"a1\"") {
      return canned(304, "", {{"ETag", "\"a1\""}});
    }
    return canned(200, rss("A", 3), {{"ETag", "\"a1\""}});
  });
  server_.serve("/b.xml", canned(404, "not here"));
  server_.serve("/c.html", canned(200, "<!doctype html><p>Accueil</p>", {}, "text/html"));
  server_.serve("/d.xml", canned(200, rss("D", 7), {{"ETag", "\"d1\""}}));
  std::vector<core::Source> sources = {add("/a.xml"), add("/b.xml"), add("/c.html"), add("/d.xml")};

  auto first = refresh_->refresh(sources);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->sources, 4U);
  EXPECT_EQ(first->changed, 2U);
  EXPECT_EQ(first->failed, 2U);
  EXPECT_EQ(first->new_items, 10U);
  EXPECT_EQ(reload(sources[0]).health.etag, "\"a1\"");
  EXPECT_FALSE(reload(sources[0]).health.last_error_reason.has_value());
  EXPECT_EQ(reload(sources[1]).health.last_error_reason, "fetch.http_404");
  EXPECT_EQ(reload(sources[2]).health.last_error_reason, "ingest.not_a_feed");
  EXPECT_EQ(reload(sources[3]).health.etag, "\"d1\"");
  EXPECT_FALSE(reload(sources[3]).health.last_error_reason.has_value());

  clock_.advance(1h);
  for (auto& src : sources) {
    src = reload(src);
  }
  auto second = refresh_->refresh(sources);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->not_modified, 1U);
  EXPECT_EQ(second->changed, 1U);
  EXPECT_EQ(second->failed, 2U);
  EXPECT_EQ(second->new_items, 0U);
  EXPECT_EQ(reload(sources[0]).health.last_success_at, clock_.now());
  EXPECT_EQ(reload(sources[1]).health.consecutive_failures, 2);
  EXPECT_EQ(reload(sources[2]).health.consecutive_failures, 2);
  EXPECT_EQ(reload(sources[3]).health.last_success_at, clock_.now());
  EXPECT_EQ(reload(sources[3]).health.consecutive_failures, 0);
}

TEST_F(RefreshTest, PrivateAddressesAreRefusedWithoutAnAllowListEntry) {
  fetch::FetchOptions strict;
  strict.per_host_min_delay = 0ms;
  auto http = std::move(*fetch::CurlHttpClient::create(strict));
  RefreshService refresh(*store_, *http, *ingest_, *sync_, clock_, RefreshOptions{}, 1);
  server_.serve("/feed.xml", canned(200, rss("Coton", 1)));
  core::Source s = add("/feed.xml");
  ASSERT_TRUE(refresh.run_due());
  EXPECT_EQ(reload(s).health.last_error_reason, "fetch.blocked_address");
  EXPECT_EQ(server_.hits("/feed.xml"), 0U);
}

}  // namespace
}  // namespace vigie::service
