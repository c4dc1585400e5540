import { type IncidentEvent, parseEvent } from './event.ts';

export interface NdjsonResult {
  events: { line: number; event: IncidentEvent }[];
  errors: { line: number; reason: string }[];
}

/** Parses NDJSON events line by line; a bad line is reported with its number and contributes nothing. */
export function parseEventLines(text: string): NdjsonResult {
  const result: NdjsonResult = { events: [], errors: [] };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (e) {
      result.errors.push({ line, reason: `not JSON (${(e as Error).message})` });
      return;
    }
    const parsed = parseEvent(value);
    if (parsed.ok) result.events.push({ line, event: parsed.value });
    else result.errors.push({ line, reason: parsed.reason });
  });
  return result;
}
