-- SPDX-License-Identifier: AGPL-3.0-or-later
-- vigie: foreign_keys=off
-- Cheaper CHECKs on deliveries, as 0008 did for signals: the outbox gets a row per signal and
-- subscription (written with the signal) and an update per state change (claim, attempt,
-- retry, cancel), and SQLite evaluates a CHECK `x IN (...)` of three values or more by
-- building a temporary B-tree of the list each time the statement runs. `x = 'a' OR ...`
-- accepts and rejects the same values (NULL included: both give NULL, which a CHECK lets
-- through, so a digest-less rhythm stays allowed). kind and channel have two values, which
-- SQLite already compares one by one; they are written the same way for uniformity.
--
-- The table is rebuilt by SQLite's 12-step procedure (lang_altertable.html), foreign keys off
-- (else dropping deliveries would cascade to delivery_attempts), and PRAGMA foreign_key_check
-- must find nothing before it commits. Ids are kept: delivery_attempts.delivery_id names the
-- table and holds on to the new one. The triggers on users, topics and subscriptions that
-- update deliveries are dropped first (renaming a table re-checks every trigger, and theirs
-- would name a table that does not exist at that moment) and made again as 0006 and 0009 left
-- them; so are deliveries' six indexes and two partial unique indexes.

DROP TRIGGER deliveries_cancel_user_removed;
DROP TRIGGER deliveries_cancel_user_inactive;
DROP TRIGGER deliveries_cancel_topic_removed;
DROP TRIGGER deliveries_cancel_unsubscribed;
DROP TRIGGER deliveries_cancel_orphan_digest;

CREATE TABLE deliveries_new (
  id              INTEGER PRIMARY KEY,
  org_id          INTEGER NOT NULL REFERENCES organisations(id),
  kind            TEXT NOT NULL CHECK (kind = 'alert' OR kind = 'digest'),
  signal_id       INTEGER REFERENCES signals(id) ON DELETE SET NULL,
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE SET NULL,
  user_id         INTEGER REFERENCES users(id) ON DELETE SET NULL,  -- NULL: user removed
  channel         TEXT NOT NULL CHECK (channel = 'email' OR channel = 'webhook'),
  target          TEXT NOT NULL,  -- email address or webhook URL, fixed when written
  state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state = 'pending' OR state = 'sending' OR state = 'sent'
                           OR state = 'failed' OR state = 'cancelled'),
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at      INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  give_up_at      INTEGER NOT NULL,
  lease_until     INTEGER,
  sent_at         INTEGER,
  last_error      TEXT NOT NULL DEFAULT '',
  rhythm          TEXT CHECK (rhythm = 'immediate' OR rhythm = 'daily'
                              OR rhythm = 'weekly'),  -- digests
  period_from     INTEGER,
  period_to       INTEGER
);
INSERT INTO deliveries_new (id, org_id, kind, signal_id, subscription_id, user_id, channel,
                            target, state, attempts, created_at, next_attempt_at, give_up_at,
                            lease_until, sent_at, last_error, rhythm, period_from, period_to)
  SELECT id, org_id, kind, signal_id, subscription_id, user_id, channel, target, state,
         attempts, created_at, next_attempt_at, give_up_at, lease_until, sent_at, last_error,
         rhythm, period_from, period_to
  FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;

-- Claiming: due pending rows, and sending rows whose lease expired.
CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at, id);
CREATE INDEX deliveries_lease ON deliveries (state, lease_until);
CREATE INDEX deliveries_org ON deliveries (org_id, id);
CREATE INDEX deliveries_signal ON deliveries (signal_id);
CREATE INDEX deliveries_subscription ON deliveries (subscription_id);
CREATE INDEX deliveries_user ON deliveries (user_id, state);
-- A signal reaches a subscription once; a digest period of a user's rhythm, channel and
-- target is sent once (0009).
CREATE UNIQUE INDEX deliveries_alert_once ON deliveries (signal_id, subscription_id)
  WHERE kind = 'alert';
CREATE UNIQUE INDEX deliveries_digest_once
  ON deliveries (user_id, rhythm, channel, target, period_from)
  WHERE kind = 'digest';

-- The triggers of 0006 (orphan digests as 0009 made it); their `state IN (...)` is a search,
-- not a CHECK, and runs only when a user, topic or subscription changes.
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
     AND (OLD.channel <> 'webhook' OR target = OLD.webhook_url)
     AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.user_id = OLD.user_id
                       AND s.rhythm = OLD.rhythm AND s.channel = OLD.channel
                       AND (OLD.channel <> 'webhook' OR s.webhook_url = OLD.webhook_url));
END;
