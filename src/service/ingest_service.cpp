// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/ingest_service.h"

#include <functional>
#include <vector>

#include "core/try.h"
#include "ingest/feed_parser.h"
#include "service/item_builder.h"

namespace vigie::service {

core::Result<PreparedDocument> IngestService::prepare(const core::Source& source,
                                                      std::string_view bytes,
                                                      const DocumentContext& context) const {
  ingest::ParseOptions opts;
  opts.base_url = context.base_url.empty() ? source.url : context.base_url;
  opts.content_type = context.content_type;
  VIGIE_TRY_ASSIGN(core::ParsedFeed feed, ingest::parse_feed(bytes, opts));

  PreparedDocument doc;
  doc.source = source;
  IngestReport& report = doc.report;
  report.entries = feed.entries.size();
  report.bozo = feed.bozo;
  report.bozo_reason = feed.bozo_reason;
  report.feed_title = feed.feed.title;
  report.feed_link = feed.feed.link;
  report.ttl_minutes = feed.feed.ttl_minutes;

  const core::Timestamp now = clock_.now();
  const std::string feed_lang = feed.feed.language.value_or("");
  doc.items.reserve(feed.entries.size());
  for (const auto& entry : feed.entries) {
    doc.items.push_back(build_item(source, entry, feed_lang, now));
    if (doc.items.back().published_at) {
      report.item_times.push_back(*doc.items.back().published_at);
    }
  }
  // Unchanged items are matched too (store() skips them): the waste is small next to freeing
  // the writer, and knowing which are new would take the store's lock.
  doc.topics = topics_.last_snapshot(source.org_id);
  if (doc.topics && !doc.topics->topics.empty()) {
    doc.matches.reserve(doc.items.size());
    for (const auto& item : doc.items) {
      doc.matches.push_back(TopicMatcher::match(*doc.topics, item, source));
    }
  }
  return doc;
}

core::Result<IngestReport> IngestService::store(PreparedDocument document) {
  // The snapshot is taken before the transaction; a topic changed meanwhile applies from the
  // next document on.
  VIGIE_TRY_ASSIGN(auto topics, topics_.snapshot(document.source.org_id));
  storage::ItemMatcher matcher;
  std::size_t matched = 0;
  const bool prepared =
      document.topics == topics && document.matches.size() == document.items.size();
  if (!topics->topics.empty()) {
    matcher = [&](const core::Item& item) -> core::Result<std::vector<core::TopicMatch>> {
      // upsert_items passes the elements of the span it was given (store.h).
      const core::Item* first = document.items.data();
      const std::less<const core::Item*> before;
      const bool ours = !before(&item, first) && before(&item, first + document.items.size());
      auto m = prepared && ours
                   ? std::move(document.matches[static_cast<std::size_t>(&item - first)])
                   : TopicMatcher::match(*topics, item, document.source);
      matched += m.size();
      return m;
    };
  }
  VIGIE_TRY_ASSIGN(document.report.stats,
                   store_.upsert_items(document.source.id, document.items, matcher));
  document.report.topic_matches = matched;
  return std::move(document.report);
}

core::Result<IngestReport> IngestService::ingest_document(const core::Source& source,
                                                          std::string_view bytes,
                                                          const DocumentContext& context) {
  VIGIE_TRY_ASSIGN(PreparedDocument doc, prepare(source, bytes, context));
  return store(std::move(doc));
}

}  // namespace vigie::service
