// SPDX-License-Identifier: AGPL-3.0-or-later
// `vigie orgs add|list` and `vigie users add|edit|list|show|remove|grant|revoke`: people,
// until the portal manages them over the same service.
#include <memory>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "service/people_service.h"

namespace vigie::cli {
namespace {

struct PeopleArgs {
  std::string name;
  std::string email;
  std::string lang;
  std::string org;
  std::string role;
  std::string active;  // "yes" / "no" for edit
  bool json = false;
};

service::PeopleService* open_people(CliContext& ctx) {
  auto services = ctx.provider.open();
  if (!services) {
    ctx.fail(services.error());
    return nullptr;
  }
  return &(*services)->people;
}

// Parses --role; fails the command with "people.invalid_role" when it is not a role name.
bool parse_role_arg(const std::string& text, std::optional<core::Role>& out, CliContext& ctx) {
  if (text.empty()) {
    out.reset();
    return true;
  }
  out = core::parse_role(text);
  if (!out) {
    ctx.fail({core::ErrorCode::InvalidInput, "people.invalid_role",
              "cli: role must be admin, analyst or member: " + text});
    return false;
  }
  return true;
}

const char* kind_key(core::OrgKind k) {
  return k == core::OrgKind::Operator ? "cli.orgs.operator" : "cli.orgs.member";
}

nlohmann::json to_json(const service::UserView& v) {
  nlohmann::json ms = nlohmann::json::array();
  for (const auto& m : v.memberships) {
    ms.push_back({{"org", m.org.name}, {"role", std::string(core::role_name(m.role))}});
  }
  return {{"email", v.user.email},
          {"name", v.user.name},
          {"lang", v.user.lang},
          {"active", v.user.active},
          {"created", core::format_iso8601(v.user.created_at)},
          {"memberships", ms}};
}

void print_user(const service::UserView& v, CliContext& ctx) {
  std::string roles;
  for (const auto& m : v.memberships) {
    roles += fmt::format("{}{} ({})", roles.empty() ? "" : ", ", m.org.name,
                         ctx.tr(fmt::format("cli.users.role.{}", core::role_name(m.role))));
  }
  ctx.out << fmt::format("{}  {}  {}{}  {}\n", v.user.email,
                         v.user.name.empty() ? "-" : v.user.name, v.user.lang,
                         v.user.active ? "" : " " + ctx.tr("cli.users.inactive"), roles);
}

void print_users(const std::vector<service::UserView>& users, bool json, CliContext& ctx) {
  if (json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& u : users) {
      arr.push_back(to_json(u));
    }
    ctx.out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& u : users) {
    print_user(u, ctx);
  }
}

// Prints the outcome of a call returning one user, or fails the command.
void report_user(const core::Result<service::UserView>& r, std::string_view done_key,
                 CliContext& ctx) {
  if (!r) {
    ctx.fail(r.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr(done_key)), r->user.email) << '\n';
  print_user(*r, ctx);
}

void run_org_add(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  auto org = svc->add_org(a.name);
  if (!org) {
    ctx.fail(org.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.orgs.added")), org->name) << '\n';
}

void run_org_list(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  auto orgs = svc->list_orgs();
  if (!orgs) {
    ctx.fail(orgs.error());
    return;
  }
  if (a.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& o : *orgs) {
      arr.push_back(
          {{"name", o.name}, {"kind", o.kind == core::OrgKind::Operator ? "operator" : "member"}});
    }
    ctx.out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  for (const auto& o : *orgs) {
    ctx.out << fmt::format("{}  ({})\n", o.name, ctx.tr(kind_key(o.kind)));
  }
}

void run_user_add(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  service::AddUserRequest req;
  req.email = a.email;
  req.name = a.name;
  req.lang = a.lang.empty() ? "fr" : a.lang;
  req.org = a.org;
  if (!parse_role_arg(a.role, req.role, ctx)) {
    return;
  }
  report_user(svc->add_user(req), "cli.users.added", ctx);
}

void run_user_edit(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  service::EditUserRequest req;
  if (!a.name.empty()) {
    req.name = a.name;
  }
  if (!a.lang.empty()) {
    req.lang = a.lang;
  }
  if (!a.active.empty()) {
    req.active = a.active == "yes";
  }
  report_user(svc->edit_user(a.email, req), "cli.users.edited", ctx);
}

void run_user_list(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  auto users = svc->list_users(a.org);
  if (!users) {
    ctx.fail(users.error());
    return;
  }
  print_users(*users, a.json, ctx);
}

void run_user_show(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  auto user = svc->get_user(a.email);
  if (!user) {
    ctx.fail(user.error());
    return;
  }
  print_users({*user}, a.json, ctx);
}

void run_user_remove(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  if (auto st = svc->remove_user(a.email); !st) {
    ctx.fail(st.error());
    return;
  }
  ctx.out << fmt::format(fmt::runtime(ctx.tr("cli.users.removed")), a.email) << '\n';
}

void run_user_grant(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  std::optional<core::Role> role;
  if (!parse_role_arg(a.role, role, ctx)) {
    return;
  }
  report_user(svc->grant(a.email, a.org, role.value_or(core::Role::Member)), "cli.users.granted",
              ctx);
}

void run_user_revoke(const PeopleArgs& a, CliContext& ctx) {
  auto* svc = open_people(ctx);
  if (svc == nullptr) {
    return;
  }
  report_user(svc->revoke(a.email, a.org), "cli.users.revoked", ctx);
}

}  // namespace

void add_orgs_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<PeopleArgs>();
  CLI::App* cmd = app.add_subcommand("orgs", ctx.tr("cli.orgs.help"));
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand("add", ctx.tr("cli.orgs.add.help"));
  add->add_option("name", a->name, ctx.tr("cli.orgs.name"))->required();
  add->callback([a, &ctx] { run_org_add(*a, ctx); });

  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.orgs.list.help"));
  list->add_flag("--json", a->json, ctx.tr("cli.json"));
  list->callback([a, &ctx] { run_org_list(*a, ctx); });
}

void add_users_command(CLI::App& app, CliContext& ctx) {
  auto a = std::make_shared<PeopleArgs>();
  CLI::App* cmd = app.add_subcommand("users", ctx.tr("cli.users.help"));
  cmd->require_subcommand(1);

  CLI::App* add = cmd->add_subcommand("add", ctx.tr("cli.users.add.help"));
  add->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  add->add_option("--name", a->name, ctx.tr("cli.users.name"));
  add->add_option("--lang", a->lang, ctx.tr("cli.users.lang"));
  add->add_option("--org", a->org, ctx.tr("cli.users.org"));
  add->add_option("--role", a->role, ctx.tr("cli.users.role"));
  add->callback([a, &ctx] { run_user_add(*a, ctx); });

  CLI::App* edit = cmd->add_subcommand("edit", ctx.tr("cli.users.edit.help"));
  edit->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  edit->add_option("--name", a->name, ctx.tr("cli.users.name"));
  edit->add_option("--lang", a->lang, ctx.tr("cli.users.lang"));
  edit->add_option("--active", a->active, ctx.tr("cli.users.active"))
      ->check(CLI::IsMember({"yes", "no"}));
  edit->callback([a, &ctx] { run_user_edit(*a, ctx); });

  CLI::App* list = cmd->add_subcommand("list", ctx.tr("cli.users.list.help"));
  list->add_option("--org", a->org, ctx.tr("cli.users.org_filter"));
  list->add_flag("--json", a->json, ctx.tr("cli.json"));
  list->callback([a, &ctx] { run_user_list(*a, ctx); });

  CLI::App* show = cmd->add_subcommand("show", ctx.tr("cli.users.show.help"));
  show->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  show->add_flag("--json", a->json, ctx.tr("cli.json"));
  show->callback([a, &ctx] { run_user_show(*a, ctx); });

  CLI::App* rm = cmd->add_subcommand("remove", ctx.tr("cli.users.remove.help"));
  rm->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  rm->callback([a, &ctx] { run_user_remove(*a, ctx); });

  CLI::App* grant = cmd->add_subcommand("grant", ctx.tr("cli.users.grant.help"));
  grant->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  grant->add_option("--org", a->org, ctx.tr("cli.users.org"));
  grant->add_option("--role", a->role, ctx.tr("cli.users.role"))->required();
  grant->callback([a, &ctx] { run_user_grant(*a, ctx); });

  CLI::App* revoke = cmd->add_subcommand("revoke", ctx.tr("cli.users.revoke.help"));
  revoke->add_option("email", a->email, ctx.tr("cli.users.email"))->required();
  revoke->add_option("--org", a->org, ctx.tr("cli.users.org"));
  revoke->callback([a, &ctx] { run_user_revoke(*a, ctx); });
}

}  // namespace vigie::cli
