// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Stores the entries of one feed document for a source: parse, sanitise, extract text,
// detect language, fingerprint, store (once per source). The same path serves fetched feeds
// and local files (`vigie ingest`), so both behave identically. Indexing follows through the
// store's index log (see IndexSync).
//
// Thread-safety: safe to call concurrently if the Store is (it is).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "service/topic_matcher.h"
#include "storage/store.h"

namespace vigie::service {

struct DocumentContext {
  std::string content_type;  // HTTP Content-Type when fetched; empty for files
  std::string base_url;      // the document's URL, for relative links
};

struct IngestReport {
  std::size_t entries = 0;
  storage::UpsertStats stats;
  bool bozo = false;
  std::optional<std::string> bozo_reason;
  std::optional<std::string> feed_title;
  std::optional<std::string> feed_link;
  std::optional<int> ttl_minutes;
  // Publication times of the document's entries, for adaptive polling.
  std::vector<core::Timestamp> item_times;
  // Topic matches written with the inserted and changed items.
  std::size_t topic_matches = 0;
};

// A parsed document turned into items, ready to store: the CPU-bound half of ingestion.
struct PreparedDocument {
  core::Source source;
  std::vector<core::Item> items;
  IngestReport report;  // everything but the store's statistics
  // Topic matches computed by prepare(), parallel to `items`, with the snapshot they come
  // from; store() uses them when that snapshot is still current and matches again otherwise.
  std::shared_ptr<const TopicMatcher::Snapshot> topics;
  std::vector<std::vector<core::TopicMatch>> matches;
};

class IngestService {
 public:
  IngestService(storage::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // prepare + store. Errors: "ingest.not_a_feed", "ingest.too_large" (InvalidInput), storage
  // errors.
  core::Result<IngestReport> ingest_document(const core::Source& source, std::string_view bytes,
                                             const DocumentContext& context);

  // Parses and builds the items (sanitise, text, language, hashes) and matches them against
  // the topics last loaded, without touching the store. Pure CPU work, safe to run on several
  // threads at once; store() then writes in one transaction. Errors: as ingest_document.
  // store() writes, with each inserted or changed item, its matches against the enabled topics
  // of the source's organisation (and the signals of high-priority topics), in the same
  // transaction; matching, the costly part, is done by prepare() on its own thread when the
  // topics have not changed since, so the single writer only writes.
  core::Result<PreparedDocument> prepare(const core::Source& source, std::string_view bytes,
                                         const DocumentContext& context) const;
  core::Result<IngestReport> store(PreparedDocument document);

 private:
  storage::Store& store_;
  const core::Clock& clock_;
  mutable TopicMatcher topics_{store_};  // thread-safe
};

}  // namespace vigie::service
