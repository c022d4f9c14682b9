// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie alert-list add|remove TOPIC EMAIL` and `vigie alert-list list TOPIC`: the named
// people a topic's alerts may go to (an immediate subscription needs the user on it).
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/subscription_service.h"

namespace vigie::cli {
namespace {

struct AlertListArgs {
  std::string topic;
  std::string email;
};

service::SubscriptionService* open_subscriptions(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return nullptr;
  }
  return &(*services)->subscriptions;
}

void run_change(const AlertListArgs& a, bool add, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  auto st = add ? svc->alert_list_add(a.topic, a.email) : svc->alert_list_remove(a.topic, a.email);
  if (!st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(
      fmt::runtime(ctx.tr(add ? "cli.alert_list.added" : "cli.alert_list.removed")), a.email,
      a.topic)
          << '\n';
}

void run_list(const AlertListArgs& a, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  auto users = svc->alert_list(a.topic);
  if (!users) {
    ctx.fail(users.error());
    return;
  }
  for (const auto& u : *users) {
    ctx.out << fmt::format("{}  {}\n", u.email, u.name.empty() ? "-" : u.name);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.alert_list.count")), users->size()) << '\n';
}

}  // namespace

void add_alert_list_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<AlertListArgs>();
  CLI::App* cmd = app.add_subcommand("alert-list", ctx.tr("cli.alert_list.help"));
  cmd->require_subcommand(1);
  CLI::App* add = cmd->add_subcommand("add", ctx.tr("cli.alert_list.add.help"));
  add->add_option("topic", a->topic, ctx.tr("cli.alert_list.topic"))->required();
  add->add_option("email", a->email, ctx.tr("cli.alert_list.email"))->required();
  add->callback([a, &ctx] { run_change(*a, true, ctx); });
  CLI::App* remove = cmd->add_subcommand("remove", ctx.tr("cli.alert_list.remove.help"));
  remove->add_option("topic", a->topic, ctx.tr("cli.alert_list.topic"))->required();
  remove->add_option("email", a->email, ctx.tr("cli.alert_list.email"))->required();
  remove->callback([a, &ctx] { run_change(*a, false, ctx); });
  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.alert_list.list.help"));
  list->add_option("topic", a->topic, ctx.tr("cli.alert_list.topic"))->required();
  list->callback([a, &ctx] { run_list(*a, ctx); });
}

}  // namespace vigie::cli
