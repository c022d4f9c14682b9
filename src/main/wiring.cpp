// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/wiring.h"

#include <atomic>
#include <chrono>
#include <csignal>
#include <ctime>
#include <random>
#include <stop_token>
#include <thread>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/try.h"
#include "fetch/curl/curl_http_client.h"
#include "main/secret_key.h"
#include "service/feed_service.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "service/people_service.h"
#include "service/refresh_service.h"
#include "service/search_service.h"
#include "service/source_service.h"
#include "service/story_service.h"
#include "service/topic_service.h"
#include "service/triage_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"
#include "web/app.h"
#include "web/feed_handler.h"
#include "web/http_server.h"
#include "web/router.h"
#include "web/unsubscribe_handler.h"
#include "worker/scheduler.h"

namespace vigie::main {

struct Wiring::Parts {
  std::unique_ptr<storage::sqlite::SqliteStore> store;
  std::unique_ptr<storage::XapianIndex> index;
  std::unique_ptr<fetch::CurlHttpClient> http;
  std::unique_ptr<service::IndexSync> sync;
  std::unique_ptr<service::IngestService> ingest;
  std::unique_ptr<service::SourceService> sources;
  std::unique_ptr<service::SearchService> search;
  std::unique_ptr<service::RefreshService> refresh;
  std::unique_ptr<service::StoryService> stories;
  std::unique_ptr<service::TopicService> topics;
  std::unique_ptr<service::PeopleService> people;
  std::unique_ptr<service::TriageService> triage;
  std::unique_ptr<service::FeedService> feeds;
};

namespace {

fetch::FetchOptions fetch_options(const FetchConfig& c) {
  fetch::FetchOptions o;
  o.max_concurrent = c.max_concurrent;
  o.per_host_max_concurrent = c.per_host_max_concurrent;
  o.per_host_min_delay = std::chrono::milliseconds(c.per_host_min_delay_ms);
  o.total_timeout = std::chrono::seconds(c.timeout_seconds);
  o.max_body_bytes = c.max_body_bytes;
  o.proxy = c.proxy;
  o.user_agent = c.user_agent;
  o.allow_list = c.allow;
  return o;
}

// Until the subscription service is wired, no unsubscribe token resolves: the pages answer
// with the neutral "invalid link" page.
// TODO(#4): SubscriptionService::unsubscribe_by_token once branch dservice lands.
web::UnsubscribeActions unsubscribe_actions() {
  auto none = [](std::string_view) -> core::Result<web::UnsubscribeView> {
    return core::make_error(core::ErrorCode::NotFound, "web.unsubscribe_unknown",
                            "web: unsubscribe tokens are not resolved yet");
  };
  return {none, none};
}

// Waits until SIGTERM or SIGINT (blocked everywhere by block_stop_signals, taken here), or
// until `self` is stopped; then stops `stop`.
void wait_for_stop_signal(const std::stop_token& self, std::stop_source& stop) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  const timespec tick{0, 200'000'000};
  while (!self.stop_requested()) {
    if (sigtimedwait(&set, nullptr, &tick) > 0) {
      stop.request_stop();
      return;
    }
  }
}

}  // namespace

Wiring::Wiring(Config config, core::Messages fr, core::Messages en)
    : config_(std::move(config)), fr_(std::move(fr)), en_(std::move(en)) {}
Wiring::~Wiring() = default;

