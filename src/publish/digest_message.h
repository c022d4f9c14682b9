// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The email of one digest (issue "Distribute", item 3): per subscriber and rhythm, the kept
// stories of the topics they follow since the previous digest. Pure: values in, a
// mail::Message out (mail::render makes the bytes). Same shape and rules as alert_message.h
// (multipart text + HTML, inline styles, everything escaped, RFC 8058 headers, catalog words
// through `messages`, the recipient's language).
//
// Layout: a "Faits marquants" / "Highlights" section first with every highlighted story (and
// its topic), then one section per topic, in the order given, with its other stories in the
// order given. Each story appears once. Topics left without a story are not shown.

#include <optional>
#include <string>
#include <vector>

#include "core/distribution.h"
#include "core/i18n.h"
#include "core/time.h"
#include "mail/mime.h"
#include "publish/alert_message.h"

namespace vigie::publish {

struct DigestStory {
  std::optional<core::StoryId> story_id;  // for the webhook body
  std::string title;                      // plain text
  std::string url;                        // the story on the portal (absolute)
  std::vector<SourceRef> sources;
  bool highlight = false;              // "fait marquant"
  std::optional<std::string> comment;  // the analyst's comment; absent or blank: not shown
  std::string excerpt;                 // plain text; may be empty
};

struct DigestTopic {
  core::TopicId topic_id = 0;
  std::string name;
  std::vector<DigestStory> stories;
};

struct DigestContent {
  std::string lang = "fr";  // "fr" or "en"; `messages` must be this language
  mail::Mailbox recipient;
  core::Rhythm rhythm = core::Rhythm::Weekly;  // Daily or Weekly
  core::Timestamp period_from{};               // the period covered: [from, to)
  core::Timestamp period_to{};
  std::vector<DigestTopic> topics;
  std::string unsubscribe_url;  // BASE/unsubscribe/TOKEN (SubscriptionService: digest payloads)
  std::string portal_url;       // the portal's home (absolute)
};

// Stories over every topic.
std::size_t story_count(const DigestContent& digest);

// The digest email. Subject: "Vigie · Votre veille de la semaine (12 articles)" /
// "Vigie · Your weekly watch (12 stories)" (daily: "du jour" / "daily"). List-Id
// "<digest-weekly.HOST>" from the host of unsubscribe_url (else portal_url).
// Never fails. Requires: rhythm is Daily or Weekly.
mail::Message compose_digest_email(const DigestContent& digest, const mail::Mailbox& from,
                                   std::string message_id, core::Timestamp date,
                                   const core::Messages& messages);

}  // namespace vigie::publish
