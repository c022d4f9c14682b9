-- SPDX-License-Identifier: AGPL-3.0-or-later
-- People: users and their memberships in organisations (DESIGN.md §2). Roles admin and
-- analyst belong to the operator, member to a member firm (checked by the service).

CREATE TABLE users (
  id         INTEGER PRIMARY KEY,
  email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name       TEXT NOT NULL DEFAULT '',
  lang       TEXT NOT NULL DEFAULT 'fr' CHECK (lang IN ('fr', 'en')),
  active     INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE memberships (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  org_id  INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'member')),
  PRIMARY KEY (user_id, org_id)
);
CREATE INDEX memberships_org ON memberships (org_id);
