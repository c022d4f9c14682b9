// SPDX-License-Identifier: AGPL-3.0-or-later
#include "transfer.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "fetch/http_headers.h"

namespace vigie::fetch::curl {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return lower(x) == lower(y);
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty()
         && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// A stored validator or agent string goes into a request header line; refuse anything that
// could end the line and inject headers of its own.
bool is_header_safe(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

}  // namespace

Transfer::Transfer(std::size_t index, const FetchRequest& request, const TransferContext& context)
    : index_(index),
      request_(request),
      context_(context),
      guard_(*context.options, *context.policy) {}

Transfer::~Transfer() {
  if (easy_ != nullptr) {
    curl_easy_cleanup(easy_);
  }
  curl_slist_free_all(headers_);
}

core::Status Transfer::prepare() {
  easy_ = curl_easy_init();
  if (easy_ == nullptr || !set_options()) {
    return core::make_error(core::ErrorCode::Internal, "fetch.internal",
                            "fetch: libcurl refused to set up a transfer for " + request_.url);
  }
  return {};
}

bool Transfer::set_options() {
  const FetchOptions& o = *context_.options;
  bool ok = true;
  const auto set = [&](CURLoption option, auto value) {
    ok = ok && curl_easy_setopt(easy_, option, value) == CURLE_OK;
  };
  const auto append = [&](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers_, line.c_str());
    ok = ok && grown != nullptr;
    if (grown != nullptr) {
      headers_ = grown;
    }
  };
  if (request_.etag && is_header_safe(*request_.etag)) {
    append("If-None-Match: " + *request_.etag);
  }
  if (request_.last_modified && is_header_safe(*request_.last_modified)) {
    append("If-Modified-Since: " + *request_.last_modified);
  }
  if (!o.accept.empty()) {
    append("Accept: " + o.accept);
  }
  const std::string& agent = !request_.user_agent.empty() && is_header_safe(request_.user_agent)
                                 ? request_.user_agent
                                 : o.user_agent;
  set(CURLOPT_URL, request_.url.c_str());
  set(CURLOPT_PRIVATE, static_cast<void*>(this));
  set(CURLOPT_ERRORBUFFER, error_.data());
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_HTTPGET, 1L);
  set(CURLOPT_HTTPHEADER, headers_);
  set(CURLOPT_USERAGENT, agent.c_str());
  // Only http and https, on the first hop and on every redirect (no file:, gopher:, dict:).
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(CURLOPT_FOLLOWLOCATION, 1L);
  set(CURLOPT_MAXREDIRS, static_cast<long>(o.max_redirects));
  // "" offers every coding this libcurl decodes (Debian 12: deflate, gzip, br, zstd).
  set(CURLOPT_ACCEPT_ENCODING, "");
  set(CURLOPT_HTTP_VERSION, o.http2 ? long{CURL_HTTP_VERSION_2TLS} : long{CURL_HTTP_VERSION_1_1});
  set(CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  set(CURLOPT_TIMEOUT_MS, static_cast<long>(o.total_timeout.count()));
  set(CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(o.low_speed_limit_bytes_per_second));
  set(CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()));
  // Refuses early when Content-Length already exceeds the cap; the write callback enforces the
  // cap on decompressed bytes for everything else.
  set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body_bytes));
  // Always set: "" disables proxies explicitly, so http_proxy & co. are never read behind our
  // back (fetch_options.h).
  set(CURLOPT_PROXY, o.proxy.c_str());
  set(CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  if (!o.ca_file.empty()) {
    set(CURLOPT_CAINFO, o.ca_file.c_str());
  }
  set(CURLOPT_WRITEFUNCTION, &Transfer::on_body);
  set(CURLOPT_WRITEDATA, static_cast<void*>(this));
  set(CURLOPT_HEADERFUNCTION, &Transfer::on_header);
  set(CURLOPT_HEADERDATA, static_cast<void*>(this));
  return ok && guard_.install(easy_);
}

std::size_t Transfer::on_body(char* data, std::size_t size, std::size_t count,
                              void* self) noexcept {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t n = size * count;
  // Returning less than n makes libcurl abort with CURLE_WRITE_ERROR; libcurl decodes in small
  // chunks, so a compression bomb is stopped after at most the cap plus one chunk.
  if (n > t->context_.options->max_body_bytes
              - std::min<std::uint64_t>(t->body_.size(), t->context_.options->max_body_bytes)) {
    t->flags_.body_too_large = true;
    return 0;
  }
  try {
    t->body_.append(data, n);
  } catch (...) {
    t->flags_.out_of_memory = true;
    return 0;
  }
  return n;
}

std::size_t Transfer::on_header(char* data, std::size_t size, std::size_t count,
                                void* self) noexcept {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t n = size * count;
  try {
    t->record_header(std::string_view(data, n));
  } catch (...) {
    t->flags_.out_of_memory = true;
    return 0;
  }
  return n;
}

