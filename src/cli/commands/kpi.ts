import { loadConfig, userConfigPath } from '../../config/load.ts';
import { ClockCache } from '../../domain/clock-cache.ts';
import { clockContext } from '../../domain/context.ts';
import { foldAll } from '../../domain/fold.ts';
import { SEVERITIES } from '../../domain/incident.ts';
import { toMs } from '../../domain/instant.ts';
import { KpiIndex, type KpiWindow, WINDOWS } from '../../domain/kpi.ts';
import { figureLines } from '../../domain/kpi-text.ts';
import { cell } from '../../domain/text.ts';
import { defaultDbPath, openDatabase } from '../../store/db.ts';
import { EventStore } from '../../store/event-store.ts';
import { type Command, instantArg, str, UsageError } from '../command.ts';

export const kpiCommand: Command = {
  name: 'kpi',
  summary: 'print the KPIs (MTTD, MTTR, report completion, repeats, breaches) from the local store',
  help: `usage: socwall kpi [--window 24h|7d|30d] [--at ISO] [--db FILE] [--json] [--config FILE]

  --window W   rolling window ending at --at (default 7d)
  --at ISO     the window's end (default now)
  --json       {window, at, mttdSeconds, mttrSeconds, reportCompletionRate, repeatIncidentRatio,
               breachedBySeverity, openBySeverity, counts}; rates are fractions, null where
               nothing was counted`,
  options: { window: { type: 'string' }, at: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' } },
  run(args, io) {
    const window = (str(args, 'window') ?? '7d') as KpiWindow;
    if (!(window in WINDOWS)) throw new UsageError(`--window must be one of ${Object.keys(WINDOWS).join(', ')}`);
    const now = instantArg(args, 'at', Date.now());
    const { config } = loadConfig(userConfigPath(str(args, 'config')));
    const store = new EventStore(openDatabase(str(args, 'db') ?? defaultDbPath()));
    try {
      // With --at, the store is read as it stood then: events after that instant do not count.
      const states =
        str(args, 'at') === undefined
          ? store.states()
          : [...foldAll([...store.events()].map((e) => e.event).filter((e) => toMs(e.at) <= now)).values()];
      const ctx = clockContext(config);
      const index = new KpiIndex(ctx);
      for (const s of states) index.update(s);
      const cache = new ClockCache(ctx);
      const byId = new Map(states.map((s) => [s.id, s]));
      const report = index.compute(now, window, config.kpi, (id) =>
        cache.clocks(byId.get(id)!, now).filter((c) => c.state === 'breached').length,
      );
      if (args.values.json) {
        const { figures: _, ...json } = report;
        io.out(JSON.stringify(json, null, 2));
        return 0;
      }
      if (!states.length) io.out('(the store is empty: no incidents to measure)');
      io.out(`KPIs over ${window} ending ${report.at}`);
      for (const [name, value, target, basis] of figureLines(report)) {
        io.out(`  ${cell(name, 22)} ${cell(value, 9, 'right')}  ${cell(target, 18)}  ${basis}`);
      }
      io.out(`  open      ${SEVERITIES.map((s) => `${s} ${report.openBySeverity[s]}`).join('  ')}`);
      io.out(`  breached  ${SEVERITIES.map((s) => `${s} ${report.breachedBySeverity[s]}`).join('  ')} (clocks)`);
      return 0;
    } finally {
      store.close();
    }
  },
};
