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

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/distribution.h"
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

// The topics an item matched, computed while it is being stored (see upsert_items).
using ItemMatcher = std::function<core::Result<std::vector<core::TopicMatch>>(const core::Item&)>;

class ItemStore {
 public:
  virtual ~ItemStore() = default;
  // Stores items of one source in one transaction. An item is stored once per source: it is
  // the same item when its GUID, canonical URL or content hash matches a stored one. Every
  // insert and content change is appended to the index log in the same transaction, so the
  // search index can always catch up after a crash.
  // Requires: every item's source_id == source and org_id == the source's org.
  //
  // `matcher`, when set, is called inside the transaction for each item inserted or changed
  // (never for unchanged ones), with a reference to that element of `items`, and returns the topics
  // the item matched (the percolator's output; TopicMatch::item_id is ignored). Those matches
  // replace the item's stored ones, and each match of a high or critical topic raises a
  // "topic_match" signal (severity and audience from the topic as it is in this transaction, title
  // from the item, created at the item's fetched_at); an item changed again does not raise the same
  // topic's signal twice. A matcher error aborts the whole transaction and is returned. The matcher
  // must not call the store (it runs under the store's lock) and should be quick (it holds the
  // writer).
  virtual core::Result<UpsertStats> upsert_items(core::SourceId source,
                                                 std::span<const core::Item> items,
                                                 const ItemMatcher& matcher) = 0;
  core::Result<UpsertStats> upsert_items(core::SourceId source, std::span<const core::Item> items) {
    return upsert_items(source, items, ItemMatcher());
  }
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

// A stored item filed under a story lookup key (match::story_lookup_keys), with its story and
// what match::StoryHead needs of it (so most candidates are ruled out without loading them).
struct StoryKeyHit {
  core::ItemId item_id = 0;
  core::StoryId story_id = 0;
  std::uint64_t simhash = 0;
  std::string lang;
  std::string canonical_url;
  std::string content_hash;
  std::string title;
};

// One item of a story, with what a reader needs to see where and when it appeared.
struct StoryMember {
  core::Item item;
  std::string source_title;
};

// A story with its items, in order of appearance (published, else fetched; then id).
struct StoryDetail {
  core::Story story;
  std::vector<StoryMember> members;
};

// A line of the story list: the story and the titles of its sources, in order of appearance.
struct StorySummary {
  core::Story story;
  std::vector<std::string> sources;
};

// Keyset paging for list_stories: stories strictly after this one in the list order.
struct StoryCursor {
  core::Timestamp first_seen_at{};
  core::StoryId id = 0;
};

// Stories: clusters of items that tell the same story (match/story.h decides; this stores).
// An item belongs to at most one story; an item without a story is pending, and
// service::StoryService assigns it, so a crash between storing items and clustering them
// loses nothing. Lookup keys are kept per item with the item's first-seen time, so that
// candidates come from a time window around the item, never from the whole history.
class StoryStore {
 public:
  virtual ~StoryStore() = default;
  // Items of `org` without a story, in order of appearance (published, else fetched; then
  // id), at most `limit`.
  virtual core::Result<std::vector<core::Item>> items_without_story(core::OrgId org,
                                                                    std::size_t limit) = 0;
  // Items of `org` filed under any of `keys` whose first-seen time lies in [from, to]: for
  // each key, the `per_key` most recently seen. Each item once; unordered.
  virtual core::Result<std::vector<StoryKeyHit>> story_candidates(core::OrgId org,
                                                                  std::span<const std::string> keys,
                                                                  core::Timestamp from,
                                                                  core::Timestamp to,
                                                                  std::size_t per_key) = 0;
  // Puts the item in story `story`, or in a new story when `story` is 0, and files it under
  // `keys`, in one transaction; the story's count, first and last appearance, first item and
  // title follow. Returns the item's story. Idempotent: an item that already has a story keeps
  // it and that story is returned. Errors: NotFound ("storage.not_found") for an unknown item
  // or story; Conflict ("storage.conflict") when the story belongs to another organisation.
  virtual core::Result<core::StoryId> assign_story(core::ItemId item, core::StoryId story,
                                                   std::span<const std::string> keys) = 0;
  // The item's story, or nullopt when it is pending. NotFound for an unknown item.
  virtual core::Result<std::optional<core::StoryId>> story_of(core::ItemId item) = 0;
  // The story with its items and their sources. NotFound for an unknown story.
  virtual core::Result<StoryDetail> get_story(core::StoryId id) = 0;
  // Stories of `org`, newest first appearance first (then higher id), at most `limit`,
  // after `after` when given (the last story of the previous page).
  virtual core::Result<std::vector<StorySummary>> list_stories(
      core::OrgId org, std::size_t limit, std::optional<StoryCursor> after = std::nullopt) = 0;
  virtual core::Result<std::uint64_t> count_stories(core::OrgId org) = 0;
};

// Watch topics. Names are unique per organisation ("storage.conflict" otherwise).
class TopicStore {
 public:
  virtual ~TopicStore() = default;
  // Adds a topic; fills id. The caller sets created_at and updated_at.
  virtual core::Result<core::Topic> add_topic(const core::Topic& topic) = 0;
  // Replaces every field but id, org_id and created_at. NotFound, Conflict (name taken).
  virtual core::Status update_topic(const core::Topic& topic) = 0;
  virtual core::Result<core::Topic> get_topic(core::TopicId id) = 0;
  // NotFound when the org has no topic of that name (compared exactly).
  virtual core::Result<core::Topic> find_topic_by_name(core::OrgId org,
                                                       const std::string& name) = 0;
  // Every topic of the org, enabled or not, by name.
  virtual core::Result<std::vector<core::Topic>> list_topics(core::OrgId org) = 0;
  // Removes the topic and its matches; its signals stay, without the topic. NotFound.
  virtual core::Status remove_topic(core::TopicId id) = 0;
  // A number that changes (grows) whenever any topic of any org is added, changed or removed,
  // also by another process: a cached percolator is stale when it differs.
  virtual core::Result<std::uint64_t> topics_version() = 0;

