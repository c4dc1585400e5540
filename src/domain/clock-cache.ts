import { type Clock, type ClockContext, computeClocks } from './clocks.ts';
import type { IncidentState } from './fold.ts';
import { INSTANT_FIELDS } from './incident.ts';
import { toMs } from './instant.ts';

interface Entry {
  clocks: Clock[];
  /** The clocks hold for every instant in [from, validUntil). */
  from: number;
  validUntil: number;
}

/**
 * Clocks change state only at known instants (a due-soon threshold, a deadline, a future anchor),
 * so a wall ticking every second need not recompute 10,000 incidents' clocks each tick: each
 * result is kept until its next transition, or until the incident's state object is replaced.
 * It answers for any instant from the one it was computed at to that transition, so panels asking
 * about slightly different moments (now, the minute's start) share it.
 */
export class ClockCache {
  private entries = new WeakMap<IncidentState, Entry>();

  constructor(private readonly ctx: ClockContext) {}

  clocks(state: IncidentState, now: number): Clock[] {
    const hit = this.entries.get(state);
    if (hit && now >= hit.from && now < hit.validUntil) return hit.clocks;
    const clocks = computeClocks(state, now, this.ctx);
    this.entries.set(state, { clocks, from: now, validUntil: nextTransition(state, clocks, now) });
    return clocks;
  }
}

/** The earliest instant after `now` at which any clock of this incident could look different. */
export function nextTransition(state: IncidentState, clocks: readonly Clock[], now: number): number {
  let next = Number.POSITIVE_INFINITY;
  const consider = (ms: number) => {
    if (ms > now && ms < next) next = ms;
  };
  for (const c of clocks) {
    // A paused clock's deadline moves with time; recompute it each second.
    if (c.state === 'paused') consider(now + 1_000);
    if (c.state === 'pending' && c.dueSoonAt) consider(toMs(c.dueSoonAt));
    if ((c.state === 'pending' || c.state === 'due-soon') && c.dueAt) consider(toMs(c.dueAt));
  }
  // Anchors and events dated in the future start or settle clocks when their time comes.
  const incident = state.incident;
  if (incident) for (const f of INSTANT_FIELDS) if (incident[f]) consider(toMs(incident[f]!));
  if (state.last && state.last.at > now) consider(Math.min(state.last.at, now + 1_000));
  return next;
}
