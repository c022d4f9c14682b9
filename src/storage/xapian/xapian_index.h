// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// SearchIndex on a Xapian (glass) database in one directory: the embedded default for one
// machine. Terms come from match::FieldTokens (not Xapian's TermGenerator) so that searches
// agree with the reference evaluator; schema.h describes the layout.
//
// Thread-safety: add/remove/commit/clear serialise on a writer mutex (one writer is expected);
// search() may run on any number of threads at once, each borrowing a reader Database from a
// small pool and reopening it when a commit happened since its last use. One process at a time
// may open a directory for writing (Xapian's write lock); any number may open it read-only
// (XapianIndexOptions::read_only) at the same time, and see what the writer last committed.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "core/error.h"
#include "storage/search_index.h"

namespace vigie::storage {

struct XapianIndexOptions {
  // Words one `prefix*` expands to, the most frequent first (Xapian OP_WILDCARD). Beyond this a
  // search may miss documents with rare words of that prefix. Raise it for small corpora with
  // precise needs; lower it if prefix searches are slow.
  std::size_t max_prefix_expansion = 2000;
  // A NEAR outside NOT only matches among the newest this many documents holding its rarer
  // side (query_compiler.h): this bounds the position reads, hence the search time, in a large
  // index; hits are always true matches, complete when the rarer side is in fewer documents.
  // 0: exact, unbounded.
  std::size_t max_near_candidates = 2000;
  // Ranking by relevance reads every match (BM25 over a common word or a short prefix cannot
  // be pruned): linear in the index. So when Xapian estimates that a relevance-sorted query
  // matches more than this many documents, and the newest ids expected to hold about this many
  // of them hold at least a tenth of that, those matches come first, ranked by relevance, then
  // the older matches, ranked by relevance (SearchResults::ranked_from_id says where the split
  // lies). Which documents match is unchanged, and every match is in exactly one page; only
  // the order of a huge result set favours recent items. Bounds the ranking work whatever the
  // index size. 0: rank all.
  std::size_t max_ranked_matches = 50'000;
  // Reader databases kept open between searches (one per concurrently searching thread).
  std::size_t max_idle_readers = 8;
  // Search only, beside the process that writes (e.g. `vigie search` while `vigie worker`
  // runs): no write lock is taken; each search sees the last revision the writer committed,
  // and committed_position() is the writer's. add/remove/commit/clear fail with Unavailable
  // "search.read_only".
  bool read_only = false;
};

class XapianIndex final : public SearchIndex {
 public:
  // Opens, or creates, the index in `directory` (created if missing). An index written with
  // another schema version is emptied (committed_position() then returns 0 and the caller's
  // replay rebuilds it). Errors: Unavailable "search.locked" (another process has it open for
  // writing), Unavailable "search.io". Blocks on disk I/O.
  // Read-only (options.read_only): the index must exist with this schema version, else
  // Unavailable "search.io" (the writer creates or rebuilds it).
  static core::Result<std::unique_ptr<XapianIndex>> open(const std::filesystem::path& directory,
                                                         const XapianIndexOptions& options = {});

  ~XapianIndex() override;
  XapianIndex(const XapianIndex&) = delete;
  XapianIndex& operator=(const XapianIndex&) = delete;

  // Item ids are Xapian document ids: 1 .. 4294967295, else "search.item_id_range" (and
  // nothing of the batch is added). A batch of more than 64 documents is built a chunk ahead
  // on a second thread while the calling thread writes.
  core::Status add(std::span<const IndexDocument> documents) override;
  core::Status remove(std::span<const core::ItemId> ids) override;
  core::Status commit(std::uint64_t log_position) override;
  std::uint64_t committed_position() const override;
  core::Result<SearchResults> search(const SearchRequest& request) const override;
  core::Status clear() override;

  // Documents in the committed index (all organisations).
  core::Result<std::uint64_t> document_count() const;

 private:
  struct Impl;
  explicit XapianIndex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie::storage
