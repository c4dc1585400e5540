import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { backoffDelay } from '../src/feed/backoff.ts';
import type { FeedClient } from '../src/feed/client.ts';
import { FeedServer } from '../src/feed/server.ts';
import { feedLabel } from '../src/ui/model/feed-label.ts';
import { createLogger } from '../src/log/logger.ts';
import { openDatabase } from '../src/store/db.ts';
import { EventStore } from '../src/store/event-store.ts';
import { ev, opened } from './helpers/events.ts';
import { fastSettings, makeClient, openings, startServer, waitFor } from './helpers/feed.ts';
import { FaultProxy } from './helpers/proxy.ts';
import { tempDb, tempDir } from './helpers/tmp.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
const track = <T extends { stop?: () => Promise<void>; close?: () => Promise<void> | void }>(x: T): T => {
  cleanup.push(() => (x.stop ? x.stop() : x.close?.()));
  return x;
};
function startClient(...args: Parameters<typeof makeClient>) {
  const made = makeClient(...args);
  cleanup.push(() => made.client.stop());
  made.client.start();
  return made;
}
const feedSeqs = (store: EventStore) =>
  store.db.prepare('SELECT feed_seq FROM events ORDER BY feed_seq').pluck().all() as number[];

describe('feed: replay, live, resume', () => {
  it('replays from the cursor, then delivers live events in order', async () => {
    const { server, url } = track(await startServer());
    server.ingest(openings(3));
    const { client, store } = startClient(url);
    await waitFor(() => client.cursor === 3, 5_000, 'replay');
    server.ingest(openings(2, 'LIVE'));
    await waitFor(() => client.cursor === 5, 5_000, 'live events');
    expect(client.status.state).toBe('live');
    expect(feedSeqs(store)).toEqual([1, 2, 3, 4, 5]);
    expect(store.state('LIVE-2')?.incident).toBeDefined();
  });

  it('a restarted client resumes exactly where it stopped: nothing lost, nothing twice', async () => {
    const { server, url } = track(await startServer());
    const dbPath = tempDb();
    server.ingest(openings(5));
    const first = makeClient(url, { dbPath });
    first.client.start();
    await waitFor(() => first.client.cursor === 5);
    await first.client.stop();
    first.store.close();
    server.ingest(openings(5, 'LATER'));
    const { client, store } = startClient(url, { dbPath });
    await waitFor(() => client.cursor === 10);
    expect(feedSeqs(store)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(store.count()).toBe(10);
  });

  it('survives a server restart mid-stream and resumes from the server log on disk', async () => {
    const serverDb = tempDb();
    const first = await startServer({ dbPath: serverDb });
    first.server.ingest(openings(4));
    const proxy = track(new FaultProxy(first.port));
    const proxyPort = await proxy.listen();
    const { client, store } = startClient(`ws://127.0.0.1:${proxyPort}/`);
    await waitFor(() => client.cursor === 4);
    await first.close();
    await waitFor(() => client.status.state === 'reconnecting', 5_000, 'reconnecting');
    // Same log file, same port, more events.
    const again = track(await startServer({ dbPath: serverDb, port: first.port }));
    again.server.ingest(openings(3, 'AFTER'));
    await waitFor(() => client.cursor === 7, 10_000, 'resume after restart');
    expect(feedSeqs(store)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('kill -9 of the client mid-ingest, then restart: every event exactly once, cursor at the end', async () => {
    const { server, url } = track(await startServer());
    const total = 3_000;
    server.ingest(openings(total));
    const dbPath = tempDb();
    const runChild = (killAt?: number) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/ingest-child.ts', url, dbPath], {
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        let last = 0;
        child.stdout.on('data', (d: Buffer) => {
          const m = /cursor (\d+)\s*$/.exec(d.toString());
          if (m) last = Number(m[1]);
          if ((killAt !== undefined && last >= killAt) || last >= total) child.kill('SIGKILL');
        });
        child.on('exit', () => resolve(last));
      });
    const kills = [600, 1_500, 2_400];
    for (const k of kills) await runChild(k);
    await runChild();
    const db = new Database(dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const row = db.prepare('SELECT count(*) AS n, count(DISTINCT feed_seq) AS d, max(feed_seq) AS m FROM events').get() as Record<string, number>;
    expect(row).toEqual({ n: total, d: total, m: total });
    expect(db.prepare("SELECT seq FROM cursors WHERE feed = 'test-feed'").pluck().get()).toBe(total);
    db.close();
  }, 120_000);
});

describe('feed: liveness and backoff', () => {
  it('a half-dead link (server silent) is detected within two heartbeats, terminated and re-established', async () => {
    const { server, port } = track(await startServer({ heartbeatMs: 200 }));
    const proxy = track(new FaultProxy(port));
    const proxyPort = await proxy.listen();
    const { client } = startClient(`ws://127.0.0.1:${proxyPort}/`, { settings: fastSettings({ heartbeatMs: 200 }) });
    await waitFor(() => client.status.state === 'live');
    proxy.blackholeDown = true;
    const silencedAt = Date.now();
    await waitFor(() => client.status.state !== 'live', 5_000, 'stale detection');
    const detectedMs = Date.now() - silencedAt;
    expect(detectedMs).toBeLessThan(2_000);
    proxy.blackholeDown = false;
    await waitFor(() => client.status.state === 'live', 5_000, 'reconnect');
    server.ingest(openings(1));
    await waitFor(() => client.cursor === 1);
  });

  it('full-jitter backoff: every delay in [0, min(cap, base·2ⁿ)]', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 12; n++) {
      const ceiling = Math.min(30_000, 500 * 2 ** n);
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(n, 500, 30_000, random);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(backoffDelay(40, 500, 30_000, () => 0.999999)).toBe(29_999);
  });
});

describe('feed: outbox', () => {
  it('a tick survives losing the ack: resent on reconnect, stored once on the server, then cleared', async () => {
    const { server, store: serverStore, port } = track(await startServer());
    server.ingest([opened({ detectedAt: '2026-03-02T09:00:00Z' })]);
    const proxy = track(new FaultProxy(port));
    const proxyPort = await proxy.listen();
    const { client, store } = startClient(`ws://127.0.0.1:${proxyPort}/`);
    await waitFor(() => client.cursor === 1);
    // The server will apply the tick, but its ack never reaches us.
    proxy.blackholeDown = true;
    const tick = ev('checklist.set', '2026-03-02T09:10:00Z', { itemId: 'evidence', done: true }, { by: 'ana' });
    client.publish(tick);
    expect(store.state('INC-1')?.checklist.evidence?.done).toBe(true);
    await waitFor(() => serverStore.seqOfEvent(tick.id) !== undefined, 5_000, 'server applied the tick');
    expect(store.outboxSize()).toBe(1);
    proxy.resetAll();
    proxy.blackholeDown = false;
    await waitFor(() => store.outboxSize() === 0, 10_000, 'ack after reconnect');
    expect(serverStore.eventsOf('INC-1').filter((e) => e.id === tick.id)).toHaveLength(1);
    expect(serverStore.count()).toBe(2);
    await waitFor(() => client.cursor === 2);
  });

  it('a tick made while the feed is down is queued, and delivered once it comes back', async () => {
    const serverDb = tempDb();
    const first = await startServer({ dbPath: serverDb });
    first.server.ingest([opened({ detectedAt: '2026-03-02T09:00:00Z' })]);
    const { client, store } = startClient(first.url);
    await waitFor(() => client.cursor === 1);
    await first.close();
    const note = ev('note.added', '2026-03-02T09:20:00Z', { text: 'written offline' }, { by: 'bo' });
    client.publish(note);
    expect(store.outboxSize()).toBe(1);
    const again = track(await startServer({ dbPath: serverDb, port: first.port }));
    await waitFor(() => store.outboxSize() === 0, 10_000, 'delivered after restart');
    expect(again.store.eventsOf('INC-1').map((e) => e.id)).toContain(note.id);
  });
});

describe('feed: bad input', () => {
  it('malformed frames among valid ones: every valid event applied, every bad frame counted, cursor never past a bad event', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => new Promise<void>((r) => wss.close(() => r())));
    await new Promise((r) => wss.once('listening', r));
    const events = openings(4);
    wss.on('connection', (ws) => {
      ws.send(JSON.stringify({ type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 5000, lastSeq: 5 }));
      ws.send(JSON.stringify({ type: 'event', seq: 1, event: events[0] }));
      ws.send('{this is not json');
      ws.send(JSON.stringify({ type: 'event', seq: 2, event: events[1] }));
      ws.send(JSON.stringify({ type: 'launch-missiles' }));
      ws.send(JSON.stringify({ type: 'event', seq: 3, event: { ...events[2], kind: 'bogus' } }));
      ws.send(JSON.stringify({ type: 'event', seq: 4, event: events[2] }));
      ws.send(JSON.stringify({ type: 'event', seq: 5, event: events[3] }));
    });
    const port = (wss.address() as { port: number }).port;
    const { client, store } = startClient(`ws://127.0.0.1:${port}/`);
    await waitFor(() => store.count() === 4, 5_000, 'valid events stored');
    expect(client.status.rejected).toBe(3);
    // seq 3 was never stored, so the cursor stays at 2 and a resume will ask for it again.
    expect(client.cursor).toBe(2);
    expect(client.status.state).toBe('live');
  });

  it('the server answers every bad frame with an error (carrying the id when it could read one) and keeps the connection', async () => {
    const { server, url } = track(await startServer({ maxPayloadBytes: 64 * 1024 }));
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(url);
    cleanup.push(() => ws.terminate());
    const replies: Record<string, unknown>[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.once('open', r));
    const good = opened({ detectedAt: '2026-03-02T09:00:00Z' });
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'teleport', id: 'x1' }));
    ws.send(JSON.stringify({ type: 'publish', id: 'bad-1', event: { ...good, id: 'bad-1', kind: 'incident.opened', data: {} } }));
    ws.send(JSON.stringify({ type: 'publish', id: 'big-1', event: { ...good, id: 'big-1', data: { ...(good.data as object), summary: 'x'.repeat(100_000) } } }));
    ws.send(JSON.stringify({ type: 'publish', id: good.id, event: good }));
    await waitFor(() => replies.filter((r) => r.type !== 'hello').length >= 5, 5_000, 'five replies');
    const byType = replies.filter((r) => r.type !== 'hello');
    expect(byType.slice(0, 4).map((r) => [r.code, r.id])).toEqual([
      ['bad-json', undefined],
      ['unknown-type', 'x1'],
      ['invalid', 'bad-1'],
      ['too-large', undefined],
    ]);
    expect(byType[4]).toMatchObject({ type: 'ack', id: good.id, seq: 1 });
    expect(server.store.count()).toBe(1);
    expect(server.rejected.get('invalid')).toBe(1);
  });

  it('an oversized frame from the server closes the link; the client reconnects', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    cleanup.push(() => new Promise<void>((r) => wss.close(() => r())));
    await new Promise((r) => wss.once('listening', r));
    let connections = 0;
    wss.on('connection', (ws) => {
      connections += 1;
      ws.send(JSON.stringify({ type: 'hello', protocol: 1, serverTime: new Date().toISOString(), heartbeatMs: 5000, lastSeq: 0 }));
      if (connections === 1) ws.send('x'.repeat(2 * 1024 * 1024));
    });
    const port = (wss.address() as { port: number }).port;
    const { client } = startClient(`ws://127.0.0.1:${port}/`);
    await waitFor(() => connections >= 2 && client.status.state === 'live', 5_000, 'reconnect after oversize');
  });

  it('a cursor older than the replay window gets a snapshot (RESYNCING), then the same state as the server', async () => {
    const { server, store: serverStore, url } = track(await startServer({ replayWindow: 5 }));
    server.ingest(openings(20));
    const { client, store } = startClient(url);
    const states: string[] = [];
    client.on('status', (s: FeedClient['status']) => states.push(s.state));
    await waitFor(() => client.cursor === 20, 5_000, 'resync');
    expect(states).toContain('resyncing');
    expect(client.status.state).toBe('live');
    expect(store.incidentIds()).toEqual(serverStore.incidentIds());
    server.ingest(openings(1, 'NEXT'));
    await waitFor(() => client.cursor === 21);
  });

  it('a cursor ahead of the server (its log was replaced) also resyncs', async () => {
    const dbPath = tempDb();
    const old = await startServer();
    old.server.ingest(openings(6));
    const first = makeClient(old.url, { dbPath });
    first.client.start();
    await waitFor(() => first.client.cursor === 6);
    await first.client.stop();
    first.store.close();
    await old.close();
    const fresh = track(await startServer());
    fresh.server.ingest(openings(2, 'NEW'));
    const { client, store } = startClient(fresh.url, { dbPath });
    await waitFor(() => client.cursor === 2 && store.state('NEW-2') !== undefined, 5_000, 'resync to a smaller log');
    expect(store.count()).toBe(8);
  });
});

