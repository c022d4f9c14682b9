// SPDX-License-Identifier: AGPL-3.0-or-later
// Interoperability: newsboat (a Debian package) imports our export. Skipped when it is not
// installed. newsboat reads folders as tags (nested ones joined with "/") and ignores OPML 2.0
// categories, so each feed should come back with exactly its first tag.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "fixtures.h"
#include "ingest/opml/opml.h"
#include "temp_dir.h"

namespace vigie::ingest {
namespace {

std::filesystem::path find_newsboat() {
  const char* path = std::getenv("PATH");  // NOLINT(concurrency-mt-unsafe): test setup
  std::stringstream dirs(path == nullptr ? "" : path);
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::filesystem::path candidate = std::filesystem::path(dir) / "newsboat";
    if (!dir.empty() && std::filesystem::exists(candidate)) {
      return candidate;
    }
  }
  return {};
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// Every feed of every fixture, once, so that the export has folders, untagged feeds, several
// tags, and URLs with "&".
OpmlDocument all_fixture_feeds() {
  OpmlDocument doc;
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(testing::fixture_path("opml"))) {
    const auto parsed = parse_opml(testing::read_file(entry.path()));
    for (const OpmlFeed& f : parsed ? parsed->feeds : std::vector<OpmlFeed>{}) {
      if (seen.insert(f.xml_url).second) {
        doc.feeds.push_back(f);
      }
    }
  }
  return doc;
}

// Runs `newsboat -i opml` with its urls file in `dir`; returns the shell status.
int newsboat_import(const std::filesystem::path& newsboat, const testing::TempDir& dir,
                    const std::filesystem::path& opml) {
  // HOME points into the temp dir so that newsboat finds no user configuration and writes
  // nothing outside it.
  const std::string command = "HOME=" + shell_quote(dir.path().string()) + " "
                              + shell_quote(newsboat.string()) + " -i " + shell_quote(opml.string())
                              + " -u " + shell_quote((dir / "urls").string()) + " -c "
                              + shell_quote((dir / "cache.db").string()) + " -C /dev/null > "
                              + shell_quote((dir / "log").string()) + " 2>&1";
  return std::system(command.c_str());  // NOLINT(cert-env33-c, concurrency-mt-unsafe): test
}

std::set<std::string> non_empty_lines(const std::string& text) {
  std::set<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.insert(line);
    }
  }
  return lines;
}

TEST(OpmlNewsboatTest, NewsboatImportsEveryFeedWithItsFolder) {
  const std::filesystem::path newsboat = find_newsboat();
  if (newsboat.empty()) {
    GTEST_SKIP() << "newsboat is not installed";
  }
  const OpmlDocument doc = all_fixture_feeds();
  ASSERT_GT(doc.feeds.size(), 20U);

  const testing::TempDir dir;
  const std::filesystem::path opml = dir / "export.opml";
  std::ofstream(opml, std::ios::binary) << write_opml(doc, "Thu, 01 Jan 2026 00:00:00 GMT");
  ASSERT_EQ(newsboat_import(newsboat, dir, opml), 0) << testing::read_file(dir / "log");

  const std::set<std::string> lines = non_empty_lines(testing::read_file(dir / "urls"));
  for (const OpmlFeed& f : doc.feeds) {
    const std::string expected = f.tags.empty() ? f.xml_url : f.xml_url + " \"" + f.tags[0] + "\"";
    EXPECT_EQ(lines.count(expected), 1U) << "missing: " << expected;
  }
  EXPECT_EQ(lines.size(), doc.feeds.size());
}

}  // namespace
}  // namespace vigie::ingest
