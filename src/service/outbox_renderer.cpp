// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/outbox_renderer.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/try.h"
#include "core/url.h"
#include "publish/token.h"
#include "service/digest_scheduler.h"

namespace vigie::service {
namespace {

core::Error missing(std::string what) {
  return {core::ErrorCode::NotFound, "outbox.missing", "outbox: " + std::move(what)};
}

// A NotFound from the store means the delivery can never go out (its signal, user or
// subscription is gone): say so with the outbox's own reason, which is permanent.
template <class T>
core::Result<T> or_missing(core::Result<T> r, std::string_view what) {
  if (!r && r.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(missing(std::string(what) + " no longer exists"));
  }
  return r;
}

std::string story_url(const std::string& base, core::StoryId id) {
  return fmt::format("{}/stories/{}", base, id);
}

storage::StorySummary summary_of(const storage::StoryDetail& detail) {
  storage::StorySummary s{detail.story, {}};
  for (const auto& m : detail.members) {
    if (std::find(s.sources.begin(), s.sources.end(), m.source_title) == s.sources.end()) {
      s.sources.push_back(m.source_title);
    }
  }
  return s;
}

}  // namespace

std::string delivery_message_id(const core::Delivery& delivery, std::string_view host) {
  return fmt::format("<delivery-{}.{}@{}>", delivery.id, delivery.org_id, host);
}

StoreOutboxRenderer::StoreOutboxRenderer(storage::Store& store, Composer& composer,
                                         const SubscriptionService& subscriptions,
                                         RendererOptions options)
    : store_(store),
      composer_(composer),
      subscriptions_(subscriptions),
      options_(std::move(options)) {
  while (options_.base_url.ends_with('/')) {
    options_.base_url.pop_back();
  }
  auto u = core::parse_url(options_.base_url);
  host_ = u && !u->host.empty() ? u->host : "vigie.localhost";
}

core::Result<AlertContent> StoreOutboxRenderer::alert_content(const core::Delivery& delivery) {
  if (!delivery.signal_id || !delivery.subscription_id) {
    return tl::unexpected(missing("an alert delivery without signal or subscription"));
  }
  AlertContent c;
  c.delivery = delivery;
  VIGIE_TRY_ASSIGN(c.signal, or_missing(store_.get_signal(*delivery.signal_id), "the signal"));
  VIGIE_TRY_ASSIGN(c.recipient, or_missing(store_.get_user(delivery.user_id), "the recipient"));
  if (c.signal.topic_id) {
    auto topic = store_.get_topic(*c.signal.topic_id);
    if (topic) {
      c.topic = std::move(*topic);
    } else if (topic.error().code != core::ErrorCode::NotFound) {
      return tl::unexpected(topic.error());
    }
  }
  c.portal_url = options_.base_url + "/";
  if (c.signal.story_id) {
    VIGIE_TRY_ASSIGN(c.story, or_missing(store_.get_story(*c.signal.story_id), "the story"));
    VIGIE_TRY_ASSIGN(c.comments, store_.comments_of(*c.signal.story_id));
    c.portal_url = story_url(options_.base_url, *c.signal.story_id);
  }
  c.unsubscribe_url = options_.base_url + "/unsubscribe/"
                      + subscriptions_.alert_unsubscribe_token(*delivery.subscription_id);
  return c;
}

core::Result<DigestContent> StoreOutboxRenderer::digest_content(const core::Delivery& delivery) {
  if (!delivery.rhythm || !delivery.period_from || !delivery.period_to) {
    return tl::unexpected(missing("a digest delivery without rhythm or period"));
  }
  DigestContent c;
  c.delivery = delivery;
  VIGIE_TRY_ASSIGN(c.recipient, or_missing(store_.get_user(delivery.user_id), "the recipient"));
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(delivery.user_id, std::nullopt));
  for (const auto& s : subs) {
    if (s.rhythm != *delivery.rhythm || s.channel != delivery.channel) {
      continue;
    }
    auto topic = store_.get_topic(s.topic_id);
    if (!topic) {
      continue;
    }
    VIGIE_TRY_ASSIGN(auto kept, kept_stories_between(store_, topic->org_id, topic->id,
                                                     *delivery.period_from, *delivery.period_to));
    DigestSection section{*topic, {}};
    for (const auto& e : kept) {
      auto detail = store_.get_story(e.story.id);
      if (!detail) {
        continue;
      }
      DigestStory ds{summary_of(*detail), *e.review, {}, story_url(options_.base_url, e.story.id)};
      VIGIE_TRY_ASSIGN(ds.comments, store_.comments_of(e.story.id));
      section.stories.push_back(std::move(ds));
    }
    // Highlights ("faits marquants") first; otherwise the latest review first, as listed.
    std::stable_sort(section.stories.begin(), section.stories.end(),
                     [](const DigestStory& a, const DigestStory& b) {
                       return a.review.highlight && !b.review.highlight;
                     });
    if (!section.stories.empty()) {
      c.sections.push_back(std::move(section));
    }
  }
  std::sort(
      c.sections.begin(), c.sections.end(),
      [](const DigestSection& a, const DigestSection& b) { return a.topic.name < b.topic.name; });
  c.unsubscribe_url = options_.base_url + "/unsubscribe/"
                      + subscriptions_.digest_unsubscribe_token(delivery.user_id, *delivery.rhythm,
                                                                delivery.channel);
  return c;
}

