// SPDX-License-Identifier: AGPL-3.0-or-later
// SqliteStore: subscriptions, topics' alert lists and the outbox (issue #4). What removals
// cancel is done by triggers in migrations/sqlite/0006_distribution.sql, so that removing a
// user or a topic elsewhere cancels their deliveries too.
#include <fmt/format.h>

#include "core/try.h"
#include "storage/sqlite/sqlite_db.h"
#include "storage/sqlite/sqlite_store.h"

namespace vigie::storage::sqlite {
namespace {

constexpr std::string_view kSubscriptionColumns =
    "id, user_id, topic_id, channel, rhythm, webhook_url, created_at, digest_through";

constexpr std::string_view kDeliveryColumns =
    "id, org_id, kind, signal_id, subscription_id, user_id, channel, target, state, attempts, "
    "created_at, next_attempt_at, give_up_at, lease_until, sent_at, last_error, rhythm, "
    "period_from, period_to";

std::optional<core::Timestamp> opt_time(std::optional<std::int64_t> v) {
  if (!v) {
    return std::nullopt;
  }
  return core::from_unix(*v);
}

std::optional<std::int64_t> opt_unix(const std::optional<core::Timestamp>& t) {
  if (!t) {
    return std::nullopt;
  }
  return core::to_unix(*t);
}

core::Subscription read_subscription_row(const Statement& s) {
  core::Subscription sub;
  sub.id = s.column_int(0);
  sub.user_id = s.column_int(1);
  sub.topic_id = s.column_int(2);
  sub.channel = core::parse_channel(s.column_text(3)).value_or(core::Channel::Email);
  sub.rhythm = core::parse_rhythm(s.column_text(4)).value_or(core::Rhythm::Weekly);
  sub.webhook_url = s.column_text(5);
  sub.created_at = core::from_unix(s.column_int(6));
  sub.digest_through = opt_time(s.column_opt_int(7));
  return sub;
}

core::Delivery read_delivery_row(const Statement& s) {
  core::Delivery d;
  d.id = s.column_int(0);
  d.org_id = s.column_int(1);
  d.kind = core::parse_delivery_kind(s.column_text(2)).value_or(core::DeliveryKind::Alert);
  d.signal_id = s.column_opt_int(3);
  d.subscription_id = s.column_opt_int(4);
  d.user_id = s.column_int(5);
  d.channel = core::parse_channel(s.column_text(6)).value_or(core::Channel::Email);
  d.target = s.column_text(7);
  d.state = core::parse_delivery_state(s.column_text(8)).value_or(core::DeliveryState::Pending);
  d.attempts = static_cast<int>(s.column_int(9));
  d.created_at = core::from_unix(s.column_int(10));
  d.next_attempt_at = core::from_unix(s.column_int(11));
  d.give_up_at = core::from_unix(s.column_int(12));
  d.lease_until = opt_time(s.column_opt_int(13));
  d.sent_at = opt_time(s.column_opt_int(14));
  d.last_error = s.column_text(15);
  if (auto r = s.column_opt_text(16)) {
    d.rhythm = core::parse_rhythm(*r);
  }
  d.period_from = opt_time(s.column_opt_int(17));
  d.period_to = opt_time(s.column_opt_int(18));
  return d;
}

core::Error not_found(std::string_view what) {
  return {core::ErrorCode::NotFound, "storage.not_found", fmt::format("storage: no {}", what)};
}

core::Error invalid(std::string_view what) {
  return {core::ErrorCode::InvalidInput, "storage.invalid", fmt::format("storage: {}", what)};
}

template <typename T, typename Read>
core::Result<std::vector<T>> all_rows(Statement* s, Read read) {
  std::vector<T> out;
  for (;;) {
    VIGIE_TRY_ASSIGN(bool row, s->step());
    if (!row) {
      return out;
    }
    out.push_back(read(*s));
  }
}

// NotFound unless the user (when non-zero) and the topic (when non-zero) exist. Checked first
// so that a missing row is NotFound, not a foreign-key conflict.
core::Status check_user_and_topic(Connection& conn, core::UserId user, core::TopicId topic) {
  VIGIE_TRY_ASSIGN(Statement * chk,
                   conn.prepare("SELECT (SELECT count(*) FROM users WHERE id = ?), "
                                "(SELECT count(*) FROM topics WHERE id = ?)"));
  chk->bind(1, std::int64_t{user}).bind(2, std::int64_t{topic});
  VIGIE_TRY(chk->step());
  const bool user_ok = user == 0 || chk->column_int(0) > 0;
  const bool topic_ok = topic == 0 || chk->column_int(1) > 0;
  chk->reset();
  if (!user_ok) {
    return tl::unexpected(not_found(fmt::format("user {}", user)));
  }
  if (!topic_ok) {
    return tl::unexpected(not_found(fmt::format("topic {}", topic)));
  }
  return {};
}

// The state a delivery ends in after an attempt reported as `reported` while it was
// `current`. A delivery already sent stays sent (a second worker whose lease had expired); one
// cancelled while a worker held it stays cancelled unless that worker did send it.
core::DeliveryState state_after(core::DeliveryState current, core::DeliveryState reported) {
  if (current == core::DeliveryState::Sent) {
    return current;
  }
  if (current == core::DeliveryState::Cancelled && reported != core::DeliveryState::Sent) {
    return current;
  }
  return reported;
}

}  // namespace

// ---- Subscriptions and alert lists --------------------------------------------------------

core::Result<core::Subscription> SqliteStore::add_subscription(const core::Subscription& s) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(check_user_and_topic(*conn_, s.user_id, s.topic_id));
  VIGIE_TRY_ASSIGN(Statement * ins,
                   conn_->prepare("INSERT INTO subscriptions (user_id, topic_id, channel, rhythm, "
                                  "webhook_url, created_at, digest_through) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_TRY(ins->bind(1, std::int64_t{s.user_id})
                .bind(2, std::int64_t{s.topic_id})
                .bind(3, core::to_string(s.channel))
                .bind(4, core::to_string(s.rhythm))
                .bind(5, s.webhook_url)
                .bind(6, core::to_unix(s.created_at))
                .bind(7, opt_unix(s.digest_through))
                .run());
  core::Subscription out = s;
  out.id = conn_->last_insert_rowid();
  VIGIE_TRY(tx.commit());
  return out;
}

core::Result<core::Subscription> SqliteStore::get_subscription(core::SubscriptionId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM subscriptions WHERE id = ?",
                                              kSubscriptionColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return tl::unexpected(not_found(fmt::format("subscription {}", id)));
  }
  core::Subscription sub = read_subscription_row(*s);
  s->reset();
  return sub;
}

