import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { checkRuleSet } from '../domain/rules.ts';
import { Config } from './schema.ts';

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('../../config/default.json', import.meta.url));

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Json = Record<string, unknown>;

/** The user config: `--config FILE`, else `$XDG_CONFIG_HOME/socwall/config.json` when it exists. */
export function userConfigPath(explicit?: string): string | undefined {
  if (explicit) return explicit;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  const candidate = join(base, 'socwall', 'config.json');
  return existsSync(candidate) ? candidate : undefined;
}

function readJsonObject(file: string): Json {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read config (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${file}: the config must be a JSON object`);
  }
  return value as Json;
}

/**
 * Layers the user config over the defaults: rules merge by id (so `{"id": "escalation", "enabled": false}`
 * switches one off), calendars and checklist templates by name, settings objects key by key.
 */
export function mergeConfig(base: Json, user: Json): { merged: Json; ruleFromUser: boolean[] } {
  const merged: Json = { ...base };
  let ruleFromUser = ((base.rules as unknown[]) ?? []).map(() => false);
  for (const [key, value] of Object.entries(user)) {
    const prior = base[key];
    if (key === 'rules' && Array.isArray(value) && Array.isArray(prior)) {
      const rules = prior.map((r) => ({ ...(r as Json) }));
      for (const r of value as Json[]) {
        const i = rules.findIndex((x) => x.id === r?.id);
        if (i >= 0) {
          rules[i] = { ...rules[i], ...r };
          ruleFromUser[i] = true;
        } else {
          rules.push(r);
          ruleFromUser = [...ruleFromUser, true];
        }
      }
      merged.rules = rules;
    } else if (key === 'checklist' && isObject(value) && isObject(prior)) {
      merged.checklist = {
        ...prior,
        ...value,
        templates: { ...(prior.templates as Json), ...((value.templates as Json) ?? {}) },
      };
    } else if (isObject(value) && isObject(prior)) {
      merged[key] = { ...prior, ...value };
    } else {
      merged[key] = value;
    }
  }
  return { merged, ruleFromUser };
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
  return `${path || '(top level)'}: ${issue.message}`;
}

export interface LoadedConfig {
  config: Config;
  files: string[];
}

/** Reads, merges and validates the config; every problem names the key and the file it came from. */
export function loadConfig(userFile?: string, defaultFile = DEFAULT_CONFIG_PATH): LoadedConfig {
  const base = readJsonObject(defaultFile);
  const user = userFile ? readJsonObject(userFile) : {};
  const { merged, ruleFromUser } = mergeConfig(base, user);
  const parsed = Config.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 8).map((issue) => {
      const [top, index] = issue.path;
      const fromUser =
        userFile !== undefined &&
        (top === undefined || (top === 'rules' && typeof index === 'number' ? ruleFromUser[index] : String(top) in user));
      return `${fromUser ? userFile : defaultFile}: ${describe(issue)}`;
    });
    throw new ConfigError(`invalid config:\n  ${lines.join('\n  ')}`);
  }
  const problems = checkRuleSet(parsed.data.rules, Object.keys(parsed.data.calendars));
  if (problems.length) {
    throw new ConfigError(`invalid config (${userFile ?? defaultFile}):\n  ${problems.join('\n  ')}`);
  }
  return { config: parsed.data, files: userFile ? [defaultFile, userFile] : [defaultFile] };
}
