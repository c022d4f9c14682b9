// SPDX-License-Identifier: AGPL-3.0-or-later
#include "fetch/fetch_options.h"

#include <algorithm>
#include <string_view>

#include "fetch/address_policy.h"

namespace vigie::fetch {
namespace {

core::Status invalid(std::string_view field, std::string_view why) {
  return core::make_error(core::ErrorCode::InvalidInput, "fetch.invalid_options",
                          "fetch: option " + std::string(field) + " " + std::string(why));
}

// Header values go to the wire verbatim; a CR or LF would let a config value inject headers.
bool has_control_chars(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

}  // namespace

core::Status validate_fetch_options(const FetchOptions& options) {
  if (options.max_concurrent < 1) {
    return invalid("max_concurrent", "must be at least 1");
  }
  if (options.per_host_max_concurrent < 1) {
    return invalid("per_host_max_concurrent", "must be at least 1");
  }
  if (options.per_host_min_delay.count() < 0) {
    return invalid("per_host_min_delay", "must not be negative");
  }
  if (options.connect_timeout.count() <= 0 || options.total_timeout.count() <= 0) {
    return invalid("connect_timeout/total_timeout", "must be positive");
  }
  if (options.low_speed_time.count() < 0) {
    return invalid("low_speed_time", "must not be negative");
  }
  if (options.max_redirects < 0 || options.max_redirects > 50) {
    return invalid("max_redirects", "must be in 0..50");
  }
  if (options.max_body_bytes < 1) {
    return invalid("max_body_bytes", "must be at least 1");
  }
  if (has_control_chars(options.user_agent) || has_control_chars(options.accept)
      || has_control_chars(options.proxy) || has_control_chars(options.ca_file)) {
    return invalid("user_agent/accept/proxy/ca_file", "must not contain control characters");
  }
  const auto policy = AddressPolicy::from_allow_list(options.allow_list);
  if (!policy) {
    return tl::unexpected(policy.error());
  }
  return {};
}

}  // namespace vigie::fetch
