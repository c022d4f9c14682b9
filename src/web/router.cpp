// SPDX-License-Identifier: AGPL-3.0-or-later
#include "web/router.h"

#include "publish/feed_writer.h"
#include "web/feed_handler.h"
#include "web/unsubscribe_handler.h"

namespace vigie::web {

std::vector<Route> route_table(const Endpoints& e) {
  using publish::FeedFormat;
  FeedHandler* feeds = e.feeds;
  UnsubscribeHandler* unsub = e.unsubscribe;
  auto health = e.health;
  return {
      // Liveness for supervisors and load balancers.
      {"GET", "/healthz",
       [health](const Request&) -> core::Result<Response> {
         if (health) {
           if (auto st = health(); !st) {
             return tl::unexpected(st.error());
           }
         }
         Response r;
         r.body = "ok\n";
         return r;
       }},
      // Feeds out (issue #4, item 5): a topic's kept stories; ?token= for non-public topics.
      {"GET", "/feeds/topics/{id}.atom",
       [feeds](const Request& r) { return feeds->get(r, FeedFormat::Atom); }},
      {"GET", "/feeds/topics/{id}.rss",
       [feeds](const Request& r) { return feeds->get(r, FeedFormat::Rss); }},
      {"GET", "/feeds/topics/{id}.json",
       [feeds](const Request& r) { return feeds->get(r, FeedFormat::Json); }},
      // One-click unsubscribe (RFC 8058): GET shows a confirmation form, POST removes.
      {"GET", "/unsubscribe/{token}", [unsub](const Request& r) { return unsub->show(r); }},
      {"POST", "/unsubscribe/{token}", [unsub](const Request& r) { return unsub->confirm(r); }},
  };
}

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  return out;
}

bool match_segment(std::string_view pattern, std::string_view segment,
                   std::map<std::string, std::string, std::less<>>& params) {
  const auto open = pattern.find('{');
  const auto close = pattern.find('}');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return pattern == segment;
  }
  const auto prefix = pattern.substr(0, open);
  const auto suffix = pattern.substr(close + 1);
  if (segment.size() <= prefix.size() + suffix.size() || !segment.starts_with(prefix)
      || !segment.ends_with(suffix)) {
    return false;
  }
  params[std::string(pattern.substr(open + 1, close - open - 1))] =
      std::string(segment.substr(prefix.size(), segment.size() - prefix.size() - suffix.size()));
  return true;
}

}  // namespace

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string, std::less<>>& params) {
  if (!path.starts_with('/')) {
    return false;
  }
  const auto want = segments(pattern);
  const auto have = segments(path);
  if (want.size() != have.size()) {
    return false;
  }
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!match_segment(want[i], have[i], found)) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const std::string_view m = method == "HEAD" ? std::string_view("GET") : method;
  RouteMatch out;
  for (const auto& route : routes_) {
    std::map<std::string, std::string, std::less<>> params;
    if (!match_pattern(route.pattern, path, params)) {
      continue;
    }
    if (route.method == m) {
      out.route = &route;
      out.params = std::move(params);
      out.allowed_methods.clear();
      return out;
    }
    out.allowed_methods.push_back(route.method);
  }
  return out;
}

}  // namespace vigie::web
