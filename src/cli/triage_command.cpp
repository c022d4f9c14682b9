// SPDX-License-Identifier: AGPL-3.0-or-later
// The analyst's triage (service::TriageService): `vigie inbox [--topic T] [--limit N]
// [--offset N] [--json]`, `vigie review ID keep|discard|highlight|alert [--note TEXT]
// [--tag T]... [--rating N] [--by NAME]`, `vigie review ID --history [--json]` and
// `vigie kept [--topic T] [--limit N] [--offset N] [--json]`.
#include <charconv>
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/triage_service.h"

namespace vigie::cli {
namespace {

struct ListArgs {
  std::string topic;
  std::size_t limit = 20;
  std::size_t offset = 0;
  bool json = false;
};

struct ReviewArgs {
  std::string id;
  std::string action;
  std::string note;
  std::vector<std::string> tags;
  std::string rating;
  std::string by;
  bool history = false;
  bool json = false;
};

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

nlohmann::json review_json(const storage::StoryReview& r) {
  return {{"state", storage::to_string(r.state)},
          {"highlight", r.highlight},
          {"rating", r.rating ? nlohmann::json(*r.rating) : nlohmann::json(nullptr)},
          {"reviewer", r.reviewer},
          {"reviewed_at", core::format_iso8601(r.reviewed_at)},
          {"tags", r.tags}};
}

nlohmann::json entry_json(const storage::TriageEntry& e) {
  nlohmann::json j{{"id", e.story.id},
                   {"title", e.story.title},
                   {"sources", e.source_count},
                   {"items", e.story.item_count},
                   {"topics", e.topics},
                   {"priority", core::to_string(e.priority)},
                   {"score", e.score},
                   {"first_seen", core::format_iso8601(e.story.first_seen_at)},
                   {"last_seen", core::format_iso8601(e.story.last_seen_at)}};
  if (e.review) {
    j["review"] = review_json(*e.review);
  }
  return j;
}

void print_entries(const std::vector<storage::TriageEntry>& entries, CliContext& ctx) {
  for (const auto& e : entries) {
    ctx.out << fmt::format("{:>6}  {:<8}  {}", e.story.id, core::to_string(e.priority),
                           e.story.title);
    if (e.review && e.review->highlight) {
      ctx.out << "  [" << ctx.tr("cli.triage.highlight") << ']';
    }
    ctx.out << '\n'
            << "        "
            << fmt::format(fmt::runtime(ctx.tr("cli.triage.entry")), e.source_count,
                           joined(e.topics));
    if (e.review) {
      if (e.review->rating) {
        ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.triage.rated")), *e.review->rating);
      }
      if (!e.review->tags.empty()) {
        ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.triage.tags")), joined(e.review->tags));
      }
    }
    ctx.out << '\n';
  }
}

void run_list(const ListArgs& a, bool inbox, CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  service::TriageService& triage = (*services)->triage;
  const std::optional<std::string> topic =
      a.topic.empty() ? std::nullopt : std::optional<std::string>(a.topic);
  auto entries =
      inbox ? triage.inbox(topic, a.limit, a.offset) : triage.kept(topic, a.limit, a.offset);
  if (!entries) {
    ctx.fail(entries.error());
    return;
  }
  if (a.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *entries) {
      list.push_back(entry_json(e));
    }
    dump({{"stories", std::move(list)}}, ctx);
    return;
  }
  print_entries(*entries, ctx);
  ctx.out << fmt::format(
      fmt::runtime(ctx.tr(inbox ? "cli.triage.inbox.count" : "cli.triage.kept.count")),
      entries->size())
          << '\n';
}

void fail_with(CliContext& ctx, std::string reason, std::string message) {
  ctx.fail(core::Error{core::ErrorCode::InvalidInput, std::move(reason), std::move(message)});
}

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || p != end || s.empty()) {
    return std::nullopt;
  }
  return v;
}

void run_history(core::StoryId id, bool json, CliContext& ctx, service::TriageService& triage) {
  auto events = triage.history(id);
  if (!events) {
    ctx.fail(events.error());
    return;
  }
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *events) {
      list.push_back({{"action", e.action},
                      {"value", e.value},
                      {"actor", e.actor},
                      {"at", core::format_iso8601(e.at)}});
    }
    dump({{"story", id}, {"history", std::move(list)}}, ctx);
    return;
  }
  for (const auto& e : *events) {
    ctx.out << fmt::format("{}  {:<10}  {:<9}  {}\n", core::format_iso8601(e.at).substr(0, 16),
                           e.actor, e.action, e.value);
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.triage.history.count")), events->size()) << '\n';
}

