-- SPDX-License-Identifier: AGPL-3.0-or-later
-- The analyst's triage (issue #3, part 4): a review per story (no row: the story is new),
-- comments, tags, and an append-only history of who did what and when.

CREATE TABLE story_reviews (
  story_id    INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
  state       TEXT NOT NULL CHECK (state IN ('kept', 'discarded')),
  highlight   INTEGER NOT NULL DEFAULT 0,  -- "fait marquant"
  rating      INTEGER CHECK (rating BETWEEN 1 AND 5),
  reviewer    TEXT NOT NULL,
  reviewed_at INTEGER NOT NULL
);
CREATE INDEX story_reviews_state ON story_reviews (state, reviewed_at DESC, story_id DESC);

CREATE TABLE story_comments (
  id         INTEGER PRIMARY KEY,
  story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  author     TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX story_comments_story ON story_comments (story_id, id);

CREATE TABLE story_tags (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (story_id, tag)
) WITHOUT ROWID;
CREATE INDEX story_tags_tag ON story_tags (tag, story_id);

-- Append-only: rows are never updated; they outlive their story (no foreign key).
CREATE TABLE review_history (
  id       INTEGER PRIMARY KEY,
  story_id INTEGER NOT NULL,
  action   TEXT NOT NULL,  -- keep, discard, highlight, alert, rating, tag, comment
  value    TEXT NOT NULL DEFAULT '',
  actor    TEXT NOT NULL,
  at       INTEGER NOT NULL
);
CREATE INDEX review_history_story ON review_history (story_id, id);
