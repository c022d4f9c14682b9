// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The one error type of the codebase (STYLE.md H4). Expected failures (bad input, network,
// missing rows) travel as Result<T>; exceptions are kept for start-up misconfiguration and the
// truly unexpected.

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace vigie::core {

// Coarse category that callers branch on. Unavailable means transient: retry later.
enum class ErrorCode { InvalidInput, NotFound, Conflict, PermissionDenied, Unavailable, Internal };

struct [[nodiscard]] Error {
  ErrorCode code = ErrorCode::Internal;
  // Stable dotted identifier for the API, the UI and the message catalogs ("fetch.http_404").
  std::string reason;
  // Technical text for logs, prefixed with the module ("fetch: TLS handshake failed for ...").
  std::string message;
};

template <class T>
using Result = tl::expected<T, Error>;

using Status = Result<void>;

inline tl::unexpected<Error> make_error(ErrorCode code, std::string reason, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(reason), std::move(message)});
}

const char* to_string(ErrorCode code);

}  // namespace vigie::core
