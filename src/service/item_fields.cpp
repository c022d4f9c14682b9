// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/item_fields.h"

namespace vigie::service {

std::span<const std::string> ItemFields::tags(std::vector<std::string>& scratch) const {
  if (categories.empty()) {
    return source_tags;
  }
  if (source_tags.empty()) {
    return categories;
  }
  scratch.clear();
  scratch.reserve(source_tags.size() + categories.size());
  scratch.insert(scratch.end(), source_tags.begin(), source_tags.end());
  scratch.insert(scratch.end(), categories.begin(), categories.end());
  return scratch;
}

ItemFields item_fields(const core::Item& item, const core::Source& source) {
  return ItemFields{
      .title = item.title,
      .text = item.text,
      .source = source.title,
      .author = item.author,
      .lang = item.lang,
      .country = source.country ? std::string_view(*source.country) : std::string_view(),
      .source_tags = source.tags,
      .categories = item.categories,
      .published = item.published_at,
      .fetched_at = item.fetched_at,
  };
}

}  // namespace vigie::service
