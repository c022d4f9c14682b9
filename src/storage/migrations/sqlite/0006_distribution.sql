-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Distribution (issue #4): subscriptions, topics' alert lists, and the outbox (deliveries and
-- every attempt at them). Alert deliveries are written in the transaction that writes their
-- signal (SqliteStore::write_alert_deliveries), so a signal never lacks its deliveries.
--
-- What removals do (triggers below; foreign-key actions fire them too):
-- * Removing a user removes their subscriptions and alert-list places (cascade) and cancels
--   their deliveries not yet sent ("outbox.user_removed"). Deactivating a user cancels them
--   too ("outbox.user_inactive"); reactivating does not resurrect them (retry_delivery does).
-- * Removing a topic removes its subscriptions and alert list (cascade) and cancels the alert
--   deliveries of those subscriptions ("outbox.topic_removed"); its signals stay, without it.
-- * Removing a subscription cancels its alert deliveries not yet sent ("outbox.unsubscribed"),
--   and the pending digest of its (user, rhythm, channel) when no subscription is left to
--   serve it.
-- Deliveries and attempts are never deleted with the user or topic: they are the audit of
-- what went out (the target keeps the address). Their user_id and subscription_id become NULL
-- (read as 0 / unset) when the user or subscription goes: row ids of users are reused by
-- SQLite once the highest is deleted, so a kept id could hand the audit to a new user.

CREATE TABLE subscriptions (
  id             INTEGER PRIMARY KEY,
  user_id        INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  topic_id       INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  channel        TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  rhythm         TEXT NOT NULL CHECK (rhythm IN ('immediate', 'daily', 'weekly')),
  webhook_url    TEXT NOT NULL DEFAULT '',  -- channel webhook: where to POST
  created_at     INTEGER NOT NULL,
  digest_through INTEGER,  -- digests: end of the period the last digest covered
  UNIQUE (user_id, topic_id, channel, rhythm)
);
CREATE INDEX subscriptions_topic ON subscriptions (topic_id, rhythm);
CREATE INDEX subscriptions_rhythm ON subscriptions (rhythm, user_id, channel);

-- The named people a topic's alerts may go to.
CREATE TABLE topic_alert_list (
  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  user_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (topic_id, user_id)
) WITHOUT ROWID;
CREATE INDEX topic_alert_list_user ON topic_alert_list (user_id);

-- The outbox: one row per recipient and channel. Times are unix seconds.
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES organisations(id),
  kind            TEXT NOT NULL CHECK (kind IN ('alert', 'digest')),
  signal_id       INTEGER REFERENCES signals(id) ON DELETE SET NULL,
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE SET NULL,
  user_id         INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: user removed
  channel         TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
  target          TEXT NOT NULL,  -- email address or webhook URL, fixed when written
  state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  give_up_at      INTEGER NOT NULL,
  lease_until     INTEGER,
  sent_at         INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  rhythm          TEXT CHECK (rhythm IN ('immediate', 'daily', 'weekly')),  -- digests
  period_from     INTEGER,
  period_to       INTEGER
);
-- Claiming: due pending rows, and sending rows whose lease expired.
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at, id);
CREATE INDEX deliveries_lease ON deliveries (state, lease_until);
CREATE INDEX deliveries_org ON deliveries (org_id, id);
CREATE INDEX deliveries_signal ON deliveries (signal_id);
CREATE INDEX deliveries_subscription ON deliveries (subscription_id);
CREATE INDEX deliveries_user ON deliveries (user_id, state);
-- A signal reaches a subscription once; a digest period of a user's rhythm and channel is
-- sent once (two schedulers racing get a conflict, not two digests).
CREATE UNIQUE INDEX deliveries_alert_once ON deliveries (signal_id, subscription_id)
  WHERE kind = 'alert';
CREATE UNIQUE INDEX deliveries_digest_once ON deliveries (user_id, rhythm, channel, period_from)
  WHERE kind = 'digest';

-- Every try, kept for audit; numbered from 1 per delivery.
CREATE TABLE delivery_attempts (
  id          INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  outcome     TEXT NOT NULL,  -- sent, transient, permanent
  code        INTEGER NOT NULL DEFAULT 0,
  reason      TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id, number, id);

-- BEFORE: user_id still names the user (ON DELETE SET NULL comes after).
CREATE TRIGGER deliveries_cancel_user_removed BEFORE DELETE ON users
BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
                        last_error = 'outbox.user_removed'
   WHERE user_id = OLD.id AND state IN ('pending', 'sending');
END;

CREATE TRIGGER deliveries_cancel_user_inactive AFTER UPDATE OF active ON users
  WHEN OLD.active <> 0 AND NEW.active = 0
BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
                        last_error = 'outbox.user_inactive'
   WHERE user_id = NEW.id AND state IN ('pending', 'sending');
END;

CREATE TRIGGER deliveries_cancel_topic_removed BEFORE DELETE ON topics
BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
                        last_error = 'outbox.topic_removed'
   WHERE state IN ('pending', 'sending')
     AND subscription_id IN (SELECT id FROM subscriptions WHERE topic_id = OLD.id);
END;

-- BEFORE: subscription_id still names the subscription (ON DELETE SET NULL comes after).
CREATE TRIGGER deliveries_cancel_unsubscribed BEFORE DELETE ON subscriptions
BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
                        last_error = 'outbox.unsubscribed'
   WHERE subscription_id = OLD.id AND state IN ('pending', 'sending');
END;

CREATE TRIGGER deliveries_cancel_orphan_digest AFTER DELETE ON subscriptions
BEGIN
  UPDATE deliveries SET state = 'cancelled', lease_until = NULL,
                        last_error = 'outbox.unsubscribed'
   WHERE kind = 'digest' AND user_id = OLD.user_id AND rhythm = OLD.rhythm
     AND channel = OLD.channel AND state IN ('pending', 'sending')
     AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = OLD.user_id
                       AND s.rhythm = OLD.rhythm AND s.channel = OLD.channel);
END;
