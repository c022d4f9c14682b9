// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The access log line: one per response, without secrets. Unsubscribe tokens (in the path)
// and secret feed tokens (in ?token=) are redacted, so the log can be shared when debugging.

#include <cstddef>
#include <string>
#include <string_view>

namespace vigie::web {

struct AccessRecord {
  std::string remote_addr;
  std::string method;
  std::string target;  // path and query, as received
  int status = 0;
  std::size_t bytes = 0;
  std::string user_agent;
};

// The target with secrets replaced by "REDACTED": the segment after /unsubscribe/, and the
// value of query parameters token, key, secret and password.
std::string redact_target(std::string_view target);

// `127.0.0.1 "GET /feeds/topics/3.atom?token=REDACTED" 200 5120 "newsboat/2.30"`
std::string access_log_line(const AccessRecord& record);

}  // namespace vigie::web
