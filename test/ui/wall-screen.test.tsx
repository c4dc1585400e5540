import chalk from 'chalk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lineToCells } from '../../src/ui/terminal/cells.ts';
import { loadConfig } from '../../src/config/load.ts';
import { displayWidth } from '../../src/domain/text.ts';
import { resolveKeymap } from '../../src/ui/keys/keymap.ts';
import { FixedSource, liveStatus, renderRoot, renderSized, settle } from '../helpers/dashboard.tsx';
import { pickTheme } from '../../src/ui/theme.ts';
import { ev, opened } from '../helpers/events.ts';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const config = loadConfig().config;

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on in one step: one render at the end, as a wall catching up would. */
async function jump(seconds: number) {
  vi.advanceTimersByTime(seconds * 1_000);
  await settle();
}

async function tick(seconds = 1) {
  for (let i = 0; i < seconds; i++) {
    vi.advanceTimersByTime(1_000);
    await settle();
  }
}

const day = () => [
  opened({ id: 'INC-CRIT', severity: 'critical', type: 'ransomware', title: 'Ransomware on gateways', detectedAt: at(-20), assignee: 'ana' }),
  opened({ id: 'INC-HIGH', severity: 'high', title: 'Admin logins from abroad', detectedAt: at(-9) }),
  opened({ id: 'INC-MED', severity: 'medium', title: 'Phishing page', detectedAt: at(-5) }),
  opened({ id: 'INC-LOW', severity: 'low', title: 'Port scan', detectedAt: at(-2) }),
  opened({ id: 'INC-DONE', severity: 'high', title: 'Closed one', detectedAt: at(-300) }),
  ev('incident.phase', at(-100), { phase: 'closed' }, { incidentId: 'INC-DONE' }),
  opened({ id: 'INC-FP', severity: 'low', title: 'False alarm', detectedAt: at(-30) }),
  ev('incident.phase', at(-25), { phase: 'false-positive' }, { incidentId: 'INC-FP' }),
  ...Array.from({ length: 12 }, (_, i) =>
    opened({ id: `ALR-${i}`, severity: 'low', type: 'phishing', title: `Lure to user ${i}`, campaign: 'CMP-lure', detectedAt: at(-40 + i) }),
  ),
];

function renderTesting(source: FixedSource, wall = false) {
  return renderRoot(source, { wall, size: { columns: 80, rows: 24 } });
}

const lines = (frame: string) => frame.split('\n');

describe('the wall screen at 80×24 (ink-testing-library)', () => {
  it('shows the header, the four queues with counts, and rows sorted by deadline', () => {
    const { lastFrame } = renderTesting(new FixedSource(day(), liveStatus(NOW)));
    const frame = lastFrame()!;
    expect(frame).toContain('SOCWALL');
    expect(frame).toContain('12:00:00 UTC');
    expect(frame).toContain('● LIVE');
    expect(frame).toMatch(/CRITICAL {2}open 1 {2}breached 1/);
    expect(frame).toMatch(/HIGH {2}open 1 {2}breached 0/);
    // Closed and false-positive incidents have left the queues; the campaign is one row of 12.
    expect(frame).not.toContain('INC-DONE');
    expect(frame).not.toContain('INC-FP');
    expect(frame).toMatch(/LOW {2}open 13/);
    expect(frame).toMatch(/CMP-lure +12 alerts · Lure/);
    // Critical, detected 20 min ago, 15 min to escalate: breached by five minutes, with symbol and word.
    expect(frame).toMatch(/✖ INC-CRIT .*notify Exec team.* -05:00 BREACH/);
    // High, detected 9 min ago: 6 min left, due soon only from 5 min.
    expect(frame).toMatch(/· INC-HIGH .* 06:00/);
    for (const line of lines(frame)) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(lines(frame).length).toBeLessThanOrEqual(23);
  });

  it('counts down on the shared clock: pending → due-soon → breached', async () => {
    const { lastFrame } = renderTesting(new FixedSource(day(), liveStatus(NOW)));
    expect(lastFrame()).toMatch(/· INC-HIGH .* 06:00/);
    await tick(60);
    expect(lastFrame()).toMatch(/▲ INC-HIGH .* 05:00 SOON/);
    expect(lastFrame()).toContain('12:01:00 UTC');
    await tick(300);
    expect(lastFrame()).toMatch(/✖ INC-HIGH .* -00:00 BREACH|✖ INC-HIGH .* 00:00 BREACH/);
    await tick(61);
    expect(lastFrame()).toMatch(/✖ INC-HIGH .* -01:01 BREACH/);
  });

  it('the help screen lists the keys from the keymap', async () => {
    const { lastFrame, stdin } = renderTesting(new FixedSource(day(), liveStatus(NOW)));
    stdin.write('?');
    await settle();
    expect(lastFrame()).toContain('show or hide this list of keys');
    expect(lastFrame()).toContain('q, ctrl+c');
    stdin.write('\u001b');
    await vi.advanceTimersByTimeAsync(100);
    await settle();
    expect(lastFrame()).toContain('CRITICAL');
  });
});

