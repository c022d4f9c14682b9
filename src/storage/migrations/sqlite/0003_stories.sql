-- SPDX-License-Identifier: AGPL-3.0-or-later
-- One story, many sources (issue #3): items that tell the same story are grouped into a
-- story. An item without a story is pending; service::StoryService assigns it.

CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  org_id        INTEGER NOT NULL REFERENCES organisations(id),
  first_item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
  first_seen_at INTEGER NOT NULL,  -- earliest item: published, else fetched (unix seconds)
  last_seen_at  INTEGER NOT NULL,
  item_count    INTEGER NOT NULL DEFAULT 0,
  title         TEXT NOT NULL DEFAULT ''  -- the first item's title
);
CREATE INDEX stories_org_first_seen ON stories (org_id, first_seen_at DESC, id DESC);

ALTER TABLE items ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
CREATE INDEX items_story ON items (story_id);
CREATE INDEX items_pending_story ON items (org_id, coalesce(published_at, fetched_at), id)
  WHERE story_id IS NULL;

-- Candidate lookup: every item filed under its exact keys (canonical URL, content hash,
-- normalised title) and its SimHash bands (match::story_lookup_keys), with its first-seen
-- time so that lookups stay within a recent window.
CREATE TABLE story_keys (
  org_id  INTEGER NOT NULL,
  key     TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, key, seen_at, item_id)
) WITHOUT ROWID;
CREATE INDEX story_keys_item ON story_keys (item_id);

-- A removed item (its source removed) leaves its story; an empty story goes.
CREATE TRIGGER items_leave_story AFTER DELETE ON items WHEN old.story_id IS NOT NULL
BEGIN
  UPDATE stories SET item_count = item_count - 1 WHERE id = old.story_id;
  DELETE FROM stories WHERE id = old.story_id AND item_count <= 0;
END;
