// SPDX-License-Identifier: AGPL-3.0-or-later
// Other readers read our feeds unchanged: python3-feedparser (the reference parser many tools
// embed) sees no error and the same titles, links and dates; newsboat (a Debian package) loads
// them into its cache. Both run as separate programs on files in a temporary directory.
// Debian 12's feedparser (6.0.10) and newsboat do not read JSON Feed at all; JSON Feed is
// checked by Vigie's own parser (feed_writer_test.cpp), which follows the specification.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "publish/feed_writer.h"
#include "sample_feed.h"
#include "support/temp_dir.h"

namespace vigie::publish {
namespace {

namespace fs = std::filesystem;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_all(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// Runs a shell command (test helper); returns its exit status.
int run(const std::string& command) {
  return std::system(command.c_str());  // NOLINT(cert-env33-c, concurrency-mt-unsafe): test
}

// Prints, per document: bozo, then per entry "title|link|published as UTC ISO".
constexpr const char* kFeedparserScript = R"(
import sys, time, feedparser
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    print("bozo=%s" % bool(d.bozo), repr(d.get("bozo_exception")))
    print("title=" + d.feed.get("title", ""))
    for e in d.entries:
        p = e.get("published_parsed")
        print("entry=%s|%s|%s" % (e.get("title"), e.get("link"),
              time.strftime("%Y-%m-%dT%H:%M:%SZ", p) if p else ""))
)";

TEST(FeedInterop, FeedparserReadsAtomAndRssWithoutError) {
  testing::TempDir dir;
  const auto feed = sample_feed();
  std::vector<std::string> files;
  for (auto [name, format] :
       {std::pair{"topic.atom", FeedFormat::Atom}, std::pair{"topic.rss", FeedFormat::Rss}}) {
    write_all(dir / name, write_feed(feed, format));
    files.push_back((dir / name).string());
  }
  write_all(dir / "check.py", kFeedparserScript);
  std::string cmd = "/usr/bin/python3 " + shell_quote((dir / "check.py").string());
  for (const auto& f : files) {
    cmd += " " + shell_quote(f);
  }
  ASSERT_EQ(run(cmd + " > " + shell_quote((dir / "out").string()) + " 2>&1"), 0)
      << read_all(dir / "out");
  const auto out = read_all(dir / "out");
  std::stringstream expected;
  for (int i = 0; i < 2; ++i) {
    expected << "bozo=False None\n";
    expected << "title=" << feed.title << "\n";
    expected << "entry=" << feed.entries[0].title << "|" << feed.entries[0].link
             << "|2026-11-26T13:33:20Z\n";
    expected << "entry=Controle des normes \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A|"
             << feed.entries[1].link << "|2026-11-25T09:46:40Z\n";
  }
  EXPECT_EQ(out, expected.str());
}

TEST(FeedInterop, NewsboatLoadsOurFeeds) {
  if (!fs::exists("/usr/bin/newsboat")) {
    GTEST_SKIP() << "newsboat is not installed (scripts/install-deps installs it)";
  }
  for (auto [name, format] :
       {std::pair{"topic.atom", FeedFormat::Atom}, std::pair{"topic.rss", FeedFormat::Rss}}) {
    SCOPED_TRACE(name);
    // One directory per format: newsboat keeps one item per GUID across its feeds. HOME in
    // the temp dir: no user configuration read, nothing written outside it.
    testing::TempDir dir;
    write_all(dir / name, write_feed(sample_feed(), format));
    write_all(dir / "urls", "file://" + (dir / name).string() + "\n");
    const std::string nb = "HOME=" + shell_quote(dir.path().string()) + " /usr/bin/newsboat -u "
                           + shell_quote((dir / "urls").string()) + " -c "
                           + shell_quote((dir / "cache.db").string()) + " -C /dev/null";
    ASSERT_EQ(run(nb + " -x reload > " + shell_quote((dir / "log").string()) + " 2>&1"), 0)
        << read_all(dir / "log");
    ASSERT_EQ(run("/usr/bin/sqlite3 " + shell_quote((dir / "cache.db").string())
                  + " 'SELECT title, url FROM rss_item ORDER BY pubDate DESC' > "
                  + shell_quote((dir / "items").string())),
              0);
    const auto feed = sample_feed();
    EXPECT_EQ(read_all(dir / "items"), feed.entries[0].title + "|" + feed.entries[0].link + "\n"
                                           + "Controle des normes \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A|"
                                           + feed.entries[1].link + "\n");
  }
}

}  // namespace
}  // namespace vigie::publish
