// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// URL parsing, resolution (RFC 3986 §5.2) and canonicalisation for duplicate detection. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::core {

struct Url {
  std::string scheme;  // lower case, without ":"
  std::string userinfo;
  std::string host;  // lower case; IPv6 literals without brackets
  std::optional<int> port;
  std::string path;
  std::optional<std::string> query;     // without "?"
  std::optional<std::string> fragment;  // without "#"
};

// Parses an absolute URL (scheme required). Surrounding whitespace is trimmed, tabs and line
// breaks inside are dropped. nullopt when it is not one (no scheme, bad port, bad host chars).
std::optional<Url> parse_url(std::string_view s);

// Serialises back; IPv6 hosts get their brackets.
std::string to_string(const Url& u);

// Resolves `ref` against `base` (RFC 3986 §5.2, with dot-segment removal). Both are first
// trimmed of surrounding whitespace, and tabs and line breaks inside are dropped (as WHATWG URL
// parsing does: feeds wrap links across lines). Returns the trimmed `ref` unchanged when it is
// already absolute, and when `base` is not an absolute URL.
std::string resolve_url(std::string_view base, std::string_view ref);

// Canonical form for duplicate detection: lower-case scheme and host, default port dropped,
// fragment dropped, tracking parameters (utm_*, fbclid, gclid, ...) removed, empty path "/".
// Returns the input unchanged when it does not parse.
std::string canonicalize_url(std::string_view s);

// True for http and https URLs with a host.
bool is_http_url(std::string_view s);

}  // namespace vigie::core
