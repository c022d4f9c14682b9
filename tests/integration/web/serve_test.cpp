// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie serve` end to end: the real binary listens on 127.0.0.1 (port 0, the address read
// from its first line of output); python3's urllib fetches a topic's feeds over the socket and
// feedparser reads them back (bozo false, the kept stories' titles, the same bytes as
// `vigie feed`), and newsboat subscribes over HTTP; conditional GET answers 304; a signed
// unsubscribe link shows the subscriber's page and one POST removes the subscription; errors
// carry the security headers; SIGTERM stops the server cleanly.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/command.h"
#include "support/temp_dir.h"

extern char** environ;  // NOLINT: POSIX

namespace vigie {
namespace {

namespace fs = std::filesystem;

// A child process with its stdout on a pipe; killed (SIGKILL) if the test ends without
// stopping it.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
        const fs::path& err_file) {
    int fds[2];
    if (pipe(fds) != 0) {
      throw std::runtime_error("pipe");
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    std::vector<std::string> argv_s = args;
    std::vector<char*> argv;
    for (auto& a : argv_s) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    std::map<std::string, std::string> merged;
    for (char** e = environ; *e != nullptr; ++e) {
      std::string kv(*e);
      const auto eq = kv.find('=');
      merged[kv.substr(0, eq)] = eq == std::string::npos ? "" : kv.substr(eq + 1);
    }
    for (const auto& [k, v] : env) {
      merged[k] = v;
    }
    std::vector<std::string> env_s;
    for (const auto& [k, v] : merged) {
      env_s.push_back(k + "=" + v);
    }
    std::vector<char*> envp;
    for (auto& e : env_s) {
      envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    const int rc = posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    out_ = fds[0];
    if (rc != 0) {
      pid_ = -1;
      throw std::runtime_error("cannot start the server");
    }
  }
  ~Child() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // The next line of output; empty at end of file. A guard of 60 s keeps a broken server
  // from hanging the suite (it is not a timing assumption: the line comes at start-up).
  std::string read_line() {
    std::string line;
    char c = 0;
    while (true) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 60'000) <= 0 || read(out_, &c, 1) != 1) {
        return line;
      }
      if (c == '\n') {
        return line;
      }
      line += c;
    }
  }
  std::string read_rest() {
    std::string all;
    for (std::string l = read_line(); !l.empty(); l = read_line()) {
      all += l + "\n";
    }
    return all;
  }
  void terminate() { kill(pid_, SIGTERM); }
  // Exit status, -1 when killed by a signal.
  int wait() {
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The client: fetches over HTTP with urllib, parses with feedparser; prints one JSON object.
constexpr const char* kClient = R"PY(
import base64, hashlib, json, re, sys, urllib.request, urllib.error, feedparser
base, cli_atom = sys.argv[1], sys.argv[2]
def fetch(path, headers={}, method="GET", data=None):
    req = urllib.request.Request(base + path, headers=headers, method=method, data=data)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
out = {}
for ext in ("atom", "rss"):
    status, headers, body = fetch("/feeds/topics/%s.%s" % (sys.argv[3], ext))
    d = feedparser.parse(body)
    again = fetch("/feeds/topics/%s.%s" % (sys.argv[3], ext), {"If-None-Match": headers.get("ETag", "")})
    out[ext] = {"status": status, "content_type": headers.get("Content-Type"),
                "etag": headers.get("ETag"), "bozo": bool(d.bozo),
                "titles": [e.get("title") for e in d.entries],
                "links": [e.get("link") for e in d.entries],
                "not_modified": again[0], "not_modified_body": len(again[2])}
    if ext == "atom":
        out[ext]["same_as_cli"] = body == open(cli_atom, "rb").read()
status, headers, body = fetch("/healthz")
out["health"] = status
out["server_header"] = headers.get("Server")
out["nosniff"] = headers.get("X-Content-Type-Options")
status, headers, body = fetch("/unsubscribe/not-a-token", {"Accept-Language": "en"})
style = re.search(rb"<style>(.*?)</style>", body, re.S).group(1)
out["unsubscribe"] = {"status": status, "csp": headers.get("Content-Security-Policy"),
                      "referrer": headers.get("Referrer-Policy"), "body": body.decode(),
                      "style_hash": base64.b64encode(hashlib.sha256(style).digest()).decode()}
status, headers, body = fetch("/unsubscribe/x", method="POST", data=b"x" * 200000,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
out["too_large"] = status
status, headers, body = fetch("/feeds/topics/%s.atom" % sys.argv[4])
out["private_without_token"] = status
# An alert-style unsubscribe token for subscription argv[6], signed as publish::sign_token does.
import hmac
key = open(sys.argv[5], "rb").read().rstrip()
b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
payload = sys.argv[6].encode()
token = b64(payload) + "." + b64(hmac.new(key, b"unsubscribe\n" + payload, hashlib.sha256).digest())
page = fetch("/unsubscribe/" + token)
done = fetch("/unsubscribe/" + token, method="POST", data=b"List-Unsubscribe=One-Click",
             headers={"Content-Type": "application/x-www-form-urlencoded"})
again = fetch("/unsubscribe/" + token, method="POST", data=b"List-Unsubscribe=One-Click",
              headers={"Content-Type": "application/x-www-form-urlencoded"})
out["unsubscribe_page"] = {"status": page[0], "body": page[2].decode()}
out["unsubscribe_done"] = {"status": done[0], "body": done[2].decode()}
out["unsubscribe_again"] = again[0]
print(json.dumps(out))
)PY";

class ServeTest : public ::testing::Test {
 protected:
  std::map<std::string, std::string> env() const {
    return {{"VIGIE_DB", (dir_ / "vigie.db").string()},
            {"VIGIE_LANG", "en"},
            {"VIGIE_CONFIG", ""},
            {"VIGIE_BASE_URL", "https://veille.cci.example"}};
  }
  testing::CommandResult vigie(const std::vector<std::string>& args) const {
    return testing::run_command(VIGIE_BINARY, args, env());
  }

  testing::TempDir dir_;
};

TEST_F(ServeTest, ServesFeedsThatFeedparserAndNewsboatReadAndStopsOnSigterm) {
  ASSERT_EQ(vigie({"topics", "add", "Coton", "coton OR cotton", "--audience", "public"}).exit_code,
            0);
  ASSERT_EQ(vigie({"topics", "add", "Cajou", "cajou OR cashew"}).exit_code, 0);
  std::vector<std::string> ingest{"ingest"};
  for (const auto& e : fs::directory_iterator(fs::path(VIGIE_DEMO_DIR) / "feeds")) {
    if (e.path().filename().string().find("broken") == std::string::npos) {
      ingest.push_back(e.path().string());
    }
  }
  auto ingested = vigie(ingest);
  ASSERT_EQ(ingested.exit_code, 0) << ingested.err;
  auto inbox = vigie({"inbox", "--json", "--topic", "Coton", "--limit", "3"});
  ASSERT_EQ(inbox.exit_code, 0) << inbox.err;
  std::vector<std::string> kept_titles;
  const auto inbox_json = nlohmann::json::parse(inbox.out);
  for (const auto& s : inbox_json["stories"]) {
    const auto id = std::to_string(s["id"].get<std::int64_t>());
    ASSERT_EQ(vigie({"review", id, "keep"}).exit_code, 0);
  }
  auto kept = vigie({"kept", "--json", "--topic", "Coton"});
  ASSERT_EQ(kept.exit_code, 0) << kept.err;
  const auto kept_json = nlohmann::json::parse(kept.out);
  for (const auto& s : kept_json["stories"]) {
    kept_titles.push_back(s["title"].get<std::string>());
  }
  ASSERT_EQ(kept_titles.size(), 3U);
  auto cli_atom = vigie({"feed", "Coton", "--format", "atom"});
  ASSERT_EQ(cli_atom.exit_code, 0) << cli_atom.err;
  std::ofstream(dir_ / "cli.atom", std::ios::binary) << cli_atom.out;
  auto coton = vigie({"feed", "Coton", "--url"});
  ASSERT_EQ(coton.exit_code, 0) << coton.err;
  const std::string coton_id = coton.out.substr(coton.out.rfind('/') + 1,
                                                coton.out.find(".atom") - coton.out.rfind('/') - 1);
  auto cajou_url = vigie({"feed", "Cajou", "--url"});
  ASSERT_NE(cajou_url.exit_code, 0) << "an internal topic has no public URL";
  auto user = vigie({"users", "add", "mo@filature.example", "--lang", "en"});
  ASSERT_EQ(user.exit_code, 0) << user.err;
  auto sub = vigie(
      {"subscriptions", "add", "mo@filature.example", "Coton", "--rhythm", "weekly", "--json"});
  ASSERT_EQ(sub.exit_code, 0) << sub.err;
  const auto sub_id = std::to_string(nlohmann::json::parse(sub.out)["id"].get<std::int64_t>());
  ASSERT_EQ(coton_id, "1") << coton.out;
  const std::string cajou_id = "2";  // added second

  Child server({VIGIE_BINARY, "serve", "--listen", "127.0.0.1:0"}, env(), dir_ / "serve.err");
  const std::string first = server.read_line();
  const auto at = first.find("http://127.0.0.1:");
  ASSERT_NE(at, std::string::npos) << first << read_all(dir_ / "serve.err");
  const std::string base = first.substr(at);

  std::ofstream(dir_ / "client.py") << kClient;
  auto client = testing::run_command(
      "/usr/bin/python3", {(dir_ / "client.py").string(), base, (dir_ / "cli.atom").string(),
                           coton_id, cajou_id, (dir_ / "secret.key").string(), sub_id});
  ASSERT_EQ(client.exit_code, 0) << client.err << read_all(dir_ / "serve.err");
  const auto out = nlohmann::json::parse(client.out);
  for (const char* ext : {"atom", "rss"}) {
    SCOPED_TRACE(ext);
    const auto& f = out[ext];
    EXPECT_EQ(f["status"], 200);
    EXPECT_EQ(f["bozo"], false);
    EXPECT_EQ(f["titles"].get<std::vector<std::string>>(), kept_titles);
    for (const auto& link : f["links"]) {
      EXPECT_TRUE(link.get<std::string>().starts_with("http")) << link;
    }
    EXPECT_EQ(f["not_modified"], 304);
    EXPECT_EQ(f["not_modified_body"], 0);
    EXPECT_FALSE(f["etag"].get<std::string>().empty());
  }
  EXPECT_EQ(out["atom"]["content_type"], "application/atom+xml; charset=utf-8");
  EXPECT_EQ(out["atom"]["same_as_cli"], true) << "vigie feed prints the served bytes";
  EXPECT_EQ(out["health"], 200);
  EXPECT_TRUE(out["server_header"].is_null()) << out["server_header"];
  EXPECT_EQ(out["nosniff"], "nosniff");
  EXPECT_EQ(out["unsubscribe"]["status"], 400) << "a malformed token is bad input";
  EXPECT_EQ(out["unsubscribe"]["referrer"], "no-referrer");
  EXPECT_NE(out["unsubscribe"]["csp"].get<std::string>().find("default-src 'none'"),
            std::string::npos);
  EXPECT_NE(out["unsubscribe"]["body"].get<std::string>().find("Invalid link"), std::string::npos);
  EXPECT_EQ(out["too_large"], 413);
  EXPECT_EQ(out["private_without_token"], 404);
  // The subscriber's page is in their language (English) and names what stops; one click
  // removes; the link is then spent.
  EXPECT_EQ(out["unsubscribe_page"]["status"], 200);
  const auto page = out["unsubscribe_page"]["body"].get<std::string>();
  EXPECT_NE(page.find("You will no longer receive weekly digests at mo@filature.example"),
            std::string::npos)
      << page;
  EXPECT_NE(page.find("Coton"), std::string::npos) << page;
  EXPECT_EQ(out["unsubscribe_done"]["status"], 200);
  EXPECT_NE(out["unsubscribe_done"]["body"].get<std::string>().find("You are unsubscribed"),
            std::string::npos);
  EXPECT_EQ(out["unsubscribe_again"], 404);
  auto left = vigie({"subscriptions", "list", "--json"});
  ASSERT_EQ(left.exit_code, 0) << left.err;
  EXPECT_EQ(left.out.find("mo@filature.example"), std::string::npos) << left.out;

  // newsboat (a Debian package) subscribes over HTTP and stores the kept stories. HOME in the
  // temp dir: no user configuration read, nothing written outside it.
  if (fs::exists("/usr/bin/newsboat")) {
    std::ofstream(dir_ / "urls") << base << "/feeds/topics/" << coton_id << ".rss\n";
    auto nb =
        testing::run_command("/usr/bin/newsboat",
                             {"-u", (dir_ / "urls").string(), "-c", (dir_ / "cache.db").string(),
                              "-C", "/dev/null", "-x", "reload"},
                             {{"HOME", dir_.path().string()}});
    ASSERT_EQ(nb.exit_code, 0) << nb.out << nb.err;
    auto items = testing::run_command("/usr/bin/sqlite3",
                                      {(dir_ / "cache.db").string(), "SELECT title FROM rss_item"});
    ASSERT_EQ(items.exit_code, 0) << items.err;
    for (const auto& t : kept_titles) {
      EXPECT_NE(items.out.find(t), std::string::npos) << t << " in " << items.out;
    }
  }

  server.terminate();
  const std::string rest = server.read_rest();
  EXPECT_EQ(server.wait(), 0) << read_all(dir_ / "serve.err");
  EXPECT_NE(rest.find("Server stopped."), std::string::npos) << rest;
  const std::string log = read_all(dir_ / "serve.err");
  EXPECT_NE(log.find("\"GET /feeds/topics/" + coton_id + ".atom\" 200"), std::string::npos) << log;
  EXPECT_NE(log.find("/unsubscribe/REDACTED"), std::string::npos) << log;
  EXPECT_EQ(log.find("not-a-token"), std::string::npos) << "tokens never reach the log";
}

}  // namespace
}  // namespace vigie
