// SPDX-License-Identifier: AGPL-3.0-or-later
// The sanitiser's fast path against its gumbo path on every HTML fragment of the feed fixtures
// (titles, summaries, contents as the readers hand them to the adapter): where the fast path
// takes a fragment, the bytes must be the same (html/sanitizer_paths.h).
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "ingest/encoding.h"
#include "ingest/html/sanitizer_paths.h"
#include "ingest/json_feed_reader.h"
#include "ingest/xml_prepare.h"
#include "ingest/xml_reader.h"

namespace vigie::ingest {
namespace {

void add(std::vector<std::string>& out, const std::optional<wire::Text>& t) {
  if (t) {
    out.push_back(t->value);
  }
}

std::vector<std::string> fragments_of(const std::string& bytes) {
  std::vector<std::string> out;
  const DecodedDocument doc = decode_document(bytes, "");
  if (auto json = read_json_feed(doc.text(), 1000)) {
    for (const wire::JsonItem& it : json->feed.items) {
      out.push_back(it.content_html);
      out.push_back(it.summary);
      out.push_back(it.title);
    }
    return out;
  }
  const PreparedXml xml = prepare_xml(doc.text());
  auto read = read_xml_feed(xml, "http://doc.example.com/feed.xml", 1000);
  if (!read) {
    return out;
  }
  const wire::Feed& f = read->feed.feed;
  for (const auto* t : {&f.title, &f.alt_title, &f.subtitle, &f.alt_subtitle}) {
    add(out, *t);
  }
  for (const wire::Entry& e : read->feed.entries) {
    for (const auto* t : {&e.title, &e.alt_title, &e.summary, &e.alt_summary}) {
      add(out, *t);
    }
    for (const wire::Text& c : e.contents) {
      out.push_back(c.value);
    }
  }
  return out;
}

TEST(SanitizerPathsFeedTest, FastPathAgreesWithGumboOnEveryFixtureFragment) {
  std::size_t fragments = 0;
  std::size_t taken = 0;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("feeds"))) {
    if (!entry.is_regular_file()) {
      continue;
    }
    for (const std::string& fragment : fragments_of(testing::read_file(entry.path()))) {
      ++fragments;
      for (const bool keep : {false, true}) {
        const html::SanitizeOptions o{"http://doc.example.com/feeds/feed.xml", keep};
        const auto fast = html::detail::sanitize_fast(fragment, o);
        if (fast) {
          ++taken;
          EXPECT_EQ(*fast, html::detail::sanitize_with_gumbo(fragment, o))
              << entry.path().filename() << ": " << fragment;
        }
      }
    }
  }
  EXPECT_GE(fragments, 100U);
  EXPECT_GE(taken, fragments);  // most fragments, under both image options
}

}  // namespace
}  // namespace vigie::ingest
