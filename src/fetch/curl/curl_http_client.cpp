// SPDX-License-Identifier: AGPL-3.0-or-later
#include "curl_http_client.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include <curl/curl.h>

#include "core/url.h"
#include "fetch/address_policy.h"
#include "fetch/host_scheduler.h"
#include "transfer.h"

namespace vigie::fetch {
namespace {

class SystemClock final : public core::Clock {
 public:
  core::Timestamp now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  std::chrono::steady_clock::time_point steady_now() const override {
    return std::chrono::steady_clock::now();
  }
};

const core::Clock& system_clock() {
  static const SystemClock kClock;
  return kClock;
}

// curl_global_init must run once before any other libcurl call; a function-local static is
// initialised exactly once even when several clients are created on several threads.
bool init_libcurl() {
  static const bool kOk = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return kOk;
}

core::Error internal_error(std::string message) {
  return core::Error{core::ErrorCode::Internal, "fetch.internal", "fetch: " + std::move(message)};
}

// The politeness key of a request (its lower-case host), or the error that stops it before any
// network activity.
core::Result<std::string> host_key(const FetchRequest& request) {
  const auto url = core::parse_url(request.url);
  if (url && url->scheme != "http" && url->scheme != "https") {
    return core::make_error(core::ErrorCode::InvalidInput, "fetch.unsupported_scheme",
                            "fetch: only http and https are fetched: " + request.url);
  }
  if (!url || url->host.empty()) {
    return core::make_error(core::ErrorCode::InvalidInput, "fetch.invalid_url",
                            "fetch: not an absolute URL with a host: " + request.url);
  }
  return url->host;
}

}  // namespace

struct CurlHttpClient::State {
  State(FetchOptions o, AddressPolicy p, const core::Clock& c, SleepUntil s)
      : options(std::move(o)),
        policy(std::move(p)),
        clock(&c),
        sleep_until(std::move(s)),
        scheduler(HostScheduler::Limits{options.max_concurrent, options.per_host_max_concurrent,
                                        options.per_host_min_delay}) {}
  ~State() {
    if (multi != nullptr) {
      curl_multi_cleanup(multi);
    }
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  State(State&&) = delete;
  State& operator=(State&&) = delete;

  FetchOptions options;
  AddressPolicy policy;
  const core::Clock* clock;
  SleepUntil sleep_until;
  CURLM* multi = nullptr;
  std::mutex mutex;         // one batch at a time
  HostScheduler scheduler;  // guarded by mutex; remembers per-host starts across batches
};

namespace {

// One fetch_all call: the transfers in flight and the results gathered so far. On every exit,
// exceptions included, the destructor takes the remaining handles out of the multi handle and
// leaves the scheduler with nothing queued or running.
class Batch {
 public:
  Batch(CurlHttpClient::SleepUntil& sleep_until, CURLM* multi, HostScheduler& scheduler,
        const curl::TransferContext& context, std::span<const FetchRequest> requests)
      : sleep_until_(sleep_until),
        multi_(multi),
        scheduler_(scheduler),
        context_(context),
        requests_(requests),
        results_(requests.size()) {}

  ~Batch() {
    for (auto& [id, transfer] : in_flight_) {
      curl_multi_remove_handle(multi_, transfer->easy());
      scheduler_.finish(id);
    }
    scheduler_.clear_queued();
  }
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;
  Batch(Batch&&) = delete;
  Batch& operator=(Batch&&) = delete;

  std::vector<FetchResult> run() {
    for (std::size_t i = 0; i < requests_.size(); ++i) {
      auto host = host_key(requests_[i]);
      if (host) {
        scheduler_.enqueue(i, *host);
      } else {
        results_[i] = FetchResult{tl::unexpected(std::move(host.error())), {}};
      }
    }
    while (scheduler_.has_queued() || scheduler_.running() > 0) {
      if (!step()) {
        fail_all("libcurl multi interface failed");
        break;
      }
    }
    std::vector<FetchResult> out;
    out.reserve(results_.size());
    for (auto& r : results_) {
      out.push_back(r ? std::move(*r) : FetchResult{tl::unexpected(internal_error("lost")), {}});
    }
    return out;
  }

