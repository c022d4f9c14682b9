// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie feed TOPIC --format atom|rss|json [--token T | --user EMAIL] [--url]`: prints a
// topic's feed, byte for byte what `vigie serve` answers at /feeds/topics/ID.FORMAT (the same
// service renders both), or, with --url, the feed's address (a subscriber's secret one with
// --user).
#include <ostream>

#include "cli/commands.h"
#include "core/try.h"
#include "publish/feed_writer.h"
#include "service/feed_service.h"
#include "service/people_service.h"
#include "service/topic_service.h"

namespace vigie::cli {
namespace {

struct FeedArgs {
  std::string topic;  // id or name
  std::string format = "atom";
  std::string token;
  std::string user;  // email
  bool url = false;
};

core::Status run_feed(const FeedArgs& a, CliContext& ctx) {
  const auto format = publish::parse_feed_format(a.format);
  if (!format) {
    return core::make_error(core::ErrorCode::InvalidInput, "cli.feed.bad_format",
                            "cli: unknown feed format " + a.format);
  }
  VIGIE_TRY_ASSIGN(ServiceSet * s, ctx.provider.open());
  VIGIE_TRY_ASSIGN(core::Topic topic, s->topics.find(a.topic));
  std::string token = a.token;
  if (!a.user.empty()) {
    VIGIE_TRY_ASSIGN(service::UserView user, s->people.get_user(a.user));
    VIGIE_TRY_ASSIGN(token, s->feeds.token_for(topic.id, user.user.id));
  }
  if (a.url) {
    // Checks the token as the server would, so a URL printed here works.
    VIGIE_TRY(s->feeds.render(topic.id, *format, token));
    ctx.out << s->feeds.feed_url(topic.id, *format, token) << '\n';
    return {};
  }
  VIGIE_TRY_ASSIGN(service::RenderedFeed feed, s->feeds.render(topic.id, *format, token));
  ctx.out << feed.body;
  return {};
}

}  // namespace

void add_feed_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<FeedArgs>();
  CLI::App* cmd = app.add_subcommand("feed", ctx.tr("cli.feed.help"));
  cmd->add_option("topic", args->topic, ctx.tr("cli.feed.topic"))->required();
  cmd->add_option("--format", args->format, ctx.tr("cli.feed.format"))
      ->check(CLI::IsMember({"atom", "rss", "json"}));
  auto* token = cmd->add_option("--token", args->token, ctx.tr("cli.feed.token"));
  cmd->add_option("--user", args->user, ctx.tr("cli.feed.user"))->excludes(token);
  cmd->add_flag("--url", args->url, ctx.tr("cli.feed.url"));
  cmd->callback([args, &ctx] {
    if (auto st = run_feed(*args, ctx); !st) {
      ctx.fail(st.error());
    }
  });
}

}  // namespace vigie::cli
