// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie subscriptions add|list|show|remove`: who follows which topic, by which channel and
// at which rhythm. `show` prints a webhook's signing secret and the unsubscribe link.
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/subscription_service.h"

namespace vigie::cli {
namespace {

struct SubscriptionArgs {
  std::string email;
  std::string topic;
  std::string channel = "email";
  std::string rhythm = "weekly";
  std::string url;
  core::SubscriptionId id = 0;
  bool json = false;
};

service::SubscriptionService* open_subscriptions(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return nullptr;
  }
  return &(*services)->subscriptions;
}

nlohmann::json to_json(const service::SubscriptionView& v) {
  const auto& s = v.subscription;
  return {
      {"id", s.id},
      {"user", v.user.email},
      {"topic", v.topic.name},
      {"topic_id", v.topic.id},
      {"channel", core::to_string(s.channel)},
      {"rhythm", core::to_string(s.rhythm)},
      {"webhook_url",
       s.webhook_url.empty() ? nlohmann::json(nullptr) : nlohmann::json(s.webhook_url)},
      {"created_at", core::format_iso8601(s.created_at)},
      {"digest_through", s.digest_through ? nlohmann::json(core::format_iso8601(*s.digest_through))
                                          : nlohmann::json(nullptr)}};
}

void print(const service::SubscriptionView& v, CliContext& ctx) {
  const auto& s = v.subscription;
  ctx.out << fmt::format("{:>5}  {}  {}  {}  {}{}\n", s.id, v.user.email, v.topic.name,
                         ctx.tr(fmt::format("cli.subscriptions.channel.{}", to_string(s.channel))),
                         ctx.tr(fmt::format("cli.subscriptions.rhythm.{}", to_string(s.rhythm))),
                         s.webhook_url.empty() ? "" : "  " + s.webhook_url);
}

void run_add(const SubscriptionArgs& a, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  service::SubscribeRequest req;
  req.email = a.email;
  req.topic = a.topic;
  req.channel = core::parse_channel(a.channel).value_or(core::Channel::Email);
  req.rhythm = core::parse_rhythm(a.rhythm).value_or(core::Rhythm::Weekly);
  req.webhook_url = a.url;
  auto v = svc->subscribe(req);
  if (!v) {
    ctx.fail(v.error());
    return;
  }
  if (a.json) {
    ctx.out << to_json(*v).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.subscriptions.added")), v->subscription.id)
          << '\n';
  print(*v, ctx);
}

void run_list(const SubscriptionArgs& a, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  auto list = svc->list(a.email, a.topic);
  if (!list) {
    ctx.fail(list.error());
    return;
  }
  if (a.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& v : *list) {
      arr.push_back(to_json(v));
    }
    ctx.out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& v : *list) {
    print(v, ctx);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.subscriptions.count")), list->size()) << '\n';
}

void run_show(const SubscriptionArgs& a, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  auto v = svc->get(a.id);
  if (!v) {
    ctx.fail(v.error());
    return;
  }
  const auto& s = v->subscription;
  const std::string token =
      s.rhythm == core::Rhythm::Immediate
          ? svc->alert_unsubscribe_token(s.id)
          : svc->digest_unsubscribe_token(s.user_id, s.rhythm, s.channel, s.webhook_url);
  if (a.json) {
    auto j = to_json(*v);
    j["unsubscribe_token"] = token;
    if (s.channel == core::Channel::Webhook) {
      j["webhook_secret"] = svc->webhook_secret(s.id);
    }
    ctx.out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  print(*v, ctx);
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.subscriptions.unsubscribe_token")), token)
          << '\n';
  if (s.channel == core::Channel::Webhook) {
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.subscriptions.webhook_secret")),
                           svc->webhook_secret(s.id))
            << '\n';
  }
}

void run_remove(const SubscriptionArgs& a, CliContext& ctx) {
  auto* svc = open_subscriptions(ctx);
  if (svc == nullptr) {
    return;
  }
  if (auto st = svc->unsubscribe(a.id); !st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.subscriptions.removed")), a.id) << '\n';
}

}  // namespace

void add_subscriptions_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<SubscriptionArgs>();
  CLI::App* cmd = app.add_subcommand("subscriptions", ctx.tr("cli.subscriptions.help"));
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand("add", ctx.tr("cli.subscriptions.add.help"));
  add->add_option("email", a->email, ctx.tr("cli.subscriptions.email"))->required();
  add->add_option("topic", a->topic, ctx.tr("cli.subscriptions.topic"))->required();
  add->add_option("--channel", a->channel, ctx.tr("cli.subscriptions.channel"))
      ->check(CLI::IsMember({"email", "webhook"}));
  add->add_option("--rhythm", a->rhythm, ctx.tr("cli.subscriptions.rhythm"))
      ->check(CLI::IsMember({"immediate", "daily", "weekly"}));
  add->add_option("--url", a->url, ctx.tr("cli.subscriptions.url"));
  add->add_flag("--json", a->json, ctx.tr("cli.subscriptions.json"));
  add->callback([a, &ctx] { run_add(*a, ctx); });

  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.subscriptions.list.help"));
  list->add_option("--user", a->email, ctx.tr("cli.subscriptions.email"));
  list->add_option("--topic", a->topic, ctx.tr("cli.subscriptions.topic"));
  list->add_flag("--json", a->json, ctx.tr("cli.subscriptions.json"));
  list->callback([a, &ctx] { run_list(*a, ctx); });

  CLI::App* show = cmd->add_subcommand("show", ctx.tr("cli.subscriptions.show.help"));
  show->add_option("id", a->id, ctx.tr("cli.subscriptions.id"))->required();
  show->add_flag("--json", a->json, ctx.tr("cli.subscriptions.json"));
  show->callback([a, &ctx] { run_show(*a, ctx); });

  CLI::App* remove = cmd->add_subcommand("remove", ctx.tr("cli.subscriptions.remove.help"));
  remove->add_option("id", a->id, ctx.tr("cli.subscriptions.id"))->required();
  remove->callback([a, &ctx] { run_remove(*a, ctx); });
}

}  // namespace vigie::cli
