// SPDX-License-Identifier: AGPL-3.0-or-later
// The composition root: configuration, messages, concrete services, the CLI. Only main/
// knows concrete classes (STYLE.md H2).
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <map>
#include <span>
#include <string>

#include <CLI/CLI.hpp>
#include <malloc.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "core/i18n.h"
#include "main/catalogs.h"
#include "main/config.h"
#include "main/wiring.h"

extern char** environ;  // NOLINT: POSIX; read once here, in main/ only

namespace vigie::main {
namespace {

std::map<std::string, std::string> environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view kv(*e);
    const auto eq = kv.find('=');
    if (eq != std::string_view::npos) {
      env.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
    }
  }
  return env;
}

// The flags that every command shares are read before the subcommands are built, so that
// --help is printed in the user's language and --db/--config reach the configuration.
std::string pre_scan(int argc, char** argv, std::string_view flag) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a(argv[i]);
    if (a == flag && i + 1 < argc) {
      return argv[i + 1];
    }
    if (a.starts_with(flag) && a.size() > flag.size() && a[flag.size()] == '=') {
      return std::string(a.substr(flag.size() + 1));
    }
  }
  return {};
}

int run(int argc, char** argv) {
  Config config;
  const auto env = environment();
  if (auto it = env.find("VIGIE_CONFIG"); it != env.end() && !it->second.empty()) {
    config.config_path = it->second;
  }
  if (auto flag = pre_scan(argc, argv, "--config"); !flag.empty()) {
    config.config_path = flag;
  }
  if (auto st = load_config_file(config); !st) {
    std::cerr << "vigie: " << st.error().message << '\n';
    return 1;
  }
  if (auto st = apply_env(config, env); !st) {
    std::cerr << "vigie: " << st.error().message << '\n';
    return 1;
  }
  if (auto flag = pre_scan(argc, argv, "--db"); !flag.empty()) {
    config.storage.db_path = flag;
  }
  if (auto st = config.validate(); !st) {
    std::cerr << "vigie: " << st.error().message << '\n';
    return 1;
  }
  const core::Messages messages = make_messages(config.lang);

  CLI::App app{messages.get("cli.app.help"), "vigie"};
  app.require_subcommand(1);
  app.set_help_flag("-h,--help", messages.get("cli.help_flag"));
  std::string db_flag;
  std::string config_flag;
  app.add_option("--db", db_flag, messages.get("cli.db_flag"))->envname("VIGIE_DB");
  app.add_option("--config", config_flag, messages.get("cli.config_flag"));

  Wiring wiring(config);
  cli::CliContext ctx{messages, std::cout, std::cerr, wiring};
  ctx.terminal = ::isatty(STDOUT_FILENO) != 0;
  cli::add_all_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}

}  // namespace
}  // namespace vigie::main

int main(int argc, char** argv) {
  // CLD2 allocates and frees a large buffer on every call; glibc's default trim threshold makes
  // that cost 7x (measured in bench/text). Keep freed memory up to 256 MiB in the process.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  try {
    return vigie::main::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "vigie: internal error: " << e.what() << '\n';
    return 1;
  }
}
