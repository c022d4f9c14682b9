// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The server's secret key: it signs unsubscribe and feed tokens (publish/token.h) and derives
// webhook secrets. Read from a file (config web.secret_key_file, env VIGIE_SECRET_KEY_FILE),
// by default `secret.key` beside the database; created on first use with 32 random bytes
// (OpenSSL RAND_bytes), mode 0600. Changing or losing it invalidates every link sent.

#include <string>

#include "core/error.h"

namespace vigie::main {

// Reads the key at `path`, creating it when missing (two processes starting together agree
// on one file). Errors: "config.secret_key" (Internal) when it cannot be read or created, or
// holds fewer than 16 bytes.
core::Result<std::string> load_or_create_secret_key(const std::string& path);

}  // namespace vigie::main
