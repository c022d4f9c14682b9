// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Creates the digest deliveries that are due (issue "Distribute", item 3): one per (user,
// rhythm, channel, target), gathering the kept stories (review state kept, reviewed in
// [from, to)) of every topic the user follows at that rhythm by that channel and to that
// target. The target of an email digest is the user's address (one digest per user and
// rhythm); a webhook digest goes to one URL and holds only the topics of the subscriptions
// posting to that URL (a user with two webhook URLs gets two digests). A group is due when
// now >= from + period (daily 24 h, weekly 7 days), where `from` is the earliest of its
// subscriptions' digest_through (or creation time, for a subscription that has had no digest
// yet). Nothing is created when nothing was kept in the period: the next pass looks again,
// over a longer period. DeliveryStore::add_digest moves digest_through in the same
// transaction, so a crash never creates the same digest twice.
//
// Thread-safety: run one pass at a time (two concurrent passes could create the same digest
// twice).

#include <chrono>
#include <cstddef>
#include <vector>

#include "core/clock.h"
#include "core/distribution.h"
#include "core/error.h"
#include "storage/store.h"

namespace vigie::service {

struct DigestReport {
  std::size_t created = 0;  // digest deliveries added
  std::size_t empty = 0;    // due groups with nothing new (nothing created)
};

class DigestScheduler {
 public:
  DigestScheduler(storage::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  core::Result<DigestReport> run_pass();

 private:
  storage::Store& store_;
  const core::Clock& clock_;
};

// True when `s` is one of the subscriptions `digest` gathers (the caller checks the user):
// same rhythm and channel and, for a webhook digest, the same URL as the digest's target.
bool serves_digest(const core::Subscription& s, const core::Delivery& digest);

// 24 hours or 7 days. Requires: rhythm is Daily or Weekly.
std::chrono::seconds digest_period(core::Rhythm rhythm);

// The stories of `topic` kept (reviewed as kept) in [from, to), latest review first.
core::Result<std::vector<storage::TriageEntry>> kept_stories_between(storage::ReviewStore& reviews,
                                                                     core::OrgId org,
                                                                     core::TopicId topic,
                                                                     core::Timestamp from,
                                                                     core::Timestamp to);

}  // namespace vigie::service
