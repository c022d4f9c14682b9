// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie parse [--base-url URL] [--content-type TYPE] FILE...`: one JSON object per file, one
// per line. Exit 0 when every file is a feed (bozo or not), 2 when one is not a feed, 1 when
// one cannot be read. Needs no database.
#include <memory>
#include <ostream>

#include "cli/commands.h"
#include "ingest/feed_json.h"
#include "ingest/feed_parser.h"

namespace vigie::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> files;
  std::string base_url;
  std::string content_type;
};

void run_parse(const ParseArgs& args, CliContext& ctx) {
  for (const auto& path : args.files) {
    auto bytes = read_file(path);
    if (!bytes) {
      ctx.fail(bytes.error());
      continue;
    }
    ingest::ParseOptions opts;
    opts.base_url = args.base_url;
    opts.content_type = args.content_type;
    auto feed = ingest::parse_feed(*bytes, opts);
    if (!feed) {
      // Still one line per file, so a consumer reading JSON Lines stays aligned.
      core::ParsedFeed empty;
      empty.bozo = true;
      empty.bozo_reason = feed.error().message;
      ctx.out << ingest::to_json(empty) << '\n';
      ctx.err << "vigie: " << path << ": " << ctx.tr(feed.error().reason) << '\n';
      ctx.exit_code = 2;
      continue;
    }
    ctx.out << ingest::to_json(*feed) << '\n';
  }
}

}  // namespace

void add_parse_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand("parse", ctx.tr("cli.parse.help"));
  cmd->add_option("files", args->files, ctx.tr("cli.parse.files"))->required();
  cmd->add_option("--base-url", args->base_url, ctx.tr("cli.parse.base_url"));
  cmd->add_option("--content-type", args->content_type, ctx.tr("cli.parse.content_type"));
  cmd->callback([args, &ctx] { run_parse(*args, ctx); });
}

}  // namespace vigie::cli
