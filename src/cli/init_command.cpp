// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie init`: creates (or migrates) the database and the search index.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"

namespace vigie::cli {

void add_init_command(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand("init", ctx.tr("cli.init.help"));
  cmd->callback([&ctx] {
    auto services = ctx.provider.open();
    if (!services) {
      ctx.fail(services.error());
      return;
    }
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.init.done")), ctx.provider.database_path())
            << '\n';
  });
}

}  // namespace vigie::cli
