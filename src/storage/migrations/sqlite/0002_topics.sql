-- SPDX-License-Identifier: AGPL-3.0-or-later
-- Watch topics, what they matched, and signals (issue #3). Matches and signals are written in
-- the transaction that stores the item.

CREATE TABLE topics (
  id          INTEGER PRIMARY KEY,
  org_id      INTEGER NOT NULL REFERENCES organisations(id),
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  query       TEXT NOT NULL,
  languages   TEXT NOT NULL DEFAULT '[]',  -- JSON array of ISO 639-1 codes
  variants    TEXT NOT NULL DEFAULT '[]',  -- JSON array of {"lang", "query"}
  priority    TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('normal', 'high', 'critical')),
  audience    TEXT NOT NULL DEFAULT 'internal'
                CHECK (audience IN ('internal', 'members', 'public')),
  enabled     INTEGER NOT NULL DEFAULT 1,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (org_id, name)
);

-- Bumped by every change to topics, so that compiled percolators know when to reload.
CREATE TABLE topics_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO topics_version (id, version) VALUES (1, 0);
CREATE TRIGGER topics_version_insert AFTER INSERT ON topics
  BEGIN UPDATE topics_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER topics_version_update AFTER UPDATE ON topics
  BEGIN UPDATE topics_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER topics_version_delete AFTER DELETE ON topics
  BEGIN UPDATE topics_version SET version = version + 1 WHERE id = 1; END;

CREATE TABLE topic_matches (
  item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  topic_id      INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
  score         REAL NOT NULL,
  matched_terms TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  PRIMARY KEY (item_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX topic_matches_topic ON topic_matches (topic_id, item_id);

-- One row shape for every module's signals: the kind says which module; topic, item and story
-- say what it is about (story_id will reference stories when they exist).
CREATE TABLE signals (
  id         INTEGER PRIMARY KEY,
  org_id     INTEGER NOT NULL REFERENCES organisations(id),
  kind       TEXT NOT NULL,
  severity   TEXT NOT NULL CHECK (severity IN ('normal', 'high', 'critical')),
  audience   TEXT NOT NULL DEFAULT 'internal'
               CHECK (audience IN ('internal', 'members', 'public')),
  topic_id   INTEGER REFERENCES topics(id) ON DELETE SET NULL,
  item_id    INTEGER REFERENCES items(id) ON DELETE SET NULL,
  story_id   INTEGER,
  title      TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  state      TEXT NOT NULL DEFAULT 'new'
               CHECK (state IN ('new', 'reviewed', 'dispatched', 'closed'))
);
CREATE INDEX signals_org_state ON signals (org_id, state, id);
-- An item changed after its match raised a signal does not raise it again.
CREATE UNIQUE INDEX signals_topic_item ON signals (kind, topic_id, item_id)
  WHERE topic_id IS NOT NULL AND item_id IS NOT NULL;
