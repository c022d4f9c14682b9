// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie deliver --once`: one delivery pass (the digests that are due, then every due
// delivery), with its counts. `vigie worker` runs such passes continuously.
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "worker/delivery_loop.h"

namespace vigie::cli {

void print_delivery_report(const worker::DeliveryPassReport& r, CliContext& ctx) {
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.deliver.report")), r.digests.created,
                         r.deliveries.sent, r.deliveries.retrying, r.deliveries.failed)
          << '\n';
}

namespace {

struct DeliverArgs {
  bool once = false;
  bool json = false;
};

void run_deliver(const DeliverArgs& a, CliContext& ctx) {
  if (!a.once) {
    ctx.fail({core::ErrorCode::InvalidInput, "cli.deliver.once_only",
              "cli: `vigie deliver` needs --once; `vigie worker` delivers continuously"});
    return;
  }
  auto s = ctx.provider.open();
  if (!s) {
    ctx.fail(s.error());
    return;
  }
  worker::DeliveryLoop loop((*s)->digests, (*s)->deliveries, std::chrono::seconds(1), {});
  auto r = loop.run_once();
  if (!r) {
    ctx.fail(r.error());
    return;
  }
  if (a.json) {
    nlohmann::json j = {{"digests_created", r->digests.created},
                        {"claimed", r->deliveries.claimed},
                        {"sent", r->deliveries.sent},
                        {"retrying", r->deliveries.retrying},
                        {"failed", r->deliveries.failed},
                        {"errors", r->deliveries.errors}};
    ctx.out << j.dump(2) << '\n';
    return;
  }
  print_delivery_report(*r, ctx);
}

}  // namespace

void add_deliver_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<DeliverArgs>();
  CLI::App* cmd = app.add_subcommand("deliver", ctx.tr("cli.deliver.help"));
  cmd->add_flag("--once", a->once, ctx.tr("cli.deliver.once"));
  cmd->add_flag("--json", a->json, ctx.tr("cli.deliver.json"));
  cmd->callback([a, &ctx] { run_deliver(*a, ctx); });
}

}  // namespace vigie::cli
