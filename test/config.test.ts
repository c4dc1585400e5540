import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig } from '../src/config/load.ts';

const dir = mkdtempSync(join(tmpdir(), 'socwall-config-'));
function userFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('the defaults load and hold every rule the issue names', () => {
    const ids = loadConfig().config.rules.map((r) => r.id);
    for (const id of [
      'escalation', 'triage', 'post-mortem', 'exec-summary', 'kb-article', 'gdpr-art33', 'nis2-early-warning',
      'nis2-notification', 'nis2-final', 'dora-initial', 'dora-intermediate', 'dora-final', 'sec-8k', 'hipaa', 'cert-in',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('a user rule with a known id changes only the fields it gives', () => {
    const file = userFile('override.json', { rules: [{ id: 'escalation', enabled: false }, { id: 'triage', due: '2h' }] });
    const { config } = loadConfig(file);
    const escalation = config.rules.find((r) => r.id === 'escalation')!;
    expect(escalation.enabled).toBe(false);
    expect(escalation.audience).toBe('IT manager/SOC lead');
    expect(config.rules.find((r) => r.id === 'triage')!.due).toMatchObject({ unit: 'ms', ms: 7_200_000 });
  });

  it('a new rule is added', () => {
    const file = userFile('new.json', {
      rules: [{ id: 'pci-visa', label: 'Visa', audience: 'Acquirer', start: 'awareAt', due: '3bd', dueSoon: '1d', calendar: 'us-sec' }],
    });
    expect(loadConfig(file).config.rules.at(-1)?.id).toBe('pci-visa');
  });

  it('an unknown key names the key and the user file', () => {
    const file = userFile('typo.json', { displayZones: 'UTC' });
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toContain(file);
    expect(e.message).toContain('displayZones');
  });

  it('a bad duration names the rule path and the user file, not the defaults', () => {
    const file = userFile('duration.json', { rules: [{ id: 'triage', due: 'soon' }] });
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toMatch(new RegExp(`${file.replace(/[.]/g, '\\.')}: rules\\[1\\]\\.due`));
    expect(e.message).toContain('"soon" is not a deadline');
    expect(e.message).not.toContain(DEFAULT_CONFIG_PATH);
  });

  it('business days without a calendar, an unknown calendar, a bad zone and a chain loop are errors', () => {
    expect(errorOf(() => loadConfig(userFile('nocal.json', { rules: [{ id: 'hipaa', due: '5bd' }] }))).message).toContain(
      'need a calendar',
    );
    expect(errorOf(() => loadConfig(userFile('unk.json', { rules: [{ id: 'lgpd', calendar: 'mars' }] }))).message).toContain(
      'unknown calendar "mars"',
    );
    expect(errorOf(() => loadConfig(userFile('zone.json', { displayZone: 'Mars/Olympus' }))).message).toContain(
      'displayZone',
    );
    const loop = userFile('loop.json', { rules: [{ id: 'nis2-notification', start: 'clock:nis2-final' }] });
    expect(errorOf(() => loadConfig(loop)).message).toContain('loops');
  });

  it('a file that is not JSON, or missing, says so and names it', () => {
    const bad = userFile('bad.json', '{ "theme": ');
    expect(errorOf(() => loadConfig(bad)).message).toMatch(/bad\.json: not valid JSON/);
    expect(errorOf(() => loadConfig(join(dir, 'absent.json'))).message).toMatch(/absent\.json: cannot read config \(ENOENT\)/);
    expect(errorOf(() => loadConfig(userFile('array.json', '[]'))).message).toMatch(/must be a JSON object/);
  });
});
