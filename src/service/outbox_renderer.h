// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Turns one outbox row into what goes on the wire. It gathers from the store what the message
// says (signal, topic, story and sources, the analyst's comment, the recipient and their
// language, or a digest's kept stories) and has publish/ compose it:
//   - email: the envelope and the complete RFC 5322 message, Message-ID
//     "<delivery-ID.ORGID@HOST>" (HOST of the public base URL; the same on every retry) and
//     the RFC 8058 one-click unsubscribe headers;
//   - webhook: the URL, the JSON body and the signature headers (X-Vigie-Timestamp,
//     X-Vigie-Signature: sha256=HMAC(secret, ts "." body), X-Vigie-Delivery).
//
// Thread-safety: render() may be called concurrently if the Store allows it.

#include <string>
#include <variant>

#include "core/distribution.h"
#include "core/error.h"
#include "core/i18n.h"
#include "mail/mailer.h"
#include "mail/mime.h"
#include "publish/alert_message.h"
#include "publish/digest_message.h"
#include "publish/webhook_message.h"
#include "service/subscription_service.h"
#include "storage/store.h"

namespace vigie::service {

struct OutgoingEmail {
  mail::Envelope envelope;
  std::string message;  // ready for SMTP DATA
};

struct OutgoingWebhook {
  std::string url;
  publish::HeaderList headers;
  std::string body;
};

using Outgoing = std::variant<OutgoingEmail, OutgoingWebhook>;

class OutboxRenderer {
 public:
  virtual ~OutboxRenderer() = default;
  // The bytes for `delivery`, as of `now` (the Date header and the webhook timestamp).
  // Errors with code NotFound, PermissionDenied or InvalidInput are permanent (the delivery
  // can never go out: "outbox.missing", "outbox.recipient_inactive"); others are retried.
  virtual core::Result<Outgoing> render(const core::Delivery& delivery, core::Timestamp now) = 0;
};

struct RendererOptions {
  mail::Mailbox from;  // VIGIE_SMTP_FROM
  // The public base URL (VIGIE_BASE_URL): links and the Message-ID host.
  std::string base_url = "http://127.0.0.1:8080";
};

class StoreOutboxRenderer final : public OutboxRenderer {
 public:
  // `fr` and `en`: the message catalogs of the two languages recipients may have.
  StoreOutboxRenderer(storage::Store& store, const SubscriptionService& subscriptions,
                      const core::Messages& fr, const core::Messages& en, RendererOptions options);
  core::Result<Outgoing> render(const core::Delivery& delivery, core::Timestamp now) override;

  // What the messages say (exposed for tests).
  core::Result<publish::AlertContent> alert_content(const core::Delivery& delivery,
                                                    const core::User& recipient);
  core::Result<publish::DigestContent> digest_content(const core::Delivery& delivery,
                                                      const core::User& recipient);

 private:
  const core::Messages& messages_for(const core::User& user) const;
  core::Result<std::vector<publish::SourceRef>> sources_of(const storage::StoryDetail& story);
  core::Result<std::optional<std::string>> comment_of(core::StoryId story);
  OutgoingEmail email(const core::Delivery& delivery, mail::Message message);

  storage::Store& store_;
  const SubscriptionService& subscriptions_;
  const core::Messages& fr_;
  const core::Messages& en_;
  RendererOptions options_;
};

}  // namespace vigie::service