core::Status SqliteStore::remove_subscription(core::SubscriptionId id) {
  std::scoped_lock lock(mutex_);
  // One statement, so one implicit transaction with the triggers that cancel its deliveries.
  VIGIE_TRY_ASSIGN(Statement * del, conn_->prepare("DELETE FROM subscriptions WHERE id = ?"));
  VIGIE_TRY(del->bind(1, std::int64_t{id}).run());
  if (conn_->changes() == 0) {
    return tl::unexpected(not_found(fmt::format("subscription {}", id)));
  }
  return {};
}

core::Result<std::vector<core::Subscription>> SqliteStore::list_subscriptions(
    std::optional<core::UserId> user, std::optional<core::TopicId> topic) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format("SELECT {} FROM subscriptions WHERE (?1 IS NULL OR "
                                              "user_id = ?1) AND (?2 IS NULL OR topic_id = ?2) "
                                              "ORDER BY id",
                                              kSubscriptionColumns)));
  s->bind(1, user).bind(2, topic);
  return all_rows<core::Subscription>(s, read_subscription_row);
}

core::Status SqliteStore::add_to_alert_list(core::TopicId topic, core::UserId user) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(check_user_and_topic(*conn_, user, topic));
  VIGIE_TRY_ASSIGN(Statement * ins, conn_->prepare("INSERT OR IGNORE INTO topic_alert_list "
                                                   "(topic_id, user_id) VALUES (?, ?)"));
  VIGIE_TRY(ins->bind(1, std::int64_t{topic}).bind(2, std::int64_t{user}).run());
  return tx.commit();
}

core::Status SqliteStore::remove_from_alert_list(core::TopicId topic, core::UserId user) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(check_user_and_topic(*conn_, user, topic));
  VIGIE_TRY_ASSIGN(Statement * del, conn_->prepare("DELETE FROM topic_alert_list WHERE topic_id = "
                                                   "? AND user_id = ?"));
  VIGIE_TRY(del->bind(1, std::int64_t{topic}).bind(2, std::int64_t{user}).run());
  // Immediate subscriptions need a place on the list; their pending alerts are cancelled by
  // the subscriptions' delete trigger.
  VIGIE_TRY_ASSIGN(Statement * subs,
                   conn_->prepare("DELETE FROM subscriptions WHERE topic_id = ? AND user_id = ? "
                                  "AND rhythm = 'immediate'"));
  VIGIE_TRY(subs->bind(1, std::int64_t{topic}).bind(2, std::int64_t{user}).run());
  return tx.commit();
}

