import { describe, expect, it } from 'vitest';
import { clockContext } from '../src/domain/context.ts';
import type { IncidentEvent } from '../src/domain/event.ts';
import { foldAll } from '../src/domain/fold.ts';
import { KpiIndex, type KpiWindow } from '../src/domain/kpi.ts';
import { defaults } from './helpers/config.ts';
import { ev, opened } from './helpers/events.ts';

const NOW = Date.parse('2026-03-31T12:00:00Z');
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString();
const targets = defaults.kpi;

function kpis(events: IncidentEvent[], window: KpiWindow = '24h', breached: (id: string) => number = () => 0) {
  const index = new KpiIndex(clockContext(defaults));
  for (const s of foldAll(events).values()) index.update(s);
  return index.compute(NOW, window, targets, breached);
}

describe('KPIs (hand-computed)', () => {
  it('an empty window counts nothing and says null, not zero', () => {
    const r = kpis([]);
    expect(r).toMatchObject({ mttdSeconds: null, mttrSeconds: null, reportCompletionRate: null, repeatIncidentRatio: null });
    expect(r.figures.reportCompletion.pass).toBeNull();
    expect(r.counts.detected).toBe(0);
  });

  it('MTTD: mean of detected − occurred over incidents detected in the window that have occurredAt', () => {
    const r = kpis([
      // 10 min and 30 min to detect → mean 20 min = 1200 s.
      opened({ id: 'A', severity: 'high', occurredAt: ago(2), detectedAt: new Date(Date.parse(ago(2)) + 600_000).toISOString() }),
      opened({ id: 'B', severity: 'low', occurredAt: ago(5), detectedAt: new Date(Date.parse(ago(5)) + 1_800_000).toISOString() }),
      // No occurredAt: detected but not in the mean.
      opened({ id: 'C', severity: 'high', detectedAt: ago(1) }),
      // Detected 25 h ago: outside the 24 h window.
      opened({ id: 'D', severity: 'high', occurredAt: ago(30), detectedAt: ago(25) }),
    ]);
    expect(r.mttdSeconds).toBe(1200);
    expect(r.counts).toMatchObject({ detected: 3, detectedWithOccurredAt: 2 });
    // High and critical only: A alone, 600 s ≤ 900 s target → pass.
    expect(r.mttdHighSeconds).toBe(600);
    expect(r.figures.mttdHigh).toMatchObject({ pass: true, count: 1, target: 900 });
  });

  it('an incident straddling the window edge counts by the instant that matters', () => {
    // Occurred 30 h ago, detected 23 h ago: in the 24 h window (by detection), 7 h to detect.
    const r = kpis([opened({ id: 'E', occurredAt: ago(30), detectedAt: ago(23) })]);
    expect(r.mttdSeconds).toBe(7 * 3600);
    expect(kpis([opened({ id: 'E', occurredAt: ago(30), detectedAt: ago(25) })]).mttdSeconds).toBeNull();
  });

  it('MTTR: mean of contained − triaged over incidents contained in the window', () => {
    const r = kpis([
      opened({ id: 'A', detectedAt: ago(10) }),
      ev('incident.phase', ago(9), { phase: 'triaged' }, { incidentId: 'A' }),
      ev('incident.phase', ago(7), { phase: 'contained' }, { incidentId: 'A' }), // 2 h
      opened({ id: 'B', detectedAt: ago(40) }),
      ev('incident.phase', ago(30), { phase: 'triaged' }, { incidentId: 'B' }),
      ev('incident.phase', ago(20), { phase: 'contained' }, { incidentId: 'B' }), // 10 h, contained in window
      opened({ id: 'C', detectedAt: ago(40) }),
      ev('incident.phase', ago(39), { phase: 'triaged' }, { incidentId: 'C' }),
      ev('incident.phase', ago(30), { phase: 'contained' }, { incidentId: 'C' }), // contained before the window
    ]);
    expect(r.mttrSeconds).toBe(6 * 3600);
    expect(r.counts.contained).toBe(2);
  });

  it('report completion: of resolved incidents whose 48 h post-mortem is due or met, the share met in time', () => {
    const week = (id: string, resolvedHoursAgo: number) => [
      opened({ id, detectedAt: ago(resolvedHoursAgo + 5) }),
      ev('incident.phase', ago(resolvedHoursAgo), { phase: 'resolved' }, { incidentId: id }),
    ];
    const r = kpis(
      [
        ...week('A', 100), // met in time (within 48 h)
        ev('checklist.set', ago(90), { itemId: 'post-mortem', done: true }, { incidentId: 'A' }),
        ...week('B', 120), // met late (after 48 h)
        ev('checklist.set', ago(60), { itemId: 'post-mortem', done: true }, { incidentId: 'B' }),
        ...week('C', 72), // due and never met
        ...week('D', 10), // not yet due, not met: not counted
        ...week('E', 5), // not yet due but already met: counted, in time
        ev('checklist.set', ago(1), { itemId: 'post-mortem', done: true }, { incidentId: 'E' }),
        ...week('F', 24 * 8), // resolved before the 7-day window
      ],
      '7d',
    );
    expect(r.counts).toMatchObject({ resolvedDue: 4, postMortemsInTime: 2 });
    expect(r.reportCompletionRate).toBe(0.5);
    expect(r.figures.reportCompletion).toMatchObject({ pass: false, target: 0.9 });
  });

  it('repeat ratio: an earlier incident within 90 days on the same asset or vector; older does not count', () => {
    const d = (days: number) => new Date(NOW - days * 86_400_000).toISOString();
    const r = kpis(
      [
        opened({ id: 'OLD', detectedAt: d(200), assets: ['srv-1'] }), // too old to make a repeat
        opened({ id: 'P1', detectedAt: d(60), assets: ['srv-2'] }), // 59 days before R2
        opened({ id: 'R1', detectedAt: d(3), assets: ['srv-1'] }), // OLD is 197 days earlier: not a repeat
        opened({ id: 'R2', detectedAt: d(1), assets: ['srv-2'] }), // P1 within 90 days: repeat
        opened({ id: 'R3', detectedAt: d(2), vector: 'phish-kit-7' }),
        opened({ id: 'R4', detectedAt: d(1), vector: 'phish-kit-7' }), // R3 earlier, same vector: repeat
      ],
      '7d',
    );
    expect(r.counts).toMatchObject({ opened: 4, repeats: 2 });
    expect(r.repeatIncidentRatio).toBe(0.5);
    expect(r.figures.repeatRatio.pass).toBe(false);
  });

  it('open and breached by severity, and satisfaction from survey scores', () => {
    const r = kpis(
      [
        opened({ id: 'A', severity: 'critical', detectedAt: ago(1) }),
        opened({ id: 'B', severity: 'low', detectedAt: ago(1) }),
        ev('incident.phase', ago(0.5), { phase: 'closed' }, { incidentId: 'B' }),
        ev('note.added', ago(2), { text: 'survey', score: 5 }, { incidentId: 'A' }),
        ev('note.added', ago(3), { text: 'survey', score: 3 }, { incidentId: 'A' }),
      ],
      '24h',
      (id) => (id === 'A' ? 2 : 0),
    );
    expect(r.openBySeverity).toEqual({ critical: 1, high: 0, medium: 0, low: 0 });
    expect(r.breachedBySeverity.critical).toBe(2);
    expect(r.satisfaction).toBe(4);
    expect(r.figures.satisfaction.pass).toBe(true);
  });

  it('is incremental: updating one incident gives the same figures as building from scratch', () => {
    const events = [
      opened({ id: 'A', detectedAt: ago(10), occurredAt: ago(11), assets: ['x'] }),
      opened({ id: 'B', detectedAt: ago(5), occurredAt: ago(6), assets: ['x'] }),
    ];
    const index = new KpiIndex(clockContext(defaults));
    for (const s of foldAll(events).values()) index.update(s);
    const more = [...events, ev('incident.phase', ago(4), { phase: 'triaged' }, { incidentId: 'B' }), ev('incident.phase', ago(3), { phase: 'contained' }, { incidentId: 'B' })];
    index.update(foldAll(more).get('B')!);
    expect(index.compute(NOW, '24h', targets, () => 0)).toEqual(kpis(more));
  });
});
