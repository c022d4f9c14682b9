// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Subscriptions and topics' alert lists (issue "Distribute", item 1). Every rule of who may
// receive what lives here, so the command line, the portal and the unsubscribe pages agree:
//   - an immediate subscription (alerts) needs the user on the topic's alert list;
//   - a digest subscription needs the topic's audience to admit the user: internal -> the
//     operator's staff (admin, analyst); members -> staff and member firms' users; public ->
//     anyone;
//   - the alert list itself holds only people the audience admits;
//   - a webhook URL is an absolute http(s) URL.
// Signed tokens (publish/token.h, purpose kUnsubscribePurpose) remove subscriptions without
// logging in: payload "<subscription id>" (alerts), "d:<user>:<rhythm>:email" (an email
// digest, which serves every subscription of that user and rhythm by email) or
// "d:<user>:<rhythm>:webhook:<url>" (a webhook digest: the subscriptions posting to that URL;
// without the URL, as tokens made before, every webhook subscription at that rhythm).
//
// Thread-safety: safe to call concurrently if the Store is.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/distribution.h"
#include "core/error.h"
#include "core/people.h"
#include "service/topic_service.h"
#include "storage/store.h"

namespace vigie::service {

struct SubscribeRequest {
  std::string email;  // the subscriber
  std::string topic;  // id or name
  core::Channel channel = core::Channel::Email;
  core::Rhythm rhythm = core::Rhythm::Weekly;
  std::string webhook_url;  // required for Channel::Webhook, refused otherwise
};

// A subscription with the names people know it by.
struct SubscriptionView {
  core::Subscription subscription;
  core::User user;
  core::Topic topic;
};

// What an unsubscribe token names, for the confirmation page.
struct UnsubscribeTarget {
  core::User user;                              // whose subscriptions these are
  std::vector<SubscriptionView> subscriptions;  // what removing would remove (may be empty)
};

class SubscriptionService {
 public:
  // `secret_key`: the installation's key (main/ loads it); signs tokens and webhook secrets.
  SubscriptionService(storage::Store& store, TopicService& topics, const core::Clock& clock,
                      core::OrgId operator_org, std::string secret_key)
      : store_(store),
        topics_(topics),
        clock_(clock),
        operator_(operator_org),
        key_(std::move(secret_key)) {}

  // Errors: "people.user_not_found", "topic.not_found" (NotFound); "subscription.invalid_url"
  // (webhook URL missing or not absolute http(s)), "subscription.unexpected_url" (a URL for an
  // email subscription) (InvalidInput); "subscription.inactive_user", "subscription.forbidden"
  // (the audience does not admit the user), "subscription.not_on_alert_list" (immediate)
  // (PermissionDenied); "subscription.exists" (Conflict).
  core::Result<SubscriptionView> subscribe(const SubscribeRequest& request);
  // "subscription.not_found".
  core::Result<SubscriptionView> get(core::SubscriptionId id);
  // Removes it and cancels its deliveries not yet sent. "subscription.not_found".
  core::Status unsubscribe(core::SubscriptionId id);
  // Filtered by the user's email and/or the topic when not empty; by id.
  core::Result<std::vector<SubscriptionView>> list(const std::string& email,
                                                   const std::string& topic);

  // What `token` would remove. Errors: "subscription.invalid_token" (InvalidInput) for a token
  // this key did not sign for unsubscribing; "subscription.not_found" when it names a
  // subscription or user that no longer exists.
  core::Result<UnsubscribeTarget> resolve_unsubscribe_token(const std::string& token);
  // Removes what `token` names; returns what was removed. Idempotent for digest tokens (a
  // second call removes nothing); an alert token whose subscription is gone is NotFound.
  core::Result<UnsubscribeTarget> unsubscribe_by_token(const std::string& token);

  // Tokens for the List-Unsubscribe links.
  std::string alert_unsubscribe_token(core::SubscriptionId id) const;
  // A webhook digest's token names its URL too (a digest goes to one URL): it removes only
  // the subscriptions posting there.
  std::string digest_unsubscribe_token(core::UserId user, core::Rhythm rhythm,
                                       core::Channel channel,
                                       std::string_view webhook_url = {}) const;
  // The secret a webhook receiver checks signatures with: hex HMAC-SHA256(key,
  // "webhook:<id>").
  std::string webhook_secret(core::SubscriptionId id) const;

  // The topic's alert list. Errors: "people.user_not_found", "topic.not_found",
  // "subscription.forbidden" (the audience does not admit the user). Idempotent.
  core::Status alert_list_add(const std::string& topic, const std::string& email);
  // Also removes the user's immediate subscriptions to the topic.
  core::Status alert_list_remove(const std::string& topic, const std::string& email);
  core::Result<std::vector<core::User>> alert_list(const std::string& topic);

  // True when the topic's audience admits the user (see the file comment).
  core::Result<bool> audience_admits(const core::Topic& topic, const core::User& user);

 private:
  core::Result<core::User> user_by_email(const std::string& email);
  core::Result<SubscriptionView> view(const core::Subscription& s);
  // `webhook_url` empty: every URL.
  core::Result<std::vector<core::Subscription>> digest_group(core::UserId user, core::Rhythm rhythm,
                                                             core::Channel channel,
                                                             std::string_view webhook_url);

  storage::Store& store_;
  TopicService& topics_;
  const core::Clock& clock_;
  core::OrgId operator_;
  std::string key_;
};

// True for an absolute http:// or https:// URL with a host (webhook targets).
bool is_valid_webhook_url(std::string_view url);

}  // namespace vigie::service
