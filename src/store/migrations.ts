/**
 * Schema migrations, applied in order at open; `PRAGMA user_version` records how many have run.
 * Never edit a released migration: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    body TEXT NOT NULL,
    feed_seq INTEGER,
    stored_at INTEGER NOT NULL
  );
  CREATE INDEX events_by_incident ON events (incident_id, at_ms, id);
  CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
  CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

  -- Derived from events; socwall db rebuild recreates it.
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_seq INTEGER NOT NULL
  );

  -- The highest feed seq applied, committed with the events it covers.
  CREATE TABLE cursors (
    feed TEXT PRIMARY KEY,
    seq INTEGER NOT NULL
  );

  -- Local actions not yet acknowledged by the feed.
  CREATE TABLE outbox (
    event_id TEXT PRIMARY KEY REFERENCES events (id),
    queued_at INTEGER NOT NULL
  );
  `,
  // 2: which incidents are open, so a wall's first frame reads only those.
  `
  ALTER TABLE incidents ADD COLUMN open INTEGER NOT NULL DEFAULT 1;
  UPDATE incidents SET open = CASE
    WHEN json_extract(state, '$.incident') IS NULL THEN 0
    WHEN json_extract(state, '$.phase') IN ('closed', 'false-positive') THEN 0
    ELSE 1 END;
  CREATE INDEX incidents_by_open ON incidents (open);
  `,
];
