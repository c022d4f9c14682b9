// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/outbox_renderer.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/try.h"
#include "service/digest_scheduler.h"

namespace vigie::service {
namespace {

constexpr std::size_t kExcerptBytes = 300;

core::Error missing(std::string what) {
  return {core::ErrorCode::NotFound, "outbox.missing", "outbox: " + std::move(what)};
}

// A NotFound from the store means the delivery can never go out (its signal, user or story is
// gone): say so with the outbox's own reason, which is permanent.
template <class T>
core::Result<T> or_missing(core::Result<T> r, std::string_view what) {
  if (!r && r.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(missing(std::string(what) + " no longer exists"));
  }
  return r;
}

// The start of a text, cut at a space (never inside a UTF-8 sequence), with an ellipsis.
std::string excerpt_of(std::string_view text) {
  if (text.size() <= kExcerptBytes) {
    return std::string(text);
  }
  std::size_t cut = text.rfind(' ', kExcerptBytes);
  if (cut == std::string_view::npos || cut < kExcerptBytes / 2) {
    cut = kExcerptBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
      --cut;
    }
  }
  return std::string(text.substr(0, cut)) + "…";
}

mail::Mailbox mailbox_of(const core::User& u) {
  return {u.email, u.name};
}

}  // namespace

StoreOutboxRenderer::StoreOutboxRenderer(storage::Store& store,
                                         const SubscriptionService& subscriptions,
                                         const core::Messages& fr, const core::Messages& en,
                                         RendererOptions options)
    : store_(store), subscriptions_(subscriptions), fr_(fr), en_(en), options_(std::move(options)) {
  while (options_.base_url.ends_with('/')) {
    options_.base_url.pop_back();
  }
}

const core::Messages& StoreOutboxRenderer::messages_for(const core::User& user) const {
  return user.lang == "en" ? en_ : fr_;
}

core::Result<std::vector<publish::SourceRef>> StoreOutboxRenderer::sources_of(
    const storage::StoryDetail& story) {
  std::vector<publish::SourceRef> out;
  for (const auto& m : story.members) {
    std::string title = m.source_title;
    if (!m.item.title.empty()) {
      title = title.empty() ? m.item.title : title + " — " + m.item.title;
    }
    out.push_back({std::move(title), m.item.url, m.item.published_at});
  }
  return out;
}

core::Result<std::optional<std::string>> StoreOutboxRenderer::comment_of(core::StoryId story) {
  VIGIE_TRY_ASSIGN(auto comments, store_.comments_of(story));
  if (comments.empty()) {
    return std::optional<std::string>();
  }
  return std::optional<std::string>(comments.back().body);  // the latest word
}

core::Result<publish::AlertContent> StoreOutboxRenderer::alert_content(
    const core::Delivery& delivery, const core::User& recipient) {
  if (!delivery.signal_id || !delivery.subscription_id) {
    return tl::unexpected(missing("an alert delivery without signal or subscription"));
  }
  VIGIE_TRY_ASSIGN(auto signal, or_missing(store_.get_signal(*delivery.signal_id), "the signal"));
  publish::AlertContent a;
  a.lang = recipient.lang == "en" ? "en" : "fr";
  a.recipient = mailbox_of(recipient);
  a.severity = signal.severity;
  a.signal_kind = signal.kind;
  a.signal_id = signal.id;
  a.story_id = signal.story_id;
  a.title = signal.title;
  a.raised_at = signal.created_at;
  a.story_url = options_.base_url + "/";
  if (signal.topic_id) {
    a.topic_id = *signal.topic_id;
    auto topic = store_.get_topic(*signal.topic_id);
    if (topic) {
      a.topic_name = topic->name;
    } else if (topic.error().code != core::ErrorCode::NotFound) {
      return tl::unexpected(topic.error());
    }
  }
  if (signal.story_id) {
    VIGIE_TRY_ASSIGN(auto story, or_missing(store_.get_story(*signal.story_id), "the story"));
    VIGIE_TRY_ASSIGN(a.sources, sources_of(story));
    if (!story.members.empty()) {
      a.excerpt = excerpt_of(story.members.front().item.text);
    }
    VIGIE_TRY_ASSIGN(a.comment, comment_of(story.story.id));
    a.story_url = fmt::format("{}/stories/{}", options_.base_url, story.story.id);
  }
  a.unsubscribe_url = options_.base_url + "/unsubscribe/"
                      + subscriptions_.alert_unsubscribe_token(*delivery.subscription_id);
  return a;
}