core::Result<std::vector<core::UserId>> SqliteStore::alert_list(core::TopicId topic) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY(check_user_and_topic(*conn_, 0, topic));
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare("SELECT user_id FROM topic_alert_list WHERE "
                                                 "topic_id = ? ORDER BY user_id"));
  s->bind(1, std::int64_t{topic});
  return all_rows<core::UserId>(s, [](const Statement& r) { return r.column_int(0); });
}

// ---- The outbox ---------------------------------------------------------------------------

core::Status SqliteStore::write_alert_deliveries(core::SignalId signal) {
  // Most signals' topics have no immediate subscription: a look at the index first spares
  // them the insert below, which opens the outbox table and its eight indexes whether it
  // writes a row or not (a quarter of a topic-match signal's cost when it did).
  {
    VIGIE_TRY_ASSIGN(
        Statement * any,
        conn_->prepare("SELECT EXISTS (SELECT 1 FROM signals g JOIN subscriptions s ON "
                       "s.topic_id = g.topic_id AND s.rhythm = 'immediate' WHERE g.id = ?)"));
    VIGIE_TRY_ASSIGN(bool row, any->bind(1, std::int64_t{signal}).step());
    const bool subscribed = row && any->column_int(0) != 0;
    any->reset();
    if (!subscribed) {
      return {};
    }
  }
  // One statement: the recipients are read in the signal's transaction, so they are the
  // subscriptions, alert list and user states as they are when the signal is written.
  VIGIE_TRY_ASSIGN(
      Statement * ins,
      conn_->prepare(
          "INSERT INTO deliveries (org_id, kind, signal_id, subscription_id, user_id, "
          "channel, target, state, attempts, created_at, next_attempt_at, give_up_at) "
          "SELECT g.org_id, 'alert', g.id, s.id, s.user_id, s.channel, "
          "CASE s.channel WHEN 'webhook' THEN s.webhook_url ELSE u.email END, 'pending', 0, "
          "g.created_at, g.created_at, g.created_at + ?2 "
          "FROM signals g "
          "JOIN topics t ON t.id = g.topic_id AND t.enabled <> 0 "
          "JOIN subscriptions s ON s.topic_id = g.topic_id AND s.rhythm = 'immediate' "
          "JOIN users u ON u.id = s.user_id AND u.active <> 0 "
          "JOIN topic_alert_list a ON a.topic_id = s.topic_id AND a.user_id = s.user_id "
          "WHERE g.id = ?1 ORDER BY s.id"));
  return ins->bind(1, std::int64_t{signal})
      .bind(2, static_cast<std::int64_t>(give_up_after_.count()))
      .run();
}

void SqliteStore::set_give_up_after(std::chrono::seconds delay) {
  std::scoped_lock lock(mutex_);
  give_up_after_ = delay;
}

core::Result<core::Delivery> SqliteStore::read_delivery(core::DeliveryId id) {
  VIGIE_TRY_ASSIGN(Statement * s, conn_->prepare(fmt::format(
                                      "SELECT {} FROM deliveries WHERE id = ?", kDeliveryColumns)));
  VIGIE_TRY_ASSIGN(bool row, s->bind(1, std::int64_t{id}).step());
  if (!row) {
    return tl::unexpected(not_found(fmt::format("delivery {}", id)));
  }
  core::Delivery d = read_delivery_row(*s);
  s->reset();
  return d;
}

