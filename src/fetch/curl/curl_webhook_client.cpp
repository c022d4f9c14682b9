// SPDX-License-Identifier: AGPL-3.0-or-later
#include "curl_webhook_client.h"

#include <algorithm>
#include <array>

#include <curl/curl.h>
#include <fmt/format.h>

#include "address_guard.h"
#include "core/url.h"
#include "error_mapping.h"

namespace vigie::fetch {
namespace {

// The start of an answer's body kept for the attempt record (receivers explain refusals
// there); the rest is read and dropped.
constexpr std::size_t kDetailBytes = 300;

// curl_global_init must run before any other libcurl call; it is reference-counted, so this
// client and the feed client may each make sure of it.
bool init_libcurl() {
  static const bool kOk = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return kOk;
}

PostOutcome refused(std::string reason, std::string detail) {
  return PostOutcome{false, 0, false, std::move(reason), std::move(detail)};
}

// RFC 9110 §5.1 token characters for names; values without controls (no CR/LF injection).
bool is_valid_header(const std::string& name, const std::string& value) {
  constexpr std::string_view kTokenSpecials = "!#$%&'*+-.^_`|~";
  const bool name_ok = !name.empty() && std::all_of(name.begin(), name.end(), [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z')
           || kTokenSpecials.find(c) != std::string_view::npos;
  });
  const bool value_ok = std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\t') || u == 0x7f;
  });
  return name_ok && value_ok;
}

// One POST's easy handle and what its callbacks collect.
class Post {
 public:
  Post(const FetchOptions& options, const AddressPolicy& policy) : guard_(options, policy) {}
  ~Post() {
    if (easy_ != nullptr) {
      curl_easy_cleanup(easy_);
    }
    curl_slist_free_all(headers_);
  }
  Post(const Post&) = delete;
  Post& operator=(const Post&) = delete;
  Post(Post&&) = delete;
  Post& operator=(Post&&) = delete;

  bool prepare(const FetchOptions& o, const std::string& url,
               const std::vector<std::pair<std::string, std::string>>& headers,
               std::string_view body);
  PostOutcome perform(const std::string& url);

 private:
  static std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept;

  CURL* easy_ = nullptr;
  curl_slist* headers_ = nullptr;
  curl::AddressGuard guard_;
  std::string answer_;
  std::array<char, CURL_ERROR_SIZE> error_{};
};

bool Post::prepare(const FetchOptions& o, const std::string& url,
                   const std::vector<std::pair<std::string, std::string>>& headers,
                   std::string_view body) {
  easy_ = curl_easy_init();
  if (easy_ == nullptr) {
    return false;
  }
  bool ok = true;
  const auto set = [&](CURLoption option, auto value) {
    ok = ok && curl_easy_setopt(easy_, option, value) == CURLE_OK;
  };
  const auto append = [&](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers_, line.c_str());
    ok = ok && grown != nullptr;
    headers_ = grown != nullptr ? grown : headers_;
  };
  for (const auto& [name, value] : headers) {
    append(name + ": " + value);
  }
  // No "Expect: 100-continue" round trip: bodies are small and receivers often mishandle it.
  append("Expect:");
  set(CURLOPT_URL, url.c_str());
  set(CURLOPT_ERRORBUFFER, error_.data());
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_POST, 1L);
  // Never a null pointer: libcurl would then read the body from stdin.
  set(CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());
  set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  set(CURLOPT_HTTPHEADER, headers_);
  set(CURLOPT_USERAGENT, o.user_agent.c_str());
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  // A webhook's redirect is an answer, not an instruction: following it would re-send a signed
  // body to wherever the receiver (or someone who took over its name) points.
  set(CURLOPT_FOLLOWLOCATION, 0L);
  set(CURLOPT_HTTP_VERSION, o.http2 ? long{CURL_HTTP_VERSION_2TLS} : long{CURL_HTTP_VERSION_1_1});
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout.count()));
  set(CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(o.low_speed_limit_bytes_per_second));
  set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()));
  // "" disables proxies explicitly: the environment's proxy variables are never read.
  set(CURLOPT_PROXY, o.proxy.c_str());
  if (!o.ca_file.empty()) {
    set(CURLOPT_CAINFO, o.ca_file.c_str());
  }
  set(CURLOPT_WRITEFUNCTION, &Post::on_body);
  set(CURLOPT_WRITEDATA, static_cast<void*>(this));
  return ok && guard_.install(easy_);
}

