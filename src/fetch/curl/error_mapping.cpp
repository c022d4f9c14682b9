// SPDX-License-Identifier: AGPL-3.0-or-later
#include "error_mapping.h"

#include <string>

#include <fmt/format.h>

namespace vigie::fetch::curl {
namespace {

struct Mapped {
  core::ErrorCode code;
  const char* reason;
};

Mapped map_curl_code(CURLcode code, const TransferFlags& flags) {
  using core::ErrorCode;
  // The callbacks know why curl gave up better than the code does. A refused address counts
  // only if the connection then failed: happy eyeballs may refuse ::1 and succeed elsewhere.
  if (flags.blocked_address
      && (code == CURLE_COULDNT_CONNECT || code == CURLE_ABORTED_BY_CALLBACK)) {
    return {ErrorCode::PermissionDenied, "fetch.blocked_address"};
  }
  if (flags.body_too_large && code == CURLE_WRITE_ERROR) {
    return {ErrorCode::InvalidInput, "fetch.body_too_large"};
  }
  if (flags.out_of_memory && code != CURLE_OK) {
    return {ErrorCode::Internal, "fetch.internal"};
  }
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {ErrorCode::InvalidInput, "fetch.unsupported_scheme"};
    case CURLE_URL_MALFORMAT:
      return {ErrorCode::InvalidInput, "fetch.invalid_url"};
    case CURLE_COULDNT_RESOLVE_HOST:
      return {ErrorCode::Unavailable, "fetch.dns_error"};
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {ErrorCode::Unavailable, "fetch.proxy_error"};
    case CURLE_COULDNT_CONNECT:
      return {ErrorCode::Unavailable, "fetch.connect_error"};
    case CURLE_OPERATION_TIMEDOUT:
      return {ErrorCode::Unavailable, "fetch.timeout"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
      return {ErrorCode::Unavailable, "fetch.tls_error"};
    case CURLE_TOO_MANY_REDIRECTS:
      return {ErrorCode::InvalidInput, "fetch.too_many_redirects"};
    case CURLE_FILESIZE_EXCEEDED:
      return {ErrorCode::InvalidInput, "fetch.body_too_large"};
    case CURLE_BAD_CONTENT_ENCODING:
      return {ErrorCode::InvalidInput, "fetch.bad_encoding"};
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_HTTP3:
      return {ErrorCode::Unavailable, "fetch.protocol_error"};
    case CURLE_OUT_OF_MEMORY:
    case CURLE_FAILED_INIT:
      return {ErrorCode::Internal, "fetch.internal"};
    default:
      return {ErrorCode::Unavailable, "fetch.transfer_error"};
  }
}

}  // namespace

core::Error error_for_curl_code(CURLcode code, const TransferFlags& flags, std::string_view url,
                                std::string_view detail) {
  const Mapped m = map_curl_code(code, flags);
  const std::string_view text = detail.empty() ? curl_easy_strerror(code) : detail;
  return core::Error{
      m.code, m.reason,
      fmt::format("fetch: {} for {}: {} (curl {})", m.reason, url, text, static_cast<int>(code))};
}

core::ErrorCode error_code_for_http_status(long status) {
  using core::ErrorCode;
  if (status == 404 || status == 410) {
    return ErrorCode::NotFound;
  }
  if (status == 401 || status == 403) {
    return ErrorCode::PermissionDenied;
  }
  // 408 and 429 are the client-side statuses that say "try again later".
  if (status == 408 || status == 429 || status >= 500) {
    return ErrorCode::Unavailable;
  }
  return ErrorCode::InvalidInput;
}

core::Error error_for_http_status(long status, std::string_view url) {
  return core::Error{error_code_for_http_status(status), fmt::format("fetch.http_{}", status),
                     fmt::format("fetch: HTTP {} from {}", status, url)};
}

}  // namespace vigie::fetch::curl