core::Result<core::Delivery> SqliteStore::add_digest(const core::Delivery& digest) {
  if (!digest.rhythm || !digest.period_from || !digest.period_to) {
    return tl::unexpected(invalid("a digest needs a rhythm and a period"));
  }
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY(check_user_and_topic(*conn_, digest.user_id, 0));
  const std::int64_t created = core::to_unix(digest.created_at);
  // Due at once unless the caller said otherwise.
  const std::int64_t next =
      digest.next_attempt_at == core::Timestamp{} ? created : core::to_unix(digest.next_attempt_at);
  VIGIE_TRY_ASSIGN(
      Statement * ins,
      conn_->prepare("INSERT INTO deliveries (org_id, kind, user_id, channel, target, state, "
                     "attempts, created_at, next_attempt_at, give_up_at, rhythm, period_from, "
                     "period_to) VALUES (?, 'digest', ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?)"));
  VIGIE_TRY(ins->bind(1, std::int64_t{digest.org_id})
                .bind(2, std::int64_t{digest.user_id})
                .bind(3, core::to_string(digest.channel))
                .bind(4, digest.target)
                .bind(5, created)
                .bind(6, next)
                .bind(7, created + static_cast<std::int64_t>(give_up_after_.count()))
                .bind(8, core::to_string(*digest.rhythm))
                .bind(9, core::to_unix(*digest.period_from))
                .bind(10, core::to_unix(*digest.period_to))
                .run());
  const core::DeliveryId id = conn_->last_insert_rowid();
  // digest_through never moves back (a late digest for an older period). A webhook digest
  // covers only the subscriptions posting to its URL.
  VIGIE_TRY_ASSIGN(Statement * up,
                   conn_->prepare("UPDATE subscriptions SET digest_through = "
                                  "max(coalesce(digest_through, ?1), ?1) "
                                  "WHERE user_id = ?2 AND rhythm = ?3 AND channel = ?4 "
                                  "AND (channel <> 'webhook' OR webhook_url = ?5)"));
  VIGIE_TRY(up->bind(1, core::to_unix(*digest.period_to))
                .bind(2, std::int64_t{digest.user_id})
                .bind(3, core::to_string(*digest.rhythm))
                .bind(4, core::to_string(digest.channel))
                .bind(5, digest.target)
                .run());
  VIGIE_TRY_ASSIGN(core::Delivery out, read_delivery(id));
  VIGIE_TRY(tx.commit());
  return out;
}

core::Result<std::vector<core::Delivery>> SqliteStore::claim_deliveries(core::Timestamp now,
                                                                        core::Timestamp lease_until,
                                                                        std::size_t limit) {
  std::scoped_lock lock(mutex_);
  if (limit == 0) {
    return std::vector<core::Delivery>{};
  }
  // BEGIN IMMEDIATE takes the database's write lock before the SELECT, so another process
  // claiming at the same time waits for this commit and then sees these rows as Sending.
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY_ASSIGN(
      Statement * sel,
      conn_->prepare("SELECT id FROM deliveries WHERE (state = 'pending' AND next_attempt_at <= "
                     "?1) OR (state = 'sending' AND lease_until <= ?1) "
                     "ORDER BY next_attempt_at, id LIMIT ?2"));
  sel->bind(1, core::to_unix(now)).bind(2, static_cast<std::int64_t>(limit));
  VIGIE_TRY_ASSIGN(auto ids, all_rows<core::DeliveryId>(
                                 sel, [](const Statement& r) { return r.column_int(0); }));
  std::vector<core::Delivery> out;
  out.reserve(ids.size());
  for (core::DeliveryId id : ids) {
    VIGIE_TRY_ASSIGN(Statement * up, conn_->prepare("UPDATE deliveries SET state = 'sending', "
                                                    "lease_until = ? WHERE id = ?"));
    VIGIE_TRY(up->bind(1, core::to_unix(lease_until)).bind(2, std::int64_t{id}).run());
    VIGIE_TRY_ASSIGN(core::Delivery d, read_delivery(id));
    out.push_back(std::move(d));
  }
  VIGIE_TRY(tx.commit());
  return out;
}

