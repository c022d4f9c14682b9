// SPDX-License-Identifier: AGPL-3.0-or-later
#include "service/people_service.h"

#include <algorithm>

#include "core/try.h"

namespace vigie::service {
namespace {

constexpr std::size_t kMaxEmailBytes = 254;
constexpr std::size_t kMaxLocalBytes = 64;
constexpr std::size_t kMaxNameBytes = 200;

bool is_atext(char c) {
  // RFC 5322 atext plus '.', without the characters that have a meaning in headers.
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

bool is_domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
         || c == '.';
}

bool valid_lang(std::string_view lang) {
  return lang == "fr" || lang == "en";
}

core::Error invalid(std::string reason, std::string message) {
  return {core::ErrorCode::InvalidInput, std::move(reason), std::move(message)};
}

// A display name goes into From/To headers and pages: no control characters, bounded.
bool valid_display_name(std::string_view name) {
  return name.size() <= kMaxNameBytes && std::none_of(name.begin(), name.end(), [](char c) {
           return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
         });
}

}  // namespace

bool is_valid_email(std::string_view email) {
  if (email.empty() || email.size() > kMaxEmailBytes) {
    return false;
  }
  const auto at = email.find('@');
  if (at == std::string_view::npos || email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto local = email.substr(0, at);
  const auto domain = email.substr(at + 1);
  if (local.empty() || local.size() > kMaxLocalBytes || local.front() == '.' || local.back() == '.'
      || local.find("..") != std::string_view::npos
      || !std::all_of(local.begin(), local.end(), is_atext)) {
    return false;
  }
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' || domain.front() == '-'
      || domain.find("..") != std::string_view::npos
      || !std::all_of(domain.begin(), domain.end(), is_domain_char)) {
    return false;
  }
  return domain.find('.') != std::string_view::npos || domain == "localhost";
}

core::Result<core::Organisation> PeopleService::add_org(const std::string& name) {
  if (name.empty() || !valid_display_name(name)) {
    return tl::unexpected(invalid("people.invalid_name", "service: invalid organisation name"));
  }
  auto created = store_.create_member(operator_, name);
  if (!created && created.error().code == core::ErrorCode::Conflict) {
    return core::make_error(core::ErrorCode::Conflict, "people.org_exists",
                            "service: organisation already exists: " + name);
  }
  return created;
}

core::Result<std::vector<core::Organisation>> PeopleService::list_orgs() {
  return store_.list_orgs();
}

core::Result<core::Organisation> PeopleService::org_named(const std::string& name) {
  if (name.empty()) {
    return store_.get_org(operator_);
  }
  auto org = store_.find_org_by_name(name);
  if (!org && org.error().code == core::ErrorCode::NotFound) {
    return core::make_error(core::ErrorCode::NotFound, "people.org_not_found",
                            "service: no organisation named " + name);
  }
  return org;
}

core::Result<core::User> PeopleService::user_by_email(const std::string& email) {
  auto user = store_.find_user_by_email(email);
  if (!user && user.error().code == core::ErrorCode::NotFound) {
    return core::make_error(core::ErrorCode::NotFound, "people.user_not_found",
                            "service: no user with email " + email);
  }
  return user;
}

core::Result<UserView> PeopleService::view(const core::User& user) {
  UserView v{user, {}};
  VIGIE_TRY_ASSIGN(auto memberships, store_.memberships_of(user.id));
  for (const auto& m : memberships) {
    VIGIE_TRY_ASSIGN(auto org, store_.get_org(m.org_id));
    v.memberships.push_back({std::move(org), m.role});
  }
  return v;
}

core::Result<UserView> PeopleService::add_user(const AddUserRequest& request) {
  if (!is_valid_email(request.email)) {
    return tl::unexpected(
        invalid("people.invalid_email", "service: invalid email address: " + request.email));
  }
  if (!valid_lang(request.lang)) {
    return tl::unexpected(invalid("people.invalid_lang", "service: language must be fr or en"));
  }
  if (!valid_display_name(request.name)) {
    return tl::unexpected(invalid("people.invalid_name", "service: invalid user name"));
  }
  VIGIE_TRY_ASSIGN(auto org, org_named(request.org));
  const core::Role role = request.role.value_or(
      org.kind == core::OrgKind::Operator ? core::Role::Analyst : core::Role::Member);
  if (!core::role_fits(role, org.kind)) {
    return tl::unexpected(
        invalid("people.role_mismatch", "service: role " + std::string(core::role_name(role))
                                            + " does not fit organisation " + org.name));
  }
  core::User u;
  u.email = request.email;
  u.name = request.name;
  u.lang = request.lang;
  u.created_at = clock_.now();
  // Two steps, not one transaction: a crash in between leaves a user without membership,
  // which `users grant` repairs and which receives nothing meanwhile.
  auto created = store_.create_user(u);
  if (!created && created.error().code == core::ErrorCode::Conflict) {
    return core::make_error(core::ErrorCode::Conflict, "people.user_exists",
                            "service: a user already has the email " + request.email);
  }
  VIGIE_TRY(created);
  VIGIE_TRY(store_.set_membership({created->id, org.id, role}));
  return view(*created);
}

core::Result<UserView> PeopleService::edit_user(const std::string& email,
                                                const EditUserRequest& request) {
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  if (request.name) {
    if (!valid_display_name(*request.name)) {
      return tl::unexpected(invalid("people.invalid_name", "service: invalid user name"));
    }
    user.name = *request.name;
  }
  if (request.lang) {
    if (!valid_lang(*request.lang)) {
      return tl::unexpected(invalid("people.invalid_lang", "service: language must be fr or en"));
    }
    user.lang = *request.lang;
  }
  if (request.active) {
    user.active = *request.active;
  }
  VIGIE_TRY(store_.update_user(user));
  return view(user);
}

core::Result<UserView> PeopleService::get_user(const std::string& email) {
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  return view(user);
}

core::Result<std::vector<UserView>> PeopleService::list_users(const std::string& org) {
  std::optional<core::OrgId> filter;
  if (!org.empty()) {
    VIGIE_TRY_ASSIGN(auto o, org_named(org));
    filter = o.id;
  }
  VIGIE_TRY_ASSIGN(auto users, store_.list_users(filter));
  std::vector<UserView> out;
  out.reserve(users.size());
  for (const auto& u : users) {
    VIGIE_TRY_ASSIGN(auto v, view(u));
    out.push_back(std::move(v));
  }
  return out;
}

core::Status PeopleService::remove_user(const std::string& email) {
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  return store_.remove_user(user.id);
}

core::Result<UserView> PeopleService::grant(const std::string& email, const std::string& org_name,
                                            core::Role role) {
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  VIGIE_TRY_ASSIGN(auto org, org_named(org_name));
  if (!core::role_fits(role, org.kind)) {
    return tl::unexpected(
        invalid("people.role_mismatch", "service: role " + std::string(core::role_name(role))
                                            + " does not fit organisation " + org.name));
  }
  VIGIE_TRY(store_.set_membership({user.id, org.id, role}));
  return view(user);
}

core::Result<UserView> PeopleService::revoke(const std::string& email,
                                             const std::string& org_name) {
  VIGIE_TRY_ASSIGN(auto user, user_by_email(email));
  VIGIE_TRY_ASSIGN(auto org, org_named(org_name));
  auto removed = store_.remove_membership(user.id, org.id);
  if (!removed && removed.error().code == core::ErrorCode::NotFound) {
    return core::make_error(core::ErrorCode::NotFound, "people.not_a_member",
                            "service: " + email + " is not a member of " + org.name);
  }
  VIGIE_TRY(removed);
  return view(user);
}

}  // namespace vigie::service
