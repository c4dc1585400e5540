import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { displayWidth } from '../../src/domain/text.ts';
import { FixedSource, liveStatus, renderRoot, renderSized, settle } from '../helpers/dashboard.tsx';
import { ev, opened } from '../helpers/events.ts';

const NOW = Date.parse('2026-03-31T12:00:00Z');
const ago = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const events = () => [
  opened({ id: 'A', severity: 'high', region: 'emea', occurredAt: ago(3), detectedAt: ago(2.9), assets: ['srv-9'] }),
  opened({ id: 'B', severity: 'low', region: 'apac', occurredAt: ago(50), detectedAt: ago(49), assets: ['srv-9'] }),
  ev('incident.phase', ago(48), { phase: 'triaged' }, { incidentId: 'B' }),
  ev('incident.phase', ago(46), { phase: 'contained' }, { incidentId: 'B' }),
];

describe('the KPI panel', () => {
  it('stands beside the queues on a wide wall, each figure with its target and mark', async () => {
    const r = renderSized(new FixedSource(events(), liveStatus(NOW)), { columns: 240, rows: 67 });
    await settle();
    const frame = r.frame();
    const top = frame.split('\n').find((l) => l.includes('KPIs · last 7d'))!;
    expect(top).toMatch(/CRITICAL.*KPIs · last 7d/);
    // A: 6 min to detect, high → MTTD(high) 6m 00s ≤ 15m: pass. B: 1 h (7 d window holds both).
    expect(frame).toMatch(/MTTD \(high\+critical\) +6m 00s +≤ 15m 00s ✔ PASS +1 incidents/);
    expect(frame).toMatch(/MTTD \(all\) +33m 00s/);
    expect(frame).toMatch(/MTTR \(triage→contain\) +2h 00m/);
    // Both on srv-9: B is the earlier one, so A is a repeat: 1 of 2.
    expect(frame).toMatch(/Repeat incidents +50\.0 % +≤ 5\.0 % ✖ FAIL +1 of 2 opened/);
    expect(frame).toContain('detected/day');
    expect(frame).toMatch(/│ region │ critical │ high │ medium │ low │/);
    expect(frame).toMatch(/asset:srv-9 +█+ 2/);
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(240);
    r.unmount();
  });

  it('is a page of its own on a small terminal: K switches, ] lengthens the window', async () => {
    const app = renderRoot(new FixedSource(events(), liveStatus(NOW)), { size: { columns: 80, rows: 24 } });
    expect(app.lastFrame()).not.toContain('KPIs · last');
    app.stdin.write('K');
    await settle();
    expect(app.lastFrame()).toContain('KPIs · last 7d');
    app.stdin.write(']');
    await settle();
    expect(app.lastFrame()).toContain('KPIs · last 30d');
    app.stdin.write('[');
    app.stdin.write('[');
    await settle();
    // 24 h: only A was detected in the window.
    expect(app.lastFrame()).toMatch(/MTTD \(all\) +6m 00s/);
    for (const line of (app.lastFrame() ?? '').split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('takes in a new incident within ten seconds, not on every change', async () => {
    const source = new FixedSource(events(), liveStatus(NOW));
    const r = renderSized(source, { columns: 240, rows: 67 });
    await settle();
    expect(r.frame()).toMatch(/MTTD \(high\+critical\) +6m 00s .* 1 incidents/);
    // Another high incident, 30 minutes to detect: MTTD(high) becomes 18 min, failing its target.
    source.add([opened({ id: 'C', severity: 'high', region: 'na', occurredAt: ago(1.5), detectedAt: ago(1) })]);
    vi.advanceTimersByTime(300);
    await settle();
    // The queues show it at once; the figures wait for the next ten-second mark.
    expect(r.frame()).toMatch(/HIGH {2}open 2/);
    expect(r.frame()).toMatch(/MTTD \(high\+critical\) +6m 00s .* 1 incidents/);
    for (let s = 0; s < 10; s++) {
      vi.advanceTimersByTime(1_000);
      await settle();
    }
    expect(r.frame()).toMatch(/MTTD \(high\+critical\) +18m 00s +≤ 15m 00s ✖ FAIL +2 incidents/);
    r.unmount();
  });
});
