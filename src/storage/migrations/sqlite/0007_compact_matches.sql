-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Compact matches (issue #3: ingestion with 1,000 topics within 20% of ingestion without).
-- An item matches tens of topics; one row per match in a table keyed by item, plus an index
-- by topic whose pages every transaction touched once per topic, cost about 10 us per match
-- on the single writer. Now:
-- * item_matches: one row per item holding all its matches, written in the item's
--   transaction: JSON [[topic_id, score, ["term", ...]], ...], best score first.
-- * topic_matches: by topic (topic_id, item_id, score), the triage inbox's and the topic
--   pages' reads. Written in batches: the item's transaction only notes the item in
--   topic_matches_pending; SqliteStore moves pending items into topic_matches, sorted by
--   topic, every few hundred items and before every read by topic, so a page of
--   topic_matches is written once per batch rather than once per transaction.
-- Removing an item removes its item_matches row, which removes its by-topic rows and its
-- pending mark (trigger item_matches_removed). Removing a topic removes its by-topic rows
-- (cascade) and its entries in item_matches (trigger topic_matches_removed, before the
-- cascade, while topic_matches still says which items to rewrite), so that a topic id reused
-- by SQLite never inherits them.

CREATE TABLE item_matches (
  item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  matches TEXT NOT NULL  -- JSON [[topic_id, score, ["term", ...]], ...]
);
INSERT INTO item_matches (item_id, matches)
  SELECT item_id, json_group_array(json_array(topic_id, score, json(matched_terms)))
  FROM (SELECT item_id, topic_id, score, matched_terms FROM topic_matches
        ORDER BY item_id, score DESC, topic_id)
  GROUP BY item_id;

CREATE TABLE topic_matches_by_topic (
  topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  item_id  INTEGER NOT NULL,
  score    REAL NOT NULL,
  PRIMARY KEY (topic_id, item_id)
) WITHOUT ROWID;
INSERT INTO topic_matches_by_topic (topic_id, item_id, score)
  SELECT topic_id, item_id, score FROM topic_matches ORDER BY topic_id, item_id;
DROP TABLE topic_matches;
ALTER TABLE topic_matches_by_topic RENAME TO topic_matches;

-- Items whose matches are in item_matches but not yet in topic_matches.
CREATE TABLE topic_matches_pending (
  item_id INTEGER PRIMARY KEY
);

CREATE TRIGGER item_matches_removed AFTER DELETE ON item_matches BEGIN
  DELETE FROM topic_matches WHERE item_id = old.item_id
    AND topic_id IN (SELECT j.value ->> 0 FROM json_each(old.matches) AS j);
  DELETE FROM topic_matches_pending WHERE item_id = old.item_id;
END;

CREATE TRIGGER topic_matches_removed BEFORE DELETE ON topics BEGIN
  UPDATE item_matches SET matches = (
    SELECT json_group_array(json(j.value)) FROM json_each(item_matches.matches) AS j
    WHERE j.value ->> 0 <> old.id)
  WHERE item_id IN (SELECT item_id FROM topic_matches WHERE topic_id = old.id
                    UNION SELECT item_id FROM topic_matches_pending);
END;
