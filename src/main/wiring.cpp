// SPDX-License-Identifier: AGPL-3.0-or-later
#include "main/wiring.h"

#include <algorithm>
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
#include "fetch/curl/curl_webhook_client.h"
#include "mail/smtp/smtp_mailer.h"
#include "main/catalogs.h"
#include "main/secret_key.h"
#include "service/delivery_service.h"
#include "service/digest_scheduler.h"
#include "service/feed_service.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "service/outbox_renderer.h"
#include "service/people_service.h"
#include "service/refresh_service.h"
#include "service/search_service.h"
#include "service/source_service.h"
#include "service/story_service.h"
#include "service/subscription_service.h"
#include "service/topic_service.h"
#include "service/triage_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/xapian/xapian_index.h"
#include "web/app.h"
#include "web/feed_handler.h"
#include "web/http_server.h"
#include "web/router.h"
#include "web/unsubscribe_handler.h"
#include "worker/delivery_loop.h"
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
  std::unique_ptr<mail::Mailer> mailer;
  std::unique_ptr<fetch::WebhookClient> webhooks;
  core::Messages fr;
  core::Messages en;
  std::unique_ptr<service::SubscriptionService> subscriptions;
  std::unique_ptr<service::StoreOutboxRenderer> renderer;
  std::unique_ptr<service::DeliveryService> deliveries;
  std::unique_ptr<service::DigestScheduler> digests;
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

// Without VIGIE_SMTP_URL, email deliveries wait (transient) until the operator sets it.
class UnconfiguredMailer final : public mail::Mailer {
 public:
  mail::SendOutcome send(const mail::Envelope&, std::string_view) override {
    return {mail::SendStatus::Transient, 0, "mail.not_configured",
            "mail: VIGIE_SMTP_URL is not set"};
  }
};

core::Result<std::unique_ptr<mail::Mailer>> make_mailer(const MailConfig& c) {
  if (c.smtp_url.empty()) {
    return std::make_unique<UnconfiguredMailer>();
  }
  mail::smtp::SmtpOptions o;
  o.url = c.smtp_url;
  o.require_tls = c.require_tls;
  o.ca_file = c.ca_file;
  o.total_timeout = std::chrono::seconds(c.timeout_seconds);
  VIGIE_TRY_ASSIGN(auto m, mail::smtp::SmtpMailer::create(o));
  return std::unique_ptr<mail::Mailer>(std::move(m));
}

std::optional<core::Timestamp> fixed_now(const Config& c) {
  if (c.fixed_now.empty()) {
    return std::nullopt;
  }
  return core::parse_iso8601_strict(c.fixed_now);
}

// What an unsubscribe token names, as the page shows it.
web::UnsubscribeView unsubscribe_view(const service::UnsubscribeTarget& t) {
  web::UnsubscribeView v;
  v.lang = t.user.lang;
  v.email = t.user.email;
  // A digest token serves every subscription of one rhythm; an alert token one subscription.
  // None left (a second click on a digest link): the page speaks of "these messages".
  v.rhythm = t.subscriptions.empty()
                 ? std::string()
                 : std::string(core::to_string(t.subscriptions.front().subscription.rhythm));
  for (const auto& s : t.subscriptions) {
    if (std::find(v.topics.begin(), v.topics.end(), s.topic.name) == v.topics.end()) {
      v.topics.push_back(s.topic.name);
    }
  }
  return v;
}

// The unsubscribe pages' actions, over the subscription service.
web::UnsubscribeActions unsubscribe_actions(service::SubscriptionService& subscriptions) {
  return {[&subscriptions](std::string_view token) -> core::Result<web::UnsubscribeView> {
            VIGIE_TRY_ASSIGN(auto t, subscriptions.resolve_unsubscribe_token(std::string(token)));
            return unsubscribe_view(t);
          },
          [&subscriptions](std::string_view token) -> core::Result<web::UnsubscribeView> {
            VIGIE_TRY_ASSIGN(auto t, subscriptions.unsubscribe_by_token(std::string(token)));
            return unsubscribe_view(t);
          }};
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

Wiring::Wiring(Config config) : config_(std::move(config)), clock_(fixed_now(config_)) {}
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
  VIGIE_TRY(open_distribution(*p, op.id));
  // Whatever a crash left between the store and the index, or before clustering, is redone.
  VIGIE_TRY(p->sync->catch_up());
  VIGIE_TRY(p->stories->assign_pending());
  parts_ = std::move(p);
  set_.emplace(cli::ServiceSet{*parts_->sources, *parts_->ingest, *parts_->search, *parts_->sync,
                               *parts_->refresh, *parts_->topics, *parts_->people, clock_, op.id,
                               *parts_->stories, *parts_->triage, *parts_->subscriptions,
                               *parts_->deliveries, *parts_->digests, *parts_->feeds});
  return &*set_;
}