core::Result<Outgoing> StoreOutboxRenderer::email(const core::Delivery& delivery,
                                                  mail::Message message,
                                                  const std::string& unsubscribe_url) {
  message.from = options_.from;
  message.to.address = delivery.target;
  message.message_id = delivery_message_id(delivery, host_);
  message.date = delivery.created_at;
  std::erase_if(message.headers, [](const auto& h) {
    return h.first == "List-Unsubscribe" || h.first == "List-Unsubscribe-Post";
  });
  // RFC 8058: a POST to this URL with "List-Unsubscribe=One-Click" unsubscribes.
  message.headers.emplace_back("List-Unsubscribe", "<" + unsubscribe_url + ">");
  message.headers.emplace_back("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  OutgoingEmail out;
  out.envelope = {options_.from.address, delivery.target};
  out.message = mail::render(message, fmt::format("=_vigie_{}", delivery.id));
  return out;
}

core::Result<Outgoing> StoreOutboxRenderer::webhook(const core::Delivery& delivery,
                                                    core::SubscriptionId secret_of,
                                                    std::string body, core::Timestamp now) {
  const std::string ts = std::to_string(core::to_unix(now));
  const std::string secret = subscriptions_.webhook_secret(secret_of);
  OutgoingWebhook out;
  out.url = delivery.target;
  out.headers = {
      {"Content-Type", "application/json"},
      {"X-Vigie-Timestamp", ts},
      {"X-Vigie-Signature", "sha256=" + publish::hmac_sha256_hex(secret, ts + "." + body)},
      {"X-Vigie-Delivery", std::to_string(delivery.id)}};
  out.body = std::move(body);
  return out;
}

core::Result<Outgoing> StoreOutboxRenderer::render(const core::Delivery& delivery,
                                                   core::Timestamp now) {
  VIGIE_TRY_ASSIGN(auto user, or_missing(store_.get_user(delivery.user_id), "the recipient"));
  if (!user.active) {
    return core::make_error(core::ErrorCode::PermissionDenied, "outbox.recipient_inactive",
                            "outbox: recipient is inactive: " + user.email);
  }
  if (delivery.kind == core::DeliveryKind::Alert) {
    VIGIE_TRY_ASSIGN(auto content, alert_content(delivery));
    if (delivery.channel == core::Channel::Email) {
      VIGIE_TRY_ASSIGN(auto message, composer_.alert_email(content));
      return email(delivery, std::move(message), content.unsubscribe_url);
    }
    VIGIE_TRY_ASSIGN(auto body, composer_.alert_webhook(content));
    return webhook(delivery, *delivery.subscription_id, std::move(body), now);
  }
  VIGIE_TRY_ASSIGN(auto content, digest_content(delivery));
  if (delivery.channel == core::Channel::Email) {
    VIGIE_TRY_ASSIGN(auto message, composer_.digest_email(content));
    return email(delivery, std::move(message), content.unsubscribe_url);
  }
  VIGIE_TRY_ASSIGN(auto body, composer_.digest_webhook(content));
  // The secret of the user's first subscription in the group (the one whose URL is the target).
  core::SubscriptionId secret_of = 0;
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(delivery.user_id, std::nullopt));
  for (const auto& s : subs) {
    if (s.rhythm == *delivery.rhythm && s.channel == core::Channel::Webhook) {
      secret_of = s.id;
      break;
    }
  }
  if (secret_of == 0) {
    return tl::unexpected(missing("the webhook subscription"));
  }
  return webhook(delivery, secret_of, std::move(body), now);
}

}  // namespace vigie::service
