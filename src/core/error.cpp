// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/error.h"

namespace vigie::core {

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidInput:
      return "invalid_input";
    case ErrorCode::NotFound:
      return "not_found";
    case ErrorCode::Conflict:
      return "conflict";
    case ErrorCode::PermissionDenied:
      return "permission_denied";
    case ErrorCode::Unavailable:
      return "unavailable";
    case ErrorCode::Internal:
      return "internal";
  }
  return "internal";
}

}  // namespace vigie::core
