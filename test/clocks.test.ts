import { describe, expect, it } from 'vitest';
import { ev, opened } from './helpers/events.ts';
import { clock, clocksAt, defaults } from './helpers/config.ts';
import { ClockCache } from '../src/domain/clock-cache.ts';
import { computeClocks } from '../src/domain/clocks.ts';
import { clockContext } from '../src/domain/context.ts';
import { foldIncident } from '../src/domain/fold.ts';

// Every expected instant below was worked out by hand from the rule text; the comments show the working.

describe('escalation matrix (seed)', () => {
  const cases = [
    ['low', '2026-03-02T10:00:00.000Z', 'IT manager/SOC lead'],
    ['medium', '2026-03-02T09:30:00.000Z', 'CISO/Legal/BU heads'],
    ['high', '2026-03-02T09:15:00.000Z', 'Exec team/Board liaison/PR'],
    ['critical', '2026-03-02T09:15:00.000Z', 'Exec team/Board liaison/PR'],
  ] as const;
  for (const [severity, due, audience] of cases) {
    it(`${severity}: notify ${audience} by ${due}`, () => {
      const c = clock([opened({ severity, detectedAt: '2026-03-02T09:00:00Z' })], '2026-03-02T09:01:00Z', 'escalation');
      expect(c).toMatchObject({ dueAt: due, audience, state: 'pending', startsAt: '2026-03-02T09:00:00.000Z' });
    });
  }

  it('turns due-soon, then breached, as time passes (high: 15 min, due-soon 5 min before)', () => {
    const events = [opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z' })];
    expect(clock(events, '2026-03-02T09:09:59Z', 'escalation')?.state).toBe('pending');
    expect(clock(events, '2026-03-02T09:10:00Z', 'escalation')?.state).toBe('due-soon');
    expect(clock(events, '2026-03-02T09:14:59Z', 'escalation')?.state).toBe('due-soon');
    expect(clock(events, '2026-03-02T09:15:00Z', 'escalation')?.state).toBe('breached');
  });

  it('is met by a notification naming the rule, and stays met after the deadline passes', () => {
    const events = [
      opened({ severity: 'medium', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('notification.sent', '2026-03-02T09:20:00Z', { audience: 'CISO', rule: 'escalation' }),
    ];
    expect(clock(events, '2026-03-03T09:00:00Z', 'escalation')).toMatchObject({
      state: 'met',
      metAt: '2026-03-02T09:20:00.000Z',
    });
    expect(clock(events, '2026-03-03T09:00:00Z', 'escalation')?.late).toBeUndefined();
  });

  it('a notification to the same audience without a rule also meets it; another audience does not', () => {
    const base = opened({ severity: 'low', detectedAt: '2026-03-02T09:00:00Z' });
    const same = ev('notification.sent', '2026-03-02T09:10:00Z', { audience: 'it manager/soc lead' });
    const other = ev('notification.sent', '2026-03-02T09:10:00Z', { audience: 'Legal' });
    expect(clock([base, same], '2026-03-02T09:30:00Z', 'escalation')?.state).toBe('met');
    expect(clock([base, other], '2026-03-02T09:30:00Z', 'escalation')?.state).toBe('pending');
  });

  it('met after the breach is flagged late', () => {
    const events = [
      opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('notification.sent', '2026-03-02T09:40:00Z', { audience: 'Exec', rule: 'escalation' }),
    ];
    expect(clock(events, '2026-03-02T10:00:00Z', 'escalation')).toMatchObject({ state: 'met', late: true });
  });

  it('an event later than "now" does not count yet', () => {
    const events = [
      opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('notification.sent', '2026-03-02T09:40:00Z', { audience: 'Exec', rule: 'escalation' }),
    ];
    expect(clock(events, '2026-03-02T09:30:00Z', 'escalation')?.state).toBe('breached');
  });
});

describe('triage window', () => {
  it('high: 15 min, met by reaching triaged', () => {
    const events = [
      opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('incident.phase', '2026-03-02T09:12:00Z', { phase: 'triaged' }),
    ];
    expect(clock(events, '2026-03-02T09:13:00Z', 'triage')).toMatchObject({
      dueAt: '2026-03-02T09:15:00.000Z',
      state: 'met',
    });
  });
  it('medium: 1 h; false-positive ends triage', () => {
    const events = [
      opened({ severity: 'medium', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('incident.phase', '2026-03-02T09:50:00Z', { phase: 'false-positive' }),
    ];
    expect(clock(events, '2026-03-02T11:00:00Z', 'triage')).toMatchObject({
      dueAt: '2026-03-02T10:00:00.000Z',
      state: 'met',
    });
  });
});

describe('post-incident deadlines start at resolution', () => {
  const base = [
    opened({ severity: 'medium', detectedAt: '2026-03-02T09:00:00Z' }),
    ev('incident.phase', '2026-03-04T17:00:00Z', { phase: 'resolved' }),
  ];
  it('no post-mortem clock before resolution', () => {
    expect(clock(base, '2026-03-03T00:00:00Z', 'post-mortem')).toBeUndefined();
  });
  it('post-mortem 48 h, exec summary 7 days after resolution', () => {
    expect(clock(base, '2026-03-05T00:00:00Z', 'post-mortem')?.dueAt).toBe('2026-03-06T17:00:00.000Z');
    expect(clock(base, '2026-03-05T00:00:00Z', 'exec-summary')?.dueAt).toBe('2026-03-11T17:00:00.000Z');
  });
  it('post-mortem is met by ticking its checklist item; unticking reopens it', () => {
    const ticked = [...base, ev('checklist.set', '2026-03-05T10:00:00Z', { itemId: 'post-mortem', done: true })];
    expect(clock(ticked, '2026-03-05T11:00:00Z', 'post-mortem')?.state).toBe('met');
    const unticked = [...ticked, ev('checklist.set', '2026-03-05T10:30:00Z', { itemId: 'post-mortem', done: false })];
    expect(clock(unticked, '2026-03-05T11:00:00Z', 'post-mortem')?.state).toBe('pending');
  });
});

describe('GDPR', () => {
  it('Art. 33: 72 clock hours from awareness, straight through a weekend', () => {
    // Aware Friday 16:00 UTC → Monday 16:00 UTC; weekends are not skipped.
    const events = [
      opened({
        detectedAt: '2026-03-06T15:00:00Z',
        awareAt: '2026-03-06T16:00:00Z',
        regimes: ['gdpr'],
        personalData: true,
      }),
    ];
    expect(clock(events, '2026-03-07T00:00:00Z', 'gdpr-art33')?.dueAt).toBe('2026-03-09T16:00:00.000Z');
  });
  it('awareAt defaults to detectedAt', () => {
    const events = [opened({ detectedAt: '2026-03-06T15:00:00Z', regimes: ['gdpr'], personalData: true })];
    expect(clock(events, '2026-03-07T00:00:00Z', 'gdpr-art33')?.startsAt).toBe('2026-03-06T15:00:00.000Z');
  });
  it('does not apply without personal data', () => {
    const events = [opened({ detectedAt: '2026-03-06T15:00:00Z', regimes: ['gdpr'] })];
    expect(clock(events, '2026-03-07T00:00:00Z', 'gdpr-art33')).toBeUndefined();
  });
  it('Art. 34 has no fixed deadline: no dueAt, never breached', () => {
    const events = [opened({ detectedAt: '2026-03-06T15:00:00Z', regimes: ['gdpr'], personalData: true })];
    expect(clock(events, '2026-04-30T00:00:00Z', 'gdpr-art34')).toMatchObject({ dueAt: null, state: 'pending' });
  });
});

describe('NIS2', () => {
  const aware = '2026-01-29T10:00:00Z';
  const base = [opened({ detectedAt: aware, regimes: ['nis2'] })];
  it('early warning 24 h and notification 72 h from awareness', () => {
    expect(clock(base, '2026-01-29T11:00:00Z', 'nis2-early-warning')?.dueAt).toBe('2026-01-30T10:00:00.000Z');
    expect(clock(base, '2026-01-29T11:00:00Z', 'nis2-notification')?.dueAt).toBe('2026-02-01T10:00:00.000Z');
  });
  it('the final report clock starts only when the notification is sent (chained clock)', () => {
    expect(clock(base, '2026-01-31T00:00:00Z', 'nis2-final')).toBeUndefined();
  });
  it('final report: one calendar month after the notification, clamped at month end', () => {
    // Notified 31 Jan → one month later is 28 Feb (2026 is not a leap year).
    const events = [...base, ev('notification.sent', '2026-01-31T09:00:00Z', { audience: 'CSIRT', rule: 'nis2-notification' })];
    expect(clock(events, '2026-02-01T00:00:00Z', 'nis2-final')).toMatchObject({
      startsAt: '2026-01-31T09:00:00.000Z',
      dueAt: '2026-02-28T09:00:00.000Z',
    });
  });
  it('…and on 29 February in a leap year', () => {
    const leap = [
      opened({ detectedAt: '2028-01-29T10:00:00Z', regimes: ['nis2'] }),
      ev('notification.sent', '2028-01-31T09:00:00Z', { audience: 'CSIRT', rule: 'nis2-notification' }),
    ];
    expect(clock(leap, '2028-02-01T00:00:00Z', 'nis2-final')?.dueAt).toBe('2028-02-29T09:00:00.000Z');
  });
});

describe('DORA', () => {
  it('initial: the earlier of classification + 4 h and awareness + 24 h', () => {
    // Aware Tue 08:00Z, classified 10:00Z → min(14:00Z, Wed 08:00Z) = Tue 14:00Z.
    const events = [
      opened({ detectedAt: '2026-03-03T08:00:00Z', classifiedMajorAt: '2026-03-03T10:00:00Z', regimes: ['dora'] }),
    ];
    expect(clock(events, '2026-03-03T11:00:00Z', 'dora-initial')).toMatchObject({
      startsAt: '2026-03-03T10:00:00.000Z',
      dueAt: '2026-03-03T14:00:00.000Z',
    });
  });
  it('initial: awareness + 24 h binds when classification comes late in the day', () => {
    // Aware Tue 08:00Z, classified Wed 06:00Z: min(Wed 10:00Z, Wed 08:00Z) = Wed 08:00Z (awareness binds).
    const events = [
      opened({ detectedAt: '2026-03-03T08:00:00Z', classifiedMajorAt: '2026-03-04T06:00:00Z', regimes: ['dora'] }),
    ];
    expect(clock(events, '2026-03-04T07:00:00Z', 'dora-initial')?.dueAt).toBe('2026-03-04T08:00:00.000Z');
  });
  it('initial: classified more than 24 h after awareness → 4 h from classification (RTS Art. 5(2))', () => {
    // Aware Tue 08:00Z + 24 h = Wed 08:00Z is before classification (Wed 12:00Z), so it cannot bind.
    const events = [
      opened({ detectedAt: '2026-03-03T08:00:00Z', classifiedMajorAt: '2026-03-04T12:00:00Z', regimes: ['dora'] }),
    ];
    expect(clock(events, '2026-03-04T13:00:00Z', 'dora-initial')?.dueAt).toBe('2026-03-04T16:00:00.000Z');
  });
  it('a deadline on a weekend rolls to 12:00 (Brussels) of the next working day', () => {
    // Classified Sat 7 Mar 09:00Z → due Sat 13:00Z → Monday 9 Mar 12:00 CET = 11:00Z.
    const events = [
      opened({ detectedAt: '2026-03-07T08:00:00Z', classifiedMajorAt: '2026-03-07T09:00:00Z', regimes: ['dora'] }),
    ];
    expect(clock(events, '2026-03-07T10:00:00Z', 'dora-initial')?.dueAt).toBe('2026-03-09T11:00:00.000Z');
  });
  it('…and over Easter: Good Friday to Easter Monday are all closed', () => {
    // Classified Thu 2 Apr 21:00Z → due Fri 3 Apr 01:00Z (Good Friday) → Tue 7 Apr 12:00 CEST = 10:00Z.
    const events = [
      opened({ detectedAt: '2026-04-02T20:00:00Z', classifiedMajorAt: '2026-04-02T21:00:00Z', regimes: ['dora'] }),
    ];
    expect(clock(events, '2026-04-02T22:00:00Z', 'dora-initial')?.dueAt).toBe('2026-04-07T10:00:00.000Z');
  });
  it('intermediate: 72 h from submission of the initial notice; final: one month after the intermediate', () => {
    const events = [
      opened({ detectedAt: '2026-03-03T08:00:00Z', classifiedMajorAt: '2026-03-03T10:00:00Z', regimes: ['dora'] }),
      ev('notification.sent', '2026-03-03T13:00:00Z', { audience: 'NCA', rule: 'dora-initial' }),
    ];
    // Initial submitted Tue 13:00Z → intermediate due Fri 6 Mar 13:00Z (a working day, no roll).
    expect(clock(events, '2026-03-04T00:00:00Z', 'dora-intermediate')?.dueAt).toBe('2026-03-06T13:00:00.000Z');
    expect(clock(events, '2026-03-04T00:00:00Z', 'dora-final')).toBeUndefined();
    const later = [...events, ev('notification.sent', '2026-03-06T09:00:00Z', { audience: 'NCA', rule: 'dora-intermediate' })];
    // Intermediate Fri 6 Mar 09:00Z → Mon 6 Apr 09:00Z is Easter Monday → Tue 7 Apr 12:00 CEST = 10:00Z.
    expect(clock(later, '2026-03-07T00:00:00Z', 'dora-final')?.dueAt).toBe('2026-04-07T10:00:00.000Z');
  });
});

describe('SEC Form 8-K Item 1.05: four business days', () => {
  const at = (materialityDeterminedAt: string) => [
    opened({ detectedAt: '2026-03-01T12:00:00Z', materialityDeterminedAt, regimes: ['sec'] }),
  ];
  it('determined Wednesday → due at the end of the following Tuesday (US Eastern, across the DST change)', () => {
    // Wed 4 Mar: Thu 5, Fri 6, Mon 9, Tue 10 → end of Tue 10 = Wed 11 00:00 EDT = 04:00Z.
    expect(clock(at('2026-03-04T20:00:00Z'), '2026-03-05T00:00:00Z', 'sec-8k')?.dueAt).toBe('2026-03-11T04:00:00.000Z');
  });
  it('a Saturday trigger starts the count on Monday, which counts as day one', () => {
    // Sat 7 Mar → Mon 9 (1), Tue 10, Wed 11, Thu 12 (4) → Fri 13 00:00 EDT = 04:00Z.
    expect(clock(at('2026-03-07T15:00:00Z'), '2026-03-08T00:00:00Z', 'sec-8k')).toMatchObject({
      startsAt: '2026-03-09T04:00:00.000Z',
      dueAt: '2026-03-13T04:00:00.000Z',
    });
  });
  it('holidays do not count (Thanksgiving)', () => {
    // Wed 25 Nov: Fri 27, Mon 30, Tue 1 Dec, Wed 2 Dec → Thu 3 Dec 00:00 EST = 05:00Z.
    expect(clock(at('2026-11-25T15:00:00Z'), '2026-11-25T16:00:00Z', 'sec-8k')?.dueAt).toBe('2026-12-03T05:00:00.000Z');
  });
  it('a trigger on the holiday itself starts on the next business day', () => {
    // Thu 26 Nov (Thanksgiving) → Fri 27 (1), Mon 30, Tue 1, Wed 2 (4) → Thu 3 Dec 05:00Z.
    expect(clock(at('2026-11-26T15:00:00Z'), '2026-11-26T16:00:00Z', 'sec-8k')).toMatchObject({
      startsAt: '2026-11-27T05:00:00.000Z',
      dueAt: '2026-12-03T05:00:00.000Z',
    });
  });
});

describe('other regimes', () => {
  it('LGPD: three working days in Brazil, skipping Good Friday', () => {
    // Aware Thu 2 Apr → Fri 3 (holiday), Mon 6 (1), Tue 7 (2), Wed 8 (3) → Thu 9 00:00 BRT = 03:00Z.
    const events = [opened({ detectedAt: '2026-04-02T12:00:00Z', regimes: ['lgpd'], personalData: true })];
    expect(clock(events, '2026-04-02T13:00:00Z', 'lgpd')?.dueAt).toBe('2026-04-09T03:00:00.000Z');
  });
  it('HIPAA: 60 calendar days from discovery', () => {
    const events = [opened({ detectedAt: '2026-01-10T12:00:00Z', regimes: ['hipaa'] })];
    expect(clock(events, '2026-01-11T00:00:00Z', 'hipaa')?.dueAt).toBe('2026-03-11T12:00:00.000Z');
  });
  it('CERT-In: 6 hours', () => {
    const events = [opened({ detectedAt: '2026-01-10T22:30:00Z', regimes: ['cert-in'] })];
    expect(clock(events, '2026-01-10T23:00:00Z', 'cert-in')?.dueAt).toBe('2026-01-11T04:30:00.000Z');
  });
  it('CIRCIA is not in force: disabled by default, so it never appears', () => {
    const events = [opened({ detectedAt: '2026-01-10T22:30:00Z', regimes: ['circia'] })];
    expect(clock(events, '2026-01-10T23:00:00Z', 'circia')).toBeUndefined();
  });
});

describe('pause, resume, waive', () => {
  const base = opened({ severity: 'low', detectedAt: '2026-03-02T09:00:00Z' });
  it('a pause shows as paused and pushes the deadline back by the time paused', () => {
    const paused = ev('clock.paused', '2026-03-02T09:10:00Z', { rule: 'escalation', reason: 'awaiting legal hold' });
    expect(clock([base, paused], '2026-03-02T09:30:00Z', 'escalation')).toMatchObject({
      state: 'paused',
      dueAt: '2026-03-02T10:20:00.000Z', // 1 h + 20 min paused so far
      reason: 'awaiting legal hold',
    });
    const resumed = ev('clock.resumed', '2026-03-02T09:40:00Z', { rule: 'escalation', reason: 'hold lifted' });
    // Paused 30 min in all: due 10:30; at 10:25 it is due soon (15 min before).
    expect(clock([base, paused, resumed], '2026-03-02T10:25:00Z', 'escalation')).toMatchObject({
      state: 'due-soon',
      dueAt: '2026-03-02T10:30:00.000Z',
      pausedSeconds: 1800,
    });
  });
  it('a waived clock stays waived, with its reason, past its deadline', () => {
    const waived = ev('clock.waived', '2026-03-02T09:05:00Z', { rule: 'escalation', reason: 'duplicate of INC-0' });
    expect(clock([base, waived], '2026-03-03T09:00:00Z', 'escalation')).toMatchObject({
      state: 'waived',
      reason: 'duplicate of INC-0',
    });
  });
  it('a control for another rule leaves this clock alone', () => {
    const other = ev('clock.waived', '2026-03-02T09:05:00Z', { rule: 'triage', reason: 'n/a' });
    expect(clock([base, other], '2026-03-02T09:30:00Z', 'escalation')?.state).toBe('pending');
  });
});

describe('ordering', () => {
  it('breached first, then the soonest deadline; settled clocks last', () => {
    const events = [
      opened({ severity: 'high', detectedAt: '2026-03-06T08:00:00Z', regimes: ['gdpr'], personalData: true }),
      ev('notification.sent', '2026-03-06T08:05:00Z', { audience: 'x', rule: 'escalation' }),
    ];
    const rules = clocksAt(events, '2026-03-06T08:20:00Z').map((c) => `${c.rule}:${c.state}`);
    expect(rules).toEqual(['triage:breached', 'gdpr-art33:pending', 'gdpr-art34:pending', 'escalation:met']);
  });
});

describe('calendar memo', () => {
  it('answers exactly as a fresh computation, across zones with 30- and 45-minute offsets and DST', async () => {
    const { businessDayDeadline, rollToWorkingDay, addCalendarMonths } = await import('../src/domain/calendar.ts');
    const zones = ['America/New_York', 'Europe/Brussels', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
    let seed = 99;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const zone of zones) {
      const shared = { zone, weekend: [0, 6], holidays: ['2026-03-09', '2026-11-26'] };
      for (let i = 0; i < 400; i++) {
        const t = Date.parse('2026-01-01T00:00:00Z') + Math.floor(rand() * 365 * 86_400_000);
        const fresh = () => ({ ...shared });
        expect(businessDayDeadline(t, 4, shared, true)).toEqual(businessDayDeadline(t, 4, fresh(), true));
        expect(businessDayDeadline(t, 3, shared, false)).toEqual(businessDayDeadline(t, 3, fresh(), false));
        expect(rollToWorkingDay(t, shared, 12)).toBe(rollToWorkingDay(t, fresh(), 12));
      }
    }
    // The UTC month arithmetic clamps like date-fns.
    expect(new Date(addCalendarMonths(Date.parse('2026-01-31T09:00:00Z'), 1, 'UTC')).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(new Date(addCalendarMonths(Date.parse('2028-01-31T09:00:00Z'), 1, 'UTC')).toISOString()).toBe('2028-02-29T09:00:00.000Z');
    expect(new Date(addCalendarMonths(Date.parse('2026-03-31T23:59:00Z'), 1, 'UTC')).toISOString()).toBe('2026-04-30T23:59:00.000Z');
    expect(new Date(addCalendarMonths(Date.parse('2026-12-15T00:00:00Z'), 1, 'UTC')).toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });
});

describe('the clock cache', () => {
  it('answers exactly as computing afresh, for instants in any order — earlier ones included', () => {
    const ctx = clockContext(defaults);
    const state = foldIncident('INC-1', [
      opened({ severity: 'high', detectedAt: '2026-03-02T09:00:00Z', personalData: true, regimes: ['gdpr', 'nis2'] }),
      ev('incident.phase', '2026-03-02T09:20:00Z', { phase: 'triaged' }),
    ]);
    const cache = new ClockCache(ctx);
    const start = Date.parse('2026-03-02T08:59:00Z');
    // Minutes over four days, visited in a scrambled order (a multiplicative walk mod a prime).
    const minutes = 4 * 24 * 60 + 1;
    for (let i = 1, m = 1; i < 600; i++, m = (m * 7919) % minutes) {
      const at = start + m * 60_000 + (i % 3) * 20_000;
      expect(cache.clocks(state, at)).toEqual(computeClocks(state, at, ctx));
    }
  });
});
