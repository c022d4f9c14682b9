// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie alerts list [--state S] [--kind K] [--signal ID] | show ID | send SIGNAL_ID |
// retry ID`: the outbox of alerts and digests, one row per recipient and channel.
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/delivery_service.h"

namespace vigie::cli {
namespace {

struct AlertsArgs {
  std::string state;
  std::string kind;
  core::SignalId signal = 0;
  core::DeliveryId id = 0;
  std::size_t limit = 50;
  bool json = false;
};

nlohmann::json opt_time(const std::optional<core::Timestamp>& t) {
  return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json to_json(const core::Delivery& d) {
  return {{"id", d.id},
          {"kind", core::to_string(d.kind)},
          {"state", core::to_string(d.state)},
          {"channel", core::to_string(d.channel)},
          {"target", d.target},
          {"signal_id", d.signal_id ? nlohmann::json(*d.signal_id) : nlohmann::json(nullptr)},
          {"subscription_id",
           d.subscription_id ? nlohmann::json(*d.subscription_id) : nlohmann::json(nullptr)},
          {"attempts", d.attempts},
          {"created_at", core::format_iso8601(d.created_at)},
          {"next_attempt_at", core::format_iso8601(d.next_attempt_at)},
          {"give_up_at", core::format_iso8601(d.give_up_at)},
          {"sent_at", opt_time(d.sent_at)},
          {"last_error", d.last_error}};
}

void print(const core::Delivery& d, CliContext& ctx) {
  ctx.out << fmt::format("{:>6}  {:<6}  {:<9}  {}  {}  {}", d.id,
                         ctx.value_label("delivery_kind", core::to_string(d.kind)),
                         ctx.tr(fmt::format("cli.alerts.state.{}", core::to_string(d.state))),
                         core::format_iso8601(d.created_at).substr(0, 16), d.target,
                         d.signal_id ? fmt::format("#{}", *d.signal_id) : "-");
  if (!d.last_error.empty()) {
    ctx.out << "  " << ctx.tr(d.last_error);
  }
  ctx.out << '\n';
}

core::Result<cli::ServiceSet*> open(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
  }
  return services;
}

void print_list(const std::vector<core::Delivery>& list, bool json, CliContext& ctx) {
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& d : list) {
      arr.push_back(to_json(d));
    }
    ctx.out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& d : list) {
    print(d, ctx);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.alerts.count")), list.size()) << '\n';
}

void run_list(const AlertsArgs& a, CliContext& ctx) {
  auto s = open(ctx);
  if (!s) {
    return;
  }
  storage::DeliveryFilter f;
  f.state = core::parse_delivery_state(a.state);
  f.kind = core::parse_delivery_kind(a.kind);
  if (a.signal > 0) {
    f.signal = a.signal;
  }
  f.limit = a.limit;
  auto list = (*s)->deliveries.list((*s)->operator_org, f);
  if (!list) {
    ctx.fail(list.error());
    return;
  }
  print_list(*list, a.json, ctx);
}

void run_show(const AlertsArgs& a, CliContext& ctx) {
  auto s = open(ctx);
  if (!s) {
    return;
  }
  auto d = (*s)->deliveries.get(a.id);
  auto attempts = (*s)->deliveries.attempts_of(a.id);
  if (!d || !attempts) {
    ctx.fail(!d ? d.error() : attempts.error());
    return;
  }
  if (a.json) {
    auto j = to_json(*d);
    j["attempt_log"] = nlohmann::json::array();
    for (const auto& t : *attempts) {
      j["attempt_log"].push_back({{"number", t.number},
                                  {"at", core::format_iso8601(t.at)},
                                  {"outcome", t.outcome},
                                  {"code", t.code},
                                  {"reason", t.reason},
                                  {"detail", t.detail}});
    }
    ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  print(*d, ctx);
  for (const auto& t : *attempts) {
    ctx.out << fmt::format("  {:>2}. {}  {:<9}  {}  {}  {}\n", t.number, core::format_iso8601(t.at),
                           t.outcome, t.code, t.reason.empty() ? "" : ctx.tr(t.reason), t.detail);
  }
}

void run_send(const AlertsArgs& a, CliContext& ctx) {
  auto s = open(ctx);
  if (!s) {
    return;
  }
  storage::DeliveryFilter f;
  f.signal = a.signal;
  f.limit = 1000;
  auto before = (*s)->deliveries.list((*s)->operator_org, f);
  if (!before) {
    ctx.fail(before.error());
    return;
  }
  if (before->empty()) {
    ctx.fail({core::ErrorCode::NotFound, "cli.alerts.no_deliveries",
              fmt::format("cli: signal {} has no deliveries", a.signal)});
    return;
  }
  // A pass sends everything that is due, this signal's deliveries among them.
  auto r = (*s)->deliveries.run_pass();
  if (!r) {
    ctx.fail(r.error());
    return;
  }
  auto after = (*s)->deliveries.list((*s)->operator_org, f);
  if (!after) {
    ctx.fail(after.error());
    return;
  }
  print_list(*after, a.json, ctx);
}

void run_retry(const AlertsArgs& a, CliContext& ctx) {
  auto s = open(ctx);
  if (!s) {
    return;
  }
  if (auto st = (*s)->deliveries.retry(a.id); !st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.alerts.requeued")), a.id) << '\n';
}

}  // namespace

void add_alerts_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<AlertsArgs>();
  CLI::App* cmd = app.add_subcommand("alerts", ctx.tr("cli.alerts.help"));
  cmd->require_subcommand(1);
  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.alerts.list.help"));
  list->add_option("--state", a->state, ctx.tr("cli.alerts.state"))
      ->check(CLI::IsMember({"pending", "sending", "sent", "failed", "cancelled"}));
  list->add_option("--kind", a->kind, ctx.tr("cli.alerts.kind"))
      ->check(CLI::IsMember({"alert", "digest"}));
  list->add_option("--signal", a->signal, ctx.tr("cli.alerts.signal"));
  list->add_option("--limit", a->limit, ctx.tr("cli.alerts.limit"))->check(CLI::Range(1, 10000));
  list->add_flag("--json", a->json, ctx.tr("cli.alerts.json"));
  list->callback([a, &ctx] { run_list(*a, ctx); });

  CLI::App* show = cmd->add_subcommand("show", ctx.tr("cli.alerts.show.help"));
  show->add_option("id", a->id, ctx.tr("cli.alerts.id"))->required();
  show->add_flag("--json", a->json, ctx.tr("cli.alerts.json"));
  show->callback([a, &ctx] { run_show(*a, ctx); });

  CLI::App* send = cmd->add_subcommand("send", ctx.tr("cli.alerts.send.help"));
  send->add_option("signal", a->signal, ctx.tr("cli.alerts.signal"))->required();
  send->add_flag("--json", a->json, ctx.tr("cli.alerts.json"));
  send->callback([a, &ctx] { run_send(*a, ctx); });

  CLI::App* retry = cmd->add_subcommand("retry", ctx.tr("cli.alerts.retry.help"));
  retry->add_option("id", a->id, ctx.tr("cli.alerts.id"))->required();
  retry->callback([a, &ctx] { run_retry(*a, ctx); });
}

}  // namespace vigie::cli
