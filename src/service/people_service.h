// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// Managing people (issue "Distribute", item 0): member organisations, users and their
// memberships. The command line uses it today and the portal will use the same calls, so every
// rule lives here: email syntax (an address goes into mail headers, so anything that could
// inject a header is refused), languages, and which role fits which kind of organisation.
// Organisations and users are named by name or email in requests; ids stay internal.
//
// Thread-safety: safe to call concurrently if the Store is.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "core/model.h"
#include "core/people.h"
#include "storage/store.h"

namespace vigie::service {

// True for an address we will put in a To: header: one '@', a local part and a domain of
// printable ASCII without spaces, quotes, commas, angle brackets or control characters, at
// most 254 bytes; the domain has a dot or is "localhost". Internationalised addresses are not
// accepted yet.
bool is_valid_email(std::string_view email);

struct AddUserRequest {
  std::string email;
  std::string name;
  std::string lang = "fr";
  // The organisation (by name) and role of the first membership; empty org = the operator.
  std::string org;
  std::optional<core::Role> role;  // default: analyst in the operator, member in a firm
};

struct EditUserRequest {
  std::optional<std::string> name;
  std::optional<std::string> lang;
  std::optional<bool> active;
};

struct MembershipView {
  core::Organisation org;
  core::Role role = core::Role::Member;
};

struct UserView {
  core::User user;
  std::vector<MembershipView> memberships;
};

class PeopleService {
 public:
  PeopleService(storage::Store& store, const core::Clock& clock, core::OrgId operator_org)
      : store_(store), clock_(clock), operator_(operator_org) {}

  // A member firm served by the operator. Errors: "people.invalid_name" (empty or longer
  // than 200 bytes), "people.org_exists" (Conflict).
  core::Result<core::Organisation> add_org(const std::string& name);
  core::Result<std::vector<core::Organisation>> list_orgs();

  // Errors: "people.invalid_email", "people.invalid_lang" (not fr/en), "people.user_exists",
  // "people.org_not_found", "people.role_mismatch" (admin/analyst outside the operator, or
  // member inside it).
  core::Result<UserView> add_user(const AddUserRequest& request);
  // "people.user_not_found", "people.invalid_lang".
  core::Result<UserView> edit_user(const std::string& email, const EditUserRequest& request);
  core::Result<UserView> get_user(const std::string& email);
  // With an org name, only its members. "people.org_not_found".
  core::Result<std::vector<UserView>> list_users(const std::string& org = {});
  core::Status remove_user(const std::string& email);
  // Adds the user to the org with the role, or changes the role there.
  core::Result<UserView> grant(const std::string& email, const std::string& org, core::Role role);
  // "people.not_a_member" when the user has no membership there.
  core::Result<UserView> revoke(const std::string& email, const std::string& org);

 private:
  core::Result<core::Organisation> org_named(const std::string& name);
  core::Result<core::User> user_by_email(const std::string& email);
  core::Result<UserView> view(const core::User& user);

  storage::Store& store_;
  const core::Clock& clock_;
  core::OrgId operator_;
};

}  // namespace vigie::service
