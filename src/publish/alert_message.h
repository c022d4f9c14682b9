// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The email of one alert (issue "Distribute", item 2): what a person on a topic's alert list
// receives when a signal is raised. Pure: values in, a mail::Message out (mail::render makes
// the bytes). The delivery service gathers the values (signal, story, sources, comment,
// recipient) and the unsubscribe token; nothing here reads a store, a clock or the
// configuration.
//
// The message: multipart/alternative, a plain-text part that reads well on its own and a small
// HTML part (inline styles only, no images, no external resource, 600 px wide at most, every
// value HTML-escaped). Headers: List-Unsubscribe + List-Unsubscribe-Post (RFC 8058 one-click),
// List-Id (RFC 2919), Auto-Submitted: auto-generated (RFC 3834), X-Auto-Response-Suppress.
// Every user-visible word comes from the message catalogs (data/i18n, keys "publish.*"),
// through the `messages` argument: pure code cannot reach the embedded catalogs, so the caller
// passes the core::Messages of the recipient's language.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/distribution.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/time.h"
#include "mail/mime.h"

namespace vigie::publish {

// One source of a story: an article that reported it.
struct SourceRef {
  std::string title;                            // plain text; the URL is shown when empty
  std::string url;                              // the original article (absolute http(s))
  std::optional<core::Timestamp> published_at;  // when the source published it, if known
};

struct AlertContent {
  std::string lang = "fr";  // "fr" or "en", the recipient's; `messages` must be this language
  mail::Mailbox recipient;  // address and display name (may be empty)
  core::TopicId topic_id = 0;
  std::string topic_name;
  core::Priority severity = core::Priority::High;
  std::string signal_kind{core::kSignalTopicMatch};  // core::kSignalTopicMatch|AnalystAlert
  std::optional<core::SignalId> signal_id;           // for the webhook body
  std::optional<core::StoryId> story_id;             // for the webhook body
  std::string title;                                 // the story's title, plain text
  std::string excerpt;                               // plain text; may be empty
  std::vector<SourceRef> sources;
  std::optional<std::string> comment;  // the analyst's comment; absent or blank: not shown
  std::string story_url;               // the story on the portal (absolute)
  std::string unsubscribe_url;         // BASE/unsubscribe/TOKEN (absolute); "" for none
  core::Timestamp raised_at{};         // when the signal was raised
};

// The alert email to alert.recipient. `message_id` is "<delivery-ID.ORGID@HOST>" (the same on
// every retry); `date` is the Date header (the attempt's time). List-Id is derived from the
// topic id and the host of unsubscribe_url (else story_url).
// Subject: "[Vigie · Alerte critique] Coton : <title>" / "[Vigie · Critical alert] Cotton: ...".
// Never fails: hostile values (CR/LF, markup) are neutralised, not refused.
mail::Message compose_alert_email(const AlertContent& alert, const mail::Mailbox& from,
                                  std::string message_id, core::Timestamp date,
                                  const core::Messages& messages);

// The Message-ID of a delivery, "<delivery-ID.ORGID@HOST>" with HOST the host of the public
// base URL ("vigie.invalid" when it has none): the same on every retry, so a resend after a
// crash is recognisable (the idempotency key).
std::string delivery_message_id(core::DeliveryId delivery_id, core::OrgId org_id,
                                std::string_view base_url);

// "27 novembre 2026 à 14:05 UTC" / "27 November 2026, 14:05 UTC", through the catalog keys
// publish.date.format and publish.month.1..12.
std::string format_long_date(core::Timestamp t, const core::Messages& messages);

}  // namespace vigie::publish
