// The dashboard as a user runs it — `bin/socwall.js dash` (its #! line's node flags included) in a
// 200×50 pseudo-terminal, fed 10,000 open incidents by a real feed server — measured from outside
// through /proc: resident memory and CPU while idle at 1 Hz. util-linux `script` provides the
// terminal. BENCH_NODE_ARGS="--cpu-prof …" runs it as `node ARGS bin/socwall.js` instead.
import Database from 'better-sqlite3';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncidentEvent } from '../src/domain/event.ts';
import { FeedServer } from '../src/feed/server.ts';
import type { Logger } from '../src/log/logger.ts';
import { openDatabase } from '../src/store/db.ts';
import { EventStore } from '../src/store/event-store.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Clock ticks per second of /proc/PID/stat's utime and stime (USER_HZ; 100 on Linux). */
const USER_HZ = 100;

function procStatus(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

function cpuSeconds(pid: number): number {
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the
  // 14th field of the line, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
}

/** `events`: what the feed holds; the dashboard has loaded once its store has them all. */
export async function dashProcessBench(dir: string, events: IncidentEvent[], log: Logger, name = 'process') {
  if (spawnSync('script', ['--version']).status !== 0) return { skipped: 'util-linux `script` is not installed: no pseudo-terminal to run the dashboard in' };
  // As installed: compiled, so bin/socwall.js runs dist/ and not the sources through tsx.
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  const store = new EventStore(openDatabase(join(dir, `${name}-feed.db`)));
  for (let i = 0; i < events.length; i += 5_000) store.append(events.slice(i, i + 5_000));
  const server = new FeedServer({ store, log, port: 0, heartbeatMs: 5_000 });
  const port = await server.listen();
  const db = join(dir, `${name}-dash.db`);
  const pidFile = join(dir, `${name}.pid`);
  // The shell writes its pid, then becomes node: that pid is the dashboard's.
  const command = `stty cols 200 rows 50 && echo $$ > ${pidFile} && exec ${process.env.BENCH_NODE_ARGS ? `node ${process.env.BENCH_NODE_ARGS}` : ''} ./bin/socwall.js dash --url ws://127.0.0.1:${port}/ --db ${db} --log ${join(dir, `${name}.log`)}`;
  const child: ChildProcess = spawn('script', ['-qfec', command, '/dev/null'], { cwd: root, stdio: ['pipe', 'ignore', 'ignore'] });
  let pid = 0;
  try {
    for (let i = 0; i < 200 && !pid; i++) {
      await sleep(50);
      try {
        pid = Number(readFileSync(pidFile, 'utf8').trim());
      } catch {
        // not written yet
      }
    }
    if (!pid) throw new Error('the dashboard did not start');
    // Until every incident is stored and shown: the store is the dashboard's own, read-only here.
    const started = performance.now();
    for (;;) {
      await sleep(250);
      if (performance.now() - started > 180_000) throw new Error('the dashboard did not load the feed within three minutes');
      try {
        const reader = new Database(db, { readonly: true, fileMustExist: true });
        const { n } = reader.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
        reader.close();
        if (n >= events.length) break;
      } catch {
        // not created yet
      }
    }
    const loadedMs = performance.now() - started;
    // A minute of ticking first, as for the in-process figures; then 30 s measured, resident
    // memory sampled each second (V8 grows and returns its heap in steps: one sample would be luck).
    await sleep(60_000);
    const cpu0 = cpuSeconds(pid);
    const wall0 = performance.now();
    const rss: number[] = [];
    for (let s = 0; s < 30; s++) {
      await sleep(1_000);
      rss.push(procStatus(pid).rssMb);
    }
    const idleCpuPercent = ((cpuSeconds(pid) - cpu0) / ((performance.now() - wall0) / 1000)) * 100;
    const memory = procStatus(pid);
    return {
      events: events.length,
      screen: '200x50',
      loadedFromFeedMs: Math.round(loadedMs),
      rssMb: { mean: Math.round(rss.reduce((a, b) => a + b, 0) / rss.length), max: Math.max(...rss), peakSinceStart: memory.peakMb },
      idleCpuPercentOfOneCore: Math.round(idleCpuPercent * 100) / 100,
      note: 'bin/socwall.js dash in a pseudo-terminal, measured through /proc over 30 s after a minute of ticking; peakSinceStart includes loading the feed',
    };
  } finally {
    if (pid) process.kill(pid, 'SIGTERM');
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await server.close();
    store.close();
  }
}
