// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/search_service.h"

#include <map>

#include "core/try.h"
#include "match/highlight.h"
#include "match/query.h"

namespace vigie::service {
namespace {
// Words per snippet.
constexpr std::size_t kSnippetWords = 32;
}  // namespace

core::Result<SearchPage> SearchService::search(std::string_view query,
                                               const SearchOptions& options) {
  auto detailed = match::parse_query_detailed(query);
  if (!detailed) {
    // The reason is the precise catalog key ("query.expected_close_paren"), so people read
    // what is wrong in their language; the message keeps the column for everyone.
    return core::make_error(core::ErrorCode::InvalidInput, detailed.error().expected_key,
                            "query: " + match::describe(detailed.error()));
  }
  match::Query parsed = std::move(*detailed);
  VIGIE_TRY(sync_.catch_up());

  storage::SearchRequest req;
  req.query = parsed;
  req.org_id = org_;
  req.offset = options.offset;
  req.limit = options.limit;
  req.sort = options.by_date ? storage::SearchSort::Date : storage::SearchSort::Relevance;
  VIGIE_TRY_ASSIGN(storage::SearchResults found, index_.search(req));

  SearchPage page;
  page.estimated_total = found.estimated_total;
  page.ranked_from_id = found.ranked_from_id;
  page.understood = match::to_string(parsed);
  std::vector<core::ItemId> ids;
  ids.reserve(found.hits.size());
  for (const auto& h : found.hits) {
    ids.push_back(h.id);
  }
  VIGIE_TRY_ASSIGN(auto items, store_.get_items(ids));
  std::map<core::ItemId, core::Item*> by_id;
  for (auto& it : items) {
    by_id[it.id] = &it;
  }
  std::map<core::SourceId, std::string> source_titles;
  for (const auto& h : found.hits) {
    auto it = by_id.find(h.id);
    if (it == by_id.end()) {
      continue;  // removed since the index was read
    }
    SearchResultItem r;
    r.item = std::move(*it->second);
    r.score = h.score;
    // The index keeps no text: titles and snippets are marked from the stored item.
    const std::string lang = match::normalize_filter_value(r.item.lang);
    r.title_html = match::highlight_html(r.item.title, lang, parsed, match::HighlightTarget::Title);
    r.snippet_html = match::snippet_html(r.item.text, lang, parsed, kSnippetWords);
    auto st = source_titles.find(r.item.source_id);
    if (st == source_titles.end()) {
      auto src = store_.get_source(r.item.source_id);
      st = source_titles.emplace(r.item.source_id, src ? src->title : std::string()).first;
    }
    r.source_title = st->second;
    page.results.push_back(std::move(r));
  }
  return page;
}

}  // namespace vigie::service
