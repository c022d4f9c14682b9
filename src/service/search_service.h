// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Search over the operator's items: parses the query language once, brings the index up to
// date with the store (so what was stored is searchable), searches, and joins each hit with
// its stored item and source for display.
//
// Thread-safety: safe to call concurrently.

#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "service/index_sync.h"
#include "storage/search_index.h"
#include "storage/store.h"

namespace vigie::service {

struct SearchOptions {
  std::size_t limit = 20;
  std::size_t offset = 0;
  bool by_date = false;  // newest first instead of relevance
};

struct SearchResultItem {
  core::Item item;
  std::string source_title;
  double score = 0;
  std::string title_html;    // title with <mark> around matches, escaped
  std::string snippet_html;  // text excerpt with <mark> around matches, escaped
};

struct SearchPage {
  std::vector<SearchResultItem> results;
  std::uint64_t estimated_total = 0;
  std::string understood;  // the query as parsed, in canonical form
  // Relevance order of a very large result set: when not 0, the matches with ids from this one
  // up (the newest) are ranked first, then the older ones (storage::SearchResults).
  core::ItemId ranked_from_id = 0;
};

class SearchService {
 public:
  SearchService(storage::Store& store, storage::SearchIndex& index, IndexSync& sync,
                core::OrgId org)
      : store_(store), index_(index), sync_(sync), org_(org) {}

  // Errors: InvalidInput with the parser's precise key as reason ("query.expected_term",
  // "query.too_deep", ... listed in match/README.md) and a message naming the column; index
  // and storage errors.
  core::Result<SearchPage> search(std::string_view query, const SearchOptions& options);

 private:
  storage::Store& store_;
  storage::SearchIndex& index_;
  IndexSync& sync_;
  core::OrgId org_;
};

}  // namespace vigie::service
