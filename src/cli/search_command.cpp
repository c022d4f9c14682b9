// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie search QUERY [--json] [--limit N] [--sort relevance|date]`.
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/search_service.h"

namespace vigie::cli {
namespace {

struct SearchArgs {
  std::vector<std::string> words;
  bool json = false;
  std::size_t limit = 20;
  std::string sort = "relevance";
};

void print_json(const service::SearchPage& page, CliContext& ctx) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : page.results) {
    const auto& it = r.item;
    results.push_back({
        {"id", it.id},
        {"title", it.title},
        {"url", it.url},
        {"source", r.source_title},
        {"published", it.published_at ? nlohmann::json(core::format_iso8601(*it.published_at))
                                      : nlohmann::json(nullptr)},
        {"lang", it.lang},
        {"score", r.score},
        {"title_html", r.title_html},
        {"snippet_html", r.snippet_html},
    });
  }
  nlohmann::json doc = {
      {"query", page.understood}, {"total", page.estimated_total}, {"results", std::move(results)}};
  if (page.ranked_from_id != 0) {
    doc["ranked_from_id"] = page.ranked_from_id;  // newest matches ranked first (search_service.h)
  }
  ctx.out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void print_text(const service::SearchPage& page, CliContext& ctx) {
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.search.summary")), page.estimated_total,
                         page.understood)
          << "\n\n";
  std::size_t n = 0;
  for (const auto& r : page.results) {
    const auto& it = r.item;
    ctx.out << fmt::format(
        "{:>2}. {}\n", ++n,
        html_to_terminal(r.title_html.empty() ? it.title : r.title_html, ctx.terminal));
    ctx.out << fmt::format(
        "    {} · {} · {}\n", r.source_title,
        it.published_at ? core::format_iso8601(*it.published_at).substr(0, 10) : "-", it.lang);
    if (!r.snippet_html.empty()) {
      ctx.out << "    " << html_to_terminal(r.snippet_html, ctx.terminal) << '\n';
    }
    if (!it.url.empty()) {
      ctx.out << "    " << it.url << '\n';
    }
    ctx.out << '\n';
  }
}

void run_search(const SearchArgs& a, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  std::string query;
  for (const auto& w : a.words) {
    query += (query.empty() ? "" : " ") + w;
  }
  service::SearchOptions opts;
  opts.limit = a.limit;
  opts.by_date = a.sort == "date";
  auto page = (*services)->search.search(query, opts);
  if (!page) {
    ctx.fail(page.error());
    return;
  }
  if (a.json) {
    print_json(*page, ctx);
  } else {
    print_text(*page, ctx);
  }
}

}  // namespace

void add_search_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", ctx.tr("cli.search.help"));
  cmd->add_option("query", a->words, ctx.tr("cli.search.query"))->required();
  cmd->add_flag("--json", a->json, ctx.tr("cli.search.json"));
  cmd->add_option("--limit", a->limit, ctx.tr("cli.search.limit"))->check(CLI::Range(1, 1000));
  cmd->add_option("--sort", a->sort, ctx.tr("cli.search.sort"))
      ->check(CLI::IsMember({"relevance", "date"}));
  cmd->callback([a, &ctx] { run_search(*a, ctx); });
}

}  // namespace vigie::cli