core::Result<publish::DigestContent> StoreOutboxRenderer::digest_content(
    const core::Delivery& delivery, const core::User& recipient) {
  if (!delivery.rhythm || !delivery.period_from || !delivery.period_to) {
    return tl::unexpected(missing("a digest delivery without rhythm or period"));
  }
  publish::DigestContent d;
  d.lang = recipient.lang == "en" ? "en" : "fr";
  d.recipient = mailbox_of(recipient);
  d.rhythm = *delivery.rhythm;
  d.period_from = *delivery.period_from;
  d.period_to = *delivery.period_to;
  d.portal_url = options_.base_url + "/";
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(delivery.user_id, std::nullopt));
  for (const auto& s : subs) {
    if (!serves_digest(s, delivery)) {
      continue;
    }
    auto topic = store_.get_topic(s.topic_id);
    if (!topic || !topic->enabled) {
      continue;  // removed or disabled since: nothing to say about it
    }
    VIGIE_TRY_ASSIGN(auto kept, kept_stories_between(store_, topic->org_id, topic->id,
                                                     d.period_from, d.period_to));
    publish::DigestTopic section{topic->id, topic->name, {}};
    for (const auto& e : kept) {
      auto detail = store_.get_story(e.story.id);
      if (!detail) {
        continue;
      }
      publish::DigestStory ds;
      ds.story_id = e.story.id;
      ds.title = e.story.title;
      ds.url = fmt::format("{}/stories/{}", options_.base_url, e.story.id);
      VIGIE_TRY_ASSIGN(ds.sources, sources_of(*detail));
      ds.highlight = e.review && e.review->highlight;
      VIGIE_TRY_ASSIGN(ds.comment, comment_of(e.story.id));
      if (!detail->members.empty()) {
        ds.excerpt = excerpt_of(detail->members.front().item.text);
      }
      section.stories.push_back(std::move(ds));
    }
    if (!section.stories.empty()) {
      d.topics.push_back(std::move(section));
    }
  }
  if (d.topics.empty()) {
    // Unsubscribed, or the stories were reviewed again since the digest was made.
    return tl::unexpected(missing("every story of the digest"));
  }
  std::sort(d.topics.begin(), d.topics.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  d.unsubscribe_url = options_.base_url + "/unsubscribe/"
                      + subscriptions_.digest_unsubscribe_token(delivery.user_id, *delivery.rhythm,
                                                                delivery.channel, delivery.target);
  return d;
}

OutgoingEmail StoreOutboxRenderer::email(const core::Delivery& delivery, mail::Message message) {
  OutgoingEmail out;
  out.envelope = {options_.from.address, delivery.target};
  out.message = mail::render(message, fmt::format("=_vigie_{}", delivery.id));
  return out;
}

core::Result<Outgoing> StoreOutboxRenderer::render(const core::Delivery& delivery,
                                                   core::Timestamp now) {
  VIGIE_TRY_ASSIGN(auto user, or_missing(store_.get_user(delivery.user_id), "the recipient"));
  if (!user.active) {
    return core::make_error(core::ErrorCode::PermissionDenied, "outbox.recipient_inactive",
                            "outbox: recipient is inactive: " + user.email);
  }
  // The address the row was written with: the user may have changed theirs since, and the
  // delivery keeps the one it was addressed to.
  user.email = delivery.channel == core::Channel::Email ? delivery.target : user.email;
  const auto message_id =
      publish::delivery_message_id(delivery.id, delivery.org_id, options_.base_url);
  core::SubscriptionId signer = delivery.subscription_id.value_or(0);
  std::string body;
  if (delivery.kind == core::DeliveryKind::Alert) {
    VIGIE_TRY_ASSIGN(auto content, alert_content(delivery, user));
    if (delivery.channel == core::Channel::Email) {
      return email(delivery, publish::compose_alert_email(content, options_.from, message_id, now,
                                                          messages_for(user)));
    }
    body = publish::webhook_alert_body(content, delivery.id);
  } else {
    VIGIE_TRY_ASSIGN(auto content, digest_content(delivery, user));
    if (delivery.channel == core::Channel::Email) {
      return email(delivery, publish::compose_digest_email(content, options_.from, message_id, now,
                                                           messages_for(user)));
    }
    body = publish::webhook_digest_body(content, delivery.id);
    // A webhook digest is signed with the secret of the user's first webhook subscription at
    // that rhythm posting to its URL (a digest goes to one URL, see DigestScheduler).
    VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(delivery.user_id, std::nullopt));
    for (const auto& s : subs) {
      if (serves_digest(s, delivery)) {
        signer = s.id;
        break;
      }
    }
  }
  if (signer == 0) {
    return tl::unexpected(missing("the webhook subscription"));
  }
  OutgoingWebhook out;
  out.url = delivery.target;
  out.headers =
      publish::signed_headers(subscriptions_.webhook_secret(signer), now, body, delivery.id);
  out.body = std::move(body);
  return out;
}

}  // namespace vigie::service
