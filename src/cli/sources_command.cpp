// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie sources add|import|export|list|remove|status`.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/source_service.h"

namespace vigie::cli {
namespace {

struct SourcesArgs {
  std::string url;
  std::string title;
  std::vector<std::string> tags;
  std::string country;
  std::string language;
  std::string file;
  std::string key;
};

service::SourceService* open_sources(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return nullptr;
  }
  return &(*services)->sources;
}

std::string when(const std::optional<core::Timestamp>& t, CliContext& ctx) {
  return t ? core::format_iso8601(*t) : ctx.tr("cli.sources.never");
}

void run_add(const SourcesArgs& a, CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  service::AddSourceRequest req;
  req.url = a.url;
  req.title = a.title;
  req.tags = a.tags;
  if (!a.country.empty()) {
    req.country = a.country;
  }
  if (!a.language.empty()) {
    req.language = a.language;
  }
  auto added = svc->add(req);
  if (!added) {
    ctx.fail(added.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.sources.added")), added->id, added->url) << '\n';
}

void run_import(const SourcesArgs& a, CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  auto bytes = read_file(a.file);
  if (!bytes) {
    ctx.fail(bytes.error());
    return;
  }
  auto report = svc->import_opml(*bytes);
  if (!report) {
    ctx.fail(report.error());
    return;
  }
  for (const auto& r : report->refused) {
    ctx.err << fmt::format(fmt::runtime(ctx.tr("cli.sources.refused")), r) << '\n';
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.sources.imported")), report->added,
                         report->already_present, report->refused.size())
          << '\n';
}

void run_export(const SourcesArgs& a, CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  auto opml = svc->export_opml(ctx.tr("cli.sources.export_title"));
  if (!opml) {
    ctx.fail(opml.error());
    return;
  }
  ctx.write_output(a.file, *opml);
}

void run_list(CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  auto all = svc->list();
  if (!all) {
    ctx.fail(all.error());
    return;
  }
  for (const auto& s : *all) {
    std::string tags;
    for (const auto& t : s.tags) {
      tags += (tags.empty() ? "" : ", ") + t;
    }
    ctx.out << fmt::format("{:>4}  {}  {}{}\n", s.id, s.title, s.url,
                           tags.empty() ? "" : "  [" + tags + "]");
  }
}

void run_remove(const SourcesArgs& a, CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  if (auto st = svc->remove(a.key); !st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.sources.removed")), a.key) << '\n';
}

// The health of each source, as a person reads it: last success, last error in their
// language, failures in a row, next check.
void run_status(CliContext& ctx) {
  auto* svc = open_sources(ctx);
  if (svc == nullptr) {
    return;
  }
  auto all = svc->list();
  if (!all) {
    ctx.fail(all.error());
    return;
  }
  for (const auto& s : *all) {
    const auto& h = s.health;
    ctx.out << fmt::format("{:>4}  {}\n", s.id, s.title);
    ctx.out << fmt::format("      {}: {}   {}: {}\n", ctx.tr("cli.sources.last_success"),
                           when(h.last_success_at, ctx), ctx.tr("cli.sources.next_check"),
                           core::format_iso8601(h.next_check_at));
    if (h.last_error_reason) {
      ctx.out << fmt::format("      {}: {} ({} {})\n", ctx.tr("cli.sources.last_error"),
                             ctx.tr(*h.last_error_reason), h.consecutive_failures,
                             ctx.tr("cli.sources.failures_in_a_row"));
    }
  }
}

}  // namespace

void add_sources_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<SourcesArgs>();
  CLI::App* cmd = app.add_subcommand("sources", ctx.tr("cli.sources.help"));
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand("add", ctx.tr("cli.sources.add.help"));
  add->add_option("url", a->url, ctx.tr("cli.sources.url"))->required();
  add->add_option("--title", a->title, ctx.tr("cli.sources.title"));
  add->add_option("--tag", a->tags, ctx.tr("cli.sources.tag"));
  add->add_option("--country", a->country, ctx.tr("cli.sources.country"));
  add->add_option("--lang", a->language, ctx.tr("cli.sources.lang"));
  add->callback([a, &ctx] { run_add(*a, ctx); });

  CLI::App* imp = cmd->add_subcommand("import", ctx.tr("cli.sources.import.help"));
  imp->add_option("file", a->file, ctx.tr("cli.sources.opml_file"))->required();
  imp->callback([a, &ctx] { run_import(*a, ctx); });

  CLI::App* exp = cmd->add_subcommand("export", ctx.tr("cli.sources.export.help"));
  exp->add_option("file", a->file, ctx.tr("cli.sources.opml_out"));
  exp->callback([a, &ctx] { run_export(*a, ctx); });

  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.sources.list.help"));
  list->callback([&ctx] { run_list(ctx); });

  CLI::App* rm = cmd->add_subcommand("remove", ctx.tr("cli.sources.remove.help"));
  rm->add_option("source", a->key, ctx.tr("cli.sources.key"))->required();
  rm->callback([a, &ctx] { run_remove(*a, ctx); });

  CLI::App* status = cmd->add_subcommand("status", ctx.tr("cli.sources.status.help"));
  status->callback([&ctx] { run_status(ctx); });
}

}  // namespace vigie::cli
