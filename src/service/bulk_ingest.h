// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Ingests many documents at the speed of the slowest stage rather than of all stages in a row
// (`vigie ingest`, bulk imports): documents are prepared (IngestService::prepare: parsing,
// text, language, topic matching) on several threads a bounded window ahead of the writer,
// stored one transaction each on the calling thread in input order, and indexed on a thread
// of its own while the store grows (IndexSync::catch_up every kIndexBatch stored items, then
// once at the end). Indexing is the dearest stage (docs/architecture.md, Known limits), so
// on two cores the other stages mostly hide behind it.
//
// Order and outcome are those of preparing and storing each document in turn: items get their
// ids in input order, and `stored` sees every document once, in input order, with the result
// of store() or the error of prepare(). Crash safety is the index log's (IndexSync): what
// was stored and not yet indexed is indexed by the next catch_up.
//
// Thread-safety: run() is called from one thread; `next` and `stored` run on that thread.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "core/error.h"
#include "core/model.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"

namespace vigie::service {

struct BulkDocument {
  core::Source source;
  std::string bytes;
  DocumentContext context;
};

class BulkIngest {
 public:
  // Items stored between two index passes while documents are being stored: a Xapian commit
  // costs fsyncs and merges, so passes are not made for a handful of items.
  static constexpr std::size_t kIndexBatch = 1000;

  // `threads`: documents prepared at once (at least 1).
  BulkIngest(IngestService& ingest, IndexSync& index, unsigned threads)
      : ingest_(ingest), index_(index), threads_(threads == 0 ? 1 : threads) {}

  // The next document, or nullopt when there are no more.
  using Next = std::function<std::optional<BulkDocument>()>;
  // What became of a document: its store report, or the error that kept it out.
  using Stored = std::function<void(const BulkDocument&, core::Result<IngestReport>)>;

  // Stores and indexes every document `next` gives. Errors: the index's (catch_up), after
  // every document was stored and reported; documents' own errors go to `stored`.
  core::Status run(const Next& next, const Stored& stored);

 private:
  IngestService& ingest_;
  IndexSync& index_;
  unsigned threads_;
};

}  // namespace vigie::service