describe('countdown formats in rows', () => {
  it('switches from mm:ss to hh:mm at one hour and to Nd hh at one day', () => {
    const events = [
      opened({ id: 'INC-A', severity: 'low', detectedAt: at(-1) }), // escalation 1 h → 59:00
      opened({ id: 'INC-B', severity: 'low', detectedAt: at(0), regimes: ['cert-in'] }),
      ev('notification.sent', at(0), { audience: 'x', rule: 'escalation' }, { incidentId: 'INC-B' }),
      ev('incident.phase', at(0), { phase: 'triaged' }, { incidentId: 'INC-B' }), // cert-in 6 h → 06:00 (hh:mm)
      opened({ id: 'INC-C', severity: 'low', detectedAt: at(0), regimes: ['hipaa'] }),
      ev('notification.sent', at(0), { audience: 'x', rule: 'escalation' }, { incidentId: 'INC-C' }),
      ev('incident.phase', at(0), { phase: 'triaged' }, { incidentId: 'INC-C' }), // hipaa 60 d → 60d 00
    ];
    const { lastFrame } = renderTesting(new FixedSource(events, liveStatus(NOW)));
    const frame = lastFrame()!;
    expect(frame).toMatch(/INC-A .* 59:00/);
    expect(frame).toMatch(/INC-B .*CERT-In.* 06:00/);
    expect(frame).toMatch(/INC-C .*HIPAA.* 60d 00/);
  });
});

