// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie reindex`: rebuilds the search index from the store.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/index_sync.h"

namespace vigie::cli {

void add_reindex_command(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand("reindex", ctx.tr("cli.reindex.help"));
  cmd->callback([&ctx] {
    auto services = ctx.provider.open();
    if (!services) {
      ctx.fail(services.error());
      return;
    }
    auto n = (*services)->index.rebuild();
    if (!n) {
      ctx.fail(n.error());
      return;
    }
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.reindex.done")), *n) << '\n';
  });
}

}  // namespace vigie::cli
