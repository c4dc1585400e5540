// npm run bench — performance figures, each beside a baseline measured in the same run where one
// makes sense. Results go to bench/results.json. Not part of npm test: these machines are shared.
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { FeedSettings } from '../src/config/schema.ts';
import { FeedClient } from '../src/feed/client.ts';
import { FeedServer } from '../src/feed/server.ts';
import { createLogger } from '../src/log/logger.ts';
import { openDatabase } from '../src/store/db.ts';
import { EventStore } from '../src/store/event-store.ts';
import type { IncidentEvent } from '../src/domain/event.ts';
import { openIncidents, renderBench } from './render.tsx';
import { dashProcessBench } from './dash-process.ts';
import { loadConfig } from '../src/config/load.ts';
import { clockContext } from '../src/domain/context.ts';
import { foldAll } from '../src/domain/fold.ts';
import { KpiIndex } from '../src/domain/kpi.ts';

const dir = mkdtempSync(join(tmpdir(), 'socwall-bench-'));
const log = createLogger(null);
const results: Record<string, unknown> = { machine: { node: process.version, cpus: 2 }, at: new Date().toISOString() };

function incidentEvents(n: number, prefix: string, base = Date.parse('2026-03-06T08:00:00Z')): IncidentEvent[] {
  const severities = ['critical', 'high', 'medium', 'low'] as const;
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    kind: 'incident.opened',
    incidentId: `${prefix}-INC-${i}`,
    at: new Date(base + i).toISOString(),
    data: {
      title: `Benchmark incident ${i} on host-${i % 500}`,
      severity: severities[i % 4]!,
      type: 'malware',
      region: ['emea', 'na', 'apac', 'latam'][i % 4]!,
      assets: [`host-${i % 500}`],
      tags: [],
      detectedAt: new Date(base + i).toISOString(),
    },
  }));
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

async function serverWith(events: IncidentEvent[]) {
  const store = new EventStore(openDatabase(join(dir, `feed-${Math.random().toString(36).slice(2)}.db`)));
  for (let i = 0; i < events.length; i += 5_000) store.append(events.slice(i, i + 5_000));
  const server = new FeedServer({ store, log, port: 0, heartbeatMs: 5_000, maxBufferedBytes: 64 * 1024 * 1024 });
  const port = await server.listen();
  return { server, store, url: `ws://127.0.0.1:${port}/` };
}

/** Baseline: raw ws receive + JSON.parse + one prepared INSERT per event, committed every 1,000. */
async function baselineIngest(url: string, n: number): Promise<number> {
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS e (seq INTEGER PRIMARY KEY, body TEXT)');
  const insert = db.prepare('INSERT OR IGNORE INTO e (seq, body) VALUES (?, ?)');
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    let batch: [number, string][] = [];
    let got = 0;
    const commit = db.transaction((rows: [number, string][]) => {
      for (const [seq, body] of rows) insert.run(seq, body);
    });
    ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', since: 0 })));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { type: string; seq: number; event: unknown };
      if (m.type !== 'event') return;
      batch.push([m.seq, JSON.stringify(m.event)]);
      got += 1;
      if (batch.length >= 1_000 || got === n) {
        commit(batch);
        batch = [];
      }
      if (got === n) {
        ws.terminate();
        resolve();
      }
    });
  });
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return n / seconds;
}

async function clientIngest(url: string, n: number): Promise<number> {
  const store = new EventStore(openDatabase(join(dir, `client-${Math.random().toString(36).slice(2)}.db`)));
  const client = new FeedClient({ url, store, settings: FeedSettings.parse({}), log, feedId: 'bench' });
  const start = performance.now();
  await new Promise<void>((resolve) => {
    client.on('change', () => client.cursor >= n && resolve());
    client.start();
  });
  const seconds = (performance.now() - start) / 1000;
  await client.stop();
  store.close();
  return n / seconds;
}

async function ingestBench() {
  const n = 100_000;
  const { server, store, url } = await serverWith(incidentEvents(n, 'ing'));
  const baseline = await baselineIngest(url, n);
  const real = await clientIngest(url, n);
  await server.close();
  store.close();
  results.ingest = {
    events: n,
    clientEventsPerSecond: Math.round(real),
    baselineEventsPerSecond: Math.round(baseline),
    ratio: round(real / baseline),
    goal: '>= 50% of baseline and >= 20,000 events/s',
  };
  console.log('ingest', results.ingest);
}

