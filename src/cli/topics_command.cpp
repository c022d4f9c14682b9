// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie topics add|edit|list|show|remove|test|import|export`: the watch topics.
#include <iostream>
#include <memory>
#include <ostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/topic_service.h"
#include "storage/store.h"

namespace vigie::cli {
namespace {

struct TopicsArgs {
  std::string target;  // id or name
  std::string name;
  std::vector<std::string> query;
  std::string query_option;
  std::string description;
  std::vector<std::string> languages;
  std::vector<std::string> variants;  // "en=cotton"
  bool clear_variants = false;
  std::string priority;
  std::string audience;
  bool disabled = false;
  bool enable = false;
  bool disable = false;
  std::size_t limit = 20;
  std::string file;
  bool json = false;
};

service::TopicService* open_topics(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return nullptr;
  }
  return &(*services)->topics;
}

std::string joined(const std::vector<std::string>& words, std::string_view sep = " ") {
  std::string out;
  for (const auto& w : words) {
    out += (out.empty() ? "" : std::string(sep)) + w;
  }
  return out;
}

// Fills the topic from the options that were given; false (after reporting) on a bad value.
bool apply(const TopicsArgs& a, core::Topic& t, CliContext& ctx) {
  if (!a.name.empty()) {
    t.name = a.name;
  }
  if (!a.query.empty()) {
    t.query = joined(a.query);
  }
  if (!a.query_option.empty()) {
    t.query = a.query_option;
  }
  if (!a.description.empty()) {
    t.description = a.description;
  }
  if (!a.languages.empty()) {
    t.languages = a.languages;
  }
  if (a.clear_variants) {
    t.variants.clear();
  }
  for (const auto& v : a.variants) {
    const auto eq = v.find('=');
    if (eq == std::string::npos) {
      ctx.fail({core::ErrorCode::InvalidInput, "cli.topics.bad_variant", "cli: " + v});
      return false;
    }
    const std::string lang = v.substr(0, eq);
    std::erase_if(t.variants, [&](const core::TopicVariant& x) { return x.lang == lang; });
    t.variants.push_back({lang, v.substr(eq + 1)});
  }
  if (!a.priority.empty()) {
    t.priority = core::parse_priority(a.priority).value_or(t.priority);
  }
  if (!a.audience.empty()) {
    t.audience = core::parse_audience(a.audience).value_or(t.audience);
  }
  if (a.disabled || a.disable) {
    t.enabled = false;
  }
  if (a.enable) {
    t.enabled = true;
  }
  return true;
}

std::string variants_text(const core::Topic& t) {
  std::vector<std::string> parts;
  for (const auto& v : t.variants) {
    parts.push_back(v.lang + "=" + v.query);
  }
  return joined(parts, "; ");
}

void print_topic(const core::Topic& t, CliContext& ctx) {
  ctx.out << fmt::format("{:>4}  {}\n", t.id, t.name);
  ctx.out << fmt::format("      {}: {}\n", ctx.tr("cli.topics.query_label"), t.query);
  if (!t.description.empty()) {
    ctx.out << fmt::format("      {}: {}\n", ctx.tr("cli.topics.description_label"), t.description);
  }
  ctx.out << fmt::format(
      "      {}: {} · {}: {} · {}: {}{}\n", ctx.tr("cli.topics.priority_label"),
      ctx.value_label("priority", core::to_string(t.priority)), ctx.tr("cli.topics.audience_label"),
      ctx.value_label("audience", core::to_string(t.audience)),
      ctx.tr("cli.topics.languages_label"),
      t.languages.empty() ? ctx.tr("cli.topics.all_languages") : joined(t.languages, ", "),
      t.enabled ? "" : " · " + ctx.tr("cli.topics.disabled"));
  if (!t.variants.empty()) {
    ctx.out << fmt::format("      {}: {}\n", ctx.tr("cli.topics.variants_label"), variants_text(t));
  }
}

void run_add(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  core::Topic t;
  if (!apply(a, t, ctx)) {
    return;
  }
  auto added = svc->add(std::move(t));
  if (!added) {
    ctx.fail(added.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.added")), added->id, added->name) << '\n';
}

void run_edit(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  auto t = svc->find(a.target);
  if (!t) {
    ctx.fail(t.error());
    return;
  }
  if (!apply(a, *t, ctx)) {
    return;
  }
  auto updated = svc->update(std::move(*t));
  if (!updated) {
    ctx.fail(updated.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.updated")), updated->id, updated->name)
          << '\n';
}

void run_list(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  auto all = svc->list();
  if (!all) {
    ctx.fail(all.error());
    return;
  }
  if (a.json) {
    auto text = svc->export_jsonl();
    if (!text) {
      ctx.fail(text.error());
      return;
    }
    ctx.out << *text;
    return;
  }
  for (const auto& t : *all) {
    print_topic(t, ctx);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.count")), all->size()) << '\n';
}

void run_show(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  auto t = svc->find(a.target);
  if (!t) {
    ctx.fail(t.error());
    return;
  }
  print_topic(*t, ctx);
  auto matches = svc->matches(t->id, 0, a.limit);
  if (!matches) {
    ctx.fail(matches.error());
    return;
  }
  ctx.out << '\n'
          << fmt::format(fmt::runtime(ctx.tr("cli.topics.recent_matches")), matches->size())
          << '\n';
  for (const auto& m : *matches) {
    ctx.out << fmt::format("  #{:<6} {:6.2f}  {}  [{}]\n", m.item.id, m.match.score, m.item.title,
                           joined(m.match.matched_terms, ", "));
  }
}

void run_remove(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  auto st = svc->remove(a.target);
  if (!st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.removed")), a.target) << '\n';
}

void run_test(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  core::Topic t;
  if (!a.target.empty()) {
    auto found = svc->find(a.target);
    if (!found) {
      ctx.fail(found.error());
      return;
    }
    t = std::move(*found);
  } else {
    t.name = "test";
  }
  if (!apply(a, t, ctx)) {
    return;
  }
  if (t.query.empty()) {
    ctx.fail({core::ErrorCode::InvalidInput, "cli.topics.query_required", "cli: topics test"});
    return;
  }
  auto report = svc->test(t, a.limit);
  if (!report) {
    ctx.fail(report.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.test_summary")), report->matched,
                         report->scanned, report->understood)
          << "\n\n";
  std::size_t n = 0;
  for (const auto& h : report->hits) {
    ctx.out << fmt::format("{:>2}. {}\n", ++n, html_to_terminal(h.title_html, ctx.terminal));
    ctx.out << fmt::format(
        "    {} · {} · {} · {:.2f} · {}\n", h.source_title,
        h.item.published_at ? core::format_iso8601(*h.item.published_at).substr(0, 10) : "-",
        h.item.lang, h.score, joined(h.matched_terms, ", "));
    if (!h.snippet_html.empty()) {
      ctx.out << "    " << html_to_terminal(h.snippet_html, ctx.terminal) << '\n';
    }
    ctx.out << '\n';
  }
}

void run_import(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  std::string bytes;
  if (a.file == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    bytes = ss.str();
  } else {
    auto read = read_file(a.file);
    if (!read) {
      ctx.fail(read.error());
      return;
    }
    bytes = std::move(*read);
  }
  auto report = svc->import_jsonl(bytes);
  if (!report) {
    ctx.fail(report.error());
    return;
  }
  for (const auto& r : report->refused) {
    ctx.err << fmt::format(fmt::runtime(ctx.tr("cli.topics.refused")), r) << '\n';
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.topics.imported")), report->added,
                         report->updated, report->refused.size())
          << '\n';
  if (!report->refused.empty()) {
    ctx.exit_code = 1;
  }
}

void run_export(const TopicsArgs& a, CliContext& ctx) {
  auto* svc = open_topics(ctx);
  if (svc == nullptr) {
    return;
  }
  auto text = svc->export_jsonl();
  if (!text) {
    ctx.fail(text.error());
    return;
  }
  ctx.write_output(a.file, *text);
}

// The options add, edit and test share.
void topic_options(CLI::App* cmd, TopicsArgs& a, CliContext& ctx) {
  cmd->add_option("--description", a.description, ctx.tr("cli.topics.description"));
  cmd->add_option("--lang", a.languages, ctx.tr("cli.topics.lang"));
  cmd->add_option("--variant", a.variants, ctx.tr("cli.topics.variant"));
  cmd->add_option("--priority", a.priority, ctx.tr("cli.topics.priority"))
      ->check(CLI::IsMember({"normal", "high", "critical"}));
  cmd->add_option("--audience", a.audience, ctx.tr("cli.topics.audience"))
      ->check(CLI::IsMember({"internal", "members", "public"}));
}

}  // namespace

void add_topics_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<TopicsArgs>();
  CLI::App* topics = app.add_subcommand("topics", ctx.tr("cli.topics.help"));
  topics->require_subcommand(1);

  CLI::App* add = topics->add_subcommand("add", ctx.tr("cli.topics.add.help"));
  add->add_option("name", a->name, ctx.tr("cli.topics.name"))->required();
  add->add_option("query", a->query, ctx.tr("cli.topics.query"))->required();
  topic_options(add, *a, ctx);
  add->add_flag("--disabled", a->disabled, ctx.tr("cli.topics.disabled_flag"));
  add->callback([a, &ctx] { run_add(*a, ctx); });

  CLI::App* edit = topics->add_subcommand("edit", ctx.tr("cli.topics.edit.help"));
  edit->add_option("topic", a->target, ctx.tr("cli.topics.target"))->required();
  edit->add_option("--name", a->name, ctx.tr("cli.topics.name"));
  edit->add_option("--query", a->query_option, ctx.tr("cli.topics.query"));
  topic_options(edit, *a, ctx);
  edit->add_flag("--clear-variants", a->clear_variants, ctx.tr("cli.topics.clear_variants"));
  edit->add_flag("--enable", a->enable, ctx.tr("cli.topics.enable"));
  edit->add_flag("--disable", a->disable, ctx.tr("cli.topics.disable"));
  edit->callback([a, &ctx] { run_edit(*a, ctx); });

  CLI::App* list = topics->add_subcommand("list", ctx.tr("cli.topics.list.help"));
  list->add_flag("--json", a->json, ctx.tr("cli.topics.json"));
  list->callback([a, &ctx] { run_list(*a, ctx); });

  CLI::App* show = topics->add_subcommand("show", ctx.tr("cli.topics.show.help"));
  show->add_option("topic", a->target, ctx.tr("cli.topics.target"))->required();
  show->add_option("--limit", a->limit, ctx.tr("cli.topics.limit"))->check(CLI::Range(1, 1000));
  show->callback([a, &ctx] { run_show(*a, ctx); });

  CLI::App* remove = topics->add_subcommand("remove", ctx.tr("cli.topics.remove.help"));
  remove->add_option("topic", a->target, ctx.tr("cli.topics.target"))->required();
  remove->callback([a, &ctx] { run_remove(*a, ctx); });

  CLI::App* test = topics->add_subcommand("test", ctx.tr("cli.topics.test.help"));
  test->add_option("topic", a->target, ctx.tr("cli.topics.target"));
  test->add_option("--query", a->query_option, ctx.tr("cli.topics.query"));
  topic_options(test, *a, ctx);
  test->add_option("--limit", a->limit, ctx.tr("cli.topics.limit"))->check(CLI::Range(1, 1000));
  test->callback([a, &ctx] { run_test(*a, ctx); });

  CLI::App* import = topics->add_subcommand("import", ctx.tr("cli.topics.import.help"));
  import->add_option("file", a->file, ctx.tr("cli.topics.file"))->required();
  import->callback([a, &ctx] { run_import(*a, ctx);
});

CLI::App* exp = topics->add_subcommand("export", ctx.tr("cli.topics.export.help"));
exp->add_option("file", a->file, ctx.tr("cli.topics.file"));
exp->callback([a, &ctx] { run_export(*a, ctx); });
}  // namespace vigie::cli

}  // namespace vigie::cli
