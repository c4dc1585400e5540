import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { IncidentEvent } from '../domain/event.ts';
import { parseEventLines } from '../domain/ndjson.ts';
import type { Logger } from '../log/logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { ClientMessage, CLIENT_TYPES, decodeFrame, encode, type ErrorCode, type ServerMessage } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';

export interface FeedServerOptions {
  store: EventStore;
  log: Logger;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Without a token anyone on the host may publish, so the server then refuses to bind beyond loopback. */
  token?: string;
  heartbeatMs?: number;
  /** Frames over this get an `error` reply; over four times this, ws closes the connection (1009). */
  maxPayloadBytes?: number;
  /** A subscribe further behind than this many events gets a snapshot instead of a replay. */
  replayWindow?: number;
  /** Origins allowed to connect or POST (browsers send one; other clients usually do not). */
  allowedOrigins?: string[];
  publishPerSecond?: number;
  publishBurst?: number;
  /** A subscriber with more than this queued is dropped; it resumes from its cursor later. */
  maxBufferedBytes?: number;
  maxHttpBodyBytes?: number;
  /** PEM certificate and key: serve https and wss instead of http and ws. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  now?: () => number;
}

interface Subscriber {
  ws: WebSocket;
  /** Highest seq sent to this subscriber; live broadcasts continue from here. */
  sentSeq: number;
  live: boolean;
  alive: boolean;
  bucket: TokenBucket;
  /** Bumped by each subscribe: an older replay still running sees it and stops. */
  replayGeneration: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopbackHost = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

/**
 * The reference feed: an append-only log in SQLite that assigns `seq`, replays from any cursor,
 * broadcasts to subscribers, and takes events from WebSocket `publish` frames and `POST /events`.
 */
export class FeedServer {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly subscribers = new Set<Subscriber>();
  private heartbeat?: NodeJS.Timeout;
  private readonly opts: Required<Omit<FeedServerOptions, 'token' | 'tls'>> & Pick<FeedServerOptions, 'token' | 'tls'>;
  /** Frames rejected since start, by reason code. */
  readonly rejected = new Map<string, number>();

