// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/curl/error_mapping.h"

#include <gtest/gtest.h>

namespace vigie::fetch::curl {
namespace {

using core::ErrorCode;

TEST(ErrorMappingTest, MapsHttpStatusesToTheActualCodeAndACategory) {
  struct Case {
    long status;
    const char* reason;
    ErrorCode code;
  };
  const Case cases[] = {
      {300, "fetch.http_300", ErrorCode::InvalidInput},
      {400, "fetch.http_400", ErrorCode::InvalidInput},
      {401, "fetch.http_401", ErrorCode::PermissionDenied},
      {403, "fetch.http_403", ErrorCode::PermissionDenied},
      {404, "fetch.http_404", ErrorCode::NotFound},
      {408, "fetch.http_408", ErrorCode::Unavailable},
      {410, "fetch.http_410", ErrorCode::NotFound},
      {418, "fetch.http_418", ErrorCode::InvalidInput},
      {429, "fetch.http_429", ErrorCode::Unavailable},
      {500, "fetch.http_500", ErrorCode::Unavailable},
      {503, "fetch.http_503", ErrorCode::Unavailable},
      {599, "fetch.http_599", ErrorCode::Unavailable},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.status);
    const core::Error e = error_for_http_status(c.status, "http://feeds.example/rss");
    EXPECT_EQ(e.reason, c.reason);
    EXPECT_EQ(e.code, c.code);
    EXPECT_NE(e.message.find("http://feeds.example/rss"), std::string::npos);
  }
}

TEST(ErrorMappingTest, MapsCurlCodesAndCallbackFlagsToStableReasons) {
  struct Case {
    const char* name;
    CURLcode code;
    TransferFlags flags;
    const char* reason;
    ErrorCode category;
  };
  const TransferFlags none;
  const TransferFlags blocked{true, false, false};
  const TransferFlags too_large{false, true, false};
  const Case cases[] = {
      {"dns", CURLE_COULDNT_RESOLVE_HOST, none, "fetch.dns_error", ErrorCode::Unavailable},
      {"connect", CURLE_COULDNT_CONNECT, none, "fetch.connect_error", ErrorCode::Unavailable},
      {"guard", CURLE_COULDNT_CONNECT, blocked, "fetch.blocked_address",
       ErrorCode::PermissionDenied},
      {"guard in prereq", CURLE_ABORTED_BY_CALLBACK, blocked, "fetch.blocked_address",
       ErrorCode::PermissionDenied},
      {"guard refused one family, timeout later", CURLE_OPERATION_TIMEDOUT, blocked,
       "fetch.timeout", ErrorCode::Unavailable},
      {"timeout", CURLE_OPERATION_TIMEDOUT, none, "fetch.timeout", ErrorCode::Unavailable},
      {"untrusted certificate", CURLE_PEER_FAILED_VERIFICATION, none, "fetch.tls_error",
       ErrorCode::Unavailable},
      {"handshake", CURLE_SSL_CONNECT_ERROR, none, "fetch.tls_error", ErrorCode::Unavailable},
      {"redirects", CURLE_TOO_MANY_REDIRECTS, none, "fetch.too_many_redirects",
       ErrorCode::InvalidInput},
      {"cap in callback", CURLE_WRITE_ERROR, too_large, "fetch.body_too_large",
       ErrorCode::InvalidInput},
      {"content-length over cap", CURLE_FILESIZE_EXCEEDED, none, "fetch.body_too_large",
       ErrorCode::InvalidInput},
      {"bad encoding", CURLE_BAD_CONTENT_ENCODING, none, "fetch.bad_encoding",
       ErrorCode::InvalidInput},
      {"redirect to ftp", CURLE_UNSUPPORTED_PROTOCOL, none, "fetch.unsupported_scheme",
       ErrorCode::InvalidInput},
      {"bad url", CURLE_URL_MALFORMAT, none, "fetch.invalid_url", ErrorCode::InvalidInput},
      {"truncated", CURLE_PARTIAL_FILE, none, "fetch.protocol_error", ErrorCode::Unavailable},
      {"proxy", CURLE_COULDNT_RESOLVE_PROXY, none, "fetch.proxy_error", ErrorCode::Unavailable},
      {"other", CURLE_LDAP_CANNOT_BIND, none, "fetch.transfer_error", ErrorCode::Unavailable},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const core::Error e = error_for_curl_code(c.code, c.flags, "http://x.example/", "");
    EXPECT_EQ(e.reason, c.reason);
    EXPECT_EQ(e.code, c.category);
    EXPECT_EQ(e.message.rfind("fetch: ", 0), 0U);
  }
}

}  // namespace
}  // namespace vigie::fetch::curl
