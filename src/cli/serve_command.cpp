// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie serve [--listen HOST:PORT]`: the web server (feeds, unsubscribe pages) and, beside
// it, the collection scheduler and the delivery loop, until SIGTERM or SIGINT.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/refresh_service.h"
#include "worker/delivery_loop.h"

namespace vigie::cli {

void print_refresh_report(const service::RefreshReport& r, CliContext& ctx);
void print_delivery_report(const worker::DeliveryPassReport& r, CliContext& ctx);

void add_serve_command(CLI::App& app, CliContext& ctx) {
  auto listen = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("serve", ctx.tr("cli.serve.help"));
  cmd->add_option("--listen", *listen, ctx.tr("cli.serve.listen"))->envname("VIGIE_LISTEN");
  cmd->callback([listen, &ctx] {
    auto passes = ctx.provider.run_server(
        *listen,
        [&ctx](const std::string& url) {
          // One line, flushed: scripts and tests read the address (port 0 picks one).
          ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.serve.listening")), url) << std::endl;
        },
        [&ctx](const core::Result<service::RefreshReport>& r) {
          if (!r) {
            ctx.fail(r.error());
            ctx.exit_code = 0;  // a failed pass is logged; the server keeps going
            return;
          }
          if (r->sources > 0) {
            print_refresh_report(*r, ctx);
            ctx.out.flush();
          }
        },
        [&ctx](const core::Result<worker::DeliveryPassReport>& r) {
          // From the delivery thread, as in `vigie worker`: whole lines, one call each.
          if (!r) {
            ctx.fail(r.error());
            ctx.exit_code = 0;
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
    ctx.out << ctx.tr("cli.serve.stopped") << '\n';
  });
}

}  // namespace vigie::cli
