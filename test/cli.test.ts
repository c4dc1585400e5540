import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { Clock } from '../src/domain/clocks.ts';
import { ev, opened } from './helpers/events.ts';
import { tempDb, tempDir } from './helpers/tmp.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('socwall clocks', () => {
  it('prints correct clocks for the fixture incident as JSON', async () => {
    const r = await run('clocks', 'fixtures/incident-ransomware.json', '--at', '2026-03-06T12:00:00Z', '--json');
    expect(r.code).toBe(0);
    const clocks = Clock.array().parse(JSON.parse(r.out));
    const byRule = Object.fromEntries(clocks.map((c) => [c.rule, c]));
    // Detected 08:05, critical: escalate and validate within 15 min → breached by noon.
    expect(byRule.escalation).toMatchObject({ dueAt: '2026-03-06T08:20:00.000Z', state: 'breached' });
    // Classified major 11:00 → 4 h (15:00) beats aware 08:20 + 24 h.
    expect(byRule['dora-initial']).toMatchObject({ dueAt: '2026-03-06T15:00:00.000Z', state: 'pending' });
    expect(byRule['gdpr-art33']).toMatchObject({ dueAt: '2026-03-09T08:20:00.000Z' });
    // Materiality is determined the next day: no 8-K clock yet at noon on the 6th.
    expect(byRule['sec-8k']).toBeUndefined();
  });

  it('reads NDJSON events of one incident and prints a table', async () => {
    const dir = tempDir();
    const file = join(dir, 'inc.ndjson');
    const events = [
      opened({ severity: 'medium', detectedAt: '2026-03-02T09:00:00Z', title: `evil\u001b]0;x\u0007title` }),
      ev('notification.sent', '2026-03-02T09:10:00Z', { audience: 'CISO', rule: 'escalation' }),
    ];
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    const r = await run('clocks', file, '--at', '2026-03-02T09:20:00Z');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/escalation\s+MET/);
    expect(r.out).toMatch(/triage\s+PENDING\s+2026-03-02 10:00\s+40:00/);
    expect(r.out).toContain('eviltitle');
    expect(r.out).not.toContain('\u001b');
  });

  it('misuse gives one line and exit code 2', async () => {
    for (const argv of [['clocks'], ['clocks', 'a', 'b'], ['clocks', 'x.json', '--bogus'], ['clocks', 'missing.json'], ['nope']]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(/^socwall/);
    }
  });

  it('every subcommand has --help', async () => {
    for (const name of ['clocks', 'db', 'kpi', 'feed', 'publish', 'dash', 'demo']) {
      const r = await run(name, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: socwall ${name}`));
    }
  });
});

describe('socwall db', () => {
  it('imports NDJSON, reporting bad lines by number and storing nothing of them; export gives the log back', async () => {
    const dir = tempDir();
    const db = tempDb();
    const good = [
      opened({ severity: 'low', detectedAt: '2026-03-02T09:00:00Z' }),
      ev('incident.phase', '2026-03-02T09:30:00Z', { phase: 'triaged' }),
    ];
    const file = join(dir, 'in.ndjson');
    writeFileSync(
      file,
      [JSON.stringify(good[0]), '{not json', JSON.stringify({ ...good[1], kind: 'bogus' }), '', JSON.stringify(good[1])].join('\n'),
    );
    const r = await run('db', 'import', file, '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}:2: not JSON`);
    expect(r.err).toContain(`${file}:3: unknown event kind "bogus"`);
    expect(r.out).toContain('imported 2 events');

    const again = await run('db', 'import', file, '--db', db);
    expect(again.out).toContain('imported 0 events');
    expect(again.out).toContain('2 already stored');

    const out = join(dir, 'out.ndjson');
    expect((await run('db', 'export', '--db', db, '--out', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual(good);

    const rebuilt = await run('db', 'rebuild', '--db', db);
    expect(rebuilt.out).toContain('rebuilt 1 incidents from 2 events');
  });

  it('a foreign file as --db is a clear error with exit code 1', async () => {
    const path = join(tempDir(), 'x.db');
    writeFileSync(path, 'hello');
    const r = await run('db', 'rebuild', '--db', path);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not an SQLite database');
  });
});

describe('socwall kpi', () => {
  it('--json prints the figures with rates as fractions and null where nothing was counted', async () => {
    const db = tempDb();
    const dir = tempDir();
    const file = join(dir, 'k.ndjson');
    const at = '2026-03-31T12:00:00Z';
    const events = [
      opened({ id: 'K1', severity: 'high', occurredAt: '2026-03-31T10:00:00Z', detectedAt: '2026-03-31T10:05:00Z' }),
      ev('incident.phase', '2026-03-31T10:10:00Z', { phase: 'triaged' }, { incidentId: 'K1' }),
      ev('incident.phase', '2026-03-31T11:10:00Z', { phase: 'contained' }, { incidentId: 'K1' }),
      // After --at: must not count.
      ev('incident.phase', '2026-03-31T13:00:00Z', { phase: 'closed' }, { incidentId: 'K1' }),
    ];
    writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    await run('db', 'import', file, '--db', db);
    const r = await run('kpi', '--db', db, '--window', '24h', '--at', at, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      window: '24h',
      at: '2026-03-31T12:00:00.000Z',
      mttdSeconds: 300,
      mttrSeconds: 3600,
      reportCompletionRate: null,
      repeatIncidentRatio: 0,
      openBySeverity: { critical: 0, high: 1, medium: 0, low: 0 },
      counts: { detected: 1, opened: 1 },
    });
    const text = await run('kpi', '--db', db, '--window', '24h', '--at', at);
    expect(text.out).toMatch(/MTTD \(high\+critical\) +5m 00s +≤ 15m 00s ✔ PASS/);
    expect((await run('kpi', '--db', db, '--window', '1y')).code).toBe(2);
  });

  it('says so when the store is empty', async () => {
    const r = await run('kpi', '--db', tempDb());
    expect(r.out).toContain('the store is empty');
  });
});

describe('the socwall binary', () => {
  it('runs through npm-installed tsx and exits non-zero on misuse', () => {
    const help = execFileSync('node', ['bin/socwall.js', '--help'], { encoding: 'utf8' });
    expect(help).toContain('clocks');
    const bad = spawnSync('node', ['bin/socwall.js', 'frobnicate'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('socwall: unknown command "frobnicate" (try socwall --help)');
  });
});
