// SPDX-License-Identifier: AGPL-3.0-or-later
#pragma once

// The SQLite backend of storage::Store: one file, WAL mode, numbered migrations embedded in
// the binary and applied in order at open, each in its own transaction.
//
// Thread-safety: every public method may be called from any thread; one connection serves
// them all under a mutex (SQLite in WAL mode lets other processes read while we write). A
// reader pool is the next step when the portal needs concurrent reads.

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>

#include "storage/store.h"

namespace vigie::storage::sqlite {

class Connection;

struct SqliteOptions {
  // Path of the database file; ":memory:" for a private in-memory database (tests).
  std::string path = "vigie.db";
  // synchronous=NORMAL in WAL mode keeps the database consistent after a crash and may lose
  // only the last transactions on power loss; FULL also survives power loss, at some speed.
  bool synchronous_full = false;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating when missing) and migrates the database.
  // Errors: "storage.io" (cannot open), "storage.schema_too_new".
  static core::Result<std::unique_ptr<SqliteStore>> open(const SqliteOptions& options);
  ~SqliteStore() override;

  core::Status in_one_transaction(const std::function<core::Status()>& work) override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // The schema version after migrations (the highest migration number applied).
  int schema_version() const { return schema_version_; }

  core::Result<core::Organisation> ensure_operator(const std::string& name) override;
  core::Result<core::Organisation> create_member(core::OrgId operator_id,
                                                 const std::string& name) override;
  core::Result<std::vector<core::Organisation>> list_orgs() override;
  core::Result<core::Organisation> get_org(core::OrgId id) override;
  core::Result<core::Organisation> find_org_by_name(const std::string& name) override;

  core::Result<core::Source> add_source(const core::Source& source) override;
  core::Status update_source(const core::Source& source) override;
  core::Result<core::Source> get_source(core::SourceId id) override;
  core::Result<core::Source> find_source_by_url(core::OrgId org, const std::string& url) override;
  core::Result<std::vector<core::Source>> list_sources(core::OrgId org) override;
  core::Status remove_source(core::SourceId id) override;
  core::Result<std::vector<core::Source>> due_sources(core::Timestamp now,
                                                      std::size_t limit) override;
  core::Status record_fetch_outcome(core::SourceId id, const core::SourceHealth& health) override;

  using ItemStore::upsert_items;
  core::Result<UpsertStats> upsert_items(core::SourceId source, std::span<const core::Item> items,
                                         const ItemMatcher& matcher) override;
  core::Result<core::Item> get_item(core::ItemId id) override;
  core::Result<std::vector<core::Item>> get_items(std::span<const core::ItemId> ids) override;
  core::Result<std::uint64_t> count_items(core::OrgId org) override;
  core::Result<std::vector<IndexLogEntry>> index_log_after(std::uint64_t after_seq,
                                                           std::size_t limit) override;
  core::Result<std::uint64_t> index_log_head() override;
  core::Status trim_index_log(std::uint64_t seq) override;
  core::Result<std::vector<core::ItemId>> item_ids_after(core::ItemId after_id,
                                                         std::size_t limit) override;

  core::Result<std::vector<core::Item>> items_without_story(core::OrgId org,
                                                            std::size_t limit) override;
  core::Result<std::vector<StoryKeyHit>> story_candidates(core::OrgId org,
                                                          std::span<const std::string> keys,
                                                          core::Timestamp from, core::Timestamp to,
                                                          std::size_t per_key) override;
  core::Result<core::StoryId> assign_story(core::ItemId item, core::StoryId story,
                                           std::span<const std::string> keys) override;
  core::Result<std::optional<core::StoryId>> story_of(core::ItemId item) override;
  core::Result<StoryDetail> get_story(core::StoryId id) override;
  core::Result<std::vector<StorySummary>> list_stories(core::OrgId org, std::size_t limit,
                                                       std::optional<StoryCursor> after) override;
  core::Result<std::uint64_t> count_stories(core::OrgId org) override;
  core::Result<core::Topic> add_topic(const core::Topic& topic) override;
  core::Status update_topic(const core::Topic& topic) override;
  core::Result<core::Topic> get_topic(core::TopicId id) override;
  core::Result<core::Topic> find_topic_by_name(core::OrgId org, const std::string& name) override;
  core::Result<std::vector<core::Topic>> list_topics(core::OrgId org) override;
  core::Status remove_topic(core::TopicId id) override;
  core::Result<std::uint64_t> topics_version() override;
  core::Result<std::vector<core::TopicMatch>> matches_of_item(core::ItemId item) override;
  core::Result<std::vector<core::TopicMatch>> matches_of_topic(core::TopicId topic,
                                                               std::size_t offset,
                                                               std::size_t limit) override;
  core::Result<std::uint64_t> count_matches_of_topic(core::TopicId topic) override;