  constructor(options: FeedServerOptions) {
    this.opts = {
      host: '127.0.0.1',
      port: 8787,
      heartbeatMs: 5_000,
      maxPayloadBytes: 1024 * 1024,
      replayWindow: Number.MAX_SAFE_INTEGER,
      allowedOrigins: [],
      publishPerSecond: 100,
      publishBurst: 500,
      maxBufferedBytes: 8 * 1024 * 1024,
      maxHttpBodyBytes: 16 * 1024 * 1024,
      now: Date.now,
      ...options,
    };
    if (!this.opts.token && !isLoopbackHost(this.opts.host)) {
      throw new Error(`refusing to bind ${this.opts.host} without a token: anyone could publish (use --token-file)`);
    }
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.opts.maxPayloadBytes * 4,
      perMessageDeflate: false,
    });
    const handler = (req: IncomingMessage, res: ServerResponse) => this.onHttp(req, res);
    this.http = this.opts.tls ? createHttpsServer({ cert: this.opts.tls.cert, key: this.opts.tls.key }, handler) : createServer(handler);
    this.http.maxHeadersCount = 100;
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.http.on('clientError', (_err, socket) => socket.destroy());
  }

  get store(): EventStore {
    return this.opts.store;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => resolve());
    });
    this.heartbeat = setInterval(() => this.beat(), this.opts.heartbeatMs);
    const port = this.port;
    this.opts.log.log('info', 'feed listening', {
      host: this.opts.host,
      port,
      tls: Boolean(this.opts.tls),
      auth: this.opts.token ? 'bearer token' : 'none (loopback only)',
      lastSeq: this.store.lastSeq(),
    });
    return port;
  }

  get port(): number {
    const address = this.http.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const s of this.subscribers) s.ws.terminate();
    this.subscribers.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  /** Stores events and broadcasts the new ones; returns how many were new. */
  ingest(events: readonly IncidentEvent[]): { stored: number; duplicates: number; seqs: Map<string, number> } {
    const result = this.store.append(events);
    const seqs = new Map<string, number>();
    result.stored.forEach((e, i) => {
      seqs.set(e.id, result.seqs[i]!);
      this.broadcast(result.seqs[i]!, e);
    });
    return { stored: result.stored.length, duplicates: result.duplicates, seqs };
  }

  private count(code: string): void {
    this.rejected.set(code, (this.rejected.get(code) ?? 0) + 1);
  }

  private authorised(req: IncomingMessage): boolean {
    if (!this.opts.token) return true;
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const expected = Buffer.from(this.opts.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private originAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.opts.allowedOrigins.includes(origin);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refuse = (status: number, text: string) => {
      this.opts.log.log('warn', 'upgrade refused', { status, remote: req.socket.remoteAddress });
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!this.originAllowed(req)) return refuse(403, 'Forbidden');
    if (!this.authorised(req)) return refuse(401, 'Unauthorized');
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws));
  }

  private onConnection(ws: WebSocket): void {
    const sub: Subscriber = {
      ws,
      sentSeq: 0,
      live: false,
      alive: true,
      replayGeneration: 0,
      bucket: new TokenBucket(this.opts.publishBurst, this.opts.publishPerSecond, this.opts.now),
    };
    this.subscribers.add(sub);
    ws.on('pong', () => (sub.alive = true));
    ws.on('message', (data, isBinary) => {
      sub.alive = true;
      this.onFrame(sub, isBinary ? null : data.toString());
    });
    ws.on('close', () => this.subscribers.delete(sub));
    ws.on('error', (e) => this.opts.log.log('warn', 'connection error', { error: e.message }));
    this.send(sub, {
      type: 'hello',
      protocol: 1,
      serverTime: new Date(this.opts.now()).toISOString(),
      heartbeatMs: this.opts.heartbeatMs,
      lastSeq: this.store.lastSeq(),
    });
  }

  private send(sub: Subscriber, message: ServerMessage): void {
    if (sub.ws.readyState === WebSocket.OPEN) sub.ws.send(encode(message));
  }

  private reject(sub: Subscriber, code: ErrorCode, message: string, id?: string): void {
    this.count(code);
    this.opts.log.log('warn', 'frame rejected', { code, reason: message, ...(id ? { id } : {}) });
    this.send(sub, { type: 'error', code, message, ...(id ? { id } : {}) });
  }

  private onFrame(sub: Subscriber, text: string | null): void {
    if (text === null) return this.reject(sub, 'bad-json', 'binary frames are not part of the protocol');
    const decoded = decodeFrame(ClientMessage, CLIENT_TYPES, text, this.opts.maxPayloadBytes);
    if (!decoded.ok) return this.reject(sub, decoded.code, decoded.reason, decoded.id);
    const message = decoded.message;
    if (message.type === 'subscribe') {
      void this.replay(sub, message.since);
      return;
    }
    if (!sub.bucket.take()) return this.reject(sub, 'rate-limited', 'publish rate limit exceeded; retry later', message.id);
    if (message.id !== message.event.id) {
      return this.reject(sub, 'id-mismatch', 'publish id must equal the event id', message.id);
    }
    try {
      const { seqs } = this.ingest([message.event]);
      this.send(sub, { type: 'ack', id: message.id, seq: seqs.get(message.id) ?? this.store.seqOfEvent(message.id) ?? 0 });
    } catch (e) {
      this.reject(sub, 'storage', `could not store the event (${(e as Error).message})`, message.id);
    }
  }

  /** Replays from `since`, pausing while the socket is backed up, then joins the live stream. */
  private async replay(sub: Subscriber, since: number): Promise<void> {
    sub.live = false;
    const generation = ++sub.replayGeneration;
    const current = () => sub.replayGeneration === generation;
    const lastSeq = this.store.lastSeq();
    let from = since;
    if (since > lastSeq || lastSeq - since > this.opts.replayWindow) {
      const reason = since > lastSeq ? 'cursor is ahead of this server (its log was replaced)' : 'cursor is older than the replay window';
      this.send(sub, { type: 'resync', lastSeq, reason });
      for (const { seq, event } of this.store.events(0)) {
        if (seq > lastSeq) break;
        this.send(sub, { type: 'event', seq, event });
        if (!(await this.drained(sub)) || !current()) return;
      }
      this.send(sub, { type: 'resynced', lastSeq });
      from = lastSeq;
    }
    sub.sentSeq = from;
    for (;;) {
      let sent = 0;
      for (const { seq, event } of this.store.events(sub.sentSeq, 500)) {
        this.send(sub, { type: 'event', seq, event });
        sub.sentSeq = seq;
        sent += 1;
      }
      if (sent === 0) break;
      if (!(await this.drained(sub)) || !current()) return;
    }
    // No await between the last read and going live, so no broadcast can fall between them.
    sub.live = true;
  }

  private async drained(sub: Subscriber): Promise<boolean> {
    while (sub.ws.readyState === WebSocket.OPEN && sub.ws.bufferedAmount > this.opts.maxBufferedBytes / 2) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return sub.ws.readyState === WebSocket.OPEN;
  }

  private broadcast(seq: number, event: IncidentEvent): void {
    for (const sub of this.subscribers) {
      if (!sub.live || seq <= sub.sentSeq) continue;
      if (sub.ws.bufferedAmount > this.opts.maxBufferedBytes) {
        this.opts.log.log('warn', 'dropped a subscriber that cannot keep up', { buffered: sub.ws.bufferedAmount });
        sub.ws.terminate();
        this.subscribers.delete(sub);
        continue;
      }
      this.send(sub, { type: 'event', seq, event });
      sub.sentSeq = seq;
    }
  }

  private beat(): void {
    const message: ServerMessage = {
      type: 'heartbeat',
      serverTime: new Date(this.opts.now()).toISOString(),
      lastSeq: this.store.lastSeq(),
    };
    for (const sub of this.subscribers) {
      if (!sub.alive) {
        sub.ws.terminate();
        this.subscribers.delete(sub);
        continue;
      }
      sub.alive = false;
      sub.ws.ping();
      this.send(sub, message);
    }
  }

  private onHttp(req: IncomingMessage, res: ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!this.originAllowed(req)) return reply(403, { error: 'origin not allowed' });
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/health') return reply(200, { ok: true, lastSeq: this.store.lastSeq() });
    if (path !== '/events') return reply(404, { error: 'not found' });
    if (req.method !== 'POST') return reply(405, { error: 'use POST' });
    if (!this.authorised(req)) return reply(401, { error: 'unauthorized' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > this.opts.maxHttpBodyBytes) {
        reply(413, { error: `body over ${this.opts.maxHttpBodyBytes} bytes` });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const text = Buffer.concat(chunks).toString('utf8');
      // A single JSON event may be pretty-printed over many lines; NDJSON is one event per line.
      let single: unknown;
      try {
        single = JSON.parse(text);
      } catch {
        single = undefined;
      }
      const { events, errors } =
        single !== undefined && !Array.isArray(single) ? parseEventLines(JSON.stringify(single)) : parseEventLines(text);
      for (const _ of errors) this.count('invalid');
      try {
        const { stored, duplicates } = this.ingest(events.map((e) => e.event));
        reply(errors.length && !events.length ? 400 : 200, { stored, duplicates, rejected: errors });
      } catch (e) {
        reply(500, { error: `could not store events (${(e as Error).message})` });
      }
    });
  }
}
