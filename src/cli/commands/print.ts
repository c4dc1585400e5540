import { writeFileSync } from 'node:fs';
import { loadConfig, userConfigPath } from '../../config/load.ts';
import { foldAll, foldIncident } from '../../domain/fold.ts';
import { IncidentType } from '../../domain/incident.ts';
import { toMs } from '../../domain/instant.ts';
import { nearest } from '../../domain/nearest.ts';
import { sanitize } from '../../domain/text.ts';
import { complianceExport, EXPORT_FORMATS, type ExportFormat } from '../../print/export.ts';
import { HANDOFF_FORMATS, type HandoffFormat, handoff } from '../../print/handoff.ts';
import { blankModel, printModel } from '../../print/model.ts';
import { PRINT_FORMATS, type PrintFormat, renderChecklist } from '../../print/checklist.ts';
import { REPORT_FORMATS, type ReportFormat, reportHtml, reportMd, reportModel } from '../../print/report.ts';
import { defaultDbPath, openDatabase } from '../../store/db.ts';
import { EventStore } from '../../store/event-store.ts';
import { type Command, type CommandIo, instantArg, int, type ParsedArgs, str, UsageError } from '../command.ts';

/** Runs `use` on the store named by --db (else the default), closing it however `use` ends. */
function withStore<T>(args: ParsedArgs, use: (store: EventStore) => T): T {
  const store = new EventStore(openDatabase(str(args, 'db') ?? defaultDbPath()));
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function formatArg<T extends string>(args: ParsedArgs, allowed: readonly T[], fallback: T): T {
  const f = (str(args, 'format') ?? fallback) as T;
  if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f;
}

/**
 * The incident (as it stood at `--at`, when given), or a clear error naming the nearest ids
 * (and saying so when the store is empty).
 */
export function findIncident(store: EventStore, id: string, at?: number) {
  const state = at === undefined ? store.state(id) : foldIncident(id, store.eventsOf(id).filter((e) => toMs(e.at) <= at));
  if (state?.incident) return state;
  const ids = store.incidentIds();
  if (!ids.length) throw new UsageError(`the store ${store.path} is empty: no incident "${sanitize(id)}"`);
  throw new UsageError(`no incident "${sanitize(id)}" (nearest: ${nearest(id, ids).join(', ')})`);
}

function emit(io: CommandIo, text: string, out: string | undefined): void {
  if (!out) return void io.out(text.replace(/\n$/, ''));
  writeFileSync(out, text, { mode: 0o600 });
  io.err(`wrote ${out}`);
}

const atOf = (args: ParsedArgs) => (str(args, 'at') === undefined ? undefined : instantArg(args, 'at', 0));

const common = { db: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, config: { type: 'string' }, at: { type: 'string' } } as const;

export const printCommand: Command = {
  name: 'print',
  summary: "an incident's checklist on one page (txt for lp, md for a ticket, html to print)",
  help: `usage: socwall print ID [--format txt|md|html] [--out FILE] [--db FILE]
       socwall print --blank [--type T] [--format txt|md|html] [--out FILE]

  --blank     the empty template to pin on a monitor (for one incident type with --type)
  --at ISO    clocks as at this instant (default now)`,
  options: { ...common, blank: { type: 'boolean' }, type: { type: 'string' } },
  allowPositionals: true,
  run(args, io) {
    const format = formatArg<PrintFormat>(args, PRINT_FORMATS, 'txt');
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const now = instantArg(args, 'at', Date.now());
    if (args.values.blank) {
      const type = str(args, 'type');
      if (type !== undefined && !IncidentType.safeParse(type).success) {
        throw new UsageError(`--type must be one of ${IncidentType.options.join(', ')}`);
      }
      emit(io, renderChecklist(blankModel(config, type as IncidentType | undefined, now), format), str(args, 'out'));
      return 0;
    }
    const [id, ...extra] = args.positionals;
    if (!id || extra.length) throw new UsageError('print takes one incident ID (or --blank)');
    withStore(args, (store) =>
      emit(io, renderChecklist(printModel(findIncident(store, id, atOf(args)), config, now), format), str(args, 'out')),
    );
    return 0;
  },
};

export const reportCommand: Command = {
  name: 'report',
  summary: 'the post-incident report: timeline, actions, clocks met and breached, lessons, executive summary',
  help: 'usage: socwall report ID [--format md|html] [--out FILE] [--db FILE] [--at ISO]',
  options: common,
  allowPositionals: true,
  run(args, io) {
    const format = formatArg<ReportFormat>(args, REPORT_FORMATS, 'md');
    const [id, ...extra] = args.positionals;
    if (!id || extra.length) throw new UsageError('report takes one incident ID');
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const now = instantArg(args, 'at', Date.now());
    withStore(args, (store) => {
      const state = findIncident(store, id, atOf(args));
      const model = reportModel(state, store.eventsOf(id).filter((e) => toMs(e.at) <= now), config, now);
      emit(io, format === 'md' ? reportMd(model) : reportHtml(model), str(args, 'out'));
    });
    return 0;
  },
};

export const handoffCommand: Command = {
  name: 'handoff',
  summary: 'the shift summary: open incidents, pending items, deadlines ahead, what changed',
  help: 'usage: socwall handoff [--hours 8] [--format txt|md] [--out FILE] [--db FILE] [--at ISO]',
  options: { ...common, hours: { type: 'string' } },
  run(args, io) {
    const format = formatArg<HandoffFormat>(args, HANDOFF_FORMATS, 'txt');
    const hours = int(args, 'hours', 8, 1, 24 * 14);
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const now = instantArg(args, 'at', Date.now());
    withStore(args, (store) => {
      const events = [...store.events()].map((e) => e.event).filter((e) => toMs(e.at) <= now);
      const states = atOf(args) === undefined ? store.states() : [...foldAll(events).values()];
      emit(io, handoff(states, events, config, now, hours, format), str(args, 'out'));
    });
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'the compliance snapshot for one regime (CSV per RFC 4180, or JSON)',
  help: `usage: socwall export --regime R [--since DATE] [--format csv|json] [--out FILE] [--db FILE] [--at ISO]

One row per clock of the regime's rules for each incident under it, with when each
notification was made. Cells that a spreadsheet would run as a formula are prefixed with '.`,
  options: { ...common, regime: { type: 'string' }, since: { type: 'string' } },
  run(args, io) {
    const format = formatArg<ExportFormat>(args, EXPORT_FORMATS, 'csv');
    const regime = str(args, 'regime');
    if (!regime) throw new UsageError('export needs --regime (e.g. gdpr, nis2, dora, sec)');
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const since = instantArg(args, 'since', 0);
    const now = instantArg(args, 'at', Date.now());
    withStore(args, (store) => {
      const states = store.states();
      if (!states.length) io.err(`the store ${store.path} is empty`);
      emit(io, complianceExport(states, config, regime, since, now, format), str(args, 'out'));
    });
    return 0;
  },
};
