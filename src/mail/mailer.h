// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Sending one email (DESIGN.md §6 "Delivery"): the interface the delivery service sees. The
// SMTP backend (mail/smtp/, libcurl) is wired by main/ only; tests use a real SMTP server on
// loopback.
//
// One call sends one message to one recipient, so each delivery has its own outcome (a 5xx
// for one address never blocks the others) and its own Message-ID.

#include <string>
#include <string_view>

#include "core/error.h"

namespace vigie::mail {

struct Envelope {
  std::string from;  // the SMTP MAIL FROM address (bare, no angle brackets)
  std::string to;    // the SMTP RCPT TO address (bare)
};

// What happened to one send. `sent` is the only success; everything else says whether trying
// again may help.
enum class SendStatus {
  Sent,
  Transient,  // try again later: connection refused, timeout, 4xx, server closed the dialogue
  Permanent,  // do not retry: a 5xx for this recipient or this message (a bounce)
};

struct SendOutcome {
  SendStatus status = SendStatus::Transient;
  int smtp_code = 0;   // the last SMTP reply code seen, 0 when none
  std::string reason;  // stable message key ("mail.rejected", "mail.unreachable", ...); "" if sent
  std::string detail;  // technical text for logs and the delivery's attempt record
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  // Sends `message` (a complete RFC 5322 message with CRLF line ends, see mime.h) to the
  // envelope's recipient. Never throws; thread-safe.
  virtual SendOutcome send(const Envelope& envelope, std::string_view message) = 0;
};

}  // namespace vigie::mail
