// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Transfer: one request's libcurl easy handle, its callbacks and the state they fill, and the
// translation of the finished transfer into a FetchResult. Internal to fetch/curl/.
//
// Callbacks run on the thread that drives the multi handle (CurlHttpClient::fetch_all); they
// catch everything, because an exception must never cross libcurl's C frames (STYLE.md H4).
// Not thread-safe; owned by the batch loop.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <curl/curl.h>

#include "address_guard.h"
#include "core/clock.h"
#include "error_mapping.h"
#include "fetch/address_policy.h"
#include "fetch/fetch_options.h"
#include "fetch/http_client.h"

namespace vigie::fetch::curl {

// Read-only state shared by every transfer of the client; outlives them.
struct TransferContext {
  const FetchOptions* options = nullptr;
  const AddressPolicy* policy = nullptr;
  const core::Clock* clock = nullptr;
};

class Transfer {
 public:
  Transfer(std::size_t index, const FetchRequest& request, const TransferContext& context);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  Transfer(Transfer&&) = delete;
  Transfer& operator=(Transfer&&) = delete;

  // Creates and configures the easy handle. Returns fetch.internal (Internal) when libcurl
  // refuses a handle or an option (a libcurl built without a feature we rely on).
  core::Status prepare();

  CURL* easy() const { return easy_; }
  std::size_t index() const { return index_; }

  // Translates the finished transfer (libcurl's `code`, the infos, what the callbacks saw) into
  // the result. Call once, after the handle left the multi handle.
  FetchResult finish(CURLcode code);

 private:
  // Header fields of the current hop's response; reset at each status line.
  struct HopHeaders {
    std::optional<std::string> etag;
    std::optional<std::string> last_modified;
    std::optional<std::string> retry_after;
    std::optional<std::string> date;
    std::string cache_control;
  };

  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept;
  static std::size_t on_header(char* data, std::size_t size, std::size_t count,
                               void* self) noexcept;

  void record_header(std::string_view line);
  bool set_options();
  std::optional<std::chrono::seconds> retry_after() const;
  FetchFailure failure_facts(long status) const;

  std::size_t index_;
  const FetchRequest& request_;
  TransferContext context_;
  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
  std::string body_;
  HopHeaders hop_;
  TransferFlags flags_;
  AddressGuard guard_;
  std::array<char, CURL_ERROR_SIZE> error_{};
};

}  // namespace vigie::fetch::curl
