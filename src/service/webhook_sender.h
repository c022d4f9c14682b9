// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Posting one webhook: the interface the delivery service sees (the HTTP implementation
// lives with the other HTTP code in fetch/curl/ and is wired by main/; tests use fakes).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/mailer.h"

namespace vigie::service {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct WebhookOutcome {
  mail::SendStatus status = mail::SendStatus::Transient;  // Sent, Transient or Permanent
  int http_status = 0;                                    // 0 when no response came back
  std::string reason;  // stable key ("webhook.http_404", "webhook.unreachable"); "" if sent
  std::string detail;  // technical text for logs and the attempt record
};

class WebhookSender {
 public:
  virtual ~WebhookSender() = default;
  // POSTs `body` (application/json) to `url` with `headers`. Never throws; thread-safe;
  // blocks at most the implementation's timeout.
  virtual WebhookOutcome post(const std::string& url, const HttpHeaders& headers,
                              std::string_view body) = 0;
};

// How an HTTP status becomes an outcome: 2xx sent; 408, 429 and 5xx transient; any other
// status (4xx, a redirect we do not follow) permanent. Reason "webhook.http_<status>".
WebhookOutcome classify_webhook_status(int http_status, std::string detail);

}  // namespace vigie::service
