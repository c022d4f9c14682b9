// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The SMTP backend of mail::Mailer, over libcurl (the only mail code that sees it; wired by
// main/). One easy handle per send: a delivery worker sends a few messages a second at most,
// and a fresh connection per message keeps one slow or broken dialogue from affecting the
// next. Transport security follows the URL:
//   smtp://host:port          plain, upgraded with STARTTLS when the server offers it
//                             (required when `require_tls`),
//   smtps://host:465          implicit TLS,
//   smtp[s]://user:pass@host  AUTH with these credentials (percent-decoded by libcurl).
// The server is configured by the operator (VIGIE_SMTP_URL), not by users, so the fetch
// SSRF guard does not apply here.

#include <chrono>
#include <memory>
#include <string>

#include "core/error.h"
#include "mail/mailer.h"

namespace vigie::mail::smtp {

struct SmtpOptions {
  std::string url;           // smtp://127.0.0.1:2525, smtps://user:pass@mail.example:465
  bool require_tls = false;  // fail rather than send in clear over smtp://
  bool verify_peer = true;   // TLS certificate and host name checks
  std::string ca_file;       // extra CA bundle (tests), empty: the system's
  std::string helo_domain = "vigie.localhost";  // what we say in EHLO
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds total_timeout{60};  // a slow server costs at most this per message
};

class SmtpMailer final : public Mailer {
 public:
  // Errors: "mail.invalid_url" (InvalidInput) when the URL is not smtp:// or smtps://.
  static core::Result<std::unique_ptr<SmtpMailer>> create(const SmtpOptions& options);
  SendOutcome send(const Envelope& envelope, std::string_view message) override;

 private:
  explicit SmtpMailer(SmtpOptions options) : options_(std::move(options)) {}
  SmtpOptions options_;
};

// How a libcurl result and the last SMTP reply code become an outcome (exposed for tests).
SendOutcome classify(int curl_code, long smtp_code, std::string detail);

}  // namespace vigie::mail::smtp