describe('feed: storage faults', () => {
  it('a full disk: the cursor stays put, the header says STORAGE ERROR, and replay recovers everything once there is room', async () => {
    const { server, url } = track(await startServer());
    const { client, store } = startClient(url);
    server.ingest(openings(5));
    await waitFor(() => client.cursor === 5);
    const pages = store.db.pragma('page_count', { simple: true }) as number;
    store.db.pragma(`max_page_count = ${pages}`);
    server.ingest(openings(300, 'BIG').map((e) => ({ ...e, data: { ...(e.data as object), summary: 'x'.repeat(4_000) } }) as typeof e));
    await waitFor(() => client.status.lastError?.startsWith('storage:') === true, 10_000, 'a storage error');
    expect(feedLabel(client.status, Date.now(), 'UTC').text).toBe('STORAGE ERROR');
    expect(client.cursor).toBe(5);
    expect(store.count()).toBe(5);
    store.db.pragma('max_page_count = 1073741823');
    await waitFor(() => client.cursor === 305, 15_000, 'recovery through replay');
    expect(store.count()).toBe(305);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await waitFor(() => feedLabel(client.status, Date.now(), 'UTC').text === 'LIVE', 5_000, 'LIVE again');
  });
});

describe('feed: server limits', () => {
  it('limits publishes per connection: past the burst, rate-limited errors naming each id', async () => {
    const { url } = track(await startServer({ publishBurst: 5, publishPerSecond: 1 }));
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(url);
    cleanup.push(() => ws.terminate());
    const replies: { type: string; id?: string; code?: string }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    await new Promise((r) => ws.once('open', r));
    for (const e of openings(10, 'RL')) ws.send(JSON.stringify({ type: 'publish', id: e.id, event: e }));
    await waitFor(() => replies.filter((r) => r.type !== 'hello').length === 10, 5_000, 'ten replies');
    expect(replies.filter((r) => r.type === 'ack')).toHaveLength(5);
    const limited = replies.filter((r) => r.type === 'error');
    expect(limited.map((r) => r.code)).toEqual(Array(5).fill('rate-limited'));
    expect(limited.every((r) => r.id?.startsWith('open-'))).toBe(true);
  });

  it('re-subscribing on one connection from an earlier cursor replays everything from it, once and in order', async () => {
    const { server, url } = track(await startServer());
    server.ingest(openings(3_000, 'RE'));
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(url);
    cleanup.push(() => ws.terminate());
    const seqs: number[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; seq: number };
      if (m.type === 'event') seqs.push(m.seq);
    });
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', since: 1_000 }));
    ws.send(JSON.stringify({ type: 'subscribe', since: 0 }));
    await waitFor(() => seqs.filter((q) => q === 3_000).length >= 1, 10_000, 'the replay to finish');
    await new Promise((r) => setTimeout(r, 200));
    // Whatever the first subscribe sent, the second one's replay is exactly 1..3000.
    const tail = seqs.slice(seqs.lastIndexOf(1));
    expect(tail).toEqual(Array.from({ length: 3_000 }, (_, i) => 1 + i));
  });

  it('drops a subscriber that cannot keep up instead of buffering without bound', async () => {
    const { server, url } = track(await startServer({ maxBufferedBytes: 256 * 1024 }));
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(url);
    cleanup.push(() => ws.terminate());
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'subscribe', since: 0 }));
    await waitFor(() => server.subscriberCount === 1);
    await new Promise((r) => setTimeout(r, 100));
    // Stop reading: the kernel buffers fill, then the server's queue for this socket grows.
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const closed = new Promise<void>((r) => ws.once('close', () => r()));
    for (let i = 0; i < 40 && server.subscriberCount > 0; i++) {
      server.ingest(openings(500, `FLOOD${i}`).map((e) => ({ ...e, data: { ...(e.data as object), summary: 'x'.repeat(2_000) } }) as typeof e));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.subscriberCount).toBe(0);
    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await closed;
  });
});

