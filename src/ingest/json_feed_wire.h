// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Wire structs of JSON Feed 1.0 and 1.1 (jsonfeed.org): the members a reader uses, as the
// document gives them (URLs unresolved, dates unparsed, HTML unsanitised). json_feed_reader.h
// fills these; feed_adapter.h turns them into core::ParsedFeed. Plain values.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/feed.h"

namespace vigie::ingest::wire {

struct JsonAuthor {
  std::string name;
  std::string url;
};

struct JsonAttachment {
  std::string url;
  std::string mime_type;
  std::string title;
  std::optional<std::int64_t> size_in_bytes;
};

struct JsonItem {
  std::optional<std::string> id;  // numbers are read as their decimal text
  std::string url;
  std::string external_url;
  std::string title;
  std::string content_html;
  std::string content_text;
  std::string summary;
  std::string image;
  std::string date_published;
  std::string date_modified;
  std::vector<JsonAuthor> authors;  // 1.1 "authors", or 1.0 "author"
  std::vector<std::string> tags;
  std::vector<JsonAttachment> attachments;
};

struct JsonFeed {
  core::FeedFormat format = core::FeedFormat::JsonFeed11;
  std::string title;
  std::string home_page_url;
  std::string feed_url;
  std::string description;
  std::string language;
  std::vector<JsonAuthor> authors;
  std::vector<std::string> hub_urls;
  std::vector<JsonItem> items;
};

}  // namespace vigie::ingest::wire
