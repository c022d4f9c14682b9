// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/subscription_service.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "core/try.h"
#include "core/url.h"
#include "publish/token.h"
#include "publish/webhook_message.h"
#include "service/feed_service.h"

namespace vigie::service {
namespace {

core::Error error(core::ErrorCode code, std::string reason, std::string message) {
  return {code, std::move(reason), "service: " + std::move(message)};
}

std::optional<std::int64_t> parse_id(std::string_view s) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) {
    return std::nullopt;
  }
  return v;
}

struct DigestPayload {
  core::UserId user = 0;
  core::Rhythm rhythm = core::Rhythm::Weekly;
  core::Channel channel = core::Channel::Email;
  std::string webhook_url;  // empty: every URL (tokens made before digests went per URL)
};

// "d:<user>:<rhythm>:<channel>", or "d:<user>:<rhythm>:webhook:<url>".
std::optional<DigestPayload> parse_digest_payload(std::string_view p) {
  if (!p.starts_with("d:")) {
    return std::nullopt;
  }
  p.remove_prefix(2);
  const auto a = p.find(':');
  const auto b = a == std::string_view::npos ? a : p.find(':', a + 1);
  if (b == std::string_view::npos) {
    return std::nullopt;
  }
  const auto c = p.find(':', b + 1);
  auto user = parse_id(p.substr(0, a));
  auto rhythm = core::parse_rhythm(p.substr(a + 1, b - a - 1));
  auto channel = core::parse_channel(p.substr(b + 1, c == std::string_view::npos ? c : c - b - 1));
  if (!user || !rhythm || !channel || *rhythm == core::Rhythm::Immediate) {
    return std::nullopt;
  }
  DigestPayload out{*user, *rhythm, *channel, {}};
  if (c != std::string_view::npos) {
    if (*channel != core::Channel::Webhook || c + 1 == p.size()) {
      return std::nullopt;
    }
    out.webhook_url = std::string(p.substr(c + 1));
  }
  return out;
}

}  // namespace

bool is_valid_webhook_url(std::string_view url) {
  if (url.size() > 2000 || std::any_of(url.begin(), url.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
      })) {
    return false;
  }
  auto u = core::parse_url(url);
  return u && (u->scheme == "http" || u->scheme == "https") && !u->host.empty();
}

core::Result<core::User> SubscriptionService::user_by_email(const std::string& email) {
  auto user = store_.find_user_by_email(email);
  if (!user && user.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(
        error(core::ErrorCode::NotFound, "people.user_not_found", "no user with email " + email));
  }
  return user;
}

core::Result<bool> SubscriptionService::audience_admits(const core::Topic& topic,
                                                        const core::User& user) {
  if (topic.audience == core::Audience::Public) {
    return user.active;
  }
  VIGIE_TRY_ASSIGN(auto memberships, store_.memberships_of(user.id));
  std::vector<core::Organisation> orgs;
  for (const auto& m : memberships) {
    VIGIE_TRY_ASSIGN(auto org, store_.get_org(m.org_id));
    orgs.push_back(std::move(org));
  }
  // One rule for feeds and subscriptions (feed_service.h); the topic's owner is the operator.
  return service::audience_admits(topic.audience, user, memberships, orgs, topic.org_id);
}

core::Result<SubscriptionView> SubscriptionService::view(const core::Subscription& s) {
  VIGIE_TRY_ASSIGN(auto user, store_.get_user(s.user_id));
  VIGIE_TRY_ASSIGN(auto topic, store_.get_topic(s.topic_id));
  return SubscriptionView{s, std::move(user), std::move(topic)};
}

