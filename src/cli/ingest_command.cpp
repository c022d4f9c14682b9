// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie ingest [--source NAME] FILE...`: stores the items of local feed files exactly as if
// they had been fetched (same parsing, same identity rules, same index).
#include <algorithm>
#include <filesystem>
#include <future>
#include <memory>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "cli/commands.h"
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

// One file on its way: its source, its bytes, then its prepared items.
struct Job {
  std::string path;
  core::Source source;
  std::string bytes;
  core::Result<service::PreparedDocument> prepared = tl::unexpected(core::Error{});
};

bool load(Job& job, const IngestArgs& args, ServiceSet& s, CliContext& ctx) {
  auto bytes = read_file(job.path);
  if (!bytes) {
    ctx.fail(bytes.error());
    return false;
  }
  job.bytes = std::move(*bytes);
  std::error_code ec;
  const std::string url = "file://" + std::filesystem::absolute(job.path, ec).string();
  auto source = args.source.empty() ? s.sources.local_source(url, url)
                                    : s.sources.local_source(args.source, "local:" + args.source);
  if (!source) {
    ctx.fail(source.error());
    return false;
  }
  job.source = std::move(*source);
  return true;
}

void store(Job& job, ServiceSet& s, CliContext& ctx, Totals& totals) {
  if (!job.prepared) {
    ctx.err << "vigie: " << job.path << ": ";
    ctx.fail(job.prepared.error());
    return;
  }
  const bool bozo = job.prepared->report.bozo;
  const std::string bozo_reason = job.prepared->report.bozo_reason.value_or("");
  auto report = s.ingest.store(std::move(*job.prepared));
  if (!report) {
    ctx.fail(report.error());
    return;
  }
  ++totals.files;
  totals.entries += report->entries;
  totals.inserted += report->stats.inserted;
  totals.updated += report->stats.updated;
  totals.unchanged += report->stats.unchanged;
  if (bozo) {
    ctx.err << fmt::format(fmt::runtime(ctx.tr("cli.ingest.bozo")), job.path, bozo_reason) << '\n';
  }
}

void run_ingest(const IngestArgs& args, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  ServiceSet& s = **services;
  Totals totals;
  // Parsing and text work (the CPU-bound half) runs on every core, a chunk of files at a
  // time; the store writes one transaction per file, in order, on this thread.
  const std::size_t width = std::max(2U, std::thread::hardware_concurrency());
  for (std::size_t start = 0; start < args.files.size(); start += width) {
    std::vector<Job> jobs;
    for (std::size_t i = start; i < std::min(args.files.size(), start + width); ++i) {
      Job job{args.files[i], {}, {}};
      if (load(job, args, s, ctx)) {
        jobs.push_back(std::move(job));
      }
    }
    std::vector<std::future<void>> running;
    for (auto& job : jobs) {
      running.push_back(std::async(std::launch::async, [&job, &s] {
        job.prepared = s.ingest.prepare(job.source, job.bytes, {});
      }));
    }
    for (auto& r : running) {
      r.get();
    }
    for (auto& job : jobs) {
      store(job, s, ctx, totals);
    }
  }
  // One index commit for the whole batch: the index log makes this crash-safe.
  if (auto st = s.index.catch_up(); !st) {
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
