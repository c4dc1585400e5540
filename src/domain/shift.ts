import type { IncidentEvent } from './event.ts';
import { INSTANT_FIELDS } from './incident.ts';
import { toIso, toMs } from './instant.ts';

/** The same event moved `deltaMs` in time, every instant with it: replays a recorded day as if it were today. */
export function shiftEvent(event: IncidentEvent, deltaMs: number): IncidentEvent {
  const move = (iso: string) => toIso(toMs(iso) + deltaMs);
  const shifted = { ...event, at: move(event.at) } as IncidentEvent;
  if (event.kind === 'incident.opened' || event.kind === 'incident.updated') {
    const data: Record<string, unknown> = { ...event.data };
    for (const f of INSTANT_FIELDS) if (typeof data[f] === 'string') data[f] = move(data[f] as string);
    (shifted as { data: unknown }).data = data;
  }
  return shifted;
}

export interface ReplayStep {
  delayMs: number;
  event: IncidentEvent;
}

/**
 * When each event of a recording is published: with an anchor, the recording's anchor instant
 * becomes `now` (everything before it at once, the rest on schedule); without, it starts now.
 * `speed` compresses the schedule (2 = twice as fast).
 */
export function planReplay(events: readonly IncidentEvent[], now: number, speed: number, anchor?: number): ReplayStep[] {
  if (!events.length) return [];
  const sorted = [...events].sort((a, b) => toMs(a.at) - toMs(b.at));
  const origin = anchor ?? toMs(sorted[0]!.at);
  const delta = anchor === undefined ? 0 : now - anchor;
  return sorted.map((e) => ({
    delayMs: Math.max(0, (toMs(e.at) - origin) / speed),
    event: delta ? shiftEvent(e, delta) : e,
  }));
}