void Transfer::record_header(std::string_view line) {
  // Redirect hops and interim 1xx responses each start with a status line: only the final
  // response's fields count.
  if (line.size() >= 5 && line.substr(0, 5) == "HTTP/") {
    hop_ = HopHeaders{};
    return;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return;
  }
  const std::string_view name = trim(line.substr(0, colon));
  const std::string_view value = trim(line.substr(colon + 1));
  if (iequals(name, "etag")) {
    hop_.etag = std::string(value);
  } else if (iequals(name, "last-modified")) {
    hop_.last_modified = std::string(value);
  } else if (iequals(name, "retry-after")) {
    hop_.retry_after = std::string(value);
  } else if (iequals(name, "date")) {
    hop_.date = std::string(value);
  } else if (iequals(name, "cache-control")) {
    // Several field lines form one comma-separated list (RFC 9110 §5.3).
    if (!hop_.cache_control.empty()) {
      hop_.cache_control += ", ";
    }
    hop_.cache_control += value;
  }
}

std::optional<std::chrono::seconds> Transfer::retry_after() const {
  if (!hop_.retry_after) {
    return std::nullopt;
  }
  // Measure an HTTP-date against the server's own Date: immune to our clock's skew.
  std::optional<core::Timestamp> reference;
  if (hop_.date) {
    reference = parse_http_date(*hop_.date);
  }
  return parse_retry_after(*hop_.retry_after, reference.value_or(context_.clock->now()));
}

FetchFailure Transfer::failure_facts(long status) const {
  FetchFailure f;
  f.status = status;
  f.retry_after = retry_after();
  char* url = nullptr;
  char* ip = nullptr;
  long redirects = 0;
  long header_bytes = 0;
  curl_off_t body_bytes = 0;
  curl_easy_getinfo(easy_, CURLINFO_EFFECTIVE_URL, &url);
  curl_easy_getinfo(easy_, CURLINFO_PRIMARY_IP, &ip);
  curl_easy_getinfo(easy_, CURLINFO_REDIRECT_COUNT, &redirects);
  curl_easy_getinfo(easy_, CURLINFO_HEADER_SIZE, &header_bytes);
  curl_easy_getinfo(easy_, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
  f.final_url = url != nullptr ? url : request_.url;
  f.connected_ip = ip != nullptr ? ip : "";
  f.redirects = static_cast<int>(redirects);
  f.wire_bytes = static_cast<std::uint64_t>(std::max(0L, header_bytes))
                 + static_cast<std::uint64_t>(std::max<curl_off_t>(0, body_bytes));
  f.blocked_ip = guard_.blocked_ip();
  return f;
}

FetchResult Transfer::finish(CURLcode code) {
  flags_.blocked_address = flags_.blocked_address || guard_.blocked();
  flags_.out_of_memory = flags_.out_of_memory || guard_.out_of_memory();
  long status = 0;
  curl_easy_getinfo(easy_, CURLINFO_RESPONSE_CODE, &status);
  FetchFailure facts = failure_facts(status);
  if (code != CURLE_OK) {
    return FetchResult{
        tl::unexpected(error_for_curl_code(code, flags_, request_.url, error_.data())),
        std::move(facts)};
  }
  const bool not_modified = status == 304;
  if (!not_modified && (status < 200 || status > 299)) {
    return FetchResult{tl::unexpected(error_for_http_status(status, facts.final_url)),
                       std::move(facts)};
  }
  FetchResponse r;
  r.outcome = not_modified ? FetchResponse::Outcome::NotModified : FetchResponse::Outcome::Ok;
  r.status = status;
  r.body = not_modified ? std::string{} : std::move(body_);
  char* content_type = nullptr;
  curl_easy_getinfo(easy_, CURLINFO_CONTENT_TYPE, &content_type);
  r.content_type = content_type != nullptr ? content_type : "";
  r.etag = hop_.etag;
  r.last_modified = hop_.last_modified;
  if (not_modified) {
    // RFC 9110 §15.4.5 lets a 304 omit the validators; the ones we sent are still current.
    r.etag = r.etag ? r.etag : request_.etag;
    r.last_modified = r.last_modified ? r.last_modified : request_.last_modified;
  }
  r.retry_after = facts.retry_after;
  if (!hop_.cache_control.empty()) {
    r.max_age = parse_cache_control_max_age(hop_.cache_control);
  }
  r.final_url = std::move(facts.final_url);
  r.redirects = facts.redirects;
  r.wire_bytes = facts.wire_bytes;
  r.connected_ip = std::move(facts.connected_ip);
  return FetchResult{std::move(r), FetchFailure{}};
}

}  // namespace vigie::fetch::curl
