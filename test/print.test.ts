import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { displayWidth } from '../src/domain/text.ts';
import { ev, opened } from './helpers/events.ts';
import { tempDb, tempDir } from './helpers/tmp.ts';

const AT = '2026-03-06T12:00:00Z';
const HOSTILE = `Evil \u001b]0;pwned\u0007\u001b[2J<script>alert(1)</script> "quoted", =HYPERLINK("http://x") \u202eexe.pdf\u009b31m\nline2 & <b>bold</b> | *star* [link](http://x)`;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: `${out.join('\n')}\n`, err: err.join('\n') };
}

/** A store with two fixture incidents (one hostile), at fixed instants so output is stable. */
async function fixtureDb() {
  const db = tempDb();
  const file = join(tempDir(), 'e.ndjson');
  const events = [
    opened({
      id: 'INC-100', severity: 'high', type: 'data-exfiltration', title: 'Payroll export by a service account', region: 'emea',
      assets: ['hr-db-02'], assignee: 'ana', champion: 'bo', detectedAt: '2026-03-06T09:00:00Z', occurredAt: '2026-03-06T08:30:00Z',
      regimes: ['gdpr'], personalData: true,
    }),
    ev('incident.acknowledged', '2026-03-06T09:02:00Z', {}, { incidentId: 'INC-100', by: 'ana' }),
    ev('incident.phase', '2026-03-06T09:10:00Z', { phase: 'triaged' }, { incidentId: 'INC-100', by: 'ana' }),
    ev('checklist.set', '2026-03-06T09:11:00Z', { itemId: 'alert-received', done: true }, { incidentId: 'INC-100', by: 'ana' }),
    ev('notification.sent', '2026-03-06T09:20:00Z', { audience: 'Exec team', rule: 'escalation' }, { incidentId: 'INC-100', by: 'ana' }),
    ev('incident.phase', '2026-03-06T10:00:00Z', { phase: 'contained' }, { incidentId: 'INC-100', by: 'ana' }),
    ev('note.added', '2026-03-06T10:05:00Z', { text: 'API key had no expiry', tag: 'lesson' }, { incidentId: 'INC-100', by: 'bo' }),
    ev('note.added', '2026-03-06T10:06:00Z', { text: 'Rotate all service keys', tag: 'action-item' }, { incidentId: 'INC-100', by: 'bo' }),
    opened({ id: 'INC-666', severity: 'low', title: HOSTILE, detectedAt: '2026-03-06T11:00:00Z', assignee: '=cmd|calc', regimes: ['gdpr'], personalData: true }),
    ev('note.added', '2026-03-06T11:10:00Z', { text: HOSTILE, tag: 'lesson' }, { incidentId: 'INC-666', by: '\u001b[31mmallory' }),
  ];
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
  await run('db', 'import', file, '--db', db);
  return db;
}

const GOLDEN = join('test', 'golden');
/** Compares with the committed golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function golden(name: string, actual: string) {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`no golden file ${path}: run with UPDATE_GOLDEN=1 and review it`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('socwall print', () => {
  it.each(['txt', 'md', 'html'])('the checklist as %s matches its golden file', async (format) => {
    const db = await fixtureDb();
    const r = await run('print', 'INC-100', '--db', db, '--format', format, '--at', AT);
    expect(r.code).toBe(0);
    golden(`print-INC-100.${format}`, r.out);
  });

  it('txt fits 80 columns, including the hostile incident and the blank template', async () => {
    const db = await fixtureDb();
    for (const argv of [['print', 'INC-100'], ['print', 'INC-666'], ['print', '--blank', '--type', 'ransomware']]) {
      const r = await run(...argv, '--db', db, '--at', AT);
      expect(r.code).toBe(0);
      for (const line of r.out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
      expect(r.out).not.toMatch(CONTROL);
    }
  });

  it('the blank template has every item unticked, with the type template applied', async () => {
    const r = await run('print', '--blank', '--type', 'ransomware', '--format', 'md', '--at', AT);
    golden('print-blank-ransomware.md', r.out);
    expect(r.out.match(/- \[ \]/g)).toHaveLength(11);
    expect(r.out).toMatch(/Containment triggered \\\(if applicable\\\)|Containment triggered \(if applicable\) \\\*/);
  });

  it('html is one self-contained page a real parser reads, with a CSP that forbids scripts and inert hostile text', async () => {
    const db = await fixtureDb();
    const r = await run('print', 'INC-666', '--db', db, '--format', 'html', '--at', AT);
    const doc = parseHtml(r.out);
    const elements: { tag: string; attrs: { name: string; value: string }[] }[] = [];
    const walk = (node: unknown) => {
      const n = node as { tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] };
      if (n.tagName) elements.push({ tag: n.tagName, attrs: n.attrs ?? [] });
      for (const c of n.childNodes ?? []) walk(c);
    };
    walk(doc);
    expect(elements.filter((e) => e.tag === 'script')).toHaveLength(0);
    expect(elements.some((e) => e.tag === 'b')).toBe(false);
    const csp = elements.find((e) => e.tag === 'meta' && e.attrs.some((a) => a.value === 'Content-Security-Policy'));
    expect(csp?.attrs.find((a) => a.name === 'content')?.value).toContain("script-src 'none'");
    expect(elements.some((e) => e.attrs.some((a) => /^on/i.test(a.name)))).toBe(false);
    expect(r.out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.out).not.toMatch(CONTROL);
    expect(r.out).toMatch(/@page/);
  });

  it('an unknown id lists the nearest ids; an empty store says so', async () => {
    const db = await fixtureDb();
    const r = await run('print', 'INC-10', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no incident "INC-10" (nearest: INC-100');
    const empty = await run('print', 'INC-1', '--db', tempDb());
    expect(empty.err).toContain('is empty');
  });
});

