import { join, dirname } from 'node:path';
import { planReplay } from '../../domain/shift.ts';
import { parseEventLines } from '../../domain/ndjson.ts';
import { FeedServer } from '../../feed/server.ts';
import { createLogger } from '../../log/logger.ts';
import { defaultDbPath, openDatabase } from '../../store/db.ts';
import { EventStore } from '../../store/event-store.ts';
import { type Command, int, str, UsageError } from '../command.ts';
import { readText } from '../files.ts';
import { readToken } from '../secrets.ts';

export const feedCommand: Command = {
  name: 'feed',
  summary: 'run the reference feed server that walls subscribe to and tools publish to',
  help: `usage: socwall feed [--host 127.0.0.1] [--port 8787] [--db FILE] [--token-file F]
                    [--replay FILE.ndjson [--speed N]] [--allow-origin URL]... [--log FILE]

  --host H          address to bind (default 127.0.0.1); binding beyond loopback needs a token
  --port N          port (default 8787; 0 picks a free one)
  --db FILE         the server's own event log (default: feed.db beside the socwall database)
  --token-file F    require "Authorization: Bearer <token>" (else SOCWALL_TOKEN; else no auth, loopback only)
  --replay FILE     publish a recorded NDJSON stream, paced by its timestamps
  --speed N         replay N times faster (default 1)
  --heartbeat-ms N  heartbeat interval (default 5000)
  --replay-window N subscribers further behind than N events get a snapshot (default: unlimited)
  --allow-origin U  an Origin allowed to connect (repeatable; default none, so browsers are refused)
  --tls-cert F --tls-key F   serve wss:// and https:// with this PEM certificate and key
  --log FILE        log here instead of stderr

Clients connect to ws://HOST:PORT/; producers may also POST JSON or NDJSON to http://HOST:PORT/events.`,
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    db: { type: 'string' },
    'token-file': { type: 'string' },
    replay: { type: 'string' },
    speed: { type: 'string' },
    'heartbeat-ms': { type: 'string' },
    'replay-window': { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    log: { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  },
  async run(args, io) {
    const host = str(args, 'host') ?? '127.0.0.1';
    const port = int(args, 'port', 8787, 0, 65_535);
    const speed = Number(str(args, 'speed') ?? '1');
    if (!(speed > 0)) throw new UsageError('--speed must be a positive number');
    const token = readToken(str(args, 'token-file'), io.err);
    const log = createLogger(str(args, 'log') ?? process.stderr);
    if (token) log.redact(token);
    const replayFile = str(args, 'replay');
    const recorded = replayFile ? parseEventLines(readText(replayFile)) : undefined;
    if (recorded?.errors.length) {
      for (const e of recorded.errors) io.err(`${replayFile}:${e.line}: ${e.reason}`);
      throw new UsageError(`${replayFile} has ${recorded.errors.length} bad lines; fix them before replaying`);
    }
    const dbPath = str(args, 'db') ?? join(dirname(defaultDbPath()), 'feed.db');
    const store = new EventStore(openDatabase(dbPath));
    let server: FeedServer;
    try {
      server = new FeedServer({
        store,
        log,
        host,
        port,
        token,
        heartbeatMs: int(args, 'heartbeat-ms', 5_000, 100),
        replayWindow: int(args, 'replay-window', Number.MAX_SAFE_INTEGER, 1),
        allowedOrigins: (args.values['allow-origin'] as string[] | undefined) ?? [],
        ...tlsOptions(str(args, 'tls-cert'), str(args, 'tls-key')),
      });
    } catch (e) {
      store.close();
      throw new UsageError((e as Error).message);
    }
    let bound: number;
    try {
      bound = await server.listen();
    } catch (e) {
      store.close();
      throw new UsageError(`cannot listen on ${host}:${port} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    io.err(`socwall feed on ${str(args, 'tls-cert') ? 'wss' : 'ws'}://${host}:${bound}/ (store ${dbPath}, ${token ? 'token required' : 'no token: loopback only'})`);
    const timers = recorded ? scheduleReplay(server, recorded.events.map((e) => e.event), speed) : [];

    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    for (const t of timers) clearTimeout(t);
    await server.close();
    store.close();
    await log.close();
    return 0;
  },
};

function tlsOptions(cert: string | undefined, key: string | undefined) {
  if (!cert && !key) return {};
  if (!cert || !key) throw new UsageError('--tls-cert and --tls-key go together');
  return { tls: { cert: readText(cert), key: readText(key) } };
}

export function scheduleReplay(
  server: FeedServer,
  events: Parameters<typeof planReplay>[0],
  speed: number,
  anchor?: number,
): NodeJS.Timeout[] {
  const steps = planReplay(events, Date.now(), speed, anchor);
  const now = steps.filter((s) => s.delayMs === 0).map((s) => s.event);
  if (now.length) server.ingest(now);
  return steps.filter((s) => s.delayMs > 0).map((s) => setTimeout(() => server.ingest([s.event]), s.delayMs));
}
