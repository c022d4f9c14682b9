// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie ingest [--source NAME] FILE...`: stores the items of local feed files exactly as if
// they had been fetched (same parsing, same identity rules, same index).
#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
#include "service/bulk_ingest.h"
#include "service/index_sync.h"
#include "service/ingest_service.h"
#include "service/source_service.h"
#include "service/story_service.h"

namespace vigie::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> files;
  std::string source;
};

struct Totals {
  std::size_t files = 0;
  std::size_t entries = 0;
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
};

// Reads a file and finds (or creates) its source; false after reporting why it cannot be.
bool load(const std::string& path, const IngestArgs& args, ServiceSet& s, CliContext& ctx,
          service::BulkDocument& out) {
  auto bytes = read_file(path);
  if (!bytes) {
    ctx.fail(bytes.error());
    return false;
  }
  std::error_code ec;
  const std::string url = "file://" + std::filesystem::absolute(path, ec).string();
  auto source = args.source.empty() ? s.sources.local_source(url, url)
                                    : s.sources.local_source(args.source, "local:" + args.source);
  if (!source) {
    ctx.fail(source.error());
    return false;
  }
  out.bytes = std::move(*bytes);
  out.source = std::move(*source);
  return true;
}

void run_ingest(const IngestArgs& args, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  ServiceSet& s = **services;
  Totals totals;
  // Files are prepared (parsing and text work, the CPU-bound half) on every core, stored one
  // transaction per file in order on this thread, and indexed on a thread of their own as
  // they are stored (service::BulkIngest).
  const unsigned width = std::max(2U, std::thread::hardware_concurrency());
  service::BulkIngest bulk(s.ingest, s.index, width);
  std::size_t next_file = 0;
  std::vector<std::string> paths;  // parallel to the documents handed to `bulk`, in order
  std::size_t reported = 0;
  const auto next = [&]() -> std::optional<service::BulkDocument> {
    while (next_file < args.files.size()) {
      const std::string& path = args.files[next_file++];
      service::BulkDocument document;
      if (load(path, args, s, ctx, document)) {
        paths.push_back(path);
        return document;
      }
    }
    return std::nullopt;
  };
  const auto stored = [&](const service::BulkDocument&,
                          core::Result<service::IngestReport> report) {
    const std::string& path = paths[reported++];
    if (!report) {
      ctx.err << "vigie: " << path << ": ";
      ctx.fail(report.error());
      return;
    }
    ++totals.files;
    totals.entries += report->entries;
    totals.inserted += report->stats.inserted;
    totals.updated += report->stats.updated;
    totals.unchanged += report->stats.unchanged;
    if (report->bozo) {
      ctx.err << fmt::format(fmt::runtime(ctx.tr("cli.ingest.bozo")), path,
                             report->bozo_reason.value_or(""))
              << '\n';
    }
  };
  // The index log makes this crash-safe: what is stored and not yet indexed is indexed by the
  // next catch-up.
  if (auto st = bulk.run(next, stored); !st) {
    ctx.fail(st.error());
  }
  // Then the new items join their stories (crash-safe too: pending items wait for the next run).
  if (auto st = s.stories.assign_pending(); !st) {
    ctx.fail(st.error());
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.ingest.summary")), totals.files, totals.entries,
                         totals.inserted, totals.updated, totals.unchanged)
          << '\n';
}

}  // namespace

void add_ingest_command(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", ctx.tr("cli.ingest.help"));
  cmd->add_option("files", args->files, ctx.tr("cli.ingest.files"))->required();
  cmd->add_option("--source", args->source, ctx.tr("cli.ingest.source"));
  cmd->callback([args, &ctx] { run_ingest(*args, ctx); });
}

}  // namespace vigie::cli
