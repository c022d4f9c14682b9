// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: users and memberships.
#include <fmt/format.h>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kUserColumns = "id, email, name, lang, active, created_at";

core::User read_user(const Statement& s) {
  core::User u;
  u.id = s.column_int(0);
  u.email = s.column_text(1);
  u.name = s.column_text(2);
  u.lang = s.column_text(3);
  u.active = s.column_int(4) != 0;
  u.created_at = core::from_unix(s.column_int(5));
  return u;
}

core::Error not_found(std::string_view what) {
  return {core::ErrorCode::NotFound, "storage.not_found", fmt::format("storage: no {}", what)};
}

// Runs a one-row SELECT; NotFound (naming `what`) when it returns nothing.
template <typename T, typename Read>
core::Result<T> one_row(Statement* s, Read read, std::string_view what) {
  VIGIE_TRY_ASSIGN(bool row, s->step());
  if (!row) {
    s->reset();
    return tl::unexpected(not_found(what));
  }
  T value = read(*s);
  s->reset();
  return value;
}

template <typename T, typename Read>
core::Result<std::vector<T>> all_rows(Statement* s, Read read) {
  std::vector<T> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      break;
    }
    out.push_back(read(*s));
  }
  return out;
}

}  // namespace

core::Result<core::User> SqliteStore::create_user(const core::User& user) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * ins,
                   conn_->prepare("INSERT INTO users (email, name, lang, active, created_at) "
                                  "VALUES (?, ?, ?, ?, ?)"));
  VIGIE_TRY(ins->bind(1, user.email)
                .bind(2, user.name)
                .bind(3, user.lang)
                .bind(4, std::int64_t{user.active ? 1 : 0})
                .bind(5, core::to_unix(user.created_at))
                .run());
  core::User out = user;
  out.id = conn_->last_insert_rowid();
  return out;
}

core::Status SqliteStore::update_user(const core::User& user) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * up,
      conn_->prepare("UPDATE users SET email = ?, name = ?, lang = ?, active = ? WHERE id = ?"));
  VIGIE_TRY(up->bind(1, user.email)
                .bind(2, user.name)
                .bind(3, user.lang)
                .bind(4, std::int64_t{user.active ? 1 : 0})
                .bind(5, std::int64_t{user.id})
                .run());
  if (conn_->changes() == 0) {
    return tl::unexpected(not_found(fmt::format("user {}", user.id)));
  }
  return {};
}

core::Result<core::User> SqliteStore::get_user(core::UserId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM users WHERE id = ?", kUserColumns)));
  s->bind(1, std::int64_t{id});
  return one_row<core::User>(s, read_user, fmt::format("user {}", id));
}

core::Result<core::User> SqliteStore::find_user_by_email(const std::string& email) {
  std::scoped_lock lock(mutex_);
  // The column's NOCASE collation makes the comparison case-insensitive (ASCII).
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format("SELECT {} FROM users WHERE email = ?",
                                                             kUserColumns)));
  s->bind(1, email);
  return one_row<core::User>(s, read_user, fmt::format("user {}", email));
}

core::Result<std::vector<core::User>> SqliteStore::list_users(std::optional<core::OrgId> org) {
  std::scoped_lock lock(mutex_);
  if (!org) {
    VIGIE_TRY_ASSIGN(Statement * s,
                     conn_->prepare(fmt::format("SELECT {} FROM users ORDER BY id", kUserColumns)));
    return all_rows<core::User>(s, read_user);
  }
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT u.id, u.email, u.name, u.lang, u.active, u.created_at "
                                  "FROM users u JOIN memberships m ON m.user_id = u.id "
                                  "WHERE m.org_id = ? ORDER BY u.id"));
  s->bind(1, std::int64_t{*org});
  return all_rows<core::User>(s, read_user);
}

core::Status SqliteStore::remove_user(core::UserId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * del, conn_->prepare("DELETE FROM users WHERE id = ?"));
  VIGIE_TRY(del->bind(1, std::int64_t{id}).run());
  if (conn_->changes() == 0) {
    return tl::unexpected(not_found(fmt::format("user {}", id)));
  }
  return {};
}

core::Status SqliteStore::set_membership(const core::Membership& membership) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  // Checked first so a missing user or org is NotFound, not a foreign-key conflict.
  VIGIE_TRY_ASSIGN(Statement * chk,
                   conn_->prepare("SELECT (SELECT count(*) FROM users WHERE id = ?), "
                                  "(SELECT count(*) FROM organisations WHERE id = ?)"));
  chk->bind(1, std::int64_t{membership.user_id}).bind(2, std::int64_t{membership.org_id});
  VIGIE_TRY(chk->step());
  const bool user_ok = chk->column_int(0) > 0;
  const bool org_ok = chk->column_int(1) > 0;
  chk->reset();
  if (!user_ok) {
    return tl::unexpected(not_found(fmt::format("user {}", membership.user_id)));
  }
  if (!org_ok) {
    return tl::unexpected(not_found(fmt::format("organisation {}", membership.org_id)));
  }
  VIGIE_TRY_ASSIGN(
      Statement * up,
      conn_->prepare("INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?) "
                     "ON CONFLICT (user_id, org_id) DO UPDATE SET role = excluded.role"));
  VIGIE_TRY(up->bind(1, std::int64_t{membership.user_id})
                .bind(2, std::int64_t{membership.org_id})
                .bind(3, core::role_name(membership.role))
                .run());
  return tx.commit();
}

core::Status SqliteStore::remove_membership(core::UserId user, core::OrgId org) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * del,
                   conn_->prepare("DELETE FROM memberships WHERE user_id = ? AND org_id = ?"));
  VIGIE_TRY(del->bind(1, std::int64_t{user}).bind(2, std::int64_t{org}).run());
  if (conn_->changes() == 0) {
    return tl::unexpected(not_found(fmt::format("membership of user {} in {}", user, org)));
  }
  return {};
}

core::Result<std::vector<core::Membership>> SqliteStore::memberships_of(core::UserId user) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT user_id, org_id, role FROM memberships "
                                                 "WHERE user_id = ? ORDER BY org_id"));
  s->bind(1, std::int64_t{user});
  return all_rows<core::Membership>(s, [](const Statement& r) {
    return core::Membership{r.column_int(0), r.column_int(1),
                            core::parse_role(r.column_text(2)).value_or(core::Role::Member)};
  });
}

}  // namespace vigie::storage::sqlite
