// SPDX-License-Identifier: AGPL-3.0-or-later
#include "storage/sqlite/sqlite_store.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "core/embedded.h"
#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"

namespace vigie::storage::sqlite::migrations {
std::span<const core::EmbeddedFile> embedded_files();
}

namespace vigie::storage::sqlite {
namespace {

// A line in a migration that asks for it to run with foreign keys off.
constexpr std::string_view kForeignKeysOff = "\n-- vigie: foreign_keys=off\n";

// "0007_add_stories.sql" -> 7; 0 when the name has no number.
int migration_number(std::string_view name) {
  int n = 0;
  std::from_chars(name.data(), name.data() + name.size(), n);
  return n;
}

const char* kind_name(core::OrgKind k) {
  return k == core::OrgKind::Operator ? "operator" : "member";
}

core::Organisation read_org(const Statement& s) {
  core::Organisation o;
  o.id = s.column_int(0);
  o.name = s.column_text(1);
  o.kind = s.column_text(2) == "operator" ? core::OrgKind::Operator : core::OrgKind::Member;
  o.operator_id = s.column_opt_int(3);
  return o;
}

// The first row of a bound organisations query; NotFound naming `what` when there is none.
core::Result<core::Organisation> first_org(Statement& s, const std::string& what) {
  VIGIE_TRY_ASSIGN(bool row, s.step());
  if (!row) {
    s.reset();
    return core::make_error(core::ErrorCode::NotFound, "storage.not_found",
                            "storage: no organisation " + what);
  }
  core::Organisation org = read_org(s);
  s.reset();
  return org;
}

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
SqliteStore::~SqliteStore() = default;

core::Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const SqliteOptions& options) {
  VIGIE_TRY_ASSIGN(auto conn, Connection::open(options.path));
  // WAL: readers never block the writer, and a crash leaves a database that opens.
  VIGIE_TRY(conn->exec("PRAGMA journal_mode=WAL"));
  VIGIE_TRY(conn->exec(options.synchronous_full ? "PRAGMA synchronous=FULL"
                                                : "PRAGMA synchronous=NORMAL"));
  VIGIE_TRY(conn->exec("PRAGMA foreign_keys=ON"));
  VIGIE_TRY(conn->exec("PRAGMA temp_store=MEMORY"));
  // A 32 MB page cache (SQLite's default is 2 MB): story lookups and index catch-ups read
  // items at random, and each page missing from the cache is a read() system call
  // (bench/fetch/run_e2e.sh 2000: 10.6 s of system time, 6.1 s with it).
  VIGIE_TRY(conn->exec("PRAGMA cache_size=-32768"));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(conn)));
  VIGIE_TRY(store->migrate());
  return store;
}

core::Status SqliteStore::in_one_transaction(const std::function<core::Status()>& work) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(work());
  return tx.commit();
}

core::Status SqliteStore::migrate() {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY(
      conn_->exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                  "applied_at INTEGER NOT NULL DEFAULT (unixepoch()))"));
  VIGIE_TRY_ASSIGN(Statement * cur,
                   conn_->prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
  VIGIE_TRY(cur->step());
  int current = static_cast<int>(cur->column_int(0));
  cur->reset();
  // Every applied version, not only the highest: a migration that arrives with a lower number
  // than one already applied (branches merged in another order) is still applied.
  std::set<int> applied;
  VIGIE_TRY_ASSIGN(Statement * all, conn_->prepare("SELECT version FROM schema_version"));
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, all->step());
    if (!row) {
      break;
    }
    applied.insert(static_cast<int>(all->column_int(0)));
  }

  std::vector<core::EmbeddedFile> files(migrations::embedded_files().begin(),
                                        migrations::embedded_files().end());
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    return migration_number(a.name) < migration_number(b.name);
  });
  const int latest = files.empty() ? 0 : migration_number(files.back().name);
  if (current > latest) {
    return core::make_error(
        core::ErrorCode::Internal, "storage.schema_too_new",
        fmt::format("storage: database schema {} is newer than this Vigie ({})", current, latest));
  }
  for (const auto& f : files) {
    const int n = migration_number(f.name);
    if (applied.count(n) != 0) {
      continue;
    }
    VIGIE_TRY(apply_migration(f.data, n));
    current = std::max(current, n);
  }
  schema_version_ = current;
  return {};
}

