// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Signed tokens for links that work without logging in (one-click unsubscribe, a subscriber's
// secret feed URL) and the HMAC that signs webhooks. Pure: the key is passed in (main/ loads
// it from the configuration or the data directory, never from here).
//
// A token is base64url(payload) "." base64url(HMAC-SHA256(key, purpose "\n" payload)), no
// padding: URL-safe, about 60 characters for a short payload. The purpose ("unsubscribe",
// "feed") is signed with it, so a token made for one use never passes for another. Tokens do
// not expire: revoking one means removing what it names (the subscription) or changing the
// key.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::publish {

inline constexpr std::string_view kUnsubscribePurpose = "unsubscribe";
inline constexpr std::string_view kFeedPurpose = "feed";

// Requires: key not empty.
std::string sign_token(std::string_view key, std::string_view purpose, std::string_view payload);

// The payload when `token` was made by sign_token with this key and purpose; nullopt for
// anything else (malformed, other key, other purpose, altered). Constant-time comparison.
std::optional<std::string> verify_token(std::string_view key, std::string_view purpose,
                                        std::string_view token);

// Lower-case hex HMAC-SHA256 of `message` under `key` (webhook signatures).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

// base64url without padding, and back (nullopt on a character outside the alphabet or an
// impossible length).
std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace vigie::publish
