// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie stories list [--limit N] [--json]` and `vigie stories show ID [--json]`: one story,
// many sources (service::StoryService).
#include <memory>
#include <ostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/story_service.h"

namespace vigie::cli {
namespace {

struct ListArgs {
  std::size_t limit = 20;
  bool json = false;
};

struct ShowArgs {
  core::StoryId id = 0;
  bool json = false;
};

std::string day(core::Timestamp t) {
  return core::format_iso8601(t).substr(0, 10);
}

nlohmann::json time_json(const std::optional<core::Timestamp>& t) {
  return t ? nlohmann::json(core::format_iso8601(*t)) : nlohmann::json(nullptr);
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    out += (out.empty() ? "" : ", ") + p;
  }
  return out;
}

void dump(const nlohmann::json& doc, CliContext& ctx) {
  ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void run_list(const ListArgs& a, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  ServiceSet& s = **services;
  auto total = s.stories.count(s.operator_org);
  auto stories = s.stories.list(s.operator_org, a.limit);
  if (!total || !stories) {
    ctx.fail(!total ? total.error() : stories.error());
    return;
  }
  if (a.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& st : *stories) {
      list.push_back({{"id", st.story.id},
                      {"title", st.story.title},
                      {"first_seen", core::format_iso8601(st.story.first_seen_at)},
                      {"last_seen", core::format_iso8601(st.story.last_seen_at)},
                      {"first_item", st.story.first_item_id},
                      {"items", st.story.item_count},
                      {"sources", st.sources}});
    }
    dump({{"total", *total}, {"stories", std::move(list)}}, ctx);
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.stories.list.summary")), *total, stories->size())
          << "\n\n";
  for (const auto& st : *stories) {
    ctx.out << fmt::format("{:>6}  {}  {}\n", st.story.id, day(st.story.first_seen_at),
                           st.story.title);
    ctx.out << fmt::format("        {}\n",
                           fmt::format(fmt::runtime(ctx.tr("cli.stories.list.sources")),
                                       st.story.item_count, st.sources.size(), joined(st.sources)));
  }
}

void run_show(const ShowArgs& a, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  ServiceSet& s = **services;
  auto detail = s.stories.show(s.operator_org, a.id);
  if (!detail) {
    ctx.fail(detail.error());
    return;
  }
  const core::Story& st = detail->story;
  std::set<std::string> sources;
  for (const auto& m : detail->members) {
    sources.insert(m.source_title);
  }
  if (a.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& m : detail->members) {
      items.push_back({{"id", m.item.id},
                       {"title", m.item.title},
                       {"url", m.item.url},
                       {"source", m.source_title},
                       {"published", time_json(m.item.published_at)},
                       {"fetched", core::format_iso8601(m.item.fetched_at)},
                       {"lang", m.item.lang},
                       {"first_appearance", m.item.id == st.first_item_id}});
    }
    dump({{"id", st.id},
          {"title", st.title},
          {"first_seen", core::format_iso8601(st.first_seen_at)},
          {"last_seen", core::format_iso8601(st.last_seen_at)},
          {"first_item", st.first_item_id},
          {"item_count", st.item_count},
          {"source_count", sources.size()},
          {"items", std::move(items)}},
         ctx);
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.stories.show.title")), st.id, st.title) << '\n';
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.stories.show.summary")), st.item_count,
                         sources.size(), day(st.first_seen_at), day(st.last_seen_at))
          << "\n\n";
  std::size_t n = 0;
  for (const auto& m : detail->members) {
    const std::string when = day(m.item.published_at.value_or(m.item.fetched_at));
    ctx.out << fmt::format("{:>2}. {}  {}", ++n, when, m.source_title);
    if (m.item.id == st.first_item_id) {
      ctx.out << "  [" << ctx.tr("cli.stories.show.first") << ']';
    }
    ctx.out << '\n' << "    " << m.item.title << " (" << m.item.lang << ")\n";
    if (!m.item.url.empty()) {
      ctx.out << "    " << m.item.url << '\n';
    }
  }
}

}  // namespace

void add_stories_command(CLI::App& app, CliContext& ctx) {
  CLI::App* cmd = app.add_subcommand("stories", ctx.tr("cli.stories.help"));
  cmd->require_subcommand(1);

  auto l = std::make_shared<ListArgs>();
  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.stories.list.help"));
  list->add_option("--limit", l->limit, ctx.tr("cli.stories.limit"))->check(CLI::Range(1, 10000));
  list->add_flag("--json", l->json, ctx.tr("cli.stories.json"));
  list->callback([l, &ctx] { run_list(*l, ctx); });

  auto sh = std::make_shared<ShowArgs>();
  CLI::App* show = cmd->add_subcommand("show", ctx.tr("cli.stories.show.help"));
  show->add_option("id", sh->id, ctx.tr("cli.stories.id"))->required();
  show->add_flag("--json", sh->json, ctx.tr("cli.stories.json"));
  show->callback([sh, &ctx] { run_show(*sh, ctx); });
}

}  // namespace vigie::cli