core::Status SqliteStore::apply_migration(std::string_view sql, int number) {
  // A migration that rebuilds a table others reference (SQLite's 12-step procedure) runs with
  // foreign keys off, which only takes effect outside a transaction: otherwise dropping the
  // old table would run the other tables' ON DELETE actions. Every reference must hold again
  // before it commits.
  const bool keys_off = sql.find(kForeignKeysOff) != std::string_view::npos;
  if (keys_off) {
    VIGIE_TRY(conn_->exec("PRAGMA foreign_keys=OFF"));
  }
  auto applied = [&]() -> core::Status {
    VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
    VIGIE_TRY(conn_->exec(sql));
    if (keys_off) {
      VIGIE_TRY_ASSIGN(Statement * check, conn_->prepare("PRAGMA foreign_key_check"));
      VIGIE_TRY_ASSIGN(bool broken, check->step());
      check->reset();
      if (broken) {
        return core::make_error(
            core::ErrorCode::Internal, "storage.io",
            fmt::format("storage: migration {} leaves a foreign key broken", number));
      }
    }
    VIGIE_TRY_ASSIGN(Statement * ins,
                     conn_->prepare("INSERT INTO schema_version (version) VALUES (?)"));
    VIGIE_TRY(ins->bind(1, std::int64_t{number}).run());
    return tx.commit();
  }();
  if (keys_off) {
    VIGIE_TRY(conn_->exec("PRAGMA foreign_keys=ON"));
  }
  return applied;
}

core::Result<core::Organisation> SqliteStore::ensure_operator(const std::string& name) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * ins, conn_->prepare("INSERT INTO organisations (name, kind) VALUES "
                                                   "(?, 'operator') ON CONFLICT(name) DO NOTHING"));
  VIGIE_TRY(ins->bind(1, name).run());
  VIGIE_TRY_ASSIGN(
      Statement * sel,
      conn_->prepare("SELECT id, name, kind, operator_id FROM organisations WHERE name = ?"));
  VIGIE_TRY_ASSIGN(bool row, sel->bind(1, name).step());
  if (!row) {
    return core::make_error(core::ErrorCode::Internal, "storage.io", "storage: operator vanished");
  }
  core::Organisation org = read_org(*sel);
  sel->reset();
  if (org.kind != core::OrgKind::Operator) {
    return core::make_error(core::ErrorCode::Conflict, "storage.conflict",
                            "storage: a member organisation already has the name " + name);
  }
  return org;
}

core::Result<core::Organisation> SqliteStore::create_member(core::OrgId operator_id,
                                                            const std::string& name) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * ins,
      conn_->prepare("INSERT INTO organisations (name, kind, operator_id) VALUES (?, ?, ?)"));
  VIGIE_TRY(ins->bind(1, name)
                .bind(2, std::string_view(kind_name(core::OrgKind::Member)))
                .bind(3, std::int64_t{operator_id})
                .run());
  return core::Organisation{conn_->last_insert_rowid(), name, core::OrgKind::Member, operator_id};
}

core::Result<std::vector<core::Organisation>> SqliteStore::list_orgs() {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * sel,
      conn_->prepare("SELECT id, name, kind, operator_id FROM organisations ORDER BY id"));
  std::vector<core::Organisation> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, sel->step());
    if (!row) {
      break;
    }
    out.push_back(read_org(*sel));
  }
  return out;
}

core::Result<core::Organisation> SqliteStore::get_org(core::OrgId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare("SELECT id, name, kind, operator_id FROM organisations WHERE id = ?"));
  return first_org(s->bind(1, std::int64_t{id}), std::to_string(id));
}

core::Result<core::Organisation> SqliteStore::find_org_by_name(const std::string& name) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(
      Statement * s,
      conn_->prepare("SELECT id, name, kind, operator_id FROM organisations WHERE name = ?"));
  return first_org(s->bind(1, name), name);
}

}  // namespace vigie::storage::sqlite
