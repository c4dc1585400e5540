import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ANCHOR } from '../demo-anchor.ts';
import { parseEventLines } from '../../domain/ndjson.ts';
import { FeedServer } from '../../feed/server.ts';
import { createLogger } from '../../log/logger.ts';
import { openDatabase } from '../../store/db.ts';
import { EventStore } from '../../store/event-store.ts';
import { type Command, str, UsageError } from '../command.ts';
import { readText } from '../files.ts';
import { dashOptionHelp, dashOptions, startDashboard } from './dash.ts';
import { scheduleReplay } from './feed.ts';

export const DEMO_FIXTURE = fileURLToPath(new URL('../../../fixtures/demo-day.ndjson', import.meta.url));

export const demoCommand: Command = {
  name: 'demo',
  summary: 'an embedded feed replaying a SOC day, and the dashboard on it (npm start)',
  help: `usage: socwall demo [--speed N] [--fixture FILE] [dashboard options]

Starts a feed on a free loopback port, replays the fixture with its instants shifted so the
recorded noon is now (countdowns are live), and opens the dashboard on it. The databases go in
a temporary directory unless --db is given.
  --speed N         play the rest of the day N times faster (default 1)
  --fixture FILE    another NDJSON recording (default fixtures/demo-day.ndjson)
${dashOptionHelp}`,
  options: { speed: { type: 'string' }, fixture: { type: 'string' }, ...dashOptions },
  async run(args) {
    const speed = Number(str(args, 'speed') ?? '1');
    if (!(speed > 0)) throw new UsageError('--speed must be a positive number');
    const fixture = str(args, 'fixture') ?? DEMO_FIXTURE;
    const { events, errors } = parseEventLines(readText(fixture));
    if (errors.length) throw new UsageError(`${fixture}:${errors[0]!.line}: ${errors[0]!.reason}`);
    const dir = mkdtempSync(join(tmpdir(), 'socwall-demo-'));
    const logFile = str(args, 'log') ?? join(dir, 'socwall.log');
    const feedStore = new EventStore(openDatabase(join(dir, 'feed.db')));
    const server = new FeedServer({ store: feedStore, log: createLogger(logFile), port: 0, heartbeatMs: 2_000 });
    const port = await server.listen();
    const timers = scheduleReplay(server, events.map((e) => e.event), speed, Date.parse(DEMO_ANCHOR));
    try {
      return await startDashboard(args, `ws://127.0.0.1:${port}/`, str(args, 'db') ?? join(dir, 'socwall.db'), logFile);
    } finally {
      for (const t of timers) clearTimeout(t);
      await server.close();
      feedStore.close();
    }
  },
};
