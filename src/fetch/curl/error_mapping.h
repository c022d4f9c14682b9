// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The one place where libcurl result codes and HTTP statuses become core::Error (STYLE.md H4,
// "translation at the edges"). The reasons are the keys listed in fetch/http_client.h.

#include <string_view>

#include <curl/curl.h>

#include "core/error.h"

namespace vigie::fetch::curl {

// What the transfer's callbacks observed; it refines ambiguous curl codes (a refused socket
// surfaces as CURLE_COULDNT_CONNECT, a write abort as CURLE_WRITE_ERROR).
struct TransferFlags {
  bool blocked_address = false;
  bool body_too_large = false;
  bool out_of_memory = false;
};

// Error for a failed transfer. `detail` is curl's error buffer (may be empty).
core::Error error_for_curl_code(CURLcode code, const TransferFlags& flags, std::string_view url,
                                std::string_view detail);

// Error for a final response whose status is neither 2xx nor 304: reason fetch.http_<status>.
core::Error error_for_http_status(long status, std::string_view url);

// The ErrorCode an HTTP error status maps to (see http_client.h).
core::ErrorCode error_code_for_http_status(long status);

}  // namespace vigie::fetch::curl
