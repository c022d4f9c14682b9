// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Turns one outbox row into what goes on the wire: for email, the envelope and the complete
// RFC 5322 message (Message-ID "<delivery-ID.ORGID@HOST>", the same on every retry, and the
// RFC 8058 one-click unsubscribe headers); for a webhook, the URL, the JSON body and the
// signature headers (X-Vigie-Timestamp, X-Vigie-Signature: sha256=HMAC(secret, ts "." body),
// X-Vigie-Delivery). Reads the store, asks the Composer for the words.
//
// Thread-safety: render() may be called concurrently if the Store and the Composer allow it.

#include <string>
#include <variant>

#include "core/distribution.h"
#include "core/error.h"
#include "mail/mailer.h"
#include "mail/mime.h"
#include "service/composer.h"
#include "service/subscription_service.h"
#include "service/webhook_sender.h"
#include "storage/store.h"

namespace vigie::service {

struct OutgoingEmail {
  mail::Envelope envelope;
  std::string message;  // ready for SMTP DATA
};

struct OutgoingWebhook {
  std::string url;
  HttpHeaders headers;
  std::string body;
};

using Outgoing = std::variant<OutgoingEmail, OutgoingWebhook>;

class OutboxRenderer {
 public:
  virtual ~OutboxRenderer() = default;
  // The bytes for `delivery`, as of `now` (the webhook timestamp). Errors with code NotFound
  // or PermissionDenied are permanent (the delivery can never go out: "outbox.missing",
  // "outbox.recipient_inactive"); any other error is retried.
  virtual core::Result<Outgoing> render(const core::Delivery& delivery, core::Timestamp now) = 0;
};

struct RendererOptions {
  mail::Mailbox from;  // VIGIE_SMTP_FROM
  // The public base URL (VIGIE_BASE_URL) without a trailing slash: links and Message-ID host.
  std::string base_url = "http://127.0.0.1:8080";
};

class StoreOutboxRenderer final : public OutboxRenderer {
 public:
  StoreOutboxRenderer(storage::Store& store, Composer& composer,
                      const SubscriptionService& subscriptions, RendererOptions options);
  core::Result<Outgoing> render(const core::Delivery& delivery, core::Timestamp now) override;

  // Exposed for the digest scheduler and tests.
  core::Result<AlertContent> alert_content(const core::Delivery& delivery);
  core::Result<DigestContent> digest_content(const core::Delivery& delivery);

 private:
  core::Result<Outgoing> email(const core::Delivery& delivery, mail::Message message,
                               const std::string& unsubscribe_url);
  core::Result<Outgoing> webhook(const core::Delivery& delivery, core::SubscriptionId secret_of,
                                 std::string body, core::Timestamp now);

  storage::Store& store_;
  Composer& composer_;
  const SubscriptionService& subscriptions_;
  RendererOptions options_;
  std::string host_;  // of base_url, for Message-IDs
};

// "<delivery-ID.ORGID@HOST>".
std::string delivery_message_id(const core::Delivery& delivery, std::string_view host);

}  // namespace vigie::service