core::Result<cli::ServiceSet*> Wiring::open() {
  if (set_) {
    return &*set_;
  }
  auto p = std::make_unique<Parts>();
  VIGIE_TRY_ASSIGN(p->store, storage::sqlite::SqliteStore::open({.path = config_.storage.db_path}));
  auto role = service::IndexRole::Writer;
  auto index = storage::XapianIndex::open(config_.effective_index_path());
  if (!index && index.error().reason == "search.locked") {
    // Another process (`vigie worker`) writes the index and keeps it up to date: search it
    // read-only, at the revision that process last committed.
    role = service::IndexRole::Follower;
    index = storage::XapianIndex::open(config_.effective_index_path(), {.read_only = true});
  }
  VIGIE_TRY_ASSIGN(p->index, std::move(index));
  VIGIE_TRY_ASSIGN(core::Organisation op, p->store->ensure_operator(config_.operator_name));
  VIGIE_TRY_ASSIGN(p->http, fetch::CurlHttpClient::create(fetch_options(config_.fetch)));
  p->sync = std::make_unique<service::IndexSync>(*p->store, *p->index, role);
  p->ingest = std::make_unique<service::IngestService>(*p->store, clock_);
  p->sources = std::make_unique<service::SourceService>(*p->store, clock_, op.id);
  p->search = std::make_unique<service::SearchService>(*p->store, *p->index, *p->sync, op.id);
  p->stories = std::make_unique<service::StoryService>(*p->store);
  service::RefreshOptions ropts;
  ropts.batch_size = config_.worker.batch_size;
  p->refresh =
      std::make_unique<service::RefreshService>(*p->store, *p->http, *p->ingest, *p->sync, clock_,
                                                ropts, std::random_device{}(), p->stories.get());
  p->topics = std::make_unique<service::TopicService>(*p->store, clock_, op.id);
  p->people = std::make_unique<service::PeopleService>(*p->store, clock_, op.id);
  p->triage = std::make_unique<service::TriageService>(*p->store, *p->topics, clock_, op.id);
  VIGIE_TRY_ASSIGN(std::string key, load_or_create_secret_key(config_.effective_secret_key_path()));
  service::FeedServiceOptions fopts;
  fopts.base_url = config_.web.base_url;
  fopts.operator_name = config_.operator_name;
  p->feeds = std::make_unique<service::FeedService>(*p->store, std::move(key), fopts, op.id);
  // Whatever a crash left between the store and the index, or before clustering, is redone.
  VIGIE_TRY(p->sync->catch_up());
  VIGIE_TRY(p->stories->assign_pending());
  parts_ = std::move(p);
  set_.emplace(cli::ServiceSet{*parts_->sources, *parts_->ingest, *parts_->search, *parts_->sync,
                               *parts_->refresh, *parts_->topics, *parts_->people, clock_, op.id,
                               *parts_->stories, *parts_->triage, *parts_->feeds});
  return &*set_;
}

void block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

core::Result<std::size_t> Wiring::run_worker(PassCallback on_pass) {
  // Before any thread starts (curl's resolver threads inherit the mask), so that only the
  // waiting thread below receives SIGTERM and SIGINT. Other commands keep the default
  // handling: an interrupted `vigie fetch` leaves a consistent database (WAL, transactions).
  block_stop_signals();
  VIGIE_TRY_ASSIGN(cli::ServiceSet * s, open());
  (void)s;
  worker::SchedulerOptions opts;
  opts.idle = std::chrono::seconds(config_.worker.idle_seconds);
  worker::Scheduler scheduler(*parts_->refresh, opts, std::move(on_pass));
  std::stop_source stop;
  std::jthread signals([&stop](const std::stop_token& self) { wait_for_stop_signal(self, stop); });
  const std::size_t passes = scheduler.run(stop.get_token());
  signals.request_stop();
  return passes;
}

core::Result<std::size_t> Wiring::run_server(const std::string& listen,
                                             ListeningCallback on_listening, PassCallback on_pass) {
  block_stop_signals();  // before any thread starts (see run_worker)
  VIGIE_TRY_ASSIGN(web::ListenAddress address,
                   web::parse_listen(listen.empty() ? config_.web.listen : listen));
  VIGIE_TRY_ASSIGN(cli::ServiceSet * s, open());
  // Access and error lines on stderr; stdout stays for the command's own output.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("vigie"));

  web::FeedHandler feeds(s->feeds);
  const web::Translations messages{fr_, en_};
  web::UnsubscribeHandler unsubscribe(unsubscribe_actions(), messages);
  web::Endpoints endpoints;
  endpoints.feeds = &feeds;
  endpoints.unsubscribe = &unsubscribe;
  endpoints.health = [this]() -> core::Status {
    VIGIE_TRY(parts_->store->topics_version());  // the database answers
    return {};
  };
  const web::App app(web::route_table(endpoints), messages);
  web::ServerOptions sopts;
  sopts.host = address.host;
  sopts.port = address.port;
  sopts.threads = config_.web.threads;
  web::HttpServer server(app, sopts);
  VIGIE_TRY_ASSIGN(int port, server.bind());
  const bool v6 = address.host.find(':') != std::string::npos;
  on_listening("http://" + (v6 ? "[" + address.host + "]" : address.host) + ":"
               + std::to_string(port));

  std::atomic<bool> served = false;
  core::Status serve_status;
  std::jthread http([&] {
    serve_status = server.serve();
    served = true;
  });
  worker::SchedulerOptions wopts;
  wopts.idle = std::chrono::seconds(config_.worker.idle_seconds);
  worker::Scheduler scheduler(*parts_->refresh, wopts, std::move(on_pass));
  std::stop_source stop;
  std::jthread signals([&stop](const std::stop_token& self) { wait_for_stop_signal(self, stop); });
  // The scheduler runs here until a signal; then the server stops accepting, lets requests in
  // progress finish, and its thread ends. stop() is repeated in case the signal came before
  // the server's loop started (it ignores a stop before it runs).
  const std::size_t passes = scheduler.run(stop.get_token());
  signals.request_stop();
  while (!served) {
    server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  http.join();
  VIGIE_TRY(serve_status);
  return passes;
}

}  // namespace vigie::main