core::Result<SubscriptionView> SubscriptionService::subscribe(const SubscribeRequest& request) {
  if (request.channel == core::Channel::Webhook && !is_valid_webhook_url(request.webhook_url)) {
    return tl::unexpected(error(core::ErrorCode::InvalidInput, "subscription.invalid_url",
                                "a webhook needs an absolute http(s) URL: " + request.webhook_url));
  }
  if (request.channel == core::Channel::Email && !request.webhook_url.empty()) {
    return tl::unexpected(error(core::ErrorCode::InvalidInput, "subscription.unexpected_url",
                                "an email subscription takes no URL"));
  }
  VIGIE_TRY_ASSIGN(auto user, user_by_email(request.email));
  VIGIE_TRY_ASSIGN(auto topic, topics_.find(request.topic));
  if (!user.active) {
    return tl::unexpected(error(core::ErrorCode::PermissionDenied, "subscription.inactive_user",
                                "user is inactive: " + user.email));
  }
  VIGIE_TRY_ASSIGN(bool admitted, audience_admits(topic, user));
  if (!admitted) {
    return tl::unexpected(error(core::ErrorCode::PermissionDenied, "subscription.forbidden",
                                fmt::format("topic {} ({}) is not for {}", topic.name,
                                            core::to_string(topic.audience), user.email)));
  }
  if (request.rhythm == core::Rhythm::Immediate) {
    VIGIE_TRY_ASSIGN(auto list, store_.alert_list(topic.id));
    if (std::find(list.begin(), list.end(), user.id) == list.end()) {
      return tl::unexpected(error(core::ErrorCode::PermissionDenied,
                                  "subscription.not_on_alert_list",
                                  user.email + " is not on the alert list of " + topic.name));
    }
  }
  core::Subscription s;
  s.user_id = user.id;
  s.topic_id = topic.id;
  s.channel = request.channel;
  s.rhythm = request.rhythm;
  s.webhook_url = request.webhook_url;
  s.created_at = clock_.now();
  auto added = store_.add_subscription(s);
  if (!added && added.error().code == core::ErrorCode::Conflict) {
    return tl::unexpected(
        error(core::ErrorCode::Conflict, "subscription.exists",
              fmt::format("{} already follows {} by {} ({})", user.email, topic.name,
                          core::to_string(s.channel), core::to_string(s.rhythm))));
  }
  VIGIE_TRY(added);
  return SubscriptionView{*added, std::move(user), std::move(topic)};
}

core::Result<SubscriptionView> SubscriptionService::get(core::SubscriptionId id) {
  auto s = store_.get_subscription(id);
  if (!s && s.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(error(core::ErrorCode::NotFound, "subscription.not_found",
                                fmt::format("no subscription {}", id)));
  }
  VIGIE_TRY(s);
  return view(*s);
}

core::Status SubscriptionService::unsubscribe(core::SubscriptionId id) {
  auto st = store_.remove_subscription(id);
  if (!st && st.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(error(core::ErrorCode::NotFound, "subscription.not_found",
                                fmt::format("no subscription {}", id)));
  }
  return st;
}

core::Result<std::vector<SubscriptionView>> SubscriptionService::list(const std::string& email,
                                                                      const std::string& topic) {
  std::optional<core::UserId> user;
  std::optional<core::TopicId> topic_id;
  if (!email.empty()) {
    VIGIE_TRY_ASSIGN(auto u, user_by_email(email));
    user = u.id;
  }
  if (!topic.empty()) {
    VIGIE_TRY_ASSIGN(auto t, topics_.find(topic));
    topic_id = t.id;
  }
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(user, topic_id));
  std::vector<SubscriptionView> out;
  out.reserve(subs.size());
  for (const auto& s : subs) {
    VIGIE_TRY_ASSIGN(auto v, view(s));
    out.push_back(std::move(v));
  }
  return out;
}

core::Result<std::vector<core::Subscription>> SubscriptionService::digest_group(
    core::UserId user, core::Rhythm rhythm, core::Channel channel, std::string_view webhook_url) {
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(user, std::nullopt));
  std::erase_if(subs, [&](const core::Subscription& s) {
    return s.rhythm != rhythm || s.channel != channel
           || (!webhook_url.empty() && s.webhook_url != webhook_url);
  });
  return subs;
}