  // The topics an item matched, best score first.
  virtual core::Result<std::vector<core::TopicMatch>> matches_of_item(core::ItemId item) = 0;
  // One page of what a topic matched, newest item (highest id) first.
  virtual core::Result<std::vector<core::TopicMatch>> matches_of_topic(core::TopicId topic,
                                                                       std::size_t offset,
                                                                       std::size_t limit) = 0;
  virtual core::Result<std::uint64_t> count_matches_of_topic(core::TopicId topic) = 0;
};

struct SignalFilter {
  std::optional<core::SignalState> state;  // any state when unset
  std::optional<std::string> kind;         // any kind when unset
  std::size_t offset = 0;
  std::size_t limit = 50;
};

// Signals of every module (core::Signal). Topic-match signals are written by upsert_items;
// other producers add theirs here.
class SignalStore {
 public:
  virtual ~SignalStore() = default;
  // Adds a signal; fills id. Requires: kind not empty.
  virtual core::Result<core::Signal> add_signal(const core::Signal& signal) = 0;
  // Newest first (highest id).
  virtual core::Result<std::vector<core::Signal>> list_signals(core::OrgId org,
                                                               const SignalFilter& filter) = 0;
  // NotFound when there is no such signal.
  virtual core::Status set_signal_state(core::SignalId id, core::SignalState state) = 0;
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

// Triage (issue #3, part 4): what an analyst decided about a story. A story without a review
// is new.
enum class ReviewState { New, Kept, Discarded };
inline std::string_view to_string(ReviewState s) {
  switch (s) {
    case ReviewState::Kept:
      return "kept";
    case ReviewState::Discarded:
      return "discarded";
    case ReviewState::New:
      break;
  }
  return "new";
}

struct StoryReview {
  core::StoryId story_id = 0;
  ReviewState state = ReviewState::New;
  bool highlight = false;     // "fait marquant"; only a kept story is highlighted
  std::optional<int> rating;  // 1 to 5
  std::string reviewer;
  core::Timestamp reviewed_at{};
  std::vector<std::string> tags;  // sorted
};

// One decision, recorded by ReviewStore::record_review.
struct ReviewChange {
  core::StoryId story_id = 0;
  std::string action;                     // as the history shows it: keep, discard, ...
  ReviewState state = ReviewState::Kept;  // Kept or Discarded
  std::optional<bool> highlight;          // unchanged when unset
  std::optional<int> rating;              // unchanged when unset; 1 to 5
  std::vector<std::string> tags;          // added (never removed here)
  std::optional<std::string> comment;     // added when set
  std::string actor;
  core::Timestamp at{};
};

// One row of the append-only review history.
struct ReviewEvent {
  std::int64_t id = 0;
  core::StoryId story_id = 0;
  std::string action;  // keep, discard, highlight, alert, rating, tag, comment
  std::string value;   // the rating, the tag, the comment; empty for decisions
  std::string actor;
  core::Timestamp at{};
};

struct StoryComment {
  std::int64_t id = 0;
  core::StoryId story_id = 0;
  std::string author;
  std::string body;
  core::Timestamp created_at{};
};

// What list_triage returns: stories in one review state, optionally limited to one topic.
struct TriageQuery {
  core::OrgId org = 0;
  ReviewState state = ReviewState::New;
  std::optional<core::TopicId> topic;  // across every enabled topic when unset
  std::size_t offset = 0;
  std::size_t limit = 50;
};

struct TriageEntry {
  core::Story story;
  std::size_t source_count = 0;
  std::vector<std::string> topics;  // names of the enabled topics its items matched, sorted
  core::Priority priority = core::Priority::Normal;  // the best of those topics
  double score = 0;                                  // the best match score
  std::optional<StoryReview> review;                 // unset for new stories
};

class ReviewStore {
 public:
  virtual ~ReviewStore() = default;
  // Records one decision in one transaction: sets the review's state, highlight and rating
  // (when given), reviewer (actor) and time; adds tags and the comment; appends the history
  // (the action, then one row per rating, tag and comment). Returns the review as it now is.
  // Errors: NotFound ("storage.not_found") for an unknown story; InvalidInput
  // ("storage.invalid") for a rating outside 1..5, a state New or an empty tag.
  virtual core::Result<StoryReview> record_review(const ReviewChange& change) = 0;
  // The story's review; nullopt when it is new (also for an unknown story).
  virtual core::Result<std::optional<StoryReview>> get_review(core::StoryId story) = 0;
  // Oldest first.
  virtual core::Result<std::vector<StoryComment>> comments_of(core::StoryId story) = 0;
  // Oldest first.
  virtual core::Result<std::vector<ReviewEvent>> review_history(core::StoryId story) = 0;
  // New stories (the inbox): only stories with at least one item matching an enabled topic
  // (or `topic`), best topic priority first (critical, high, normal), then best score, then
  // latest appearance, then higher id. Kept or discarded stories: every reviewed story of the
  // org (with `topic`, only those matching it), latest review first.
  virtual core::Result<std::vector<TriageEntry>> list_triage(const TriageQuery& query) = 0;
};

// Subscriptions and topics' alert lists (issue #4). A user has at most one subscription per
// (topic, channel, rhythm) ("storage.conflict" otherwise). Authorisation (who may subscribe to
// what) is the service's job; this stores.
class SubscriptionStore {
 public:
  virtual ~SubscriptionStore() = default;
  // Fills id. NotFound when the user or topic is missing; Conflict when it exists already.
  virtual core::Result<core::Subscription> add_subscription(const core::Subscription& s) = 0;
  virtual core::Result<core::Subscription> get_subscription(core::SubscriptionId id) = 0;
  // Removes it and cancels its deliveries not yet sent, in one transaction. NotFound.
  virtual core::Status remove_subscription(core::SubscriptionId id) = 0;
  // By id; only the user's, only the topic's, or both, when given.
  virtual core::Result<std::vector<core::Subscription>> list_subscriptions(
      std::optional<core::UserId> user, std::optional<core::TopicId> topic) = 0;
  // The topic's alert list: the named people its alerts may go to. Idempotent. Removing a
  // user also removes their immediate subscriptions to the topic (cancelling their pending
  // alerts); removing someone not on the list does nothing. NotFound when the topic or the
  // user is missing.
  virtual core::Status add_to_alert_list(core::TopicId topic, core::UserId user) = 0;
  virtual core::Status remove_from_alert_list(core::TopicId topic, core::UserId user) = 0;
  // By user id. NotFound for an unknown topic.
  virtual core::Result<std::vector<core::UserId>> alert_list(core::TopicId topic) = 0;
};

struct DeliveryFilter {
  std::optional<core::DeliveryState> state;
  std::optional<core::DeliveryKind> kind;
  std::optional<core::SignalId> signal;
  std::size_t offset = 0;
  std::size_t limit = 50;
};

// The result of one attempt, as the delivery worker reports it.
struct AttemptResult {
  core::DeliveryAttempt attempt;  // delivery_id, number, at, outcome, code, reason, detail
  core::DeliveryState new_state = core::DeliveryState::Pending;  // Pending, Sent or Failed
  core::Timestamp next_attempt_at{};                             // when Pending
};

// The outbox (DESIGN.md §6 "Delivery"). Alert deliveries are never added by callers: the
// backend writes them in the transaction that writes the signal (add_signal and upsert_items),
// one per immediate subscription of the signal's topic whose user is active and on the
// topic's alert list, with give_up_at = created_at + the outbox's give-up delay.
//
// What has not gone out (Pending or Sending) is cancelled, last_error saying why, when its
// subscription is removed ("outbox.unsubscribed"; a digest when its user has no subscription
// left at that rhythm and channel, to that URL for a webhook digest), its topic is removed
// ("outbox.topic_removed"), its user is deactivated ("outbox.user_inactive") or removed
// ("outbox.user_removed"). An alert is cancelled too when its topic is disabled
// ("outbox.topic_disabled", by update_topic), and a signal of a disabled topic gets no
// delivery. Rows are kept for audit; user_id reads 0 and subscription_id unset once the user
// or subscription is gone.
class DeliveryStore {
 public:
  virtual ~DeliveryStore() = default;
  // How long a delivery is retried before it fails ("outbox.gave_up"). Default 48 hours.
  virtual void set_give_up_after(std::chrono::seconds delay) = 0;
  // Adds a digest delivery for (digest.user_id, *digest.rhythm, digest.channel,
  // digest.target) covering [period_from, period_to) and moves digest_through to period_to on
  // every subscription of that user with that rhythm and channel (for a webhook digest, only
  // those whose webhook_url is the target), in one transaction. Fills id and give_up_at;
  // next_attempt_at defaults to created_at. Errors: InvalidInput ("storage.invalid") without
  // rhythm or period; NotFound for an unknown user; Conflict when that user, rhythm, channel
  // and target already have a digest from the same period_from (two schedulers racing).
  virtual core::Result<core::Delivery> add_digest(const core::Delivery& digest) = 0;
  // Claims up to `limit` deliveries that are Pending with next_attempt_at <= now, or Sending
  // with lease_until <= now (a dead worker's), oldest first: they become Sending until
  // `lease_until`. Two concurrent callers never get the same delivery.
  virtual core::Result<std::vector<core::Delivery>> claim_deliveries(core::Timestamp now,
                                                                     core::Timestamp lease_until,
                                                                     std::size_t limit) = 0;
  // Appends the attempt and moves the delivery to its new state, in one transaction; sets
  // sent_at (Sent), last_error (otherwise); clears the lease. The store numbers attempts
  // (1 + those before; attempt.number is not used). A Sent delivery stays Sent, and one
  // cancelled while a worker held it stays Cancelled unless this attempt sent it (the attempt
  // is kept either way). NotFound; InvalidInput when new_state is not Pending, Sent or Failed.
  virtual core::Status record_attempt(const AttemptResult& result) = 0;
  // Puts a Failed or Cancelled delivery back to Pending, due at `now`, with a new give-up
  // time. NotFound; Conflict when it is Pending, Sending or Sent.
  virtual core::Status retry_delivery(core::DeliveryId id, core::Timestamp now) = 0;
  virtual core::Result<core::Delivery> get_delivery(core::DeliveryId id) = 0;
  // Newest first (highest id).
  virtual core::Result<std::vector<core::Delivery>> list_deliveries(
      core::OrgId org, const DeliveryFilter& filter) = 0;
  // Oldest first.
  virtual core::Result<std::vector<core::DeliveryAttempt>> attempts_of(core::DeliveryId id) = 0;
  virtual core::Result<core::Signal> get_signal(core::SignalId id) = 0;
};

// The façade a backend implements. Thread-safety: implementations are safe to call from
// several threads; writes are serialised by the backend.
class Store : public OrgStore,
              public SourceStore,
              public ItemStore,
              public StoryStore,
              public TopicStore,
              public SignalStore,
              public UserStore,
              public ReviewStore,
              public SubscriptionStore,
              public DeliveryStore {
 public:
  ~Store() override = default;

  // Runs `work` in one transaction: the store calls `work` makes from this thread join it
  // (each sees what the previous ones wrote), and are committed together when `work` returns
  // success, or all rolled back when it fails. Other threads' calls wait until then, so `work`
  // must be short (a batch of hundreds of writes) and must not wait for another thread that
  // uses the store. For many small writes that each need the previous ones (stories: one
  // commit per batch instead of per item). Errors: `work`'s, storage errors.
  virtual core::Status in_one_transaction(const std::function<core::Status()>& work) = 0;
};

}  // namespace vigie::storage
