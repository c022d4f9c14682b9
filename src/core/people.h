// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// People (DESIGN.md §2): users, and their memberships in organisations with a role. The
// operator's staff are admins and analysts of the operator; a member firm's users are members
// of that firm. Plain values, no I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/time.h"

namespace vigie::core {

using UserId = std::int64_t;

enum class Role { Admin, Analyst, Member };

inline constexpr std::array<Role, 3> kAllRoles{Role::Admin, Role::Analyst, Role::Member};

// The stable names used in storage, the command line and the API.
constexpr std::string_view role_name(Role role) {
  switch (role) {
    case Role::Admin:
      return "admin";
    case Role::Analyst:
      return "analyst";
    case Role::Member:
      return "member";
  }
  return "member";
}

constexpr std::optional<Role> parse_role(std::string_view name) {
  for (Role r : kAllRoles) {
    if (role_name(r) == name) {
      return r;
    }
  }
  return std::nullopt;
}

// Operator staff roles belong to the operator organisation; "member" to a member firm.
constexpr bool role_fits(Role role, OrgKind kind) {
  return kind == OrgKind::Operator ? role != Role::Member : role == Role::Member;
}

struct User {
  UserId id = 0;
  std::string email;        // unique, compared without case; validated by the service
  std::string name;         // display name, may be empty
  std::string lang = "fr";  // "fr" or "en": the language of every message sent to them
  bool active = true;       // an inactive user receives nothing and cannot log in
  Timestamp created_at{};
};

struct Membership {
  UserId user_id = 0;
  OrgId org_id = 0;
  Role role = Role::Member;
};

}  // namespace vigie::core
