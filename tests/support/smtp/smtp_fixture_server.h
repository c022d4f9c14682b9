// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// A real SMTP server on loopback for tests: Debian's aiosmtpd, run by smtp_server.py under
// /usr/bin/python3, started by the test and stopped (by its pid) when the object dies. Every
// accepted message lands in a directory the test reads back.
//
// Not thread-safe; one object per test.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace vigie::testing {

struct ReceivedMail {
  std::string mail_from;
  std::vector<std::string> rcpt_tos;
  std::string data;  // the message as received, CRLF line ends
  bool tls = false;
  bool authenticated = false;
};

struct SmtpServerOptions {
  std::vector<std::string> reject;     // recipients answered 550
  std::vector<std::string> defer;      // recipients answered 451
  std::vector<std::string> delay_for;  // "addr=seconds": slow acceptance of DATA
  std::string auth;                    // "user:pass": AUTH required
  std::filesystem::path tls_cert;      // with tls_key: STARTTLS offered
  std::filesystem::path tls_key;
  bool implicit_tls = false;  // smtps:// instead of STARTTLS
  int port = 0;               // 0: any free port
};

class SmtpFixtureServer {
 public:
  // Starts the server; throws std::runtime_error when it does not become ready in 20 s.
  SmtpFixtureServer(std::filesystem::path maildir, SmtpServerOptions options = {});
  ~SmtpFixtureServer();
  SmtpFixtureServer(const SmtpFixtureServer&) = delete;
  SmtpFixtureServer& operator=(const SmtpFixtureServer&) = delete;

  int port() const { return port_; }
  // smtp://127.0.0.1:PORT (or smtps://), for VIGIE_SMTP_URL.
  std::string url() const;
  // Stops the server (SIGTERM, then waits). Messages already received stay readable.
  void stop();
  // Starts it again on the same port with the same options.
  void restart();
  bool running() const { return pid_ > 0; }

  // Every message received so far, in arrival order.
  std::vector<ReceivedMail> messages() const;

 private:
  void start();

  std::filesystem::path maildir_;
  SmtpServerOptions options_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace vigie::testing