describe('hostile feed text is drawn inert and fits', () => {
  it('escape sequences, a 10 kB title, an RTL override and C1 bytes', () => {
    const hostile = [
      opened({ id: 'INC-ESC', severity: 'high', detectedAt: at(-1), title: 'a\u001b[2J\u001b]0;owned\u0007\u001b]52;c;cm0=\u0007b' }),
      opened({ id: 'INC-BIG', severity: 'high', detectedAt: at(-2), title: 'X'.repeat(10_240) }),
      opened({ id: 'INC-RTL', severity: 'high', detectedAt: at(-3), title: 'invoice\u202egpj.exe' }),
      opened({ id: 'INC-C1', severity: 'high', detectedAt: at(-4), title: 'c1\u009b31m\u009d0;x\u0007\u0085end', assignee: '\u001b[31mmallory' }),
    ];
    const { lastFrame } = renderTesting(new FixedSource(hostile, liveStatus(NOW)));
    const frame = lastFrame()!;
    expect(frame).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(frame).toContain('INC-ESC    ab');
    expect(frame).toContain('invoice\ufffdgpj.exe');
    expect(frame).toMatch(/XXXX…/);
    for (const line of lines(frame)) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('the feed state in the header', () => {
  const cases: [string, ReturnType<typeof liveStatus>, RegExp][] = [
    ['live', liveStatus(NOW), /● LIVE/],
    ['stale', liveStatus(NOW, { lastHeardAt: NOW - 42_000 }), /⚠ STALE 42s/],
    ['reconnecting', liveStatus(NOW, { state: 'reconnecting', offlineSince: NOW - 5_000, nextRetryAt: NOW + 8_000 }), /⚠ RECONNECTING in 8s/],
    ['offline', liveStatus(NOW, { state: 'reconnecting', offlineSince: Date.parse('2026-03-06T11:02:00Z'), nextRetryAt: NOW + 30_000 }), /⚠ OFFLINE since 11:02/],
    ['resyncing', liveStatus(NOW, { state: 'resyncing' }), /⚠ RESYNCING/],
    ['auth failed', liveStatus(NOW, { state: 'auth-failed' }), /⚠ AUTH FAILED/],
    ['storage error', liveStatus(NOW, { state: 'reconnecting', lastError: 'storage: database or disk is full', nextRetryAt: NOW + 1_000 }), /⚠ STORAGE ERROR/],
  ];
  it.each(cases)('%s', (name, status, pattern) => {
    const { lastFrame } = renderTesting(new FixedSource(day(), status));
    const [first, second] = lines(lastFrame()!);
    expect(first).toMatch(pattern);
    if (name === 'live') {
      expect(first).not.toContain('▒');
    } else {
      // The whole header changes: both lines carry the warning fill to the edge.
      expect(first).toMatch(/▒$/);
      expect(second).toMatch(/^ ⚠ /);
      expect(second).toMatch(/▒$/);
    }
  });

  it('shows a clock-skew warning and the rejected count when non-zero', () => {
    const { lastFrame } = renderTesting(new FixedSource(day(), liveStatus(NOW, { skewMs: 12_000, rejected: 3 })));
    expect(lastFrame()).toContain('⚠ clock skew 12s vs feed');
    expect(lastFrame()).toContain('⚠ 3 rejected messages');
  });

  it('turns STALE by itself once heartbeats stop arriving', async () => {
    const source = new FixedSource(day(), liveStatus(NOW));
    const { lastFrame } = renderTesting(source);
    expect(lines(lastFrame()!)[0]).toContain('● LIVE');
    await tick(10);
    expect(lines(lastFrame()!)[0]).toContain('⚠ STALE 10s');
  });
});

describe('--wall', () => {
  it('shows the most urgent countdown in big digits and rotates the detail every N seconds', async () => {
    const { lastFrame } = renderTesting(new FixedSource(day(), liveStatus(NOW)), true);
    const first = lastFrame()!;
    expect(first).toContain('wall (read-only)');
    expect(first).toContain('███');
    // The unit is said beside the digits: five minutes over reads min:sec, not hours.
    expect(first).toMatch(/✖ BREACH \(min:sec\) INC-CRIT/);
    const detail = (f: string) => /(INC-\w+|CMP-\w+|ALR-\d+) · (CRITICAL|HIGH|MEDIUM|LOW)/.exec(f)?.[0];
    const seen = new Set<string | undefined>([detail(first)]);
    for (let i = 0; i < 4; i++) {
      await tick(config.wall.rotateSeconds);
      seen.add(detail(lastFrame()!));
    }
    expect(seen.size).toBeGreaterThanOrEqual(3);
  });

  it('has no key that changes anything', () => {
    const keymap = resolveKeymap({}, true);
    expect(Object.values(keymap).every((b) => !b.changes)).toBe(true);
  });
});

describe('bell and colour', () => {
  it('rings once when a clock turns due-soon and once when it breaches, only when configured', async () => {
    let rings = 0;
    const events = [opened({ id: 'INC-B', severity: 'high', detectedAt: at(-9) })]; // due-soon at +1 min, breached at +6
    const on = loadConfig().config;
    renderRoot(new FixedSource(events, liveStatus(NOW)), { config: { ...on, wall: { ...on.wall, bell: true } }, bell: () => (rings += 1) });
    await jump(30);
    expect(rings).toBe(0);
    await jump(31);
    expect(rings).toBe(1);
    await jump(300);
    expect(rings).toBe(2);
    let quiet = 0;
    renderRoot(new FixedSource([opened({ id: 'INC-Q', severity: 'high', detectedAt: at(-9) })], liveStatus(NOW)), { bell: () => (quiet += 1) });
    await jump(400);
    expect(quiet).toBe(0);
  });

  it('rows are drawn in the theme colours: a breached countdown red and bold, a due-soon one yellow', async () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const { lastFrame } = renderTesting(new FixedSource(day(), liveStatus(NOW)));
      const row = (id: string) => lineToCells(lines(lastFrame()!).find((l) => l.includes(id))!);
      const styleOf = (cells: ReturnType<typeof row>, text: string) => {
        const joined = cells.map((c) => c.ch).join('');
        return cells[joined.indexOf(text)]!.style;
      };
      // dark theme: breached redBright (91), due-soon yellowBright (93); the state word is bold.
      // INC-CRIT is the selected row, so it is also inverse (7) from edge to edge.
      const crit = row('INC-CRIT');
      expect(styleOf(crit, 'BREACH')).toBe('1;7;91');
      expect(styleOf(crit, '✖')).toBe('1;7;91');
      expect(styleOf(crit, '-05:00')).toBe('1;7;91');
      expect(styleOf(crit, 'Ransomware')).toBe('7');
      await jump(61); // INC-HIGH turns due-soon (five minutes before its fifteen)
      const high = row('INC-HIGH');
      expect(styleOf(high, 'SOON')).toBe('1;93');
    } finally {
      chalk.level = level;
    }
  });

  it('NO_COLOR turns colour off whatever the theme; state still reads by symbol and word', () => {
    const theme = pickTheme('dark', { NO_COLOR: '1' });
    expect(theme.name).toBe('no-color');
    expect(Object.values(theme.clock).every((c) => c === undefined)).toBe(true);
    expect(pickTheme('light', {}).name).toBe('light');
    expect(pickTheme('high-contrast', { NO_COLOR: '' }).name).toBe('high-contrast');
  });
});

describe('sizes (a stdout with rows, through the real renderer)', () => {
  it.each([
    [80, 24],
    [120, 40],
    [200, 50],
    [240, 67],
  ])('%i×%i: the frame is shorter than the terminal and no line is wider', async (columns, rows) => {
    const r = renderSized(new FixedSource(day(), liveStatus(NOW)), { columns, rows });
    await settle();
    const frame = r.frame();
    expect(lines(frame).length).toBeLessThanOrEqual(rows - 1);
    for (const line of lines(frame)) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    r.unmount();
  });

  it('a wide wall shows the queues side by side with the KPI panel; a very wide one puts all four in one row', async () => {
    const wide = renderSized(new FixedSource(day(), liveStatus(NOW)), { columns: 240, rows: 67 });
    await settle();
    expect(lines(wide.frame()).find((l) => l.includes('CRITICAL'))).toMatch(/CRITICAL.*HIGH.*KPIs · last 7d/);
    wide.unmount();
    const wider = renderSized(new FixedSource(day(), liveStatus(NOW)), { columns: 320, rows: 67 });
    await settle();
    expect(lines(wider.frame()).find((l) => l.includes('CRITICAL'))).toMatch(/CRITICAL.*HIGH.*MEDIUM.*LOW.*KPIs/);
    wider.unmount();
  });

  it('re-lays out at once on resize, and below 80×24 says the terminal is too small', async () => {
    const r = renderSized(new FixedSource(day(), liveStatus(NOW)), { columns: 200, rows: 50 });
    await settle();
    expect(lines(r.frame()).find((l) => l.includes('CRITICAL'))).toMatch(/CRITICAL.*HIGH/);
    r.stdout.resize({ columns: 80, rows: 24 });
    await settle();
    expect(lines(r.frame()).find((l) => l.includes('CRITICAL'))).not.toMatch(/HIGH/);
    r.stdout.resize({ columns: 70, rows: 20 });
    await settle();
    expect(r.frame()).toContain('terminal too small (needs 80×24)');
    r.unmount();
  });

  it('a queue that overflows says +N more', async () => {
    const many = Array.from({ length: 40 }, (_, i) => opened({ id: `INC-${i}`, severity: 'high', detectedAt: at(-i) }));
    const r = renderSized(new FixedSource(many, liveStatus(NOW)), { columns: 80, rows: 24 });
    await settle();
    const shown = lines(r.frame()).filter((l) => /INC-\d+/.test(l)).length;
    expect(r.frame()).toContain(`+${40 - shown} more`);
    r.unmount();
  });
});