void run_review(const ReviewArgs& a, CliContext& ctx) {
  const auto id = parse_int(a.id);
  if (!id || *id <= 0) {
    fail_with(ctx, "triage.bad_story_id", "triage: not a story number: " + a.id);
    return;
  }
  std::optional<int> rating;
  if (!a.rating.empty()) {
    const auto r = parse_int(a.rating);
    if (!r || *r < 1 || *r > 5) {
      fail_with(ctx, "triage.bad_rating", "triage: rating is not between 1 and 5: " + a.rating);
      return;
    }
    rating = static_cast<int>(*r);
  }
  if (!a.history && a.action.empty()) {
    fail_with(ctx, "triage.bad_action", "triage: say keep, discard, highlight or alert");
    return;
  }
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return;
  }
  service::TriageService& triage = (*services)->triage;
  if (a.history) {
    run_history(*id, a.json, ctx, triage);
    return;
  }
  service::ReviewRequest req;
  req.story_id = *id;
  req.action = a.action;
  if (!a.note.empty()) {
    req.note = a.note;
  }
  req.tags = a.tags;
  req.rating = rating;
  req.actor = a.by;
  auto outcome = triage.review(req);
  if (!outcome) {
    ctx.fail(outcome.error());
    return;
  }
  if (a.json) {
    nlohmann::json j{{"story", *id}, {"review", review_json(outcome->review)}};
    j["signal"] = outcome->signal ? nlohmann::json(outcome->signal->id) : nlohmann::json(nullptr);
    dump(j, ctx);
    return;
  }
  const auto& r = outcome->review;
  const std::string_view state_key =
      r.state == storage::ReviewState::Discarded
          ? "cli.triage.review.discarded"
          : (r.highlight ? "cli.triage.review.highlighted" : "cli.triage.review.kept");
  ctx.out << fmt::format(fmt::runtime(ctx.tr(state_key)), *id) << '\n';
  if (outcome->signal) {
    ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.triage.review.alerted")), outcome->signal->id,
                           ctx.value_label("priority", core::to_string(outcome->signal->severity)))
            << '\n';
  }
}

}  // namespace

void add_triage_commands(CLI::App& app, CliContext& ctx) {
  auto in = std::make_shared<ListArgs>();
  CLI::App* inbox = app.add_subcommand("inbox", ctx.tr("cli.triage.inbox.help"));
  inbox->add_option("--topic", in->topic, ctx.tr("cli.triage.topic"));
  inbox->add_option("--limit", in->limit, ctx.tr("cli.triage.limit"))->check(CLI::Range(1, 1000));
  inbox->add_option("--offset", in->offset, ctx.tr("cli.triage.offset"));
  inbox->add_flag("--json", in->json, ctx.tr("cli.triage.json"));
  inbox->callback([in, &ctx] { run_list(*in, true, ctx); });

  auto k = std::make_shared<ListArgs>();
  CLI::App* kept = app.add_subcommand("kept", ctx.tr("cli.triage.kept.help"));
  kept->add_option("--topic", k->topic, ctx.tr("cli.triage.topic"));
  kept->add_option("--limit", k->limit, ctx.tr("cli.triage.limit"))->check(CLI::Range(1, 1000));
  kept->add_option("--offset", k->offset, ctx.tr("cli.triage.offset"));
  kept->add_flag("--json", k->json, ctx.tr("cli.triage.json"));
  kept->callback([k, &ctx] { run_list(*k, false, ctx); });

  auto r = std::make_shared<ReviewArgs>();
  CLI::App* review = app.add_subcommand("review", ctx.tr("cli.triage.review.help"));
  review->add_option("id", r->id, ctx.tr("cli.triage.id"))->required();
  review->add_option("action", r->action, ctx.tr("cli.triage.action"));
  review->add_option("--note", r->note, ctx.tr("cli.triage.note"));
  review->add_option("--tag", r->tags, ctx.tr("cli.triage.tag"));
  review->add_option("--rating", r->rating, ctx.tr("cli.triage.rating"));
  review->add_option("--by", r->by, ctx.tr("cli.triage.by"));
  review->add_flag("--history", r->history, ctx.tr("cli.triage.history"));
  review->add_flag("--json", r->json, ctx.tr("cli.triage.json"));
  review->callback([r, &ctx] { run_review(*r, ctx); });
}

}  // namespace vigie::cli
