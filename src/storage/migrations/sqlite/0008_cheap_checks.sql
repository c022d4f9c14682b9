-- SPDX-License-Identifier: AGPL-3.0-or-later
-- vigie: foreign_keys=off
-- Cheaper CHECKs on signals (issue #3: ingestion with 1,000 topics within 20% of ingestion
-- without). SQLite evaluates `x IN ('a', 'b', 'c')` (three values or more) in a CHECK by
-- building a temporary B-tree of the list every time the statement runs: three of them made
-- each signal written with an item cost about 8 us more than `x = 'a' OR x = 'b' OR ...`,
-- which accepts and rejects the same values (NULL included: both are NULL, which a CHECK
-- lets through).
--
-- SQLite cannot change a CHECK in place, so the table is rebuilt by its documented procedure
-- (lang_altertable.html, "other kinds of table schema changes"): the marker above makes the
-- migration run with foreign keys off (else dropping signals would set deliveries.signal_id
-- to NULL), and PRAGMA foreign_key_check must find nothing before it commits. Ids are kept;
-- deliveries.signal_id names the table, not its storage, and holds on to the new one. No
-- trigger or view names signals; its two indexes are made again.

CREATE TABLE signals_new (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES organisations(id),
  kind       TEXT NOT NULL,
  severity   TEXT NOT NULL
               CHECK (severity = 'normal' OR severity = 'high' OR severity = 'critical'),
  audience   TEXT NOT NULL DEFAULT 'internal'
               CHECK (audience = 'internal' OR audience = 'members' OR audience = 'public'),
  topic_id   INTEGER REFERENCES topics(id) ON DELETE SET NULL,
  item_id    INTEGER REFERENCES items(id) ON DELETE SET NULL,
  story_id   INTEGER,
  title      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  state      TEXT NOT NULL DEFAULT 'new'
               CHECK (state = 'new' OR state = 'reviewed' OR state = 'dispatched'
                      OR state = 'closed')
);
INSERT INTO signals_new (id, org_id, kind, severity, audience, topic_id, item_id, story_id, title,
                         created_at, state)
  SELECT id, org_id, kind, severity, audience, topic_id, item_id, story_id, title, created_at,
         state
  FROM signals;
DROP TABLE signals;
ALTER TABLE signals_new RENAME TO signals;
CREATE INDEX signals_org_state ON signals (org_id, state, id);
-- An item changed after its match raised a signal does not raise it again.
CREATE UNIQUE INDEX signals_topic_item ON signals (kind, topic_id, item_id)
  WHERE topic_id IS NOT NULL AND item_id IS NOT NULL;