core::Result<UnsubscribeTarget> SubscriptionService::resolve_unsubscribe_token(
    const std::string& token) {
  auto payload = publish::verify_token(key_, publish::kUnsubscribePurpose, token);
  if (!payload) {
    return tl::unexpected(error(core::ErrorCode::InvalidInput, "subscription.invalid_token",
                                "unsubscribe token not signed by this installation"));
  }
  if (auto id = parse_id(*payload)) {
    VIGIE_TRY_ASSIGN(auto v, get(*id));
    core::User user = v.user;
    return UnsubscribeTarget{std::move(user), {std::move(v)}};
  }
  auto digest = parse_digest_payload(*payload);
  if (!digest) {
    return tl::unexpected(error(core::ErrorCode::InvalidInput, "subscription.invalid_token",
                                "unsubscribe token with an unknown payload"));
  }
  auto user = store_.get_user(digest->user);
  if (!user && user.error().code == core::ErrorCode::NotFound) {
    return tl::unexpected(
        error(core::ErrorCode::NotFound, "subscription.not_found", "the user no longer exists"));
  }
  VIGIE_TRY(user);
  VIGIE_TRY_ASSIGN(
      auto subs, digest_group(digest->user, digest->rhythm, digest->channel, digest->webhook_url));
  UnsubscribeTarget target{*user, {}};
  for (const auto& s : subs) {
    VIGIE_TRY_ASSIGN(auto v, view(s));
    target.subscriptions.push_back(std::move(v));
  }
  return target;
}

core::Result<UnsubscribeTarget> SubscriptionService::unsubscribe_by_token(
    const std::string& token) {
  VIGIE_TRY_ASSIGN(auto target, resolve_unsubscribe_token(token));
  for (const auto& v : target.subscriptions) {
    auto st = store_.remove_subscription(v.subscription.id);
    // Two clicks at once: the other one removed it first, which is what was asked.
    if (!st && st.error().code != core::ErrorCode::NotFound) {
      return tl::unexpected(st.error());
    }
  }
  return target;
}

std::string SubscriptionService::alert_unsubscribe_token(core::SubscriptionId id) const {
  return publish::sign_token(key_, publish::kUnsubscribePurpose, std::to_string(id));
}

std::string SubscriptionService::digest_unsubscribe_token(core::UserId user, core::Rhythm rhythm,
                                                          core::Channel channel,
                                                          std::string_view webhook_url) const {
  std::string payload =
      fmt::format("d:{}:{}:{}", user, core::to_string(rhythm), core::to_string(channel));
  if (channel == core::Channel::Webhook && !webhook_url.empty()) {
    payload += ':';
    payload += webhook_url;
  }
  return publish::sign_token(key_, publish::kUnsubscribePurpose, payload);
}

std::string SubscriptionService::webhook_secret(core::SubscriptionId id) const {
  return publish::webhook_secret(key_, id);
}

core::Status SubscriptionService::alert_list_add(const std::string& topic,
                                                 const std::string& email) {
  VIGIE_TRY_ASSIGN(auto t, topics_.find(topic));
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  VIGIE_TRY_ASSIGN(bool admitted, audience_admits(t, user));
  if (!admitted) {
    return tl::unexpected(error(core::ErrorCode::PermissionDenied, "subscription.forbidden",
                                fmt::format("topic {} ({}) is not for {}", t.name,
                                            core::to_string(t.audience), user.email)));
  }
  return store_.add_to_alert_list(t.id, user.id);
}

core::Status SubscriptionService::alert_list_remove(const std::string& topic,
                                                    const std::string& email) {
  VIGIE_TRY_ASSIGN(auto t, topics_.find(topic));
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  return store_.remove_from_alert_list(t.id, user.id);
}

core::Result<std::vector<core::User>> SubscriptionService::alert_list(const std::string& topic) {
  VIGIE_TRY_ASSIGN(auto t, topics_.find(topic));
  VIGIE_TRY_ASSIGN(auto ids, store_.alert_list(t.id));
  std::vector<core::User> out;
  for (auto id : ids) {
    VIGIE_TRY_ASSIGN(auto u, store_.get_user(id));
    out.push_back(std::move(u));
  }
  return out;
}

}  // namespace vigie::service
