-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The first schema. Organisations exist from the start: sources and items belong to the
-- operator that collects them; member firms are organisations served by an operator.

CREATE TABLE organisations (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('operator', 'member')),
  operator_id INTEGER REFERENCES organisations(id),
  created_at  INTEGER NOT NULL DEFAULT (unixepoch())
);

CREATE TABLE sources (
  id                   INTEGER PRIMARY KEY,
  org_id               INTEGER NOT NULL REFERENCES organisations(id),
  kind                 TEXT NOT NULL CHECK (kind IN ('feed', 'page', 'manual', 'import')),
  url                  TEXT NOT NULL,
  title                TEXT NOT NULL DEFAULT '',
  site_url             TEXT,
  tags                 TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  country              TEXT,
  language             TEXT,
  enabled              INTEGER NOT NULL DEFAULT 1,
  last_success_at      INTEGER,
  last_attempt_at      INTEGER,
  last_error_reason    TEXT,
  last_error_message   TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_check_at        INTEGER NOT NULL DEFAULT 0,
  etag                 TEXT,
  last_modified        TEXT,
  interval_seconds     INTEGER NOT NULL DEFAULT 3600,
  UNIQUE (org_id, url)
);
CREATE INDEX sources_due ON sources (enabled, next_check_at);

CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES organisations(id),
  source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  guid          TEXT NOT NULL,
  url           TEXT NOT NULL DEFAULT '',
  canonical_url TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL DEFAULT '',
  summary_html  TEXT NOT NULL DEFAULT '',
  content_html  TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL DEFAULT '',
  author        TEXT NOT NULL DEFAULT '',
  categories    TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  published_at  INTEGER,
  updated_at    INTEGER,
  fetched_at    INTEGER NOT NULL,
  lang          TEXT NOT NULL DEFAULT 'und',
  content_hash  TEXT NOT NULL,
  simhash       INTEGER NOT NULL DEFAULT 0,  -- 64-bit fingerprint stored as a signed integer
  UNIQUE (source_id, guid)
);
CREATE INDEX items_source_canonical ON items (source_id, canonical_url);
CREATE INDEX items_source_hash ON items (source_id, content_hash);
CREATE INDEX items_org_published ON items (org_id, published_at);

-- The search index replays this log from its last committed position (crash-safe sync).
CREATE TABLE index_log (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id INTEGER NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0
);
