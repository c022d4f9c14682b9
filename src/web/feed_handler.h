// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// GET /feeds/topics/{id}.atom|.rss|.json[?token=...]: a topic's kept stories, rendered by
// service::FeedService (the same bytes `vigie feed` prints), with a strong ETag and conditional
// GET (If-None-Match -> 304, RFC 9110 §13.1.2). A bad or missing token answers exactly like an
// unknown topic (404), so the URL space reveals nothing.
//
// Thread-safety: as FeedService.

#include "core/error.h"
#include "publish/feed_writer.h"
#include "service/feed_service.h"
#include "web/http.h"

namespace vigie::web {

// True when an If-None-Match value ("*", or a list of entity tags, weak or strong) matches
// `etag` under the weak comparison that RFC 9110 §13.1.2 prescribes for If-None-Match.
bool if_none_match(std::string_view header, std::string_view etag);

class FeedHandler {
 public:
  explicit FeedHandler(service::FeedService& feeds) : feeds_(feeds) {}

  // Requires: request.params["id"] set by the router. Errors: "feed.not_found" (NotFound).
  core::Result<Response> get(const Request& request, publish::FeedFormat format);

 private:
  service::FeedService& feeds_;
};

}  // namespace vigie::web
