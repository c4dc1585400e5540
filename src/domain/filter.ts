import type { IncidentState } from './fold.ts';

/**
 * The `/` filter: `sev:high region:emea type:phishing assignee:ana` plus free words, all of which
 * must match (free words anywhere in id, title or summary, case-insensitive). Keys may repeat:
 * `sev:high sev:critical` matches either.
 */
export interface Filter {
  text: string;
  severity: string[];
  region: string[];
  type: string[];
  assignee: string[];
  words: string[];
}

const KEYS: Record<string, keyof Omit<Filter, 'text' | 'words'>> = {
  sev: 'severity',
  severity: 'severity',
  region: 'region',
  type: 'type',
  assignee: 'assignee',
  who: 'assignee',
};

export function parseFilter(text: string): Filter {
  const f: Filter = { text: text.trim(), severity: [], region: [], type: [], assignee: [], words: [] };
  for (const token of text.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const i = token.indexOf(':');
    const key = i > 0 ? KEYS[token.slice(0, i)] : undefined;
    if (key && token.length > i + 1) f[key].push(token.slice(i + 1));
    else f.words.push(token);
  }
  return f;
}

export const isEmptyFilter = (f: Filter) => f.text === '';

export function matchesFilter(state: IncidentState, f: Filter): boolean {
  const i = state.incident;
  if (!i) return false;
  const any = (wanted: string[], value: string | undefined) =>
    wanted.length === 0 || (value !== undefined && wanted.includes(value.toLowerCase()));
  if (!any(f.severity, i.severity) || !any(f.region, i.region) || !any(f.type, i.type) || !any(f.assignee, i.assignee)) {
    return false;
  }
  const haystack = `${state.id} ${i.title} ${i.summary ?? ''} ${i.campaign ?? ''}`.toLowerCase();
  return f.words.every((w) => haystack.includes(w));
}
