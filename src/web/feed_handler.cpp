// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/feed_handler.h"

#include <charconv>
#include <string>

#include "core/try.h"

namespace vigie::web {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string_view opaque(std::string_view tag) {
  return tag.starts_with("W/") ? tag.substr(2) : tag;
}

}  // namespace

bool if_none_match(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    const auto tag = trim(header.substr(0, comma));
    if (tag == "*" || (!tag.empty() && opaque(tag) == opaque(etag))) {
      return true;
    }
    if (comma == std::string_view::npos) {
      break;
    }
    header.remove_prefix(comma + 1);
  }
  return false;
}

core::Result<Response> FeedHandler::get(const Request& request, publish::FeedFormat format) {
  const std::string id = request.param("id");
  core::TopicId topic = 0;
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), topic);
  if (ec != std::errc{} || end != id.data() + id.size() || topic <= 0) {
    return core::make_error(core::ErrorCode::NotFound, "feed.not_found", "feed: no topic " + id);
  }
  VIGIE_TRY_ASSIGN(auto feed, feeds_.render(topic, format, request.query_param("token")));
  Response r;
  r.set_header("ETag", feed.etag);
  // Readers poll: five minutes of freshness; a subscriber's private feed is never kept by a
  // shared cache.
  r.set_header("Cache-Control", feed.is_public ? "public, max-age=300" : "private, max-age=300");
  if (if_none_match(request.header("If-None-Match"), feed.etag)) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  r.content_type = feed.content_type;
  r.body = std::move(feed.body);
  return r;
}

}  // namespace vigie::web
