import { describe, expect, it } from 'vitest';
import { parseEvent } from '../src/domain/event.ts';
import { foldAll, foldIncident, isOpen } from '../src/domain/fold.ts';
import { ev, opened } from './helpers/events.ts';

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const story = [
  opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z', title: 'Phish with payload', assets: ['mail-gw-01'] }),
  ev('incident.acknowledged', '2026-03-02T09:02:00Z', {}, { by: 'ana' }),
  ev('incident.phase', '2026-03-02T09:05:00Z', { phase: 'triaged' }, { by: 'ana' }),
  ev('checklist.set', '2026-03-02T09:06:00Z', { itemId: 'alert-received', done: true }, { by: 'ana' }),
  ev('incident.updated', '2026-03-02T09:07:00Z', { severity: 'critical', assignee: 'bo' }, { by: 'lead' }),
  ev('notification.sent', '2026-03-02T09:08:00Z', { audience: 'Exec team', rule: 'escalation' }),
  ev('checklist.set', '2026-03-02T09:09:00Z', { itemId: 'alert-received', done: false }, { by: 'bo' }),
  ev('checklist.set', '2026-03-02T09:09:00Z', { itemId: 'alert-received', done: true }, { by: 'cy' }),
  ev('incident.phase', '2026-03-02T10:00:00Z', { phase: 'contained' }),
  ev('note.added', '2026-03-02T10:01:00Z', { text: 'blocked sender domain', tag: 'action-item' }),
  ev('clock.paused', '2026-03-02T10:02:00Z', { rule: 'triage', reason: 'legal hold' }),
];

describe('fold', () => {
  it('gives the same state whatever order the events arrive in', () => {
    const expected = foldIncident('INC-1', story);
    for (let seed = 1; seed <= 50; seed++) {
      expect(foldIncident('INC-1', shuffled(story, seed))).toEqual(expected);
    }
  });

  it('applies each event once, however often it arrives', () => {
    const once = foldIncident('INC-1', story);
    const twice = foldIncident('INC-1', [...story, ...shuffled(story, 7)]);
    expect(twice).toEqual(once);
    expect(twice.notifications).toHaveLength(1);
  });

  it('folds the story into the expected state', () => {
    const s = foldIncident('INC-1', story);
    expect(s.incident).toMatchObject({ severity: 'critical', assignee: 'bo', title: 'Phish with payload' });
    // An update names only what it changes: the assets given at opening survive it.
    expect(s.incident?.assets).toEqual(['mail-gw-01']);
    expect(s.phase).toBe('contained');
    expect(s.phaseAt.triaged).toBe(Date.parse('2026-03-02T09:05:00Z'));
    expect(s.acknowledged?.by).toBe('ana');
    expect(s.notes[0]).toMatchObject({ text: 'blocked sender domain', tag: 'action-item' });
    expect(s.clockControls[0]).toMatchObject({ rule: 'triage', action: 'paused' });
    expect(s.eventCount).toBe(story.length);
  });

  it('two ticks of the same item at the same instant: the larger event id wins, on every replica', () => {
    // Both checklist.set events at 09:09 — "bo" unticks, "cy" ticks; cy's id sorts later, so done.
    const s = foldIncident('INC-1', shuffled(story, 3));
    expect(s.checklist['alert-received']).toMatchObject({ done: true, by: 'cy' });
  });

  it('records a second open or an update before opening as a conflict, not a change', () => {
    const again = opened({ severity: 'low', detectedAt: '2026-03-02T09:30:00Z', title: 'other' });
    const early = ev('incident.updated', '2026-03-02T08:00:00Z', { title: 'too early' });
    const s = foldIncident('INC-1', [...story, again, early]);
    expect(s.incident?.title).toBe('Phish with payload');
    expect(s.conflicts.map((c) => c.reason).sort()).toEqual(['incident already opened', 'update before the incident was opened']);
  });

  it('foldAll splits a mixed stream by incident; closed and false-positive incidents are not open', () => {
    const other = opened({ id: 'INC-2', detectedAt: '2026-03-02T09:00:00Z' });
    const fp = ev('incident.phase', '2026-03-02T09:10:00Z', { phase: 'false-positive' }, { incidentId: 'INC-2' });
    const states = foldAll([...story, other, fp]);
    expect([...states.keys()].sort()).toEqual(['INC-1', 'INC-2']);
    expect(isOpen(states.get('INC-1')!)).toBe(true);
    expect(isOpen(states.get('INC-2')!)).toBe(false);
  });
});

describe('event validation', () => {
  const good = story[0]!;
  it('accepts a valid event', () => {
    expect(parseEvent(JSON.parse(JSON.stringify(good)))).toMatchObject({ ok: true });
  });
  it.each([
    ['unknown kind', { ...good, kind: 'incident.deleted' }, /unknown event kind "incident.deleted"/],
    ['missing id', { ...good, id: undefined }, /id/],
    ['bad instant', { ...good, at: 'yesterday' }, /at:/],
    ['instant without offset', { ...good, at: '2026-03-02T09:00:00' }, /at:/],
    ['bad severity', { ...good, data: { ...(good.data as object), severity: 'urgent' } }, /data\.severity/],
    ['unknown field', { ...good, extra: 1 }, /extra/],
    ['tick without done', { ...good, kind: 'checklist.set', data: { itemId: 'x' } }, /data\.done/],
    ['waive without reason', { ...good, kind: 'clock.waived', data: { rule: 'triage', reason: '' } }, /reason/],
    ['empty update', { ...good, kind: 'incident.updated', data: {} }, /at least one field/],
    ['not an object', 'hello', /expected object/i],
    ['a tag with spaces', { ...good, data: { ...(good.data as object), tags: ['region: emea'] } }, /tags/],
  ])('rejects %s with a reason', (_name, input, reason) => {
    const r = parseEvent(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
