// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie signals list [--state S] [--kind K] [--limit N] [--json]`: what needs review.
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/topic_service.h"
#include "storage/store.h"

namespace vigie::cli {
namespace {

struct SignalsArgs {
  std::string state;
  std::string kind;
  std::size_t limit = 50;
  bool json = false;
};

nlohmann::json opt(const std::optional<std::int64_t>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

void run_list(const SignalsArgs& a, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  storage::SignalFilter filter;
  filter.state = core::parse_signal_state(a.state);
  if (!a.kind.empty()) {
    filter.kind = a.kind;
  }
  filter.limit = a.limit;
  auto signals = (*services)->topics.signals(filter);
  if (!signals) {
    ctx.fail(signals.error());
    return;
  }
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *signals) {
      out.push_back({{"id", s.id},
                     {"kind", s.kind},
                     {"severity", core::to_string(s.severity)},
                     {"audience", core::to_string(s.audience)},
                     {"state", core::to_string(s.state)},
                     {"topic_id", opt(s.topic_id)},
                     {"item_id", opt(s.item_id)},
                     {"story_id", opt(s.story_id)},
                     {"title", s.title},
                     {"created_at", core::format_iso8601(s.created_at)}});
    }
    ctx.out << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& s : *signals) {
    ctx.out << fmt::format("{:>5}  {}  {:<8}  {:<10}  {}  {}\n", s.id,
                           core::format_iso8601(s.created_at).substr(0, 16),
                           ctx.value_label("priority", core::to_string(s.severity)),
                           ctx.value_label("signal_state", core::to_string(s.state)),
                           ctx.value_label("signal_kind", s.kind), s.title);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.signals.count")), signals->size()) << '\n';
}

}  // namespace

void add_signals_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<SignalsArgs>();
  CLI::App* signals = app.add_subcommand("signals", ctx.tr("cli.signals.help"));
  signals->require_subcommand(1);
  CLI::App* list = signals->add_subcommand("list", ctx.tr("cli.signals.list.help"));
  list->add_option("--state", a->state, ctx.tr("cli.signals.state"))
      ->check(CLI::IsMember({"new", "reviewed", "dispatched", "closed"}));
  list->add_option("--kind", a->kind, ctx.tr("cli.signals.kind"));
  list->add_option("--limit", a->limit, ctx.tr("cli.signals.limit"))->check(CLI::Range(1, 1000));
  list->add_flag("--json", a->json, ctx.tr("cli.signals.json"));
  list->callback([a, &ctx] { run_list(*a, ctx); });
}

}  // namespace vigie::cli
