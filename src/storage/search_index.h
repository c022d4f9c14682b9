// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The full-text search seam (DESIGN.md §5): one interface, one backend per engine
// (storage/xapian/ today; PostgreSQL tsvector or sharded Xapian later, chosen by measurement).
// Services see only this header; main/ picks the backend.
//
// The index is a derived copy of the store, never the source of truth. It is kept in step by
// replaying the store's indexing log: at start the caller asks committed_position() and
// re-applies every change after it (add() is an upsert and remove() ignores unknown ids, so a
// change applied twice is harmless); then it applies new changes as they come and calls
// commit(position) now and then. Backends store the position in the same atomic commit as the
// documents, so a crash never leaves the index claiming changes it lost. A backend may persist
// documents before commit() (XapianIndex does not), which the replay also covers.
//
// Queries are match::Query values (parsed once by the caller) and must select exactly the
// documents the reference evaluator (match/evaluator.h) selects, for the document fields below.
//
// Thread-safety: one writer thread calls add/remove/commit/clear; any number of threads may call
// search() and committed_position() at the same time. search() sees what the last commit()
// made durable: a commit that has returned is visible to every search that starts after it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/time.h"
#include "match/query.h"

namespace vigie::storage {

// What the index knows of an item: the texts searched and shown, and the filter values.
struct IndexDocument {
  core::ItemId id = 0;     // backends may restrict the range (XapianIndex: 1 .. 2^32-1)
  core::OrgId org_id = 0;  // every search is restricted to one organisation
  core::SourceId source_id = 0;
  std::string source;   // the source's title, searched by `source:`
  std::string title;    // plain text
  std::string text;     // plain text (Item::text), searched
  std::string lang;     // ISO 639-1 ("fr"); selects the stemmer; "und" or empty when unknown
  std::string country;  // ISO 3166-1 alpha-2, any case; empty when unknown
  std::vector<std::string> tags;  // as shown to people; compared after normalize_filter_value
  std::string author;
  std::optional<core::Timestamp> published;
  core::Timestamp fetched_at{};

  // The item date that `date:` filters and date sorting use.
  core::Timestamp date() const { return published.value_or(fetched_at); }
};

enum class SearchSort {
  Relevance,  // best match first (BM25); ties by id
  Date,       // newest item date first; ties by relevance
};

struct SearchRequest {
  match::Query query;
  core::OrgId org_id = 0;
  std::size_t offset = 0;
  std::size_t limit = 20;  // at most kMaxSearchLimit
  SearchSort sort = SearchSort::Relevance;
};

// The largest SearchRequest::limit backends accept; deep pages are for export, not people.
inline constexpr std::size_t kMaxSearchLimit = 1000;

struct SearchHit {
  core::ItemId id = 0;
  double score = 0;  // backend-specific, comparable within one result list only
  core::Timestamp date{};
  // No titles or snippets: the index keeps no text copy; callers render from the store
  // (match/highlight.h marks the words the query matched).
};

struct SearchResults {
  std::vector<SearchHit> hits;
  // Matching documents in all pages; exact for small results, an estimate for large ones.
  std::uint64_t estimated_total = 0;
  // Relevance order of a very large result set (XapianIndexOptions::max_ranked_matches): when
  // not 0, the matches with ids from this one up (the newest) come first, ranked by relevance,
  // then the older ones, ranked by relevance. 0: all matches ranked together.
  core::ItemId ranked_from_id = 0;
};

class SearchIndex {
 public:
  virtual ~SearchIndex() = default;

  // Adds or replaces (by id) each document. Changes become visible to search() at the next
  // commit(). Errors: InvalidInput "search.item_id_range" (id out of the backend's range;
  // documents before it in the span were applied), Unavailable "search.io". Blocks on disk I/O.
  virtual core::Status add(std::span<const IndexDocument> documents) = 0;

  // Removes each document; ids not in the index are ignored. Errors as add().
  virtual core::Status remove(std::span<const core::ItemId> ids) = 0;

  // Durably commits every change so far together with `log_position`, the position of the last
  // store change they reflect. Requires: positions never decrease between commits (after
  // clear(), they start again from anything). Errors: Unavailable "search.io". Blocks (fsync).
  virtual core::Status commit(std::uint64_t log_position) = 0;

  // The position passed to the last successful commit() (persisted across restarts); 0 for a
  // new or cleared index.
  virtual std::uint64_t committed_position() const = 0;

  // One page of the documents of request.org_id that match request.query. Errors: InvalidInput
  // "search.limit" (limit > kMaxSearchLimit), InvalidInput "search.query" (the backend cannot
  // run this query, e.g. a NEAR distance beyond its limit), Unavailable "search.io". Blocks on
  // disk reads.
  virtual core::Result<SearchResults> search(const SearchRequest& request) const = 0;

  // Removes every document and resets committed_position() to 0, durably: the caller then
  // replays the whole log (reindex). Searches running meanwhile may fail with "search.io".
  virtual core::Status clear() = 0;
};

}  // namespace vigie::storage
