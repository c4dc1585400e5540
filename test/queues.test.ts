import { describe, expect, it } from 'vitest';
import { ClockCache } from '../src/domain/clock-cache.ts';
import { clockContext } from '../src/domain/context.ts';
import { foldAll } from '../src/domain/fold.ts';
import { breachedCount, buildQueues, QueueRows } from '../src/domain/queues.ts';
import { defaults } from './helpers/config.ts';
import { ev, opened } from './helpers/events.ts';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('the queue model, rebuilt with its rows kept', () => {
  it('equals a build from scratch at every step, campaigns included, as incidents change and time passes', () => {
    const events = [
      opened({ id: 'INC-A', severity: 'high', detectedAt: at(-9) }),
      opened({ id: 'INC-B', severity: 'critical', detectedAt: at(-30) }),
      ...Array.from({ length: 5 }, (_, i) => opened({ id: `ALR-${i}`, severity: 'low', campaign: 'CMP-1', detectedAt: at(-50 + i * 10) })),
    ];
    const rows = new QueueRows();
    const ctx = clockContext(defaults);
    const kept = new ClockCache(ctx);
    let states = foldAll(events);
    const later = [
      ev('incident.phase', at(1), { phase: 'triaged' }, { incidentId: 'INC-A' }),
      opened({ id: 'ALR-9', severity: 'low', campaign: 'CMP-1', detectedAt: at(2) }),
      ev('incident.phase', at(3), { phase: 'closed' }, { incidentId: 'ALR-0' }),
    ];
    for (let minute = 0; minute <= 40; minute += 1) {
      const now = NOW + minute * 60_000;
      const event = later[minute - 1];
      if (event) {
        events.push(event);
        states = foldAll(events);
      }
      const reused = buildQueues(states.values(), now, kept, rows);
      const fresh = buildQueues(states.values(), now, new ClockCache(ctx));
      expect(reused).toEqual(fresh);
      for (const [i, q] of reused.queues.entries()) expect(breachedCount(q, now)).toBe(breachedCount(fresh.queues[i]!, now));
    }
    // The campaign's row counts each member once, however often the queues were rebuilt.
    const low = buildQueues(states.values(), NOW + 41 * 60_000, kept, rows).queues.find((q) => q.severity === 'low')!;
    expect(low.rows).toHaveLength(1);
    expect(low.rows[0]!.members).toBe(5);
    expect(low.rows[0]!.memberDueMs).toHaveLength(5);
  });
});