describe('socwall report', () => {
  it.each(['md', 'html'])('the post-incident report as %s matches its golden file', async (format) => {
    const db = await fixtureDb();
    const r = await run('report', 'INC-100', '--db', db, '--format', format, '--at', AT);
    expect(r.code).toBe(0);
    golden(`report-INC-100.${format}`, r.out);
    expect(r.out).toContain('API key had no expiry');
    expect(r.out).toContain('Rotate all service keys');
  });

  it('hostile text stays inert in markdown and html', async () => {
    const db = await fixtureDb();
    const mdOut = (await run('report', 'INC-666', '--db', db, '--format', 'md', '--at', AT)).out;
    expect(mdOut).not.toMatch(CONTROL);
    expect(mdOut).not.toContain('<script>');
    expect(mdOut).not.toContain('<b>');
    expect(mdOut).toContain('\\[link\\](http://x)');
    const htmlOut = (await run('report', 'INC-666', '--db', db, '--format', 'html', '--at', AT)).out;
    expect(htmlOut).not.toContain('<script>alert');
    expect(htmlOut).not.toMatch(CONTROL);
  });
});

describe('socwall handoff', () => {
  it.each(['txt', 'md'])('the shift summary as %s matches its golden file', async (format) => {
    const db = await fixtureDb();
    const r = await run('handoff', '--db', db, '--hours', '4', '--format', format, '--at', AT);
    golden(`handoff.${format}`, r.out);
    if (format === 'txt') for (const line of r.out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(r.out).not.toMatch(CONTROL);
  });

  it('an empty store says so', async () => {
    expect((await run('handoff', '--db', tempDb())).out).toContain('the store is empty');
  });
});

describe('socwall export', () => {
  it('CSV per RFC 4180 that a CSV parser reads back, formulas defused, hostile text intact but inert', async () => {
    const db = await fixtureDb();
    const r = await run('export', '--regime', 'gdpr', '--db', db, '--at', AT);
    golden('export-gdpr.csv', r.out);
    expect(r.out).toContain('\r\n');
    const rows = parseCsv(r.out, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => `${x.incident_id}/${x.rule}`)).toEqual(['INC-100/gdpr-art33', 'INC-100/gdpr-art34', 'INC-666/gdpr-art33']);
    const hostile = rows.find((x) => x.incident_id === 'INC-666')!;
    expect(hostile.title).toContain('"quoted", =HYPERLINK');
    expect(hostile.title).toContain('\nline2');
    expect(hostile.title).not.toMatch(CONTROL);
    // The escape sequences are gone whole, payload and all, as in every other format.
    expect(hostile.title).not.toContain('pwned');
    expect(rows.every((x) => !/^[=+\-@]/.test(x.title!))).toBe(true);
    expect(rows[0]).toMatchObject({ clock: 'GDPR Art.33', due_at: '2026-03-09T09:00:00.000Z', state: 'pending' });
  });

  it('JSON lists the incidents with their clocks and notifications; --since leaves older ones out', async () => {
    const db = await fixtureDb();
    const r = await run('export', '--regime', 'gdpr', '--db', db, '--format', 'json', '--since', '2026-03-06T10:00:00Z', '--at', AT);
    const data = JSON.parse(r.out) as { incident: { id: string }; clocks: unknown[] }[];
    expect(data.map((d) => d.incident.id)).toEqual(['INC-666']);
    expect(data[0]!.clocks.length).toBeGreaterThan(0);
  });
});
