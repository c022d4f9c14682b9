// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Feeds out (issue #4, item 5): a topic's kept stories as an Atom, RSS or JSON Feed document.
// `vigie serve` (GET /feeds/topics/ID.atom|rss|json) and `vigie feed` both call render(), so
// they print the very same bytes for the same topic, token and store.
//
// Access: a public topic's feed is open to anyone. Any other topic needs a secret token,
// publish::sign_token(key, kFeedPurpose, "<user id>:<topic id>"), of an active user that the
// topic's audience admits (internal: the operator's admins and analysts; members: those and
// the users of the operator's member firms). A missing, altered or no longer valid token gives
// the same error as an unknown topic, so a feed URL never reveals that a private topic exists.
//
// Thread-safety: safe to call concurrently if the Store is (the HTTP server's threads do).

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/model.h"
#include "core/people.h"
#include "publish/feed_writer.h"
#include "storage/store.h"

namespace vigie::service {

struct FeedServiceOptions {
  // The public base URL of the web server (config web.base_url), without a trailing slash:
  // the feed's self link and its stories' ids are built on it.
  std::string base_url = "http://127.0.0.1:8080";
  // The operator's name: the feed's author.
  std::string operator_name = "Vigie";
  // Stories per feed, newest review first.
  std::size_t limit = 50;
};

// A rendered feed and what an HTTP server needs to serve it.
struct RenderedFeed {
  std::string body;
  std::string content_type;  // "application/atom+xml; charset=utf-8", ...
  std::string etag;          // strong, quoted: publish::etag_of(body)
  bool is_public = false;    // public topic: a shared cache may keep it
};

// True when the topic's audience admits this user, given their memberships: public admits
// everyone; internal the operator's admins and analysts; members those and the members of a
// firm the operator serves. Inactive users are never admitted.
bool audience_admits(core::Audience audience, const core::User& user,
                     std::span<const core::Membership> memberships,
                     std::span<const core::Organisation> orgs, core::OrgId operator_org);

class FeedService {
 public:
  // Requires: `secret_key` not empty (main/ loads or creates it).
  FeedService(storage::Store& store, std::string secret_key, FeedServiceOptions options,
              core::OrgId operator_org);

  // The document for `topic` in `format`; `token` as given in ?token= (empty when none).
  // Errors: "feed.not_found" (NotFound) for an unknown or disabled topic, another operator's
  // topic, or a non-public topic without a valid token of an admitted, active user; storage
  // errors ("storage.busy", ...).
  core::Result<RenderedFeed> render(core::TopicId topic, publish::FeedFormat format,
                                    std::string_view token);

  // The secret token giving `user` the feed of `topic` (what `vigie feed --user` uses and what
  // the portal will show). Errors: "feed.not_found" as above (the user is not admitted),
  // "people.user_not_found".
  core::Result<std::string> token_for(core::TopicId topic, core::UserId user);

  // The absolute URL of the feed (with ?token= when given).
  std::string feed_url(core::TopicId topic, publish::FeedFormat format,
                       std::string_view token) const;

 private:
  core::Result<core::Topic> own_topic(core::TopicId topic);
  core::Result<core::Topic> readable_topic(core::TopicId topic, std::string_view token);
  core::Result<bool> admits(const core::Topic& topic, core::UserId user);
  core::Result<publish::FeedDocument> document(const core::Topic& topic, publish::FeedFormat format,
                                               std::string_view token);

  storage::Store& store_;
  std::string key_;
  FeedServiceOptions options_;
  core::OrgId operator_;
};

}  // namespace vigie::service
