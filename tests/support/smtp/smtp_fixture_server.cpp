// SPDX-License-Identifier: AGPL-3.0-or-later
#include "smtp/smtp_fixture_server.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace vigie::testing {
namespace {

// Debian's python, which has python3-aiosmtpd; a python3 found first on PATH may not.
constexpr const char* kPython = "/usr/bin/python3";

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

SmtpFixtureServer::SmtpFixtureServer(std::filesystem::path maildir, SmtpServerOptions options)
    : maildir_(std::move(maildir)), options_(std::move(options)) {
  std::filesystem::create_directories(maildir_);
  start();
}

SmtpFixtureServer::~SmtpFixtureServer() {
  stop();
}

std::string SmtpFixtureServer::url() const {
  return (options_.implicit_tls ? "smtps://127.0.0.1:" : "smtp://127.0.0.1:")
         + std::to_string(port_);
}

void SmtpFixtureServer::start() {
  std::vector<std::string> args = {kPython,     VIGIE_SMTP_SERVER_SCRIPT,
                                   "--maildir", maildir_.string(),
                                   "--port",    std::to_string(port_ != 0 ? port_ : options_.port)};
  for (const auto& a : options_.reject) {
    args.insert(args.end(), {"--reject", a});
  }
  for (const auto& a : options_.defer) {
    args.insert(args.end(), {"--defer", a});
  }
  for (const auto& a : options_.delay_for) {
    args.insert(args.end(), {"--delay-for", a});
  }
  if (!options_.auth.empty()) {
    args.insert(args.end(), {"--auth", options_.auth});
  }
  if (!options_.tls_cert.empty()) {
    args.insert(args.end(), {options_.implicit_tls ? "--smtps" : "--tls",
                             options_.tls_cert.string(), options_.tls_key.string()});
  }
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  argv.push_back(nullptr);

  int fds[2];
  if (pipe(fds) != 0) {
    throw std::runtime_error("smtp fixture: pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addclose(&actions, fds[1]);
  const int rc = posix_spawn(&pid_, kPython, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    pid_ = -1;
    throw std::runtime_error("smtp fixture: cannot start " + std::string(kPython));
  }
  // Wait for "READY <port>\n"; the deadline only guards against a broken install, the
  // server is normally ready in well under a second.
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd p{fds[0], POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) {
      break;
    }
    char buf[128];
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n <= 0) {
      break;
    }
    line.append(buf, static_cast<std::size_t>(n));
  }
  close(fds[0]);
  if (line.rfind("READY ", 0) != 0) {
    stop();
    throw std::runtime_error("smtp fixture: server did not start (is python3-aiosmtpd installed?)");
  }
  port_ = std::stoi(line.substr(6));
}

void SmtpFixtureServer::stop() {
  if (pid_ <= 0) {
    return;
  }
  kill(pid_, SIGTERM);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
}

void SmtpFixtureServer::restart() {
  stop();
  start();
}

std::vector<ReceivedMail> SmtpFixtureServer::messages() const {
  std::vector<std::filesystem::path> metas;
  for (const auto& e : std::filesystem::directory_iterator(maildir_)) {
    if (e.path().extension() == ".json") {
      metas.push_back(e.path());
    }
  }
  std::sort(metas.begin(), metas.end());
  std::vector<ReceivedMail> out;
  for (const auto& m : metas) {
    auto j = nlohmann::json::parse(read_all(m));
    ReceivedMail r;
    r.mail_from = j.at("mail_from").get<std::string>();
    r.rcpt_tos = j.at("rcpt_tos").get<std::vector<std::string>>();
    r.tls = j.at("tls").get<bool>();
    r.authenticated = j.at("authenticated").get<bool>();
    auto eml = m;
    eml.replace_extension(".eml");
    r.data = read_all(eml);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace vigie::testing
