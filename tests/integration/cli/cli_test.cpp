// SPDX-License-Identifier: AGPL-3.0-or-later
// The `vigie` binary end to end: what a user types, what they read, and the exit codes other
// tools rely on. Each test works in its own temporary directory.
#include <filesystem>
#include <fstream>
#include <optional>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_fixture.h"
#include "http/http_fixture_server.h"
#include "support/command.h"
#include "support/fixtures.h"
#include "support/temp_dir.h"

namespace vigie {
namespace {

using testing::CommandResult;

TEST_F(CliTest, HelpIsInTheUsersLanguage) {
  auto fr = vigie({"--help"}, "fr");
  EXPECT_EQ(fr.exit_code, 0);
  EXPECT_NE(fr.out.find("Recherche dans les articles"), std::string::npos) << fr.out;
  auto en = vigie({"--help"}, "en");
  EXPECT_EQ(en.exit_code, 0);
  EXPECT_NE(en.out.find("Search the collected items"), std::string::npos) << en.out;
  for (const char* cmd :
       {"parse", "ingest", "sources", "search", "fetch", "worker", "reindex", "init"}) {
    SCOPED_TRACE(cmd);
    EXPECT_NE(en.out.find(cmd), std::string::npos);
    auto sub = vigie({cmd, "--help"}, "fr");
    EXPECT_EQ(sub.exit_code, 0) << sub.err;
  }
}

TEST_F(CliTest, ParsePrintsOneJsonObjectPerFile) {
  auto files = demo_feeds();
  ASSERT_GE(files.size(), 2U);
  auto r = vigie({"parse", files[0], files[1]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("bozo"));
    EXPECT_TRUE(j["feed"].contains("title"));
    EXPECT_TRUE(j["entries"].is_array());
    EXPECT_FALSE(j["entries"].empty());
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST_F(CliTest, ParseExitsWithTwoWhenTheInputIsNotAFeed) {
  const auto page = dir_ / "page.html";
  std::ofstream(page) << "<!doctype html><html><body><p>Bonjour</p></body></html>";
  auto r = vigie({"parse", page.string()});
  EXPECT_EQ(r.exit_code, 2);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["bozo"].get<bool>());
  auto missing = vigie({"parse", (dir_ / "absent.xml").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

TEST_F(CliTest, IngestStoresEachItemOnceAndSearchFindsThem) {
  auto files = demo_feeds();
  std::vector<std::string> args{"ingest"};
  args.insert(args.end(), files.begin(), files.end());
  auto first = vigie(args);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find(" new"), std::string::npos) << first.out;
  auto second = vigie(args);
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find(": 0 new"), std::string::npos) << second.out;

  auto found = vigie({"search", "--json", "--limit", "5", "coton"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  auto j = nlohmann::json::parse(found.out);
  ASSERT_GT(j["total"].get<int>(), 0);
  ASSERT_FALSE(j["results"].empty());
  const auto& hit = j["results"][0];
  EXPECT_NE(hit["snippet_html"].get<std::string>().find("<mark>"), std::string::npos) << hit;

  auto by_date = vigie({"search", "--json", "--sort", "date", "--limit", "20", "coton OR cotton"});
  ASSERT_EQ(by_date.exit_code, 0) << by_date.err;
  auto d = nlohmann::json::parse(by_date.out);
  std::string previous = "9999";
  for (const auto& r : d["results"]) {
    if (r["published"].is_string()) {
      EXPECT_LE(r["published"].get<std::string>(), previous);
      previous = r["published"].get<std::string>();
    }
  }
}

// `vigie worker` holds the index's write lock; `vigie search` still answers, read-only, from
// what the worker last committed, and `vigie reindex` says who holds the lock.
TEST_F(CliTest, SearchWorksWhileTheWorkerHoldsTheIndex) {
  auto files = demo_feeds();
  std::vector<std::string> ingest{"ingest"};
  ingest.insert(ingest.end(), files.begin(), files.end());
  ASSERT_EQ(vigie(ingest).exit_code, 0);

  std::string bin = VIGIE_BINARY;
  std::string cmd = "worker";
  char* argv[] = {bin.data(), cmd.data(), nullptr};
  std::string db = "VIGIE_DB=" + (dir_ / "vigie.db").string();
  std::string lang = "VIGIE_LANG=en";
  std::string config = "VIGIE_CONFIG=";
  char* envp[] = {db.data(), lang.data(), config.data(), nullptr};
  const auto out = dir_ / "worker.out";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, VIGIE_BINARY, &actions, nullptr, argv, envp), 0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait until the worker holds Xapian's write lock on the index.
  auto locked = [&] {
    const int fd = ::open((dir_ / "vigie.index" / "flintlock").c_str(), O_RDWR);
    if (fd < 0) {
      return false;
    }
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool held = fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    ::close(fd);
    return held;
  };
  for (int i = 0; i < 20000 && !locked(); ++i) {
    usleep(1000);
  }
  const bool held = locked();
  std::optional<CommandResult> found;
  std::optional<CommandResult> reindex;
  if (held) {
    found = vigie({"search", "--json", "--limit", "5", "coton"});
    reindex = vigie({"reindex"});
  }
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(held);

  ASSERT_EQ(found->exit_code, 0) << found->err;
  auto j = nlohmann::json::parse(found->out);
  EXPECT_GT(j["total"].get<int>(), 0);
  ASSERT_FALSE(j["results"].empty());
  EXPECT_NE(j["results"][0]["snippet_html"].get<std::string>().find("<mark>"), std::string::npos);
  EXPECT_EQ(reindex->exit_code, 1);
  EXPECT_NE(reindex->err.find("open for writing by another process"), std::string::npos)
      << reindex->err;
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
}

TEST_F(CliTest, ABadQueryNamesTheColumn) {
  ASSERT_EQ(vigie({"init"}).exit_code, 0);
  auto r = vigie({"search", "(coton AND"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("column"), std::string::npos) << r.err;
  auto fr = vigie({"search", "(coton AND"}, "fr");
  EXPECT_NE(fr.err.find("requête mal formée"), std::string::npos) << fr.err;
}

TEST_F(CliTest, TopicsMatchAtIngestionAndRaiseSignals) {
  auto added = vigie({"topics", "add", "Coton", "coton", "--variant", "en=cotton", "--priority",
                      "high", "--description", "Le marché du coton"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  ASSERT_EQ(vigie({"topics", "add", "Cajou", "cajou OR anacarde OR cashew"}).exit_code, 0);
  auto list = vigie({"topics", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Coton"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("en=cotton"), std::string::npos) << list.out;

  auto files = demo_feeds();
  std::vector<std::string> args{"ingest"};
  args.insert(args.end(), files.begin(), files.end());
  auto ingested = vigie(args);
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;

  auto show = vigie({"topics", "show", "Coton"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(show.out.find("\n0 recent item"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("[coton"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("[cotton"), std::string::npos) << "the English variant" << show.out;

  // The high-priority topic raised signals; the normal one did not.
  auto signals = vigie({"signals", "list", "--json"});
  ASSERT_EQ(signals.exit_code, 0) << signals.err;
  auto j = nlohmann::json::parse(signals.out);
  ASSERT_FALSE(j.empty());
  for (const auto& s : j) {
    EXPECT_EQ(s["kind"], "topic_match");
    EXPECT_EQ(s["severity"], "high");
    EXPECT_EQ(s["state"], "new");
  }
  auto text = vigie({"signals", "list"}, "fr");
  EXPECT_NE(text.out.find("signal(aux)"), std::string::npos) << text.out;
  // Stored values read in the user's language in text output (JSON keeps them as stored).
  EXPECT_NE(text.out.find("haute"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("nouveau"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("axe de veille"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("topic_match"), std::string::npos) << text.out;
  auto en = vigie({"signals", "list"}, "en");
  EXPECT_NE(en.out.find("topic_match"), std::string::npos) << "as --kind takes it" << en.out;
  auto shown = vigie({"topics", "show", "Coton"}, "fr");
  EXPECT_NE(shown.out.find("haute"), std::string::npos) << shown.out;

  // Ingesting the same files again matches nothing new and raises no signal twice.
  ASSERT_EQ(vigie(args).exit_code, 0);
  auto again = nlohmann::json::parse(vigie({"signals", "list", "--json"}).out);
  EXPECT_EQ(again.size(), j.size());
}

TEST_F(CliTest, TopicsTestShowsWhatATopicWouldMatch) {
  auto files = demo_feeds();
  std::vector<std::string> args{"ingest"};
  args.insert(args.end(), files.begin(), files.end());
  ASSERT_EQ(vigie(args).exit_code, 0);
  auto r = vigie({"topics", "test", "--query", "coton", "--limit", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("[coton]"), std::string::npos) << "highlighted in a pipe" << r.out;
  EXPECT_FALSE(r.out.starts_with("0 item(s) matched")) << r.out;
  ASSERT_EQ(vigie({"topics", "add", "Cacao", "cacao"}).exit_code, 0);
  auto saved = vigie({"topics", "test", "Cacao"}, "fr");
  ASSERT_EQ(saved.exit_code, 0) << saved.err;
  EXPECT_NE(saved.out.find("article(s) trouvé(s)"), std::string::npos) << saved.out;
  EXPECT_NE(saved.out.find("[cacao]"), std::string::npos) << saved.out;
}

TEST_F(CliTest, TopicsImportExportRoundTrips) {
  const fs::path file = dir_ / "topics.jsonl";
  {
    std::ofstream out(file);
    out << R"({"name":"Coton","query":"coton OR \"fibre de coton\"","languages":["fr","en"],)"
        << R"("variants":{"en":"cotton","es":"algodón"},"priority":"critical",)"
        << R"("audience":"members","description":"Filière coton"})" << '\n'
        << '\n'
        << R"({"name":"Cajou","query":"cajou NEAR/5 prix"})" << '\n'
        << R"({"name":"Cassé","query":"(coton"})" << '\n';
  }
  auto imported = vigie({"topics", "import", file.string()});
  EXPECT_EQ(imported.exit_code, 1) << "one line refused";
  EXPECT_NE(imported.out.find("2 topic(s) added, 0 updated, 1 refused"), std::string::npos)
      << imported.out;
  EXPECT_NE(imported.err.find("line 4"), std::string::npos) << imported.err;

  auto exported = vigie({"topics", "export"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const fs::path copy = dir_ / "copy.jsonl";
  {
    std::ofstream out(copy);
    out << exported.out;
  }
  auto again = vigie({"topics", "import", copy.string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 topic(s) added, 2 updated, 0 refused"), std::string::npos)
      << again.out;
  EXPECT_EQ(vigie({"topics", "export"}).out, exported.out);
  std::istringstream lines(exported.out);
  std::string line;
  std::getline(lines, line);
  auto cajou = nlohmann::json::parse(line);
  EXPECT_EQ(cajou["name"], "Cajou");
  std::getline(lines, line);
  auto coton = nlohmann::json::parse(line);
  EXPECT_EQ(coton["variants"]["es"], "algodón");
  EXPECT_EQ(coton["priority"], "critical");
  EXPECT_EQ(coton["audience"], "members");
  EXPECT_EQ(coton["languages"], (nlohmann::json{"en", "fr"}));

  ASSERT_EQ(vigie({"topics", "remove", "Cajou"}).exit_code, 0);
  auto list = vigie({"topics", "list"});
  EXPECT_EQ(list.out.find("Cajou"), std::string::npos) << list.out;
}

TEST_F(CliTest, TopicsRefuseABadQueryWithTheColumnAndReason) {
  auto r = vigie({"topics", "add", "Coton", "(coton AND"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("column"), std::string::npos) << r.err;
  auto fr = vigie({"topics", "add", "Coton", "(coton AND"}, "fr");
  EXPECT_EQ(fr.exit_code, 1);
  EXPECT_NE(fr.err.find("requête mal formée"), std::string::npos) << fr.err;
  auto variant = vigie({"topics", "add", "Coton", "coton", "--variant", "en=\"cotton"});
  EXPECT_EQ(variant.exit_code, 1);
  EXPECT_NE(variant.err.find("variant en"), std::string::npos) << variant.err;
  auto dup_a = vigie({"topics", "add", "Coton", "coton"});
  ASSERT_EQ(dup_a.exit_code, 0) << dup_a.err;
  auto dup = vigie({"topics", "add", "Coton", "cotton"}, "fr");
  EXPECT_EQ(dup.exit_code, 1);
  EXPECT_NE(dup.err.find("Un axe porte déjà ce nom"), std::string::npos) << dup.err;
}

TEST_F(CliTest, OpmlImportExportRoundTrips) {
  const std::string opml = std::string(VIGIE_DEMO_DIR) + "/sources.opml";
  auto imp = vigie({"sources", "import", opml});
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  auto again = vigie({"sources", "import", opml});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out.rfind("0 source(s) imported", 0), 0U) << again.out;

  const auto exported = dir_ / "export.opml";
  ASSERT_EQ(vigie({"sources", "export", exported.string()}).exit_code, 0);
  auto list = vigie({"sources", "list"});

  testing::TempDir other;
  auto reimport =
      testing::run_command(VIGIE_BINARY, {"sources", "import", exported.string()},
                           {{"VIGIE_DB", (other / "v.db").string()}, {"VIGIE_LANG", "en"}});
  ASSERT_EQ(reimport.exit_code, 0) << reimport.err;
  auto list2 =
      testing::run_command(VIGIE_BINARY, {"sources", "list"},
                           {{"VIGIE_DB", (other / "v.db").string()}, {"VIGIE_LANG", "en"}});
  EXPECT_EQ(list.out, list2.out);
}

// Exports to a file that cannot be written fail with a message, never silently.
TEST_F(CliTest, ExportsReportAFileTheyCannotWrite) {
  const std::string unwritable = (dir_ / "no-such-folder" / "export").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"sources", "export", unwritable},
        std::vector<std::string>{"topics", "export", unwritable}}) {
    SCOPED_TRACE(args[0]);
    const auto r = vigie(args, "fr");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no-such-folder"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(unwritable));
  }
}

TEST_F(CliTest, SourcesAddRefusesWhatIsNotAnHttpUrl) {
  auto bad = vigie({"sources", "add", "ftp://files.example/feed"}, "fr");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("URL http ou https"), std::string::npos) << bad.err;
  auto ok =
      vigie({"sources", "add", "https://news.example/rss", "--title", "News", "--tag", "Coton"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  auto dup = vigie({"sources", "add", "https://news.example/rss"});
  EXPECT_EQ(dup.exit_code, 1);
  auto status = vigie({"sources", "status"});
  EXPECT_NE(status.out.find("never"), std::string::npos) << status.out;
  EXPECT_EQ(vigie({"sources", "remove", "News"}).exit_code, 0);
}

TEST_F(CliTest, ReindexRebuildsTheSameResults) {
  auto files = demo_feeds();
  std::vector<std::string> args{"ingest"};
  args.insert(args.end(), files.begin(), files.end());
  ASSERT_EQ(vigie(args).exit_code, 0);
  auto before = vigie({"search", "--json", "--limit", "50", "prix"});
  ASSERT_EQ(vigie({"reindex"}).exit_code, 0);
  auto after = vigie({"search", "--json", "--limit", "50", "prix"});
  EXPECT_EQ(nlohmann::json::parse(before.out)["results"],
            nlohmann::json::parse(after.out)["results"]);
  // A lost index directory is rebuilt from the store on the next start.
  fs::remove_all(dir_ / "vigie.index");
  auto lost = vigie({"search", "--json", "--limit", "50", "prix"});
  ASSERT_EQ(lost.exit_code, 0) << lost.err;
  EXPECT_EQ(nlohmann::json::parse(before.out)["results"],
            nlohmann::json::parse(lost.out)["results"]);
}

// kill -9 in the middle of an ingestion: what was committed stays, the database opens, and
// the index catches up with the store on the next start. The assertions hold wherever the
// kill lands, so the test does not depend on timing.
TEST_F(CliTest, KillDuringIngestLosesNothingCommitted) {
  auto files = demo_feeds();
  // Many distinct copies, so the run lasts long enough to be interrupted.
  std::vector<std::string> args{VIGIE_BINARY, "ingest"};
  for (int copy = 0; copy < 8; ++copy) {
    for (const auto& f : files) {
      const auto dst =
          dir_ / ("copy" + std::to_string(copy) + "_" + fs::path(f).filename().string());
      fs::copy_file(f, dst);
      args.push_back(dst.string());
    }
  }
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);
  std::string db = "VIGIE_DB=" + (dir_ / "vigie.db").string();
  std::string lang = "VIGIE_LANG=en";
  char* envp[] = {db.data(), lang.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, VIGIE_BINARY, &actions, nullptr, argv.data(), envp), 0);
  posix_spawn_file_actions_destroy(&actions);
  // Wait until the first transactions are committed (the WAL exists), then kill.
  for (int i = 0; i < 20000 && !fs::exists(dir_ / "vigie.db-wal"); ++i) {
    usleep(1000);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);

  auto after = vigie({"search", "--json", "--limit", "1", "coton OR cotton OR cajou OR cashew"});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  // Finishing the job afterwards stores the rest; nothing is stored twice.
  std::vector<std::string> rest(args.begin() + 1, args.end());
  auto finish = vigie(rest);
  ASSERT_EQ(finish.exit_code, 0) << finish.err;
  auto again = vigie(rest);
  EXPECT_NE(again.out.find(": 0 new"), std::string::npos) << again.out;
}

// kill -9 during a collection pass: the database opens afterwards, and the next pass completes
// the work. Each response is held a little so the pass is still running when the kill lands;
// the assertions hold wherever it lands.
TEST_F(CliTest, KillDuringFetchPassLeavesADatabaseThatOpens) {
  testing::HttpFixtureServer server;
  const std::string feed = testing::read_file(demo_feeds().front());
  std::string opml = "<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body>";
  // One host, so the default politeness (1 s between starts) paces the pass.
  for (int i = 0; i < 6; ++i) {
    const std::string path = "/feed/" + std::to_string(i) + ".xml";
    testing::CannedResponse r;
    r.body = feed;
    r.hold = std::chrono::milliseconds(100);
    server.serve(path, r);
    opml += "<outline type=\"rss\" text=\"F" + std::to_string(i) + "\" xmlUrl=\"" + server.url(path)
            + "\"/>";
  }
  opml += "</body></opml>";
  std::ofstream(dir_ / "s.opml") << opml;
  ASSERT_EQ(vigie({"sources", "import", (dir_ / "s.opml").string()}).exit_code, 0);

  std::string db = "VIGIE_DB=" + (dir_ / "vigie.db").string();
  std::string allow = "VIGIE_FETCH_ALLOW=" + server.host_port();
  std::string lang = "VIGIE_LANG=en";
  char* envp[] = {db.data(), allow.data(), lang.data(), nullptr};
  std::string bin = VIGIE_BINARY;
  std::string cmd = "fetch";
  char* argv[] = {bin.data(), cmd.data(), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, VIGIE_BINARY, &actions, nullptr, argv, envp), 0);
  posix_spawn_file_actions_destroy(&actions);
  for (int i = 0; i < 20000 && server.requests().size() < 2; ++i) {
    usleep(1000);
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);

  auto after =
      testing::run_command(VIGIE_BINARY, {"sources", "status"},
                           {{"VIGIE_DB", (dir_ / "vigie.db").string()}, {"VIGIE_LANG", "en"}});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  auto finish = testing::run_command(VIGIE_BINARY, {"fetch"},
                                     {{"VIGIE_DB", (dir_ / "vigie.db").string()},
                                      {"VIGIE_LANG", "en"},
                                      {"VIGIE_FETCH_ALLOW", server.host_port()}});
  ASSERT_EQ(finish.exit_code, 0) << finish.err;
  auto found = vigie({"search", "--json", "--limit", "1", "coton OR cotton OR prix"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_GT(nlohmann::json::parse(found.out)["total"].get<int>(), 0);
}

}  // namespace
}  // namespace vigie
