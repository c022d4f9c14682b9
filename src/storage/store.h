// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The storage interfaces (STYLE.md H5): domain operations, never SQL, so that a PostgreSQL
// backend can follow without touching callers. Split by aggregate; one backend class implements
// them all behind the Store façade. Every backend passes tests/contract/store_contract_test.cpp.
//
// Tenancy: every source and item belongs to an organisation (the operator that collects it);
// callers always say which, so multi-tenancy is never retrofitted.
//
// Errors (core::Error reasons): "storage.not_found" (NotFound), "storage.conflict" (Conflict,
// a unique key is taken), "storage.busy" (Unavailable, retry), "storage.io" (Internal),
// "storage.schema_too_new" (Internal: the database was written by a newer Vigie).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/model.h"
#include "core/people.h"

namespace vigie::storage {

class OrgStore {
 public:
  virtual ~OrgStore() = default;
  // Returns the operator organisation named `name`, creating it when missing. Idempotent.
  virtual core::Result<core::Organisation> ensure_operator(const std::string& name) = 0;
  // Creates a member organisation served by `operator_id`. Conflict when the name is taken.
  virtual core::Result<core::Organisation> create_member(core::OrgId operator_id,
                                                         const std::string& name) = 0;
  virtual core::Result<std::vector<core::Organisation>> list_orgs() = 0;
  // NotFound ("storage.not_found") when there is no such organisation.
  virtual core::Result<core::Organisation> get_org(core::OrgId id) = 0;
  virtual core::Result<core::Organisation> find_org_by_name(const std::string& name) = 0;
};

class SourceStore {
 public:
  virtual ~SourceStore() = default;
  // Adds a source; fills id. Conflict ("storage.conflict") when the org already has that URL.
  virtual core::Result<core::Source> add_source(const core::Source& source) = 0;
  // Updates title, site URL, tags, country, language and enabled (not health).
  virtual core::Status update_source(const core::Source& source) = 0;
  virtual core::Result<core::Source> get_source(core::SourceId id) = 0;
  // NotFound when the org has no source with that URL.
  virtual core::Result<core::Source> find_source_by_url(core::OrgId org,
                                                        const std::string& url) = 0;
  virtual core::Result<std::vector<core::Source>> list_sources(core::OrgId org) = 0;
  // Removes the source and its items (their removal is logged for the search index).
  virtual core::Status remove_source(core::SourceId id) = 0;
  // Enabled feed sources whose next check is at or before `now`, oldest due first.
  virtual core::Result<std::vector<core::Source>> due_sources(core::Timestamp now,
                                                              std::size_t limit) = 0;
  // Persists the health after a fetch attempt (success or failure), including next_check_at.
  virtual core::Status record_fetch_outcome(core::SourceId id,
                                            const core::SourceHealth& health) = 0;
};

struct UpsertStats {
  std::size_t inserted = 0;
  std::size_t updated = 0;    // same item (GUID, canonical URL or content hash), new content
  std::size_t unchanged = 0;  // same item, same content hash
  std::vector<core::ItemId> inserted_ids;
};

// One change to replay into the search index, in commit order. `seq` only grows.
struct IndexLogEntry {
  std::uint64_t seq = 0;
  core::ItemId item_id = 0;
  bool removed = false;
};

class ItemStore {
 public:
  virtual ~ItemStore() = default;
  // Stores items of one source in one transaction. An item is stored once per source: it is
  // the same item when its GUID, canonical URL or content hash matches a stored one. Every
  // insert and content change is appended to the index log in the same transaction, so the
  // search index can always catch up after a crash.
  // Requires: every item's source_id == source and org_id == the source's org.
  virtual core::Result<UpsertStats> upsert_items(core::SourceId source,
                                                 std::span<const core::Item> items) = 0;
  virtual core::Result<core::Item> get_item(core::ItemId id) = 0;
  // Items by id, in the order asked; ids that do not exist are skipped.
  virtual core::Result<std::vector<core::Item>> get_items(std::span<const core::ItemId> ids) = 0;
  virtual core::Result<std::uint64_t> count_items(core::OrgId org) = 0;
  // Changes after `after_seq`, oldest first, at most `limit`.
  virtual core::Result<std::vector<IndexLogEntry>> index_log_after(std::uint64_t after_seq,
                                                                   std::size_t limit) = 0;
  // The highest seq in the log (0 when empty).
  virtual core::Result<std::uint64_t> index_log_head() = 0;
  // Drops log entries at or below `seq` (the index has durably committed them).
  virtual core::Status trim_index_log(std::uint64_t seq) = 0;
  // Every item id of every organisation, ascending, from `after_id`, at most `limit` (reindex).
  virtual core::Result<std::vector<core::ItemId>> item_ids_after(core::ItemId after_id,
                                                                 std::size_t limit) = 0;
};

// Users and their memberships. Emails are unique without regard to case.
class UserStore {
 public:
  virtual ~UserStore() = default;
  // Fills id. Conflict ("storage.conflict") when the email is taken.
  virtual core::Result<core::User> create_user(const core::User& user) = 0;
  // Updates email, name, lang and active. NotFound, Conflict (email taken).
  virtual core::Status update_user(const core::User& user) = 0;
  virtual core::Result<core::User> get_user(core::UserId id) = 0;
  virtual core::Result<core::User> find_user_by_email(const std::string& email) = 0;
  // Every user, by id; with `org`, only that organisation's members.
  virtual core::Result<std::vector<core::User>> list_users(std::optional<core::OrgId> org) = 0;
  // Removes the user and their memberships. NotFound.
  virtual core::Status remove_user(core::UserId id) = 0;
  // Adds the membership, or changes its role. NotFound when the user or the org is missing.
  virtual core::Status set_membership(const core::Membership& membership) = 0;
  // NotFound when the user is not a member of the org.
  virtual core::Status remove_membership(core::UserId user, core::OrgId org) = 0;
  virtual core::Result<std::vector<core::Membership>> memberships_of(core::UserId user) = 0;
};

// The façade a backend implements. Thread-safety: implementations are safe to call from
// several threads; writes are serialised by the backend.
class Store : public OrgStore, public SourceStore, public ItemStore, public UserStore {
 public:
  ~Store() override = default;
};

}  // namespace vigie::storage
