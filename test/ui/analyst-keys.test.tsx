import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { IncidentEvent } from '../../src/domain/event.ts';
import { FeedClient } from '../../src/feed/client.ts';
import { createLogger } from '../../src/log/logger.ts';
import { openDatabase } from '../../src/store/db.ts';
import { EventStore } from '../../src/store/event-store.ts';
import { LiveSource } from '../../src/ui/dashboard-source.ts';
import { KeymapError, resolveKeymap } from '../../src/ui/keys/keymap.ts';
import { renderRoot, settle } from '../helpers/dashboard.tsx';
import { ev, opened } from '../helpers/events.ts';
import { fastSettings } from '../helpers/feed.ts';
import { tempDb, tempDir } from '../helpers/tmp.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const KEY = { enter: '\r', escape: '\u001b', tab: '\t', down: '\u001b[B', up: '\u001b[A', backspace: '\u007f' };

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** The app on a real store and a real feed client that has no feed to reach: every action queues. */
function analystScreen(events: IncidentEvent[], config: Config = loadConfig().config, wall = false, saveFile?: (name: string, text: string) => string) {
  const store = new EventStore(openDatabase(tempDb()));
  store.append(events);
  const client = new FeedClient({ url: 'ws://127.0.0.1:9/', store, settings: fastSettings(), log: createLogger(null), feedId: 't' });
  const source = new LiveSource(store, client);
  const app = renderRoot(source, { config, wall, ...(saveFile ? { saveFile } : {}) });
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await vi.advanceTimersByTimeAsync(30);
      await settle();
    }
  };
  const type = async (text: string) => {
    for (const ch of text) await press(ch);
  };
  return { store, source, frame: () => app.lastFrame() ?? '', press, type };
}

const incident = () => [
  opened({ id: 'INC-7', severity: 'critical', title: 'Ransomware on gateways', detectedAt: at(-10), regimes: ['gdpr'], personalData: true }),
  opened({ id: 'INC-8', severity: 'high', title: 'Suspicious admin logins', detectedAt: at(-5) }),
  opened({ id: 'INC-9', severity: 'low', title: 'Port scan', detectedAt: at(-2), region: 'apac' }),
];

describe('analyst keys', () => {
  it('opens an incident with Enter and goes back with Esc', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter);
    expect(s.frame()).toContain('INC-7 · CRITICAL · new');
    expect(s.frame()).toContain('CHECKLIST');
    expect(s.frame()).toContain('TIMELINE');
    await s.press(KEY.escape);
    expect(s.frame()).toMatch(/▶ CRITICAL/);
  });

  it('moves between queues with Tab and rows with j/k', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.tab);
    expect(s.frame()).toMatch(/▶ HIGH/);
    await s.press(KEY.enter);
    expect(s.frame()).toContain('INC-8 · HIGH');
  });

  it('keys typed faster than the screen redraws act on the latest selection, not the one last drawn', async () => {
    const events = [
      ...incident(),
      opened({ id: 'INC-10', severity: 'critical', title: 'Second critical', detectedAt: at(-9) }),
      opened({ id: 'INC-11', severity: 'critical', title: 'Third critical', detectedAt: at(-8) }),
    ];
    const s = analystScreen(events);
    // One chunk, as a fast typist or a paste delivers it: down, down, open.
    await s.press('jj\r');
    expect(s.frame()).toContain('INC-11 · CRITICAL');
    // In the checklist too: down, down, tick — the third item, not the first.
    await s.press('jj ');
    const ticked = Object.entries(s.store.state('INC-11')?.checklist ?? {}).filter(([, v]) => v.done);
    expect(ticked.map(([id]) => id)).toEqual(['ticket-created']);
    // Two presses of space in one chunk on that ticked item: unticked, then ticked again.
    await s.press('  ');
    expect(s.store.state('INC-11')?.checklist['ticket-created']?.done).toBe(true);
    expect(s.store.eventsOf('INC-11').filter((e) => e.kind === 'checklist.set').map((e) => (e.data as { done: boolean }).done)).toEqual([true, false, true]);
  });

  it('space ticks and unticks the selected item: shown at once, pending in the outbox, attributed', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 'j', ' ');
    expect(s.store.state('INC-7')?.checklist['initial-validation']).toMatchObject({ done: true, by: 'tester' });
    expect(s.store.outboxSize()).toBe(1);
    expect(s.frame()).toMatch(/\[x\] Initial validation.*⌛ pending/);
    await s.press(' ');
    expect(s.store.state('INC-7')?.checklist['initial-validation']?.done).toBe(false);
    expect(s.store.outboxSize()).toBe(2);
  });

  it('n adds a note, Tab choosing its tag', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 'n');
    await s.type('VPN lacked MFA');
    await s.press(KEY.tab, KEY.enter);
    expect(s.store.state('INC-7')?.notes[0]).toMatchObject({ text: 'VPN lacked MFA', tag: 'lesson', by: 'tester' });
    expect(s.frame()).toContain('note [lesson]: VPN lacked MFA');
  });

  it('a acknowledges, once', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 'a');
    expect(s.store.state('INC-7')?.acknowledged?.by).toBe('tester');
    await s.press('a');
    expect(s.frame()).toContain('already acknowledged');
    expect(s.store.outboxSize()).toBe(1);
  });

  it('N records a notification to the chosen audience, which meets that clock', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 'N');
    expect(s.frame()).toContain('Record a notification sent to');
    // Clocks are listed soonest first: escalation, triage, then GDPR Art. 33.
    await s.press(KEY.enter);
    const n = s.store.state('INC-7')?.notifications[0];
    expect(n).toMatchObject({ rule: 'escalation', audience: 'Exec team/Board liaison/PR', by: 'tester' });
    expect(s.frame()).toMatch(/✔ notify/);
  });

  it('s moves to the next phase after confirming; answering no changes nothing', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 's');
    expect(s.frame()).toContain('Move to triaged?');
    await s.press('j', KEY.enter);
    expect(s.store.state('INC-7')?.phase).toBe('new');
    await s.press('s', KEY.enter);
    expect(s.store.state('INC-7')?.phase).toBe('triaged');
    expect(s.frame()).toContain('INC-7 · CRITICAL · triaged');
  });

  it('w waives a clock, and will not without a reason', async () => {
    const s = analystScreen(incident());
    await s.press(KEY.enter, 'w', KEY.enter, KEY.enter);
    expect(s.frame()).toContain('(required)');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('a reason is required');
    await s.type('duplicate of INC-1');
    await s.press(KEY.enter);
    expect(s.store.state('INC-7')?.clockControls[0]).toMatchObject({ action: 'waived', rule: 'escalation', reason: 'duplicate of INC-1' });
    expect(s.frame()).toMatch(/– notify .*waived: duplicate of INC-1/);
  });

  it('closing with mandatory items open is refused, listing them', async () => {
    const s = analystScreen([...incident(), ev('incident.phase', at(-1), { phase: 'reported' }, { incidentId: 'INC-7' })]);
    await s.press(KEY.enter, 's');
    // Shown in full (wrapped) on the incident screen.
    expect(s.frame().replace(/\s*\n\s*/g, ' ')).toContain(
      'cannot close INC-7: mandatory items open — Alert received and severity assigned; Initial validation completed; Incident ticket created with the mandatory fields',
    );
    expect(s.store.state('INC-7')?.phase).toBe('reported');
  });

  it('/ filters the queues, and the active filter stays visible', async () => {
    const s = analystScreen(incident());
    await s.press('/');
    await s.type('region:apac');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('INC-9');
    expect(s.frame()).not.toContain('INC-7');
    expect(s.frame()).toContain('filter: region:apac');
    await s.press('/', KEY.enter);
    expect(s.frame()).toContain('INC-7');
  });

  it('? lists every key of the current screen', async () => {
    const s = analystScreen(incident());
    await s.press('?');
    expect(s.frame()).toContain('Keys on the queues screen');
    expect(s.frame()).toContain('filter: sev:high');
    await s.press(KEY.escape, KEY.enter, '?');
    expect(s.frame()).toContain('Keys on the incident screen');
    expect(s.frame()).toContain('tick or untick the selected checklist item');
  });

  it('p writes the printable checklist to a file and shows its path', async () => {
    const dir = tempDir();
    const s = analystScreen(incident(), loadConfig().config, false, (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    });
    await s.press(KEY.enter, 'p');
    const path = join(dir, 'INC-7-checklist.txt');
    expect(s.frame()).toContain(`checklist written to ${path}`);
    expect(readFileSync(path, 'utf8')).toMatch(/^SOCWALL INCIDENT CHECKLIST[\s\S]*INC-7 Ransomware on gateways/);
  });

  it('in --wall mode no key changes anything', async () => {
    const s = analystScreen(incident(), loadConfig().config, true);
    await s.press(KEY.enter, ' ', 'n', 'a', 's', 'w', 'N');
    expect(s.store.outboxSize()).toBe(0);
    expect(s.store.count()).toBe(3);
  });
});