core::Status Wiring::open_distribution(Parts& p, core::OrgId op) {
  p.store->set_give_up_after(std::chrono::hours(config_.outbox.give_up_hours));
  VIGIE_TRY_ASSIGN(auto key, load_or_create_secret_key(config_.effective_secret_key_path()));
  VIGIE_TRY_ASSIGN(p.mailer, make_mailer(config_.mail));
  // Webhook targets are typed by users: the same SSRF guard, allow-list and timeouts as feeds.
  VIGIE_TRY_ASSIGN(p.webhooks, fetch::CurlWebhookClient::create(fetch_options(config_.fetch)));
  p.fr = make_messages("fr");
  p.en = make_messages("en");
  service::FeedServiceOptions fopts;
  fopts.base_url = config_.web.base_url;
  fopts.operator_name = config_.operator_name;
  p.feeds = std::make_unique<service::FeedService>(*p.store, key, fopts, op);
  p.subscriptions = std::make_unique<service::SubscriptionService>(*p.store, *p.topics, clock_, op,
                                                                   std::move(key));
  VIGIE_TRY_ASSIGN(auto from, parse_from(config_.mail.from));
  service::RendererOptions ro;
  ro.from = {from.address, from.name};
  ro.base_url = config_.web.base_url;
  p.renderer =
      std::make_unique<service::StoreOutboxRenderer>(*p.store, *p.subscriptions, p.fr, p.en, ro);
  service::DeliveryOptions dopts;
  dopts.workers = config_.outbox.workers;
  // A claim must outlast the longest send.
  dopts.lease =
      std::max(std::chrono::seconds(300), std::chrono::seconds(2 * config_.mail.timeout_seconds));
  p.deliveries = std::make_unique<service::DeliveryService>(*p.store, *p.renderer, *p.mailer,
                                                            *p.webhooks, clock_, dopts);
  p.digests = std::make_unique<service::DigestScheduler>(*p.store, clock_);
  return {};
}

void block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

core::Result<std::size_t> Wiring::run_worker(PassCallback on_pass, DeliveryCallback on_delivery) {
  // Before any thread starts (curl's resolver threads inherit the mask), so that only the
  // waiting thread below receives SIGTERM and SIGINT. Other commands keep the default
  // handling: an interrupted `vigie fetch` leaves a consistent database (WAL, transactions).
  block_stop_signals();
  VIGIE_TRY_ASSIGN(cli::ServiceSet * s, open());
  (void)s;
  worker::SchedulerOptions opts;
  opts.idle = std::chrono::seconds(config_.worker.idle_seconds);
  worker::Scheduler scheduler(*parts_->refresh, opts, std::move(on_pass));
  worker::DeliveryLoop delivery(*parts_->digests, *parts_->deliveries,
                                std::chrono::seconds(config_.outbox.poll_seconds),
                                std::move(on_delivery));
  std::stop_source stop;
  std::jthread signals([&stop](const std::stop_token& self) { wait_for_stop_signal(self, stop); });
  // Delivering beside fetching: a slow SMTP server never delays collection, nor the reverse.
  std::jthread deliverer([&delivery, token = stop.get_token()] { delivery.run(token); });
  const std::size_t passes = scheduler.run(stop.get_token());
  signals.request_stop();
  deliverer.join();
  return passes;
}

core::Result<std::size_t> Wiring::run_server(const std::string& listen,
                                             ListeningCallback on_listening, PassCallback on_pass,
                                             DeliveryCallback on_delivery) {
  block_stop_signals();  // before any thread starts (see run_worker)
  VIGIE_TRY_ASSIGN(web::ListenAddress address,
                   web::parse_listen(listen.empty() ? config_.web.listen : listen));
  VIGIE_TRY_ASSIGN(cli::ServiceSet * s, open());
  // Access and error lines on stderr; stdout stays for the command's own output.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("vigie"));

  web::FeedHandler feeds(s->feeds);
  const web::Translations messages{parts_->fr, parts_->en};
  web::UnsubscribeHandler unsubscribe(unsubscribe_actions(s->subscriptions), messages);
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
  worker::DeliveryLoop delivery(*parts_->digests, *parts_->deliveries,
                                std::chrono::seconds(config_.outbox.poll_seconds),
                                std::move(on_delivery));
  std::stop_source stop;
  std::jthread signals([&stop](const std::stop_token& self) { wait_for_stop_signal(self, stop); });
  std::jthread deliverer([&delivery, token = stop.get_token()] { delivery.run(token); });
  // Collection runs here until a signal; then the server stops accepting, lets requests in
  // progress finish, and its thread ends. stop() is repeated in case the signal came before
  // the server's loop started (a stop before it runs is ignored).
  const std::size_t passes = scheduler.run(stop.get_token());
  signals.request_stop();
  deliverer.join();
  while (!served) {
    server.stop();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  http.join();
  VIGIE_TRY(serve_status);
  return passes;
}

}  // namespace vigie::main
