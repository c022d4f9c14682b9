// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/digest_scheduler.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "core/try.h"

namespace vigie::service {
namespace {

constexpr std::size_t kPage = 200;

// (user, rhythm, channel, webhook URL): email digests go to the user's address, one per user;
// webhook digests one per URL, each with the topics of the subscriptions posting to it.
using GroupKey = std::tuple<core::UserId, core::Rhythm, core::Channel, std::string>;

}  // namespace

bool serves_digest(const core::Subscription& s, const core::Delivery& digest) {
  return digest.rhythm && s.rhythm == *digest.rhythm && s.channel == digest.channel
         && (s.channel != core::Channel::Webhook || s.webhook_url == digest.target);
}

std::chrono::seconds digest_period(core::Rhythm rhythm) {
  return rhythm == core::Rhythm::Daily ? std::chrono::hours(24) : std::chrono::hours(24 * 7);
}

core::Result<std::vector<storage::TriageEntry>> kept_stories_between(storage::ReviewStore& reviews,
                                                                     core::OrgId org,
                                                                     core::TopicId topic,
                                                                     core::Timestamp from,
                                                                     core::Timestamp to) {
  std::vector<storage::TriageEntry> out;
  storage::TriageQuery q;
  q.org = org;
  q.state = storage::ReviewState::Kept;
  q.topic = topic;
  q.limit = kPage;
  // Latest review first: page until the reviews are older than the period.
  for (;;) {
    VIGIE_TRY_ASSIGN(auto page, reviews.list_triage(q));
    for (auto& e : page) {
      if (!e.review) {
        continue;
      }
      if (e.review->reviewed_at < from) {
        return out;
      }
      if (e.review->reviewed_at < to) {
        out.push_back(std::move(e));
      }
    }
    if (page.size() < kPage) {
      return out;
    }
    q.offset += kPage;
  }
}

core::Result<DigestReport> DigestScheduler::run_pass() {
  const core::Timestamp now = clock_.now();
  VIGIE_TRY_ASSIGN(auto subs, store_.list_subscriptions(std::nullopt, std::nullopt));
  std::map<GroupKey, std::vector<core::Subscription>> groups;
  for (auto& s : subs) {
    if (s.rhythm != core::Rhythm::Immediate) {
      std::string url = s.channel == core::Channel::Webhook ? s.webhook_url : std::string();
      groups[{s.user_id, s.rhythm, s.channel, std::move(url)}].push_back(std::move(s));
    }
  }
  DigestReport report;
  for (const auto& [key, members] : groups) {
    const auto& [user_id, rhythm, channel, url] = key;
    core::Timestamp from = now;
    for (const auto& s : members) {
      from = std::min(from, s.digest_through.value_or(s.created_at));
    }
    if (now < from + digest_period(rhythm)) {
      continue;
    }
    VIGIE_TRY_ASSIGN(auto user, store_.get_user(user_id));
    if (!user.active) {
      continue;
    }
    bool any = false;
    core::OrgId org = 0;
    for (const auto& s : members) {
      VIGIE_TRY_ASSIGN(auto topic, store_.get_topic(s.topic_id));
      org = topic.org_id;
      if (!topic.enabled) {
        continue;  // a disabled topic sends nothing (nor does the renderer include it)
      }
      VIGIE_TRY_ASSIGN(auto kept, kept_stories_between(store_, topic.org_id, topic.id, from, now));
      if (!kept.empty()) {
        any = true;
        break;
      }
    }
    if (!any) {
      ++report.empty;
      continue;
    }
    core::Delivery d;
    d.org_id = org;
    d.kind = core::DeliveryKind::Digest;
    d.user_id = user_id;
    d.channel = channel;
    d.target = channel == core::Channel::Email ? user.email : url;
    d.created_at = now;
    d.next_attempt_at = now;
    d.rhythm = rhythm;
    d.period_from = from;
    d.period_to = now;
    VIGIE_TRY(store_.add_digest(d));
    ++report.created;
  }
  return report;
}

}  // namespace vigie::service
