// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie worker`: keeps the collection scheduler and the delivery loop running until SIGTERM
// or SIGINT.
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/refresh_service.h"
#include "worker/delivery_loop.h"

namespace vigie::cli {

void print_refresh_report(const service::RefreshReport& r, CliContext& ctx);
void print_delivery_report(const worker::DeliveryPassReport& r, CliContext& ctx);

void add_worker_command(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand("worker", ctx.tr("cli.worker.help"));
  cmd->callback([&ctx] {
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.worker.started")), ctx.provider.database_path())
            << std::endl;
    auto passes = ctx.provider.run_worker(
        [&ctx](const core::Result<service::RefreshReport>& r) {
          if (!r) {
            ctx.fail(r.error());
            ctx.exit_code = 0;  // a failed pass is logged; the worker keeps going
            return;
          }
          if (r->sources > 0) {
            print_refresh_report(*r, ctx);
            ctx.out.flush();
          }
        },
        [&ctx](const core::Result<worker::DeliveryPassReport>& r) {
          // Called from the delivery thread; the collection callback above prints from the main
          // thread. Each writes whole lines with one call.
          if (!r) {
            // Not ctx.fail: exit_code belongs to the main thread. A failed pass is logged.
            ctx.err << "vigie: " + ctx.tr(r.error().reason) + " (" + r.error().message + ")\n";
            return;
          }
          if (r->digests.created + r->deliveries.claimed > 0) {
            print_delivery_report(*r, ctx);
            ctx.out.flush();
          }
        });
    if (!passes) {
      ctx.fail(passes.error());
      return;
    }
    ctx.out << ctx.tr("cli.worker.stopped") << '\n';
  });
}

}  // namespace vigie::cli
