import type { Statement } from 'better-sqlite3';
import { type IncidentEvent, parseEvent } from '../domain/event.ts';
import { applyEvent, emptyState, extendsFold, foldIncident, type IncidentState, isOpen } from '../domain/fold.ts';
import { toMs } from '../domain/instant.ts';
import { type Db, describeSqliteError, StoreError } from './db.ts';

export interface StoredEvent {
  seq: number;
  event: IncidentEvent;
}

export interface AppendOptions {
  /** Feed seq of each event (same length as the batch); stored beside it and used to move the cursor. */
  feedSeqs?: readonly number[];
  /** Move this feed's cursor to the highest seq of the batch, in the same transaction. */
  cursorFeed?: string;
  /** Set the cursor to this value instead (a resync snapshot's end). */
  cursorTo?: number;
  /** Queue the events for publishing: they leave the outbox only when the feed acks them. */
  outbox?: boolean;
}

export interface AppendResult {
  /** Events new to this store, in the order given. */
  stored: IncidentEvent[];
  /** Seqs this store assigned to the new events. */
  seqs: number[];
  duplicates: number;
  /** Incidents whose state changed. */
  changed: Map<string, IncidentState>;
}

/**
 * The append-only event log and the projections derived from it.
 * Every write is one transaction: events, projections, cursor and outbox move together or not at all.
 */
export class EventStore {
  readonly path: string;
  private readonly insert: Statement;
  private readonly seqOf: Statement;
  private readonly getState: Statement;
  private readonly getStates: Statement;
  private readonly putState: Statement;
  private readonly eventsOfIncident: Statement;
  private readonly putCursor: Statement;
  private readonly getCursor: Statement;
  private readonly putOutbox: Statement;
  private readonly delOutbox: Statement;
  private readonly appendTx: (events: readonly IncidentEvent[], options: AppendOptions) => AppendResult;

  constructor(readonly db: Db) {
    this.path = db.name;
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO events (id, incident_id, kind, at, at_ms, body, feed_seq, stored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.seqOf = db.prepare('SELECT seq FROM events WHERE id = ?').pluck();
    this.getState = db.prepare('SELECT state FROM incidents WHERE id = ?').pluck();
    // A batch's incidents in one query rather than one per event (ids passed as a JSON array).
    this.getStates = db.prepare('SELECT id, state FROM incidents WHERE id IN (SELECT value FROM json_each(?))');
    this.putState = db.prepare(
      'INSERT INTO incidents (id, state, updated_seq, open) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_seq = excluded.updated_seq, open = excluded.open',
    );
    this.eventsOfIncident = db.prepare('SELECT body FROM events WHERE incident_id = ? ORDER BY at_ms, id').pluck();
    this.putCursor = db.prepare(
      'INSERT INTO cursors (feed, seq) VALUES (?, ?) ON CONFLICT (feed) DO UPDATE SET seq = excluded.seq',
    );
    this.getCursor = db.prepare('SELECT seq FROM cursors WHERE feed = ?').pluck();
    this.putOutbox = db.prepare('INSERT OR IGNORE INTO outbox (event_id, queued_at) VALUES (?, ?)');
    this.delOutbox = db.prepare('DELETE FROM outbox WHERE event_id = ?');
    this.appendTx = db.transaction((events, options) => this.appendInTransaction(events, options));
  }

  /** Stores a batch of already-validated events; an id seen before is skipped, never overwritten. */
  append(events: readonly IncidentEvent[], options: AppendOptions = {}): AppendResult {
    try {
      return this.appendTx(events, options);
    } catch (e) {
      throw new StoreError(describeSqliteError(this.path, e));
    }
  }

  private appendInTransaction(events: readonly IncidentEvent[], options: AppendOptions): AppendResult {
    const now = Date.now();
    const stored: IncidentEvent[] = [];
    const seqs: number[] = [];
    const states = new Map<string, IncidentState>();
    const refold = new Set<string>();
    let duplicates = 0;
    let lastSeq = 0;
    const before = this.statesOf([...new Set(events.map((e) => e.incidentId))]);

    events.forEach((event, i) => {
      const feedSeq = options.feedSeqs?.[i] ?? null;
      const info = this.insert.run(
        event.id,
        event.incidentId,
        event.kind,
        event.at,
        toMs(event.at),
        JSON.stringify(event),
        feedSeq,
        now,
      );
      if (info.changes === 0) {
        duplicates += 1;
        return;
      }
      const seq = Number(info.lastInsertRowid);
      lastSeq = seq;
      stored.push(event);
      seqs.push(seq);
      if (options.outbox) this.putOutbox.run(event.id, now);
      if (refold.has(event.incidentId)) return;
      const state = states.get(event.incidentId) ?? before.get(event.incidentId) ?? emptyState(event.incidentId);
      if (extendsFold(state, event)) states.set(event.incidentId, applyEvent(state, event));
      else refold.add(event.incidentId);
    });

    // An event older than the fold's last one cannot be appended to it: refold that incident from the log.
    for (const id of refold) states.set(id, foldIncident(id, this.eventsOf(id)));
    for (const [id, state] of states) this.putState.run(id, JSON.stringify(state), lastSeq, isOpen(state) ? 1 : 0);

    if (options.cursorFeed !== undefined) {
      const highest = options.cursorTo ?? Math.max(0, ...(options.feedSeqs ?? []));
      if (highest > this.cursor(options.cursorFeed) || options.cursorTo !== undefined) {
        this.putCursor.run(options.cursorFeed, highest);
      }
    }
    return { stored, seqs, duplicates, changed: states };
  }

  private statesOf(ids: readonly string[]): Map<string, IncidentState> {
    const found = new Map<string, IncidentState>();
    if (!ids.length) return found;
    for (const row of this.getStates.all(JSON.stringify(ids)) as { id: string; state: string }[]) {
      found.set(row.id, JSON.parse(row.state) as IncidentState);
    }
    return found;
  }

  state(incidentId: string): IncidentState | undefined {
    const json = this.getState.get(incidentId) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as IncidentState);
  }