describe('feed: authentication', () => {
  it('a wrong or missing token is refused before upgrade (AUTH FAILED), and no log ever holds the token', async () => {
    const dir = tempDir();
    const token = 's3cr3t-token-value-1234';
    const serverLog = join(dir, 'server.log');
    const clientLog = join(dir, 'client.log');
    const slog = createLogger(serverLog, 'debug');
    slog.redact(token);
    const { server, url, port } = track(await startServer({ token, log: slog }));
    server.ingest(openings(1));
    const clog = createLogger(clientLog, 'debug');
    const wrong = startClient(url, { token: 'wrong-token-0000', log: clog });
    const none = startClient(url, { log: clog });
    await waitFor(() => wrong.client.status.state === 'auth-failed' && none.client.status.state === 'auth-failed');
    const right = startClient(url, { token, log: clog });
    await waitFor(() => right.client.cursor === 1);
    const post = await fetch(`http://127.0.0.1:${port}/events`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(401);
    await Promise.all([slog.close(), clog.close()]);
    const logs = readFileSync(serverLog, 'utf8') + readFileSync(clientLog, 'utf8');
    expect(logs).toContain('upgrade refused');
    expect(logs).not.toContain(token);
  });

  it('refuses to bind beyond loopback without a token', () => {
    const store = new EventStore(openDatabase(tempDb()));
    expect(() => new FeedServer({ store, log: createLogger(null), host: '0.0.0.0' })).toThrow(/without a token/);
    store.close();
  });

  it('never puts a token in the URL', () => {
    expect(() => makeClient('ws://127.0.0.1:1/?token=abc')).toThrow(/never in the URL/);
    expect(() => makeClient('ws://10.1.2.3:1/', { token: 'abcd1234' })).toThrow(/wss/);
  });
});

describe('feed: HTTP publishing', () => {
  it('POST /events takes NDJSON, stores and broadcasts it, and reports bad lines', async () => {
    const { server, url, port } = track(await startServer());
    const { client, store } = startClient(url);
    await waitFor(() => client.status.state === 'live');
    const body = [...openings(2, 'HTTP').map((e) => JSON.stringify(e)), '{"kind":"nope"}'].join('\n');
    const res = await fetch(`http://127.0.0.1:${port}/events`, { method: 'POST', body });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ stored: 2, duplicates: 0, rejected: [{ line: 3 }] });
    await waitFor(() => store.count() === 2);
    expect(server.store.count()).toBe(2);
  });

  it('refuses a browser Origin that is not allowlisted, for HTTP and for WebSocket', async () => {
    const { port } = track(await startServer({ allowedOrigins: ['https://soc.example'] }));
    const bad = await fetch(`http://127.0.0.1:${port}/health`, { headers: { origin: 'https://evil.example' } });
    expect(bad.status).toBe(403);
    const ok = await fetch(`http://127.0.0.1:${port}/health`, { headers: { origin: 'https://soc.example' } });
    expect(ok.status).toBe(200);
    const { WebSocket } = await import('ws');
    const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { origin: 'https://evil.example' });
    const status = await new Promise<number>((r) => ws.on('unexpected-response', (_q, res) => r(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });
});

describe('socwall feed', () => {
  it('a port already in use is a one-line error, not a crash', async () => {
    const { port } = track(await startServer());
    const { main } = await import('../src/cli/main.ts');
    const err: string[] = [];
    const code = await main(['feed', '--port', String(port), '--db', tempDb()], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('\n')).toBe(`socwall feed: cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
  });
});

describe('socwall publish', () => {
  it('publishes an NDJSON file through the real CLI and reports the acks', async () => {
    const { server, url } = track(await startServer());
    const file = join(tempDir(), 'events.ndjson');
    writeFileSync(file, openings(3, 'CLI').map((e) => JSON.stringify(e)).join('\n'));
    const { main } = await import('../src/cli/main.ts');
    const out: string[] = [];
    const code = await main(['publish', file, '--url', url], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('published 3 events');
    expect(server.store.count()).toBe(3);
  });
});
