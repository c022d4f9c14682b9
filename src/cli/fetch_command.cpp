// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie fetch [--source ID|URL]`: one collection pass over the due sources (or one source,
// forced), then a summary a person can read, with each failure's reason in their language.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/refresh_service.h"
#include "service/source_service.h"

namespace vigie::cli {

void print_refresh_report(const service::RefreshReport& r, CliContext& ctx) {
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.fetch.summary")), r.sources, r.changed,
                         r.not_modified, r.failed, r.new_items, r.wire_bytes)
          << '\n';
  for (const auto& f : r.failures) {
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.fetch.failed_source")), f.source.title,
                           ctx.tr(f.error.reason))
            << '\n';
  }
}

namespace {

struct FetchArgs {
  std::string source;
  bool all = false;
};

void run_fetch(const FetchArgs& a, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  ServiceSet& s = **services;
  core::Result<service::RefreshReport> report = service::RefreshReport{};
  if (a.all) {
    auto sources = s.sources.list();
    if (!sources) {
      ctx.fail(sources.error());
      return;
    }
    std::vector<core::Source> feeds;
    for (auto& src : *sources) {
      if (src.kind == core::SourceKind::Feed && src.enabled) {
        feeds.push_back(std::move(src));
      }
    }
    report = s.refresh.refresh(std::move(feeds));
  } else if (a.source.empty()) {
    report = s.refresh.run_due();
  } else {
    auto src = s.sources.find(a.source);
    if (!src) {
      ctx.fail(src.error());
      return;
    }
    report = s.refresh.refresh({*src});
  }
  if (!report) {
    ctx.fail(report.error());
    return;
  }
  print_refresh_report(*report, ctx);
}

}  // namespace

void add_fetch_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<FetchArgs>();
  CLI::App* cmd = app.add_subcommand("fetch", ctx.tr("cli.fetch.help"));
  cmd->add_option("--source", a->source, ctx.tr("cli.fetch.source"));
  cmd->add_flag("--all", a->all, ctx.tr("cli.fetch.all"))->excludes("--source");
  cmd->callback([a, &ctx] { run_fetch(*a, ctx); });
}

}  // namespace vigie::cli