core::Status SqliteStore::record_attempt(const AttemptResult& result) {
  using core::DeliveryState;
  if (result.new_state != DeliveryState::Pending && result.new_state != DeliveryState::Sent
      && result.new_state != DeliveryState::Failed) {
    return tl::unexpected(invalid("an attempt leaves a delivery pending, sent or failed"));
  }
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  const core::DeliveryAttempt& a = result.attempt;
  VIGIE_TRY_ASSIGN(core::Delivery d, read_delivery(a.delivery_id));
  // Numbered by the store, so attempts stay 1, 2, ... even if two workers report.
  VIGIE_TRY_ASSIGN(Statement * ins,
                   conn_->prepare("INSERT INTO delivery_attempts (delivery_id, number, at, "
                                  "outcome, code, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  VIGIE_TRY(ins->bind(1, std::int64_t{d.id})
                .bind(2, std::int64_t{d.attempts + 1})
                .bind(3, core::to_unix(a.at))
                .bind(4, a.outcome)
                .bind(5, std::int64_t{a.code})
                .bind(6, a.reason)
                .bind(7, a.detail)
                .run());
  const DeliveryState state = state_after(d.state, result.new_state);
  if (state == DeliveryState::Pending) {
    d.next_attempt_at = result.next_attempt_at;
  }
  if (state == DeliveryState::Sent && d.state != DeliveryState::Sent) {
    d.sent_at = a.at;
  }
  if (state == result.new_state && state != DeliveryState::Sent) {
    d.last_error = a.reason;
  }
  VIGIE_TRY_ASSIGN(Statement * up,
                   conn_->prepare("UPDATE deliveries SET state = ?, attempts = attempts + 1, "
                                  "lease_until = NULL, next_attempt_at = ?, sent_at = ?, "
                                  "last_error = ? WHERE id = ?"));
  VIGIE_TRY(up->bind(1, core::to_string(state))
                .bind(2, core::to_unix(d.next_attempt_at))
                .bind(3, opt_unix(d.sent_at))
                .bind(4, d.last_error)
                .bind(5, std::int64_t{d.id})
                .run());
  return tx.commit();
}

core::Status SqliteStore::retry_delivery(core::DeliveryId id, core::Timestamp now) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(auto tx, Transaction::begin(*conn_));
  VIGIE_TRY_ASSIGN(core::Delivery d, read_delivery(id));
  if (d.state != core::DeliveryState::Failed && d.state != core::DeliveryState::Cancelled) {
    return core::make_error(core::ErrorCode::Conflict, "storage.conflict",
                            fmt::format("storage: delivery {} is {}, not failed or cancelled", id,
                                        core::to_string(d.state)));
  }
  VIGIE_TRY_ASSIGN(Statement * up,
                   conn_->prepare("UPDATE deliveries SET state = 'pending', next_attempt_at = ?, "
                                  "give_up_at = ?, lease_until = NULL WHERE id = ?"));
  VIGIE_TRY(up->bind(1, core::to_unix(now))
                .bind(2, core::to_unix(now) + static_cast<std::int64_t>(give_up_after_.count()))
                .bind(3, std::int64_t{id})
                .run());
  return tx.commit();
}

core::Result<core::Delivery> SqliteStore::get_delivery(core::DeliveryId id) {
  std::scoped_lock lock(mutex_);
  return read_delivery(id);
}

core::Result<std::vector<core::Delivery>> SqliteStore::list_deliveries(
    core::OrgId org, const DeliveryFilter& filter) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare(fmt::format(
                       "SELECT {} FROM deliveries WHERE org_id = ?1 AND (?2 IS NULL OR state = "
                       "?2) AND (?3 IS NULL OR kind = ?3) AND (?4 IS NULL OR signal_id = ?4) "
                       "ORDER BY id DESC LIMIT ?5 OFFSET ?6",
                       kDeliveryColumns)));
  s->bind(1, std::int64_t{org});
  if (filter.state) {
    s->bind(2, core::to_string(*filter.state));
  } else {
    s->bind_null(2);
  }
  if (filter.kind) {
    s->bind(3, core::to_string(*filter.kind));
  } else {
    s->bind_null(3);
  }
  s->bind(4, filter.signal)
      .bind(5, static_cast<std::int64_t>(filter.limit))
      .bind(6, static_cast<std::int64_t>(filter.offset));
  return all_rows<core::Delivery>(s, read_delivery_row);
}

core::Result<std::vector<core::DeliveryAttempt>> SqliteStore::attempts_of(core::DeliveryId id) {
  std::scoped_lock lock(mutex_);
  VIGIE_TRY_ASSIGN(Statement * s,
                   conn_->prepare("SELECT delivery_id, number, at, outcome, code, reason, detail "
                                  "FROM delivery_attempts WHERE delivery_id = ? "
                                  "ORDER BY number, id"));
  s->bind(1, std::int64_t{id});
  return all_rows<core::DeliveryAttempt>(s, [](const Statement& r) {
    core::DeliveryAttempt a;
    a.delivery_id = r.column_int(0);
    a.number = static_cast<int>(r.column_int(1));
    a.at = core::from_unix(r.column_int(2));
    a.outcome = r.column_text(3);
    a.code = static_cast<int>(r.column_int(4));
    a.reason = r.column_text(5);
    a.detail = r.column_text(6);
    return a;
  });
}

}  // namespace vigie::storage::sqlite
