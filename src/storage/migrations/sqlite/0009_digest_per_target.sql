-- SPDX-License-Identifier: AGPL-3.0-or-later
-- A digest per (user, rhythm, channel, target): a user's webhook subscriptions at one rhythm
-- may post to several URLs, and each URL gets its own digest holding only the topics of the
-- subscriptions posting to it (an email digest still goes to the user's address, one per user
-- and rhythm). Two digests of one period for two URLs must not collide on the unique index,
-- and removing the last subscription posting to a URL cancels that URL's pending digest only.

DROP INDEX deliveries_digest_once;
CREATE UNIQUE INDEX deliveries_digest_once
  ON deliveries (user_id, rhythm, channel, target, period_from)
  WHERE kind = 'digest';

DROP TRIGGER deliveries_cancel_orphan_digest;
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
