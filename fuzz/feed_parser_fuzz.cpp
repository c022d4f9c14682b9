// SPDX-License-Identifier: AGPL-3.0-or-later
// Feeds are the most hostile input Vigie reads: anyone can publish one. Beyond not crashing,
// hanging or leaking: whatever parses must print as JSON (no exception), every string in the
// result must be valid UTF-8, and a parse either succeeds or fails with a documented reason.
// Seeds: tests/fixtures/feeds.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/date_parser.h"
#include "ingest/encoding.h"
#include "ingest/feed_json.h"
#include "ingest/feed_parser.h"

namespace {

void check_utf8(const std::optional<std::string>& s, const char* what) {
  if (s && !vigie::ingest::is_valid_utf8(*s)) {
    std::fprintf(stderr, "invalid UTF-8 in %s\n", what);
    std::abort();
  }
}

void check(const vigie::core::ParsedFeed& f) {
  check_utf8(f.bozo_reason, "bozo_reason");
  check_utf8(f.feed.title, "feed.title");
  check_utf8(f.feed.subtitle, "feed.subtitle");
  check_utf8(f.feed.link, "feed.link");
  check_utf8(f.feed.author, "feed.author");
  for (const auto& e : f.entries) {
    check_utf8(e.id, "entry.id");
    check_utf8(e.title, "entry.title");
    check_utf8(e.link, "entry.link");
    check_utf8(e.summary, "entry.summary");
    check_utf8(e.author, "entry.author");
    for (const auto& c : e.content) {
      check_utf8(c.value, "entry.content");
    }
    for (const auto& l : e.links) {
      check_utf8(l.href, "entry.links.href");
    }
    for (const auto& c : e.categories) {
      check_utf8(c.term, "entry.categories.term");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the HTTP Content-Type, to reach every charset path.
  static constexpr std::array<const char*, 8> kContentTypes = {
      "",
      "application/rss+xml; charset=utf-8",
      "text/xml; charset=iso-8859-1",
      "application/xml; charset=windows-1251",
      "text/xml; charset=utf-16",
      "application/atom+xml; charset=shift_jis",
      "application/feed+json",
      "text/xml; charset=x-unknown"};
  vigie::ingest::ParseOptions options;
  options.base_url = "https://fuzz.example.org/feeds/feed.xml";
  options.content_type = size > 0 ? kContentTypes[data[0] % kContentTypes.size()] : "";
  options.keep_images = size > 1 && (data[1] & 1) != 0;
  const auto r = vigie::ingest::parse_feed(bytes, options);
  if (r) {
    check(*r);
    (void)vigie::ingest::to_json(*r);
  } else if (r.error().reason != "ingest.not_a_feed" && r.error().reason != "ingest.too_large") {
    std::fprintf(stderr, "unexpected error %s: %s\n", r.error().reason.c_str(),
                 r.error().message.c_str());
    std::abort();
  }
  if (size < 256) {
    (void)vigie::ingest::parse_date(bytes);
  }
  return 0;
}
