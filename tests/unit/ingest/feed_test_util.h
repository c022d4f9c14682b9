// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Helpers shared by the feed parser tests.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "core/feed.h"
#include "core/time.h"
#include "fixtures.h"
#include "ingest/feed_parser.h"

namespace vigie::ingest::test {

inline constexpr const char* kDocUrl = "http://doc.example.com/feeds/feed.xml";

// Parses a document that must be a feed; fails the test otherwise.
inline core::ParsedFeed parse_ok(std::string_view bytes, std::string base_url = kDocUrl,
                                 std::string content_type = "") {
  ParseOptions o;
  o.base_url = std::move(base_url);
  o.content_type = std::move(content_type);
  auto r = parse_feed(bytes, o);
  if (!r) {
    ADD_FAILURE() << r.error().reason << ": " << r.error().message;
    return {};
  }
  return std::move(*r);
}

inline core::ParsedFeed parse_fixture(const std::string& name, std::string content_type = "") {
  return parse_ok(vigie::testing::read_fixture("feeds/" + name), kDocUrl, std::move(content_type));
}

inline std::string iso(const std::optional<core::Timestamp>& t) {
  return t ? core::format_iso8601(*t) : "(none)";
}

}  // namespace vigie::ingest::test
