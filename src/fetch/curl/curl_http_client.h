// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// CurlHttpClient: HttpClient over one libcurl multi handle (HTTP/2, compressed transfers,
// connection reuse across batches). Behaviour, limits and error reasons are those of
// fetch/http_client.h and fetch/fetch_options.h; only main/ and tests name this class.
//
// Thread-safety: fetch_all may be called from any thread; concurrent calls on one instance are
// serialised (one batch at a time). Use one client per fetch worker for parallel batches; the
// per-host politeness then holds per client, so give each worker a disjoint set of hosts.

#include <chrono>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "fetch/fetch_options.h"
#include "fetch/http_client.h"

namespace vigie::fetch {

class CurlHttpClient final : public HttpClient {
 public:
  // Waits until the given steady-clock instant. Called only when every queued request is held
  // back by the per-host gap and nothing is in flight.
  using SleepUntil = std::function<void(std::chrono::steady_clock::time_point)>;

  // A client on the real clocks. Returns fetch.invalid_options (see validate_fetch_options)
  // or fetch.internal when libcurl cannot be initialised.
  static core::Result<std::unique_ptr<CurlHttpClient>> create(FetchOptions options);

  // The same with injected time, for tests: politeness gaps are measured on
  // clock.steady_now() and waited out through sleep_until (a fake advances its clock there),
  // Retry-After dates without a Date header are measured from clock.now(). Network timeouts
  // stay on libcurl's real clock. Requires: `clock` outlives the client.
  static core::Result<std::unique_ptr<CurlHttpClient>> create(FetchOptions options,
                                                              const core::Clock& clock,
                                                              SleepUntil sleep_until);

  ~CurlHttpClient() override;
  CurlHttpClient(const CurlHttpClient&) = delete;
  CurlHttpClient& operator=(const CurlHttpClient&) = delete;
  CurlHttpClient(CurlHttpClient&&) = delete;
  CurlHttpClient& operator=(CurlHttpClient&&) = delete;

  // See HttpClient::fetch_all. Blocks.
  std::vector<FetchResult> fetch_all(std::span<const FetchRequest> requests) override;

 private:
  struct State;
  explicit CurlHttpClient(std::unique_ptr<State> state);

  std::unique_ptr<State> state_;
};

}  // namespace vigie::fetch
