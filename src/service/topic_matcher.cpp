// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/topic_matcher.h"

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/try.h"
#include "service/item_fields.h"

namespace vigie::service {

match::EvalDocument eval_document(const core::Item& item, const core::Source& source) {
  // Read in place (this runs for every item ingested while topics exist): only the tags are
  // put together, and only when the source has tags and the item categories.
  const ItemFields f = item_fields(item, source);
  std::vector<std::string> scratch;
  return match::EvalDocument(match::DocumentFields{
      .title = f.title,
      .text = f.text,
      .source = f.source,
      .author = f.author,
      .lang = f.lang,
      .country = f.country,
      .tags = f.tags(scratch),
      .date = f.date(),
  });
}

namespace {

core::Result<match::Query> parse(const std::string& text) {
  auto q = match::parse_query_detailed(text);
  if (!q) {
    return core::make_error(core::ErrorCode::InvalidInput, q.error().expected_key,
                            "query: " + match::describe(q.error()));
  }
  return std::move(*q);
}

}  // namespace

core::Result<match::PercolatorTopic> percolator_topic(const core::Topic& topic) {
  match::PercolatorTopic p;
  p.id = topic.id;
  VIGIE_TRY_ASSIGN(p.query, parse(topic.query));
  p.languages = topic.languages;
  for (const auto& v : topic.variants) {
    VIGIE_TRY_ASSIGN(match::Query q, parse(v.query));
    p.variants.emplace_back(v.lang, std::move(q));
  }
  return p;
}

core::Result<std::shared_ptr<const TopicMatcher::Snapshot>> TopicMatcher::snapshot(
    core::OrgId org) {
  VIGIE_TRY_ASSIGN(std::uint64_t version, store_.topics_version());
  std::scoped_lock lock(mutex_);
  if (!loaded_ || version != version_) {
    snapshots_.clear();
    version_ = version;
    loaded_ = true;
  }
  auto it = snapshots_.find(org);
  if (it != snapshots_.end()) {
    return it->second;
  }
  VIGIE_TRY_ASSIGN(auto topics, store_.list_topics(org));
  auto snap = std::make_shared<Snapshot>();
  std::vector<match::PercolatorTopic> compiled;
  for (auto& t : topics) {
    if (!t.enabled) {
      continue;
    }
    auto p = percolator_topic(t);
    if (!p) {
      continue;  // saved before a grammar change; `vigie topics list` shows it as invalid
    }
    compiled.push_back(std::move(*p));
    snap->topics.emplace(t.id, std::move(t));
  }
  snap->percolator = match::Percolator(compiled);
  std::shared_ptr<const Snapshot> out = std::move(snap);
  snapshots_.emplace(org, out);
  return out;
}

std::shared_ptr<const TopicMatcher::Snapshot> TopicMatcher::last_snapshot(core::OrgId org) {
  std::scoped_lock lock(mutex_);
  auto it = snapshots_.find(org);
  return it == snapshots_.end() ? nullptr : it->second;
}

std::vector<core::TopicMatch> TopicMatcher::match(const Snapshot& snapshot, const core::Item& item,
                                                  const core::Source& source) {
  std::vector<core::TopicMatch> out;
  if (snapshot.topics.empty()) {
    return out;
  }
  for (auto& hit : snapshot.percolator.percolate(eval_document(item, source))) {
    out.push_back({item.id, hit.topic_id, hit.score, std::move(hit.matched_terms)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.score > b.score; });
  return out;
}

}  // namespace vigie::service
