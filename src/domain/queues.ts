import type { ClockCache } from './clock-cache.ts';
import { type Clock, nextDeadline } from './clocks.ts';
import { type IncidentState, isOpen } from './fold.ts';
import { type Incident, INSTANT_FIELDS, SEVERITIES, type Severity } from './incident.ts';
import { toMs } from './instant.ts';

/** One row of a severity queue: an incident, or a campaign of many standing for one row. */
export interface QueueRow {
  key: string;
  id: string;
  incident: Incident;
  state: IncidentState;
  /** How many incidents this row stands for (a campaign groups many low alerts). */
  members: number;
  clocks: Clock[];
  /** The soonest deadline still to be met, and its instant (Infinity when there is none). */
  next?: Clock;
  dueMs: number;
  /** When the next deadline turns due-soon (Infinity when there is none). */
  dueSoonMs: number;
  /** Each member's soonest deadline, ascending: how many are breached at `now` is a binary search. */
  memberDueMs: number[];
  openedAt: number;
}

export interface Queue {
  severity: Severity;
  rows: QueueRow[];
  open: number;
  /** Every member's soonest deadline, ascending: the breached count at `now` is a binary search. */
  memberDueMs: number[];
}

/** A queue as drawn at one instant. */
export interface LiveQueue extends Queue {
  breached: number;
}

/** The row's state at `now`, from its next deadline alone. */
export function rowState(row: QueueRow, now: number): 'breached' | 'due-soon' | 'pending' | undefined {
  if (!row.next || row.dueMs === Number.POSITIVE_INFINITY) return undefined;
  return now >= row.dueMs ? 'breached' : now >= row.dueSoonMs ? 'due-soon' : 'pending';
}

/**
 * The queues' membership and order. Order is by deadline, which changes only when an incident's
 * state does — not as time passes — so this is rebuilt on change (or when `validUntil` passes,
 * for clocks whose anchor lies in the future), never on every tick.
 */
export interface QueueModel {
  queues: Queue[];
  validUntil: number;
}

/** Soonest pending deadline first (breached ones are soonest of all); ties by age, oldest first. */
export function compareRows(a: QueueRow, b: QueueRow): number {
  return a.dueMs - b.dueMs || a.openedAt - b.openedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

interface RowEntry {
  clocks: Clock[];
  row: QueueRow;
  /** The row stays right until this instant (see structuralChangeAt). */
  until: number;
}

/**
 * Each open incident's row, kept while its state object and its clocks are the same ones: a feed
 * event changes one incident, and a rebuild then re-derives one row, not ten thousand.
 */
export class QueueRows {
  private entries = new WeakMap<IncidentState, RowEntry>();

  get(state: IncidentState, now: number, cache: ClockCache): RowEntry {
    const clocks = cache.clocks(state, now);
    const hit = this.entries.get(state);
    if (hit && hit.clocks === clocks && now < hit.until) return hit;
    const entry = rowOf(state, clocks, now);
    this.entries.set(state, entry);
    return entry;
  }
}

function rowOf(state: IncidentState, clocks: Clock[], now: number): RowEntry {
  const incident = state.incident!;
  const next = nextDeadline(clocks);
  const dueMs = next?.dueAt ? toMs(next.dueAt) : Number.POSITIVE_INFINITY;
  const dueSoonMs = next?.dueSoonAt ? toMs(next.dueSoonAt) : dueMs;
  const row: QueueRow = {
    key: state.id,
    id: state.id,
    incident,
    state,
    members: 1,
    clocks,
    ...(next ? { next } : {}),
    dueMs,
    dueSoonMs,
    memberDueMs: [dueMs],
    openedAt: state.openedAt ?? toMs(incident.detectedAt),
  };
  return { clocks, row, until: structuralChangeAt(state, clocks, now) };
}

export function buildQueues(states: Iterable<IncidentState>, now: number, cache: ClockCache, rows = new QueueRows()): QueueModel {
  const bySeverity = new Map<Severity, QueueRow[]>(SEVERITIES.map((s) => [s, []]));
  const campaigns = new Map<string, QueueRow>();
  let validUntil = Number.POSITIVE_INFINITY;
  for (const state of states) {
    if (!isOpen(state)) continue;
    const incident = state.incident!;
    const { row, until } = rows.get(state, now, cache);
    validUntil = Math.min(validUntil, until);
    if (incident.campaign) {
      const key = `campaign:${incident.severity}:${incident.campaign}`;
      const group = campaigns.get(key);
      if (!group) {
        // A copy: the member's own row is kept for the next rebuild and must not change.
        campaigns.set(key, { ...row, key, id: incident.campaign, memberDueMs: [...row.memberDueMs] });
        continue;
      }
      group.members += 1;
      group.memberDueMs.push(row.dueMs);
      group.clocks = [...group.clocks, ...row.clocks];
      if (row.dueMs < group.dueMs) {
        group.dueMs = row.dueMs;
        group.dueSoonMs = row.dueSoonMs;
        if (row.next) group.next = row.next;
      }
      group.openedAt = Math.min(group.openedAt, row.openedAt);
      continue;
    }
    bySeverity.get(incident.severity)!.push(row);
  }
  for (const group of campaigns.values()) {
    group.memberDueMs.sort((a, b) => a - b);
    bySeverity.get(group.incident.severity)!.push(group);
  }
  const queues = SEVERITIES.map((severity) => {
    const rows = bySeverity.get(severity)!.sort(compareRows);
    const memberDueMs = rows.flatMap((r) => r.memberDueMs).sort((a, b) => a - b);
    return { severity, rows, open: memberDueMs.length, memberDueMs };
  });
  return { queues, validUntil };
}

/**
 * When the queue's shape could change without any event: a clock whose anchor lies in the future
 * starts, or a paused clock's deadline moves. Due-soon and breach need no rebuild: rows show those
 * from their deadlines at draw time.
 */
function structuralChangeAt(state: IncidentState, clocks: readonly Clock[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  const incident = state.incident!;
  for (const f of INSTANT_FIELDS) {
    const v = incident[f];
    if (v) {
      const ms = toMs(v);
      if (ms > now && ms < next) next = ms;
    }
  }
  if (state.last && state.last.at > now) next = Math.min(next, state.last.at);
  if (clocks.some((c) => c.state === 'paused')) next = Math.min(next, now + 60_000);
  return next;
}

/** Members of `row` breached at `now`: their soonest deadline has passed. */
export const breachedMembers = (row: QueueRow, now: number): number => countAtOrBefore(row.memberDueMs, now);

/** How many incidents in the queue have at least one breached clock at `now`. */
export const breachedCount = (queue: Queue, now: number): number => countAtOrBefore(queue.memberDueMs, now);

/** How many of the ascending `due` are at or before `now`. */
function countAtOrBefore(due: readonly number[], now: number): number {
  let lo = 0;
  let hi = due.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (due[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

