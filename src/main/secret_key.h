// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The installation's secret key: it signs unsubscribe links and secret feed URLs and derives
// webhook secrets (publish/token.h). Read from a file; created on first use.

#include <string>

#include "core/error.h"

namespace vigie::main {

// The key in `path` (its content without trailing white space). When the file does not
// exist, creates it with 32 random bytes (OpenSSL RAND_bytes) written as 64 hex digits, mode
// 0600, atomically (two processes starting together end up with the same key). Errors:
// "config.secret_key" (Internal) when it cannot be read or created, or holds fewer than 16
// bytes.
core::Result<std::string> load_or_create_secret_key(const std::string& path);

}  // namespace vigie::main