 private:
  // One turn of the event loop. False on a multi-handle failure.
  bool step() {
    const auto now = context_.clock->steady_now();
    for (const std::size_t id : scheduler_.start_ready(now)) {
      start(id);
    }
    if (scheduler_.running() == 0) {
      // Everything left waits for a per-host gap and nothing is in flight: sleep it out.
      if (const auto at = scheduler_.next_start_at(); at && scheduler_.has_queued()) {
        sleep_until_(*at);
      }
      return true;
    }
    int still_running = 0;
    if (curl_multi_perform(multi_, &still_running) != CURLM_OK) {
      return false;
    }
    if (collect_finished() > 0) {
      return true;  // free slots: start more before waiting
    }
    // Wake up for socket activity, curl's own timers, or the next per-host gap ending.
    long timeout_ms = 1000;
    if (const auto at = scheduler_.next_start_at()) {
      const auto wait =
          *at <= now ? 0 : std::chrono::ceil<std::chrono::milliseconds>(*at - now).count();
      timeout_ms = std::clamp<long>(static_cast<long>(wait), 0L, timeout_ms);
    }
    return curl_multi_poll(multi_, nullptr, 0, static_cast<int>(timeout_ms), nullptr) == CURLM_OK;
  }

  void start(std::size_t id) {
    auto transfer = std::make_unique<curl::Transfer>(id, requests_[id], context_);
    auto prepared = transfer->prepare();
    if (prepared && curl_multi_add_handle(multi_, transfer->easy()) != CURLM_OK) {
      prepared = tl::unexpected(internal_error("cannot add a transfer for " + requests_[id].url));
    }
    if (!prepared) {
      results_[id] = FetchResult{tl::unexpected(std::move(prepared.error())), {}};
      scheduler_.finish(id);
      return;
    }
    in_flight_.emplace(id, std::move(transfer));
  }

  std::size_t collect_finished() {
    std::size_t finished = 0;
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
      if (msg->msg != CURLMSG_DONE) {
        continue;
      }
      CURL* easy = msg->easy_handle;
      const CURLcode code = msg->data.result;  // msg dies with remove_handle
      char* private_data = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, &private_data);
      auto* transfer = reinterpret_cast<curl::Transfer*>(private_data);
      curl_multi_remove_handle(multi_, easy);
      const std::size_t id = transfer->index();
      results_[id] = transfer->finish(code);
      scheduler_.finish(id);
      in_flight_.erase(id);
      ++finished;
    }
    return finished;
  }

  void fail_all(const std::string& why) {
    for (auto& r : results_) {
      if (!r) {
        r = FetchResult{tl::unexpected(internal_error(why)), {}};
      }
    }
  }

  CurlHttpClient::SleepUntil& sleep_until_;
  CURLM* multi_;
  HostScheduler& scheduler_;
  const curl::TransferContext& context_;
  std::span<const FetchRequest> requests_;
  std::vector<std::optional<FetchResult>> results_;
  std::unordered_map<std::size_t, std::unique_ptr<curl::Transfer>> in_flight_;
};

}  // namespace

CurlHttpClient::CurlHttpClient(std::unique_ptr<State> state) : state_(std::move(state)) {}

CurlHttpClient::~CurlHttpClient() = default;

core::Result<std::unique_ptr<CurlHttpClient>> CurlHttpClient::create(FetchOptions options) {
  return create(std::move(options), system_clock(),
                [](std::chrono::steady_clock::time_point t) { std::this_thread::sleep_until(t); });
}

core::Result<std::unique_ptr<CurlHttpClient>> CurlHttpClient::create(FetchOptions options,
                                                                     const core::Clock& clock,
                                                                     SleepUntil sleep_until) {
  if (auto valid = validate_fetch_options(options); !valid) {
    return tl::unexpected(std::move(valid.error()));
  }
  auto policy = AddressPolicy::from_allow_list(options.allow_list);
  if (!policy) {
    return tl::unexpected(std::move(policy.error()));
  }
  if (!init_libcurl()) {
    return tl::unexpected(internal_error("curl_global_init failed"));
  }
  if (!sleep_until) {
    return tl::unexpected(internal_error("no sleep function given"));
  }
  auto state = std::make_unique<State>(std::move(options), std::move(*policy), clock,
                                       std::move(sleep_until));
  state->multi = curl_multi_init();
  if (state->multi == nullptr) {
    return tl::unexpected(internal_error("curl_multi_init failed"));
  }
  // Keep enough idle connections for the next batch to reuse (keep-alive, TLS sessions).
  curl_multi_setopt(
      state->multi, CURLMOPT_MAXCONNECTS,
      static_cast<long>(std::max<std::size_t>(16, 4 * state->options.max_concurrent)));
  return std::unique_ptr<CurlHttpClient>(new CurlHttpClient(std::move(state)));
}

std::vector<FetchResult> CurlHttpClient::fetch_all(std::span<const FetchRequest> requests) {
  const std::lock_guard lock(state_->mutex);
  State& s = *state_;
  const curl::TransferContext context{&s.options, &s.policy, s.clock};
  std::vector<FetchResult> results;
  {
    Batch batch(s.sleep_until, s.multi, s.scheduler, context, requests);
    results = batch.run();
  }
  s.scheduler.forget_idle_hosts(s.clock->steady_now());
  return results;
}

}  // namespace vigie::fetch
