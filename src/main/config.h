// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The typed configuration (STYLE.md H6), loaded once here in main/ from, in increasing
// precedence: built-in defaults, the TOML file (--config), VIGIE_* environment variables,
// then command-line flags. Each component receives only its own struct.

#include <chrono>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"

namespace vigie::main {

struct StorageConfig {
  // SQLite database file. Env VIGIE_DB, flag --db. Default "./vigie.db".
  std::string db_path = "vigie.db";
  // Search index directory. Default: the database path with ".db" replaced by ".index".
  std::string index_path;
};

struct FetchConfig {
  // Allow-list for the SSRF guard: "host:port" or CIDR entries that may be reached even
  // though they are private or loopback. Env VIGIE_FETCH_ALLOW (comma-separated). Empty by
  // default: only public addresses are fetched.
  std::vector<std::string> allow;
  // HTTP(S) proxy URL, e.g. "http://proxy.cci.example:3128". Env VIGIE_FETCH_PROXY.
  std::string proxy;
  // Sent with every request; identifies Vigie to site owners.
  std::string user_agent = "Vigie/0.1 (+https://vigie.example/bot)";
  // Simultaneous transfers in one pass; 16 suits a modest server on a slow link.
  std::size_t max_concurrent = 16;
  // Simultaneous transfers to one host: politeness.
  std::size_t per_host_max_concurrent = 2;
  // Minimum delay between two request starts to one host, in milliseconds.
  long per_host_min_delay_ms = 1000;
  // Whole-transfer timeout in seconds; raise on very slow links.
  long timeout_seconds = 60;
  // Cap on a decompressed body, in bytes (feeds larger than this are refused).
  std::size_t max_body_bytes = 32U * 1024U * 1024U;
};

struct WorkerConfig {
  // Sources fetched per scheduler pass.
  std::size_t batch_size = 200;
  // Sleep between passes when nothing is due, in seconds.
  long idle_seconds = 30;
};

// Sending email ([mail]).
struct MailConfig {
  // The SMTP server: smtp://host:port (STARTTLS when offered), smtps://host:465, with
  // user:pass@ for AUTH. Env VIGIE_SMTP_URL. Empty: email deliveries wait (transient
  // "mail.not_configured") until it is set.
  std::string smtp_url;
  // The sender, "address" or "Display Name <address>". Env VIGIE_SMTP_FROM.
  std::string from = "Vigie <vigie@localhost>";
  // Refuse to send in clear over smtp:// when the server offers no STARTTLS.
  bool require_tls = false;
  // Extra CA bundle for the server's certificate; empty: the system's.
  std::string ca_file;
  // Whole SMTP dialogue timeout per message, seconds; a slow server costs a worker this long.
  long timeout_seconds = 60;
};

// The public face ([web]): links in emails and feeds, the Message-ID host, `vigie serve`.
struct WebConfig {
  // Public base URL, without trailing slash. Env VIGIE_BASE_URL. Set it to the reverse
  // proxy's https URL in production.
  std::string base_url = "http://127.0.0.1:8080";
  // Where `vigie serve` listens: "host:port", "[::1]:port". Env VIGIE_LISTEN, flag --listen.
  // Keep it on loopback behind a reverse proxy that terminates TLS.
  std::string listen = "127.0.0.1:8080";
  // HTTP worker threads; 4 suits 2 cores (requests are short and wait on the disk).
  std::size_t threads = 4;
};

// The delivery outbox ([outbox]).
struct OutboxConfig {
  // Hours a delivery is retried before it fails with "outbox.gave_up". Env
  // VIGIE_OUTBOX_GIVE_UP_HOURS. Default 48.
  long give_up_hours = 48;
  // Concurrent sends per delivery pass. Default 4.
  std::size_t workers = 4;
  // `vigie worker`: seconds between two delivery passes. Default 10.
  long poll_seconds = 10;
};

struct Config {
  StorageConfig storage;
  FetchConfig fetch;
  WorkerConfig worker;
  MailConfig mail;
  WebConfig web;
  OutboxConfig outbox;
  // The installation's secret key (signed links, webhook secrets). Env VIGIE_SECRET_KEY_FILE,
  // key `secret_key_file`. Empty: <directory of the database>/secret.key, created on first use
  // (32 random bytes, hex, mode 0600).
  std::string secret_key_file;
  // Tests and demos only: the clock stands still at this instant ("YYYY-MM-DDTHH:MM:SSZ").
  // Env VIGIE_NOW. Empty: the system clock.
  std::string fixed_now;
  // Name of the operator organisation that owns sources and items (VIGIE_OPERATOR).
  std::string operator_name = "Vigie";
  // Interface language, "fr" or "en" (VIGIE_LANG, then LANG; default "fr").
  std::string lang = "fr";
  // The TOML file read at start (--config or VIGIE_CONFIG); empty: none.
  std::string config_path;

  // Cross-field checks. Errors: "config.invalid" with the field named.
  core::Status validate() const;
  // The index path, derived from the database path when not set.
  std::string effective_index_path() const;
  // The secret key file: secret_key_file, else secret.key beside the database.
  std::string effective_secret_key_path() const;
};

// Applies a TOML document over `config`. Unknown keys are refused (a typo must not pass
// silently). Errors: "config.invalid" with the key and the line.
core::Status apply_toml(Config& config, std::string_view toml_text, const std::string& origin);

// Reads config.config_path (when set) and applies it. Errors: "config.invalid",
// "config.unreadable".
core::Status load_config_file(Config& config);

// Applies VIGIE_* variables from `env` (name -> value) over `config`.
core::Status apply_env(Config& config, const std::map<std::string, std::string>& env);

struct MailboxText {
  std::string address;
  std::string name;
};
// "Name <address>" or "address". Errors: "config.invalid".
core::Result<MailboxText> parse_from(std::string_view text);

}  // namespace vigie::main
