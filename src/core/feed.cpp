// SPDX-License-Identifier: AGPL-3.0-or-later
#include "core/feed.h"

namespace vigie::core {

const char* to_string(FeedFormat f) {
  switch (f) {
    case FeedFormat::Unknown:
      return "unknown";
    case FeedFormat::Rss090:
      return "rss090";
    case FeedFormat::Rss091:
      return "rss091";
    case FeedFormat::Rss092:
      return "rss092";
    case FeedFormat::Rss093:
      return "rss093";
    case FeedFormat::Rss094:
      return "rss094";
    case FeedFormat::Rss20:
      return "rss20";
    case FeedFormat::Rss10:
      return "rss10";
    case FeedFormat::Atom03:
      return "atom03";
    case FeedFormat::Atom10:
      return "atom10";
    case FeedFormat::JsonFeed10:
      return "json1";
    case FeedFormat::JsonFeed11:
      return "json11";
  }
  return "unknown";
}

}  // namespace vigie::core
