import { loadConfig, userConfigPath } from '../../config/load.ts';
import { type Clock, computeClocks } from '../../domain/clocks.ts';
import { clockContext } from '../../domain/context.ts';
import { formatAge, formatCountdown } from '../../domain/countdown.ts';
import { describeIssues, type IncidentEvent } from '../../domain/event.ts';
import { foldIncident } from '../../domain/fold.ts';
import { Incident } from '../../domain/incident.ts';
import { toMs } from '../../domain/instant.ts';
import { parseEventLines } from '../../domain/ndjson.ts';
import { cell, sanitize } from '../../domain/text.ts';
import { formatInstant } from '../../domain/zoned.ts';
import { type Command, instantArg, str, UsageError } from '../command.ts';
import { readText } from '../files.ts';

/** FILE holds one incident object, or the NDJSON events of one incident. */
export function eventsFromFile(path: string): IncidentEvent[] {
  const text = readText(path);
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    whole = undefined;
  }
  if (typeof whole === 'object' && whole !== null && !Array.isArray(whole) && !('kind' in whole)) {
    const parsed = Incident.safeParse(whole);
    if (!parsed.success) throw new UsageError(`${path}: not an incident (${describeIssues(parsed.error)})`);
    const { id, ...fields } = parsed.data;
    return [{ id: `${id}.opened`, kind: 'incident.opened', incidentId: id, at: fields.detectedAt, data: fields }];
  }
  const { events, errors } = parseEventLines(text);
  if (errors.length) throw new UsageError(`${path}:${errors[0]!.line}: ${errors[0]!.reason}`);
  if (!events.length) throw new UsageError(`${path}: no events in the file`);
  const ids = new Set(events.map((e) => e.event.incidentId));
  if (ids.size > 1) throw new UsageError(`${path}: events of ${ids.size} incidents; give the events of one incident`);
  return events.map((e) => e.event);
}

/** What the LEFT column says: a countdown, elapsed time for duties with no deadline, or how it was met. */
export function clockRemaining(c: Clock, now: number): string {
  if (c.state === 'met') return c.late ? 'met late' : 'met';
  if (c.state === 'waived') return 'waived';
  if (c.dueAt === null) return `+${formatAge(now - toMs(c.startsAt))}`;
  return formatCountdown(toMs(c.dueAt) - now);
}

export const clocksCommand: Command = {
  name: 'clocks',
  summary: 'print the deadline clocks of one incident',
  help: `usage: socwall clocks FILE [--at ISO] [--json] [--config FILE]

FILE holds one incident object (JSON) or the NDJSON events of one incident.
  --at ISO        evaluate at this instant (default: now); later events are ignored
  --json          print the clocks as a JSON array
  --config FILE   user config with extra or changed rules`,
  options: { at: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' } },
  allowPositionals: true,
  run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('clocks takes exactly one FILE');
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const now = instantArg(args, 'at', Date.now());
    const events = eventsFromFile(file);
    const state = foldIncident(
      events[0]!.incidentId,
      events.filter((e) => toMs(e.at) <= now),
    );
    if (!state.incident) throw new UsageError(`${file}: the incident was not opened by ${new Date(now).toISOString()}`);
    const clocks = computeClocks(state, now, clockContext(config));
    if (args.values.json) {
      io.out(JSON.stringify(clocks, null, 2));
      return 0;
    }
    const zone = config.displayZone;
    io.out(`${sanitize(state.id)}  ${sanitize(state.incident.title)}  [${state.incident.severity}]`);
    io.out(`at ${formatInstant(now, zone)} ${zone}`);
    io.out('');
    io.out(`${cell('CLOCK', 20)} ${cell('STATE', 9)} ${cell('DUE', 17)} ${cell('LEFT', 9, 'right')}  AUDIENCE`);
    for (const c of clocks) {
      const due = c.dueAt ? formatInstant(toMs(c.dueAt), zone) : 'no fixed deadline';
      io.out(
        `${cell(c.rule, 20)} ${cell(c.state.toUpperCase(), 9)} ${cell(due, 17)} ${cell(clockRemaining(c, now), 9, 'right')}  ${sanitize(c.audience)}`,
      );
    }
    if (!clocks.length) io.out('(no clock applies to this incident)');
    return 0;
  },
};