std::size_t Post::on_body(char* data, std::size_t size, std::size_t count, void* self) noexcept {
  auto* p = static_cast<Post*>(self);
  const std::size_t n = size * count;
  try {
    const std::size_t room = kDetailBytes - std::min(kDetailBytes, p->answer_.size());
    p->answer_.append(data, std::min(room, n));
  } catch (...) {
    return 0;
  }
  return n;
}

PostOutcome Post::perform(const std::string& url) {
  const CURLcode code = curl_easy_perform(easy_);
  long status = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  if (code != CURLE_OK) {
    curl::TransferFlags flags;
    flags.blocked_address = guard_.blocked();
    flags.out_of_memory = guard_.out_of_memory();
    core::Error e = curl::error_for_curl_code(code, flags, url, error_.data());
    // Unavailable (network, timeout, TLS) and Internal may pass; a bad URL or a refused
    // address will not.
    const bool transient =
        e.code == core::ErrorCode::Unavailable || e.code == core::ErrorCode::Internal;
    return PostOutcome{false, static_cast<int>(status), transient, std::move(e.reason),
                       std::move(e.message)};
  }
  PostOutcome out;
  out.http_status = static_cast<int>(status);
  out.sent = status >= 200 && status <= 299;
  if (out.sent) {
    return out;
  }
  // 408 and 429 say "later"; 5xx is the receiver's trouble. Any other answer (3xx included,
  // since redirects are not followed) will be the same next time.
  out.transient = status == 408 || status == 429 || status >= 500;
  out.reason = fmt::format("fetch.http_{}", status);
  out.detail = fmt::format("webhook: HTTP {} from {}", status, url);
  if (!answer_.empty()) {
    out.detail += ": " + answer_;
  }
  return out;
}

}  // namespace

core::Result<std::unique_ptr<CurlWebhookClient>> CurlWebhookClient::create(FetchOptions options) {
  if (auto valid = validate_fetch_options(options); !valid) {
    return tl::unexpected(std::move(valid.error()));
  }
  auto policy = AddressPolicy::from_allow_list(options.allow_list);
  if (!policy) {
    return tl::unexpected(std::move(policy.error()));
  }
  if (!init_libcurl()) {
    return core::make_error(core::ErrorCode::Internal, "fetch.internal",
                            "fetch: curl_global_init failed");
  }
  return std::unique_ptr<CurlWebhookClient>(
      new CurlWebhookClient(std::move(options), std::move(*policy)));
}

PostOutcome CurlWebhookClient::post_json(
    const std::string& url, const std::vector<std::pair<std::string, std::string>>& headers,
    std::string_view body) {
  try {
    const auto parsed = core::parse_url(url);
    if (parsed && parsed->scheme != "http" && parsed->scheme != "https") {
      return refused("fetch.unsupported_scheme", "webhook: only http and https: " + url);
    }
    if (!parsed || parsed->host.empty()) {
      return refused("fetch.invalid_url", "webhook: not an absolute URL with a host: " + url);
    }
    for (const auto& [name, value] : headers) {
      if (!is_valid_header(name, value)) {
        return refused("fetch.invalid_header", "webhook: refused header " + name);
      }
    }
    Post post(options_, policy_);
    if (!post.prepare(options_, url, headers, body)) {
      return PostOutcome{false, 0, true, "fetch.internal",
                         "webhook: libcurl refused to set up a POST to " + url};
    }
    return post.perform(url);
  } catch (const std::exception& e) {
    return PostOutcome{false, 0, true, "fetch.internal", std::string("webhook: ") + e.what()};
  }
}

}  // namespace vigie::fetch
