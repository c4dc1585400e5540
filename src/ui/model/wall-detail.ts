import type { Queue, QueueRow } from '../../domain/queues.ts';
import { sanitize } from '../../domain/text.ts';
import { countdownText, liveState } from './row-format.ts';
import { CLOCK_MARK } from '../theme.ts';

/** The most urgent rows across all queues, soonest deadline first: what the wall rotates through. */
export function urgentRows(queues: readonly Queue[], limit: number): QueueRow[] {
  // Each queue is already in deadline order: only its head can be among the most urgent.
  return queues
    .flatMap((q) => q.rows.slice(0, limit))
    .filter((r) => r.dueMs !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a.dueMs - b.dueMs)
    .slice(0, limit);
}

/** Which of them is shown at `now`: derived from the app clock, so no component needs a timer. */
export function rotationIndex(now: number, rotateSeconds: number, count: number): number {
  return count === 0 ? 0 : Math.floor(now / 1000 / rotateSeconds) % count;
}

/** Detail lines for one incident on the wall panel. */
export function detailLines(row: QueueRow, now: number, max: number): string[] {
  const i = row.incident;
  const head = `${sanitize(row.id)} · ${i.severity.toUpperCase()} · ${row.state.phase} · ${sanitize(i.assignee ?? 'unassigned')}${
    row.members > 1 ? ` · ${row.members} alerts` : ''
  }`;
  // A campaign holds every member's clocks: show each rule once, the soonest.
  const seen = new Set<string>();
  const clocks = [...row.clocks]
    .filter((c) => c.state !== 'met' && c.state !== 'waived')
    .sort((a, b) => (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity))
    .filter((c) => !seen.has(c.rule) && seen.add(c.rule))
    .slice(0, Math.max(0, max - 2))
    .map((c) => {
      const state = liveState(c, now);
      return `${CLOCK_MARK[state].symbol} ${sanitize(c.label)} → ${sanitize(c.audience)}  ${countdownText(c, now)} ${CLOCK_MARK[state].word}`;
    });
  return [head, sanitize(i.title), ...clocks];
}
