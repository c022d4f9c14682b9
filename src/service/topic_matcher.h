// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Matches items against the enabled topics of their organisation at ingestion time. Keeps one
// compiled match::Percolator per organisation and rebuilds it when the store's topics version
// changes (a topic added, edited or removed, here or by another process).
//
// Thread-safety: safe to call from several threads; a reload is serialised, and matching runs
// on an immutable snapshot.

#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "match/evaluator.h"
#include "match/percolator.h"
#include "storage/store.h"

namespace vigie::service {

// The reference evaluator's view of a stored item: its item_fields (item_fields.h), which the
// search index gets too (to_index_document), so a topic, its `vigie topics test` and
// `vigie search` agree.
match::EvalDocument eval_document(const core::Item& item, const core::Source& source);

// A topic turned into the percolator's input. Errors: InvalidInput with the parser's key
// ("query.expected_term"...) when the query or a variant does not parse.
core::Result<match::PercolatorTopic> percolator_topic(const core::Topic& topic);

class TopicMatcher {
 public:
  explicit TopicMatcher(storage::Store& store) : store_(store) {}

  // A snapshot of the compiled topics of `org`, reloaded when the topics version changed.
  // Topics whose query no longer parses are skipped. Errors: storage errors.
  struct Snapshot {
    match::Percolator percolator;
    std::map<core::TopicId, core::Topic> topics;
  };
  core::Result<std::shared_ptr<const Snapshot>> snapshot(core::OrgId org);
  // The snapshot of `org` last loaded, without asking the store whether it is current (null
  // when none): for matching ahead of the transaction, which checks it against snapshot().
  std::shared_ptr<const Snapshot> last_snapshot(core::OrgId org);

  // The topics `item` matches (item.org_id's enabled topics), best first.
  static std::vector<core::TopicMatch> match(const Snapshot& snapshot, const core::Item& item,
                                             const core::Source& source);

 private:
  storage::Store& store_;
  std::mutex mutex_;
  std::uint64_t version_ = 0;                                         // GUARDED_BY(mutex_)
  bool loaded_ = false;                                               // GUARDED_BY(mutex_)
  std::map<core::OrgId, std::shared_ptr<const Snapshot>> snapshots_;  // GUARDED_BY(mutex_)
};

}  // namespace vigie::service