  core::Result<core::Signal> add_signal(const core::Signal& signal) override;
  core::Result<std::vector<core::Signal>> list_signals(core::OrgId org,
                                                       const SignalFilter& filter) override;
  core::Status set_signal_state(core::SignalId id, core::SignalState state) override;
  core::Result<core::User> create_user(const core::User& user) override;
  core::Status update_user(const core::User& user) override;
  core::Result<core::User> get_user(core::UserId id) override;
  core::Result<core::User> find_user_by_email(const std::string& email) override;
  core::Result<std::vector<core::User>> list_users(std::optional<core::OrgId> org) override;
  core::Status remove_user(core::UserId id) override;
  core::Status set_membership(const core::Membership& membership) override;
  core::Status remove_membership(core::UserId user, core::OrgId org) override;
  core::Result<std::vector<core::Membership>> memberships_of(core::UserId user) override;

  core::Result<StoryReview> record_review(const ReviewChange& change) override;
  core::Result<std::optional<StoryReview>> get_review(core::StoryId story) override;
  core::Result<std::vector<StoryComment>> comments_of(core::StoryId story) override;
  core::Result<std::vector<ReviewEvent>> review_history(core::StoryId story) override;
  core::Result<std::vector<TriageEntry>> list_triage(const TriageQuery& query) override;

  core::Result<core::Subscription> add_subscription(const core::Subscription& s) override;
  core::Result<core::Subscription> get_subscription(core::SubscriptionId id) override;
  core::Status remove_subscription(core::SubscriptionId id) override;
  core::Result<std::vector<core::Subscription>> list_subscriptions(
      std::optional<core::UserId> user, std::optional<core::TopicId> topic) override;
  core::Status add_to_alert_list(core::TopicId topic, core::UserId user) override;
  core::Status remove_from_alert_list(core::TopicId topic, core::UserId user) override;
  core::Result<std::vector<core::UserId>> alert_list(core::TopicId topic) override;

  void set_give_up_after(std::chrono::seconds delay) override;
  core::Result<core::Delivery> add_digest(const core::Delivery& digest) override;
  core::Result<std::vector<core::Delivery>> claim_deliveries(core::Timestamp now,
                                                             core::Timestamp lease_until,
                                                             std::size_t limit) override;
  core::Status record_attempt(const AttemptResult& result) override;
  core::Status retry_delivery(core::DeliveryId id, core::Timestamp now) override;
  core::Result<core::Delivery> get_delivery(core::DeliveryId id) override;
  core::Result<std::vector<core::Delivery>> list_deliveries(core::OrgId org,
                                                            const DeliveryFilter& filter) override;
  core::Result<std::vector<core::DeliveryAttempt>> attempts_of(core::DeliveryId id) override;
  core::Result<core::Signal> get_signal(core::SignalId id) override;

 private:
  explicit SqliteStore(std::unique_ptr<Connection> conn);
  core::Status migrate();
  core::Status apply_migration(std::string_view sql, int number);  // REQUIRES mutex_
  core::Result<core::Source> read_source(core::SourceId id);       // REQUIRES mutex_
  core::Result<core::Topic> read_topic(core::TopicId id);          // REQUIRES mutex_
  // Replaces the matches of `item` and raises its signals (sqlite_topics.cpp); `new_item`: id
  // was just inserted, so it has no matches to replace. REQUIRES mutex_, inside the caller's
  // transaction.
  core::Status write_matches(const core::Item& item, core::ItemId id,
                             const std::vector<core::TopicMatch>& matches, bool new_item);
  // Moves the matches of pending items into topic_matches (migration 0007), sorted by topic.
  // REQUIRES mutex_, inside a transaction. _if_many: only when this process left many.
  core::Status move_pending_matches();
  core::Status move_pending_matches_if_many();
  // Before a read of topic_matches: moves what any process left pending, in a transaction of
  // its own. REQUIRES mutex_, outside a transaction.
  core::Status catch_up_topic_matches();
  // Loads the ids of high and critical topics into alerting_topics_ unless topics_version is
  // the one they were read at. REQUIRES mutex_.
  core::Status refresh_alerting_topics();
  // Writes the alert deliveries of the signal just inserted (sqlite_distribution.cpp): one per
  // immediate subscription of its topic whose user is active and on the topic's alert list.
  // REQUIRES mutex_, inside the transaction that inserted the signal.
  core::Status write_alert_deliveries(core::SignalId signal);
  core::Result<core::Delivery> read_delivery(core::DeliveryId id);  // REQUIRES mutex_

  // Recursive so that in_one_transaction()'s work can call the store's methods from the thread
  // holding it; every other thread waits for the work to end.
  std::recursive_mutex mutex_;
  std::unique_ptr<Connection> conn_;  // GUARDED_BY(mutex_)
  int schema_version_ = 0;
  std::size_t pending_items_ = 0;  // GUARDED_BY(mutex_): items this process left pending
  std::unordered_set<core::TopicId> alerting_topics_;           // GUARDED_BY(mutex_)
  std::int64_t alerting_topics_version_ = -2;                   // GUARDED_BY(mutex_): -2 not read
  std::chrono::seconds give_up_after_{std::chrono::hours{48}};  // GUARDED_BY(mutex_)
};

}  // namespace vigie::storage::sqlite
