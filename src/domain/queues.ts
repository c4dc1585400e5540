import type { ClockCache } from './clock-cache.ts';
import { type Clock, nextDeadline } from './clocks.ts';
import { type IncidentState, isOpen } from './fold.ts';
import { type Incident, SEVERITIES, type Severity } from './incident.ts';
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
  next?: Clock;
  /** Breached clocks on this row. */
  breached: number;
  /** Member incidents with at least one breached clock. */
  breachedMembers: number;
  openedAt: number;
}

export interface Queue {
  severity: Severity;
  rows: QueueRow[];
  open: number;
  breached: number;
}

const dueOf = (row: QueueRow) => (row.next?.dueAt ? toMs(row.next.dueAt) : Number.POSITIVE_INFINITY);

/** Soonest pending deadline first (breached ones are soonest of all); ties by age, oldest first. */
export function compareRows(a: QueueRow, b: QueueRow): number {
  return dueOf(a) - dueOf(b) || a.openedAt - b.openedAt || a.id.localeCompare(b.id);
}

/**
 * The queues the wall shows at `now`: open incidents by severity, campaigns folded into one row
 * each, every row with its clocks. Closed and false-positive incidents leave the queues.
 */
export function buildQueues(states: Iterable<IncidentState>, now: number, cache: ClockCache): Queue[] {
  const bySeverity = new Map<Severity, QueueRow[]>(SEVERITIES.map((s) => [s, []]));
  const campaigns = new Map<string, QueueRow>();
  for (const state of states) {
    if (!isOpen(state)) continue;
    const incident = state.incident!;
    const clocks = cache.clocks(state, now);
    const row: QueueRow = {
      key: state.id,
      id: state.id,
      incident,
      state,
      members: 1,
      clocks,
      next: nextDeadline(clocks),
      breached: clocks.filter((c) => c.state === 'breached').length,
      breachedMembers: 0,
      openedAt: state.openedAt ?? toMs(incident.detectedAt),
    };
    row.breachedMembers = row.breached > 0 ? 1 : 0;
    if (incident.campaign) {
      const key = `campaign:${incident.severity}:${incident.campaign}`;
      const group = campaigns.get(key);
      if (!group) {
        campaigns.set(key, { ...row, key, id: incident.campaign });
        continue;
      }
      group.members += 1;
      group.breached += row.breached;
      group.breachedMembers += row.breachedMembers;
      group.clocks = [...group.clocks, ...row.clocks];
      if (dueOf(row) < dueOf(group)) group.next = row.next;
      group.openedAt = Math.min(group.openedAt, row.openedAt);
      continue;
    }
    bySeverity.get(incident.severity)!.push(row);
  }
  for (const group of campaigns.values()) bySeverity.get(group.incident.severity)!.push(group);
  return SEVERITIES.map((severity) => {
    const rows = bySeverity.get(severity)!.sort(compareRows);
    return {
      severity,
      rows,
      open: rows.reduce((n, r) => n + r.members, 0),
      breached: rows.reduce((n, r) => n + r.breachedMembers, 0),
    };
  });
}

/** The single most urgent live clock across all queues, for the wall's big countdown. */
export function mostUrgent(queues: readonly Queue[]): QueueRow | undefined {
  let best: QueueRow | undefined;
  for (const q of queues) for (const r of q.rows) if (r.next && (!best || dueOf(r) < dueOf(best))) best = r;
  return best;
}