  /** Every incident's state; `open` selects only the open ones (or only the rest). */
  states(filter: { open?: boolean } = {}): IncidentState[] {
    const sql =
      filter.open === undefined ? 'SELECT state FROM incidents' : `SELECT state FROM incidents WHERE open = ${filter.open ? 1 : 0}`;
    return (this.db.prepare(sql).pluck().all() as string[]).map((s) => JSON.parse(s) as IncidentState);
  }

  incidentIds(): string[] {
    return this.db.prepare('SELECT id FROM incidents ORDER BY id').pluck().all() as string[];
  }

  eventsOf(incidentId: string): IncidentEvent[] {
    return (this.eventsOfIncident.all(incidentId) as string[]).map((b) => JSON.parse(b) as IncidentEvent);
  }

  /** The log in the order it was stored, for export and replay. */
  *events(afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Generator<StoredEvent> {
    const stmt = this.db.prepare('SELECT seq, body FROM events WHERE seq > ? ORDER BY seq LIMIT ?');
    for (const row of stmt.iterate(afterSeq, limit) as Iterable<{ seq: number; body: string }>) {
      yield { seq: row.seq, event: JSON.parse(row.body) as IncidentEvent };
    }
  }

  seqOfEvent(eventId: string): number | undefined {
    return this.seqOf.get(eventId) as number | undefined;
  }

  lastSeq(): number {
    return (this.db.prepare("SELECT coalesce(max(seq), 0) FROM events").pluck().get() as number) ?? 0;
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  }

  cursor(feed: string): number {
    return (this.getCursor.get(feed) as number | undefined) ?? 0;
  }

  /** Queued local actions, oldest first. */
  outbox(): IncidentEvent[] {
    return (
      this.db
        .prepare('SELECT e.body FROM outbox o JOIN events e ON e.id = o.event_id ORDER BY o.queued_at, e.seq')
        .pluck()
        .all() as string[]
    ).map((b) => JSON.parse(b) as IncidentEvent);
  }

  outboxSize(): number {
    return this.db.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
  }

  ackOutbox(eventId: string): boolean {
    return this.delOutbox.run(eventId).changes > 0;
  }

  /** Drops every projection and refolds it from the log; returns how many incidents were rebuilt. */
  rebuild(): number {
    const ids = this.db.prepare('SELECT DISTINCT incident_id FROM events').pluck().all() as string[];
    this.db.transaction(() => {
      this.db.exec('DELETE FROM incidents');
      for (const id of ids) {
        const events = this.eventsOf(id).flatMap((e) => {
          // The log holds only validated events; re-checking guards against a hand-edited file.
          const r = parseEvent(e);
          return r.ok ? [r.value] : [];
        });
        const state = foldIncident(id, events);
        this.putState.run(id, JSON.stringify(state), this.lastSeq(), isOpen(state) ? 1 : 0);
      }
    })();
    return ids.length;
  }

  close(): void {
    this.db.close();
  }
}