async function latencyBench() {
  const { server, store, url } = await serverWith([]);
  const clientStore = new EventStore(openDatabase(join(dir, 'latency-client.db')));
  const client = new FeedClient({ url, store: clientStore, settings: FeedSettings.parse({}), log, feedId: 'bench' });
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let measured = 0;
  client.on('change', () => {
    const now = performance.now();
    for (let seq = measured + 1; seq <= client.cursor; seq++) {
      const t = sentAt.get(seq);
      if (t !== undefined) latencies.push(now - t);
    }
    measured = Math.max(measured, client.cursor);
  });
  client.start();
  await new Promise((r) => setTimeout(r, 300));
  const events = incidentEvents(5_000, 'lat');
  // 1,000 events/s: 10 every 10 ms, for five seconds.
  for (let i = 0; i < events.length; i += 10) {
    const t = performance.now();
    const { seqs } = server.ingest(events.slice(i, i + 10));
    for (const seq of seqs.values()) sentAt.set(seq, t);
    await new Promise((r) => setTimeout(r, 10));
  }
  await new Promise((r) => setTimeout(r, 500));
  await client.stop();
  await server.close();
  store.close();
  clientStore.close();
  results.latency = {
    rate: '1,000 events/s',
    samples: latencies.length,
    p50ms: round(percentile(latencies, 50)),
    p99ms: round(percentile(latencies, 99)),
    note: 'publish on the server → stored in the client database (includes the 20 ms batching window)',
  };
  console.log('latency', results.latency);
}

function kpiBench() {
  const ctx = clockContext(loadConfig().config);
  const base = Date.parse('2026-03-31T12:00:00Z');
  const events: IncidentEvent[] = [];
  for (let i = 0; i < 100_000; i++) {
    const detected = base - (i % 90) * 86_400_000 - i;
    events.push({
      id: `k-${i}`,
      kind: 'incident.opened',
      incidentId: `K-${i}`,
      at: new Date(detected).toISOString(),
      data: {
        title: `kpi ${i}`,
        severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4]!,
        type: 'malware',
        region: ['emea', 'na'][i % 2]!,
        assets: [`host-${i % 3000}`],
        vector: `v-${i % 40}`,
        tags: [],
        occurredAt: new Date(detected - 600_000).toISOString(),
        detectedAt: new Date(detected).toISOString(),
      },
    });
    if (i % 2 === 0) {
      events.push({ id: `kt-${i}`, kind: 'incident.phase', incidentId: `K-${i}`, at: new Date(detected + 60_000).toISOString(), data: { phase: 'triaged' } });
      events.push({ id: `kc-${i}`, kind: 'incident.phase', incidentId: `K-${i}`, at: new Date(detected + 3_600_000).toISOString(), data: { phase: 'contained' } });
    }
  }
  const states = foldAll(events);
  const targets = loadConfig().config.kpi;
  const t0 = performance.now();
  const index = new KpiIndex(ctx);
  for (const s of states.values()) index.update(s);
  const figures = index.compute(base, '30d', targets, () => 0);
  const fullMs = performance.now() - t0;
  const computeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = performance.now();
    index.compute(base, '30d', targets, () => 0);
    computeTimes.push(performance.now() - c0);
  }
  // One arriving event: refold its incident (as the store does) and re-derive that incident's facts.
  const updateTimes: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const id = `K-${(i * 37) % 100_000}`;
    const state = states.get(id)!;
    const u0 = performance.now();
    index.update({ ...state, notes: [...state.notes, { at: base, eventId: `n-${i}`, text: 'survey', score: 4 }] });
    updateTimes.push(performance.now() - u0);
  }
  results.kpi = {
    incidents: 100_000,
    fullRecomputeMs: round(fullMs),
    windowSumsMs: { p50: round(percentile(computeTimes, 50)), max: round(Math.max(...computeTimes)) },
    incrementalUpdatePerEventMs: { p50: round(percentile(updateTimes, 50), 4), p99: round(percentile(updateTimes, 99), 4) },
    sample: { mttdSeconds: figures.mttdSeconds, repeatIncidentRatio: round(figures.repeatIncidentRatio ?? 0, 4) },
  };
  console.log('kpi', results.kpi);
}

async function main() {
  const only = process.argv[2];
  // Render first: its RSS figures must not include what the other benchmarks left on the heap.
  if (!only || only === 'render') {
    results.render = await renderBench(dir);
    console.log('render', results.render);
  }
  if (!only || only === 'render' || only === 'process') {
    // Incidents detected over the last two hours, so the countdowns are live ones.
    const open = openIncidents(10_000, Date.now());
    results.dashProcess = {
      ...(await dashProcessBench(dir, open, log)),
      openIncidents: 10_000,
      goals: { rssMb: 200, idleCpuPercent: 3 },
    };
    console.log('dashProcess', results.dashProcess);
    // A year of history besides: 90,000 more incidents, closed. The KPI panel keeps every
    // incident's state in memory, so this is what a long-lived wall holds.
    const history = openIncidents(90_000, Date.now() - 86_400_000).map((e) => ({ ...e, id: `h-${e.id}`, incidentId: `H-${e.incidentId}` }));
    const closing = history.map((e, i) => ({ id: `hc-${i}`, kind: 'incident.phase' as const, incidentId: e.incidentId, at: e.at, data: { phase: 'closed' as const } }));
    results.dashProcessWithHistory = {
      ...(await dashProcessBench(dir, [...open, ...history, ...closing], log, 'history')),
      openIncidents: 10_000,
      closedIncidents: 90_000,
    };
    console.log('dashProcessWithHistory', results.dashProcessWithHistory);
  }
  if (!only || only === 'ingest') await ingestBench();
  if (!only || only === 'latency') await latencyBench();
  if (!only || only === 'kpi') kpiBench();
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
  process.exit(0);
}

await main();
