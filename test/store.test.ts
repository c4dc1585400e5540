import Database from 'better-sqlite3';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldIncident } from '../src/domain/fold.ts';
import { APPLICATION_ID, openDatabase, StoreError } from '../src/store/db.ts';
import { MIGRATIONS } from '../src/store/migrations.ts';
import { EventStore } from '../src/store/event-store.ts';
import { ev, opened } from './helpers/events.ts';
import { tempDb, tempDir } from './helpers/tmp.ts';

const story = () => [
  opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z', assets: ['db-01'] }),
  ev('incident.phase', '2026-03-02T09:05:00Z', { phase: 'triaged' }, { by: 'ana' }),
  ev('checklist.set', '2026-03-02T09:06:00Z', { itemId: 'alert-received', done: true }, { by: 'ana' }),
  ev('note.added', '2026-03-02T09:07:00Z', { text: 'isolated db-01', tag: 'lesson' }),
];

describe('event store', () => {
  it('creates the file with mode 0600, in WAL mode, foreign keys on', () => {
    const path = tempDb();
    const store = new EventStore(openDatabase(path));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    store.append(story());
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    store.close();
  });

  it('stores an event id seen twice only once, and reports the duplicate', () => {
    const store = new EventStore(openDatabase(tempDb()));
    const events = story();
    expect(store.append(events).stored).toHaveLength(4);
    const again = store.append([events[1]!, events[2]!]);
    expect(again).toMatchObject({ stored: [], duplicates: 2 });
    expect(store.count()).toBe(4);
    expect(store.state('INC-1')?.eventCount).toBe(4);
    store.close();
  });

  it('keeps its state across a reopen', () => {
    const path = tempDb();
    const first = new EventStore(openDatabase(path));
    first.append(story());
    const before = first.state('INC-1');
    first.close();
    const second = new EventStore(openDatabase(path));
    expect(second.state('INC-1')).toEqual(before);
    expect(second.count()).toBe(4);
    second.close();
  });

  it('the projection equals a fresh fold even when events arrive out of order', () => {
    const store = new EventStore(openDatabase(tempDb()));
    const events = story();
    store.append([events[3]!, events[0]!]);
    store.append([events[2]!]);
    store.append([events[1]!]);
    expect(store.state('INC-1')).toEqual(foldIncident('INC-1', events));
    store.close();
  });

  it('rebuild gives back the same projections', () => {
    const store = new EventStore(openDatabase(tempDb()));
    store.append(story());
    const before = store.state('INC-1');
    store.db.exec("UPDATE incidents SET state = '{}'");
    expect(store.rebuild()).toBe(1);
    expect(store.state('INC-1')).toEqual(before);
    store.close();
  });

  it('the log is append-only: SQLite itself refuses an update or delete', () => {
    const store = new EventStore(openDatabase(tempDb()));
    store.append(story());
    expect(() => store.db.exec("UPDATE events SET body = '{}'")).toThrow(/append-only/);
    expect(() => store.db.exec('DELETE FROM events')).toThrow(/append-only/);
    expect(store.count()).toBe(4);
    store.close();
  });

  it('the cursor moves in the same transaction as the events, and never backwards', () => {
    const store = new EventStore(openDatabase(tempDb()));
    const events = story();
    store.append(events.slice(0, 2), { feedSeqs: [1, 2], cursorFeed: 'feed' });
    expect(store.cursor('feed')).toBe(2);
    store.append(events.slice(0, 1), { feedSeqs: [1], cursorFeed: 'feed' });
    expect(store.cursor('feed')).toBe(2);
    store.close();
  });

  it('a failed batch stores nothing of it: events, projection and cursor roll back together', () => {
    const store = new EventStore(openDatabase(tempDb()));
    const events = story();
    store.append(events.slice(0, 1), { feedSeqs: [1], cursorFeed: 'feed' });
    const before = store.state('INC-1');
    store.db.exec("CREATE TRIGGER fail_on_note BEFORE INSERT ON events WHEN NEW.kind = 'note.added' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => store.append(events.slice(1), { feedSeqs: [2, 3, 4], cursorFeed: 'feed' })).toThrow(StoreError);
    expect(store.count()).toBe(1);
    expect(store.cursor('feed')).toBe(1);
    expect(store.state('INC-1')).toEqual(before);
    store.close();
  });

  it('outbox entries are stored with the event and leave only on ack', () => {
    const store = new EventStore(openDatabase(tempDb()));
    store.append(story().slice(0, 1));
    const tick = ev('checklist.set', '2026-03-02T09:10:00Z', { itemId: 'evidence', done: true }, { by: 'ana' });
    store.append([tick], { outbox: true });
    expect(store.outbox()).toEqual([tick]);
    expect(store.state('INC-1')?.checklist.evidence?.done).toBe(true);
    expect(store.ackOutbox(tick.id)).toBe(true);
    expect(store.outboxSize()).toBe(0);
    expect(store.ackOutbox(tick.id)).toBe(false);
    store.close();
  });
});

describe('opening a database that is not ours', () => {
  it('refuses a file that is not SQLite, and leaves it untouched', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(10));
    expect(() => openDatabase(path)).toThrow(/not an SQLite database/);
    expect(statSync(path).size).toBe(350);
  });

  it("refuses another program's SQLite database", () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE customers (id INTEGER)');
    other.close();
    expect(() => openDatabase(path)).toThrow(/another program's database/);
    const check = new Database(path);
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['customers']);
    check.close();
  });

  it('reports a damaged database clearly instead of resetting it', () => {
    const path = tempDb();
    const store = new EventStore(openDatabase(path));
    store.append(story());
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    // Keep the header, scribble over the schema page.
    const bytes = readFileSync(path);
    bytes.fill(0xab, 100, 4096);
    writeFileSync(path, bytes);
    let error: unknown;
    try {
      new EventStore(openDatabase(path)).states();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect(String((error as Error).message)).toMatch(/damaged|malformed/);
    expect(readFileSync(path).subarray(100, 110)).toEqual(Buffer.alloc(10, 0xab));
  });
});

describe('the open-incident projection', () => {
  it('knows which incidents are open, through a close and a rebuild', () => {
    const store = new EventStore(openDatabase(tempDb()));
    store.append([
      ...story(),
      opened({ id: 'INC-2', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('incident.phase', '2026-03-02T10:00:00Z', { phase: 'closed' }, { incidentId: 'INC-2' }),
    ]);
    expect(store.states({ open: true }).map((s) => s.id)).toEqual(['INC-1']);
    expect(store.states({ open: false }).map((s) => s.id)).toEqual(['INC-2']);
    store.rebuild();
    expect(store.states({ open: true }).map((s) => s.id)).toEqual(['INC-1']);
    store.close();
  });

  it('migration 2 fills the column for a database written by schema 1', () => {
    const path = tempDb();
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.pragma(`application_id = ${APPLICATION_ID}`);
    const closed = foldIncident('INC-9', [
      opened({ id: 'INC-9', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('incident.phase', '2026-03-02T10:00:00Z', { phase: 'false-positive' }, { incidentId: 'INC-9' }),
    ]);
    old.prepare('INSERT INTO incidents (id, state, updated_seq) VALUES (?, ?, 1)').run('INC-9', JSON.stringify(closed));
    old.close();
    const store = new EventStore(openDatabase(path));
    expect(store.db.pragma('user_version', { simple: true })).toBe(2);
    expect(store.states({ open: true })).toEqual([]);
    expect(store.states({ open: false }).map((s) => s.id)).toEqual(['INC-9']);
    store.close();
  });
});
