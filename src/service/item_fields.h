// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The one mapping from a stored item and its source to the fields a query looks at: title,
// text, source, author, lang, country, tags and date. Topics are matched on it at ingestion
// (eval_document, the percolator) and the search index holds it (to_index_document), so a
// topic's matches, `vigie topics test` and `vigie search` agree; a field added or changed
// here reaches all three.
//
// Views, not copies: an ItemFields reads the item and source in place (matching runs for
// every item ingested while topics exist) and must not outlive them.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/model.h"

namespace vigie::service {

struct ItemFields {
  std::string_view title;    // the item's title
  std::string_view text;     // the item's text (Item::text, plain)
  std::string_view source;   // the source's title
  std::string_view author;   // the item's author
  std::string_view lang;     // the item's language
  std::string_view country;  // the source's country; empty when unknown
  // The tags are the source's tags, then the item's categories (see tags()).
  std::span<const std::string> source_tags;
  std::span<const std::string> categories;
  std::optional<core::Timestamp> published;  // the item's
  core::Timestamp fetched_at{};              // the item's

  // The item date queries filter and sort on: published, else fetched.
  core::Timestamp date() const { return published.value_or(fetched_at); }
  // The tags: the source's, then the categories. In place when one of the lists is empty;
  // otherwise put together in `scratch`, which the result then views.
  std::span<const std::string> tags(std::vector<std::string>& scratch) const;
};

ItemFields item_fields(const core::Item& item, const core::Source& source);

}  // namespace vigie::service
