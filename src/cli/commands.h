// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// One function per subcommand (one file each), registering it on the CLI11 application.

#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace vigie::cli {

void add_init_command(CLI::App& app, CliContext& ctx);
void add_parse_command(CLI::App& app, CliContext& ctx);
void add_ingest_command(CLI::App& app, CliContext& ctx);
void add_sources_command(CLI::App& app, CliContext& ctx);
void add_search_command(CLI::App& app, CliContext& ctx);
void add_reindex_command(CLI::App& app, CliContext& ctx);
void add_fetch_command(CLI::App& app, CliContext& ctx);
void add_worker_command(CLI::App& app, CliContext& ctx);
void add_stories_command(CLI::App& app, CliContext& ctx);
void add_topics_command(CLI::App& app, CliContext& ctx);
void add_signals_command(CLI::App& app, CliContext& ctx);
void add_orgs_command(CLI::App& app, CliContext& ctx);
void add_users_command(CLI::App& app, CliContext& ctx);
void add_subscriptions_command(CLI::App& app, CliContext& ctx);
void add_alert_list_command(CLI::App& app, CliContext& ctx);
void add_alerts_command(CLI::App& app, CliContext& ctx);
void add_deliver_command(CLI::App& app, CliContext& ctx);
// `inbox`, `review` and `kept` (triage_command.cpp).
void add_triage_commands(CLI::App& app, CliContext& ctx);
void add_feed_command(CLI::App& app, CliContext& ctx);
void add_serve_command(CLI::App& app, CliContext& ctx);

// Registers every subcommand above.
void add_all_commands(CLI::App& app, CliContext& ctx);

// Highlighted HTML for the console: <mark> becomes bold on a terminal and [..] in a pipe or
// file; entities are decoded; line breaks become spaces.
std::string html_to_terminal(std::string_view html, bool terminal);

// Reads a whole file. Errors: "cli.cannot_read" (NotFound/Internal) naming the path.
core::Result<std::string> read_file(const std::string& path);

}  // namespace vigie::cli
