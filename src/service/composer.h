// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// What an alert or a digest says, gathered from the store by the outbox renderer
// (outbox_renderer.h), and the Composer that turns it into an email or a webhook body. The
// composer is pure (values in, bytes out; the compose work implements it in publish/); the
// renderer adds what only the outbox knows: sender, recipient, Message-ID, date, the
// List-Unsubscribe headers and the webhook signature.

#include <optional>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "core/error.h"
#include "core/model.h"
#include "core/people.h"
#include "mail/mime.h"
#include "storage/store.h"

namespace vigie::service {

struct AlertContent {
  core::Delivery delivery;
  core::Signal signal;
  core::User recipient;                         // lang: the language of the message
  std::optional<core::Topic> topic;             // unset when the topic was removed since
  std::optional<storage::StoryDetail> story;    // the story the signal is about, with sources
  std::vector<storage::StoryComment> comments;  // the analysts' comments on the story
  std::string portal_url;                       // a link to the story (or the portal)
  std::string unsubscribe_url;                  // one-click, no login (RFC 8058)
};

struct DigestStory {
  storage::StorySummary summary;  // the story and its sources' titles
  storage::StoryReview review;    // kept; highlight = "fait marquant"
  std::vector<storage::StoryComment> comments;
  std::string portal_url;
};

// One topic of a digest; highlights first, then latest review first.
struct DigestSection {
  core::Topic topic;
  std::vector<DigestStory> stories;
};

struct DigestContent {
  core::Delivery delivery;  // rhythm, period_from, period_to
  core::User recipient;
  std::vector<DigestSection> sections;  // by topic name; none is empty
  std::string unsubscribe_url;
};

// Turns content into messages in the recipient's language. Implementations are pure and
// thread-safe (the delivery workers call them concurrently).
class Composer {
 public:
  virtual ~Composer() = default;
  // Subject, text and HTML (and any extra header); the renderer sets from, to, message_id,
  // date and the List-Unsubscribe headers over whatever the composer put there.
  virtual core::Result<mail::Message> alert_email(const AlertContent& content) = 0;
  virtual core::Result<mail::Message> digest_email(const DigestContent& content) = 0;
  // The JSON body POSTed to a webhook.
  virtual core::Result<std::string> alert_webhook(const AlertContent& content) = 0;
  virtual core::Result<std::string> digest_webhook(const DigestContent& content) = 0;
};

}  // namespace vigie::service
