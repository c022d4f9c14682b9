// SPDX-License-Identifier: AGPL-3.0-or-later
#include "ingest/feed_json.h"

#include <nlohmann/json.hpp>

#include "core/time.h"

namespace vigie::ingest {
namespace {

using Json = nlohmann::ordered_json;

Json str(const core::OptString& s) {
  return s ? Json(*s) : Json(nullptr);
}

Json date(const std::optional<core::Timestamp>& t) {
  return t ? Json(core::format_iso8601(*t)) : Json(nullptr);
}

Json entry_json(const core::FeedEntry& e) {
  Json links = Json::array();
  for (const core::FeedLink& l : e.links) {
    Json link = {{"rel", l.rel}, {"type", str(l.type)}, {"href", l.href}};
    if (l.title) {
      link["title"] = *l.title;
    }
    if (l.length) {
      link["length"] = *l.length;
    }
    if (l.hreflang) {
      link["hreflang"] = *l.hreflang;
    }
    links.push_back(std::move(link));
  }
  Json content = Json::array();
  for (const core::FeedContent& c : e.content) {
    content.push_back({{"type", c.type}, {"value", c.value}});
  }
  Json categories = Json::array();
  for (const core::FeedCategory& c : e.categories) {
    categories.push_back(
        {{"term", str(c.term)}, {"scheme", str(c.scheme)}, {"label", str(c.label)}});
  }
  Json enclosures = Json::array();
  for (const core::FeedEnclosure& en : e.enclosures) {
    Json enc = {{"href", en.href}};
    if (en.type) {
      enc["type"] = *en.type;
    }
    if (en.length) {
      enc["length"] = *en.length;
    }
    enclosures.push_back(std::move(enc));
  }
  return Json{{"id", str(e.id)},
              {"title", str(e.title)},
              {"link", str(e.link)},
              {"links", std::move(links)},
              {"summary", str(e.summary)},
              {"content", std::move(content)},
              {"published", date(e.published)},
              {"updated", date(e.updated)},
              {"author", str(e.author)},
              {"categories", std::move(categories)},
              {"enclosures", std::move(enclosures)}};
}

}  // namespace

std::string to_json(const core::ParsedFeed& feed) {
  Json entries = Json::array();
  for (const core::FeedEntry& e : feed.entries) {
    entries.push_back(entry_json(e));
  }
  const Json doc = {{"bozo", feed.bozo},
                    {"bozo_reason", str(feed.bozo_reason)},
                    {"feed",
                     {{"title", str(feed.feed.title)},
                      {"link", str(feed.feed.link)},
                      {"subtitle", str(feed.feed.subtitle)},
                      {"updated", date(feed.feed.updated)},
                      {"language", str(feed.feed.language)},
                      {"author", str(feed.feed.author)}}},
                    {"entries", std::move(entries)}};
  // The parser only produces valid UTF-8, but a hand-built ParsedFeed might not: replace
  // rather than throw.
  return doc.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace vigie::ingest