describe('the incident screen at 80×24', () => {
  it('fits: the checklist scrolls with the cursor instead of pushing the frame past the terminal', async () => {
    const store = new EventStore(openDatabase(tempDb()));
    store.append(incident());
    const client = new FeedClient({ url: 'ws://127.0.0.1:9/', store, settings: fastSettings(), log: createLogger(null), feedId: 't' });
    const app = renderRoot(new LiveSource(store, client), { size: { columns: 80, rows: 24 } });
    app.stdin.write('\r');
    await vi.advanceTimersByTimeAsync(30);
    await settle();
    for (let i = 0; i < 10; i++) {
      app.stdin.write('j');
      await vi.advanceTimersByTimeAsync(10);
    }
    // A note prompt takes five rows: the checklist gives them up and scrolls to keep the cursor.
    app.stdin.write('n');
    await vi.advanceTimersByTimeAsync(30);
    await settle();
    const frame = app.lastFrame() ?? '';
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    expect(frame).toContain('› [ ] Knowledge-base article published');
    expect(frame).toMatch(/CHECKLIST .*↑\d+/);
    expect(frame).toContain('Note — tag: none');
  });
});

describe('keymap config', () => {
  it('a keys section rebinds a command, and the help shows the new key', async () => {
    const base = loadConfig().config;
    const s = analystScreen(incident(), { ...base, keys: { ack: ['A'] } });
    await s.press(KEY.enter, 'a');
    expect(s.store.outboxSize()).toBe(0);
    await s.press('A');
    expect(s.store.state('INC-7')?.acknowledged).toBeDefined();
    await s.press('?');
    expect(s.frame()).toMatch(/A +acknowledge the incident/);
  });

  it('an unknown command or a clash is an error naming both', () => {
    expect(() => resolveKeymap({ explode: ['x'] }, false)).toThrow(/unknown command "explode"/);
    expect(() => resolveKeymap({ ack: ['n'] }, false)).toThrow(KeymapError);
    expect(() => resolveKeymap({ ack: ['n'] }, false)).toThrow(/"n" is bound to both "(ack|note)" and "(ack|note)"/);
    // The same key on two screens that are never active together is fine.
    expect(() => resolveKeymap({ filter: ['n'] }, false)).not.toThrow();
  });
});
