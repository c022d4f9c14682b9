// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/feed_service.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "core/try.h"
#include "publish/token.h"

namespace vigie::service {
namespace {

core::Error not_found(core::TopicId topic) {
  return {core::ErrorCode::NotFound, "feed.not_found",
          "feed: no feed for topic " + std::to_string(topic) + " with this token"};
}

std::string extension(publish::FeedFormat format) {
  switch (format) {
    case publish::FeedFormat::Atom:
      return "atom";
    case publish::FeedFormat::Rss:
      return "rss";
    case publish::FeedFormat::Json:
      return "json";
  }
  return "atom";
}

// "<user id>:<topic id>" -> the user id, when the topic is the one asked for.
std::optional<core::UserId> user_of_payload(std::string_view payload, core::TopicId topic) {
  const auto colon = payload.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  std::int64_t user = 0;
  std::int64_t t = 0;
  const auto u = payload.substr(0, colon);
  const auto rest = payload.substr(colon + 1);
  if (std::from_chars(u.data(), u.data() + u.size(), user).ec != std::errc{}
      || std::from_chars(rest.data(), rest.data() + rest.size(), t).ec != std::errc{} || t != topic
      || std::to_string(user) != u || std::to_string(t) != rest) {
    return std::nullopt;
  }
  return user;
}

}  // namespace

bool audience_admits(core::Audience audience, const core::User& user,
                     std::span<const core::Membership> memberships,
                     std::span<const core::Organisation> orgs, core::OrgId operator_org) {
  if (!user.active) {
    return false;
  }
  if (audience == core::Audience::Public) {
    return true;
  }
  for (const auto& m : memberships) {
    if (m.org_id == operator_org && m.role != core::Role::Member) {
      return true;  // the operator's staff see every audience
    }
    if (audience != core::Audience::Members || m.role != core::Role::Member) {
      continue;
    }
    const auto org = std::find_if(orgs.begin(), orgs.end(),
                                  [&](const core::Organisation& o) { return o.id == m.org_id; });
    if (org != orgs.end() && org->kind == core::OrgKind::Member
        && org->operator_id == operator_org) {
      return true;
    }
  }
  return false;
}

FeedService::FeedService(storage::Store& store, std::string secret_key, FeedServiceOptions options,
                         core::OrgId operator_org)
    : store_(store),
      key_(std::move(secret_key)),
      options_(std::move(options)),
      operator_(operator_org) {
  while (options_.base_url.ends_with('/')) {
    options_.base_url.pop_back();
  }
}

std::string FeedService::feed_url(core::TopicId topic, publish::FeedFormat format,
                                  std::string_view token) const {
  std::string url =
      options_.base_url + "/feeds/topics/" + std::to_string(topic) + "." + extension(format);
  if (!token.empty()) {
    url += "?token=";
    url += token;  // base64url and '.': nothing to escape
  }
  return url;
}

core::Result<bool> FeedService::admits(const core::Topic& topic, core::UserId user_id) {
  auto user = store_.get_user(user_id);
  if (!user) {
    if (user.error().code == core::ErrorCode::NotFound) {
      return false;  // the user was removed: their tokens die with them
    }
    return tl::unexpected(user.error());
  }
  VIGIE_TRY_ASSIGN(auto memberships, store_.memberships_of(user_id));
  std::vector<core::Organisation> orgs;
  for (const auto& m : memberships) {
    auto org = store_.get_org(m.org_id);
    if (org) {
      orgs.push_back(std::move(*org));
    } else if (org.error().code != core::ErrorCode::NotFound) {
      return tl::unexpected(org.error());
    }
  }
  return audience_admits(topic.audience, *user, memberships, orgs, operator_);
}

core::Result<core::Topic> FeedService::own_topic(core::TopicId id) {
  auto topic = store_.get_topic(id);
  if (!topic) {
    if (topic.error().code == core::ErrorCode::NotFound) {
      return tl::unexpected(not_found(id));
    }
    return tl::unexpected(topic.error());
  }
  if (!topic->enabled || topic->org_id != operator_) {
    return tl::unexpected(not_found(id));
  }
  return topic;
}

core::Result<core::Topic> FeedService::readable_topic(core::TopicId id, std::string_view token) {
  VIGIE_TRY_ASSIGN(auto topic, own_topic(id));
  if (topic.audience == core::Audience::Public) {
    return topic;
  }
  const auto payload = publish::verify_token(key_, publish::kFeedPurpose, token);
  const auto user = payload ? user_of_payload(*payload, id) : std::nullopt;
  if (!user) {
    return tl::unexpected(not_found(id));
  }
  VIGIE_TRY_ASSIGN(bool ok, admits(topic, *user));
  if (!ok) {
    return tl::unexpected(not_found(id));
  }
  return topic;
}

core::Result<std::string> FeedService::token_for(core::TopicId topic_id, core::UserId user) {
  VIGIE_TRY_ASSIGN(auto topic, own_topic(topic_id));
  VIGIE_TRY_ASSIGN(bool ok, admits(topic, user));
  if (!ok) {
    return tl::unexpected(not_found(topic_id));
  }
  if (topic.audience == core::Audience::Public) {
    return std::string();  // a public feed needs no token
  }
  return publish::sign_token(key_, publish::kFeedPurpose,
                             std::to_string(user) + ":" + std::to_string(topic_id));
}

core::Result<publish::FeedDocument> FeedService::document(const core::Topic& topic,
                                                          publish::FeedFormat format,
                                                          std::string_view token) {
  storage::TriageQuery q;
  q.org = topic.org_id;
  q.state = storage::ReviewState::Kept;
  q.topic = topic.id;
  q.limit = options_.limit;
  VIGIE_TRY_ASSIGN(auto kept, store_.list_triage(q));

  publish::FeedDocument doc;
  doc.id = options_.base_url + "/feeds/topics/" + std::to_string(topic.id);
  doc.title = topic.name;
  doc.subtitle = topic.description;
  doc.home_url = options_.base_url + "/topics/" + std::to_string(topic.id);
  doc.self_url = feed_url(topic.id, format, token);
  doc.language = topic.languages.empty() ? "fr" : topic.languages.front();
  doc.author = options_.operator_name;
  doc.updated = topic.updated_at;
  for (const auto& k : kept) {
    publish::FeedEntry e;
    e.id = options_.base_url + "/stories/" + std::to_string(k.story.id);
    e.title = k.story.title;
    e.published = k.story.first_seen_at;
    e.updated = k.review ? k.review->reviewed_at : k.story.last_seen_at;
    if (k.review) {
      e.categories = k.review->tags;
    }
    // The link and summary are the story's first article (the portal's story page will
    // replace the link once it exists).
    auto detail = store_.get_story(k.story.id);
    if (detail && !detail->members.empty()) {
      const auto& first = detail->members.front().item;
      e.link = first.url;
      e.summary_html = first.summary_html;
      e.author = first.author;
    } else if (!detail && detail.error().code != core::ErrorCode::NotFound) {
      return tl::unexpected(detail.error());
    }
    doc.updated = std::max(doc.updated, e.updated);
    doc.entries.push_back(std::move(e));
  }
  return doc;
}

core::Result<RenderedFeed> FeedService::render(core::TopicId topic_id, publish::FeedFormat format,
                                               std::string_view token) {
  VIGIE_TRY_ASSIGN(auto topic, readable_topic(topic_id, token));
  const bool is_public = topic.audience == core::Audience::Public;
  // A public feed's URL carries no token, even when a subscriber's is given.
  VIGIE_TRY_ASSIGN(auto doc, document(topic, format, is_public ? std::string_view() : token));
  RenderedFeed out;
  out.body = publish::write_feed(doc, format);
  out.content_type = publish::content_type(format);
  out.etag = publish::etag_of(out.body);
  out.is_public = is_public;
  return out;
}

}  // namespace vigie::service
