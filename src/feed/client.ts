import { EventEmitter } from 'node:events';
import { WebSocket } from 'ws';
import type { FeedSettings } from '../config/schema.ts';
import type { IncidentEvent } from '../domain/event.ts';
import type { IncidentState } from '../domain/fold.ts';
import type { Logger } from '../log/logger.ts';
import type { EventStore } from '../store/event-store.ts';
import { backoffDelay } from './backoff.ts';
import { decodeFrame, encode, SERVER_TYPES, ServerMessage } from './protocol.ts';
import { isLoopbackHost } from './server.ts';

export type LinkState = 'connecting' | 'live' | 'reconnecting' | 'resyncing' | 'auth-failed' | 'stopped';

/** What the header needs to say whether the wall can be trusted right now. */
export interface FeedStatus {
  state: LinkState;
  /** Last time anything was heard from the server (message or pong). */
  lastHeardAt?: number;
  /** When the link was last lost; cleared once live again. */
  offlineSince?: number;
  nextRetryAt?: number;
  heartbeatMs: number;
  /** serverTime − local time at the last hello or heartbeat. */
  skewMs?: number;
  rejected: number;
  outbox: number;
  cursor: number;
  lastError?: string;
}

export interface FeedClientOptions {
  url: string;
  store: EventStore;
  settings: FeedSettings;
  log: Logger;
  token?: string;
  /** PEM CA bundle for wss:// to a private CA; certificate checks stay on. */
  ca?: Buffer;
  /** Allow a token over plain ws:// to a non-loopback host (development only). */
  insecure?: boolean;
  /** Cursor key in the store; defaults to the URL. */
  feedId?: string;
  random?: () => number;
  now?: () => number;
  /** Events are gathered for this long (or up to `batchSize`) and stored in one transaction. */
  batchMs?: number;
  batchSize?: number;
}

interface PendingEvent {
  seq: number;
  event: IncidentEvent;
}

/**
 * The resumable feed client: subscribes from its stored cursor, stores every event in the same
 * transaction as the cursor that covers it, keeps local actions in the outbox until acked, and
 * reconnects with jittered backoff whenever the link is closed or goes quiet.
 *
 * Emits `change` (Map<id, IncidentState>) after each stored batch and `status` (FeedStatus).
 */
export class FeedClient extends EventEmitter {
  private ws?: WebSocket;
  private attempt = 0;
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private watchdog?: NodeJS.Timeout;
  private stableTimer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private pending: PendingEvent[] = [];
  /** Highest seq seen on this connection, stored or not: a jump past it is a gap. */
  private highestSeen = 0;
  private resyncing = false;
  private readonly feedId: string;
  private readonly random: () => number;
  private readonly now: () => number;
  private _status: FeedStatus;
  private emittedStatus: FeedStatus | undefined;
  private lastHeard: number | undefined;

  constructor(private readonly opts: FeedClientOptions) {
    super();
    const url = new URL(opts.url);
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw new Error(`feed URL must be ws:// or wss:// (got ${url.protocol})`);
    if (opts.token && url.protocol === 'ws:' && !isLoopbackHost(url.hostname) && !opts.insecure) {
      throw new Error('refusing to send a token over plain ws:// to another host; use wss:// (or --insecure for development)');
    }
    if (url.username || url.password || /token/i.test(url.search)) {
      throw new Error('put credentials in SOCWALL_TOKEN or --token-file, never in the URL');
    }
    opts.log.redact(opts.token ?? '');
    this.feedId = opts.feedId ?? `${url.protocol}//${url.host}${url.pathname}`;
    this.random = opts.random ?? Math.random;
    this.now = opts.now ?? Date.now;
    this._status = {
      state: 'connecting',
      heartbeatMs: opts.settings.heartbeatMs,
      rejected: 0,
      outbox: opts.store.outboxSize(),
      cursor: opts.store.cursor(this.feedId),
    };
  }

  get status(): FeedStatus {
    this.foldHeard();
    return this._status;
  }

  get cursor(): number {
    return this.opts.store.cursor(this.feedId);
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.watchdog);
    clearTimeout(this.stableTimer);
    this.flush();
    clearTimeout(this.flushTimer);
    const ws = this.ws;
    this.ws = undefined;
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.terminate();
      });
    }
    this.setStatus({ state: 'stopped' });
  }

  /**
   * A local action: stored and queued in one transaction (so it shows at once and survives a crash),
   * then sent; it leaves the outbox only when the feed acks it.
   */
  publish(event: IncidentEvent): Map<string, IncidentState> {
    const result = this.opts.store.append([event], { outbox: true });
    this.setStatus({ outbox: this.opts.store.outboxSize() });
    if (this._status.state === 'live') this.sendPublish(event);
    if (result.changed.size) this.emit('change', result.changed);
    return result.changed;
  }

  private setStatus(patch: Partial<FeedStatus>): void {
    this.foldHeard();
    this._status = { ...this._status, ...patch };
    this.emitStatus();
  }

  /** Tells listeners of a new status; the watchdog's checks that find nothing new stay silent. */
  private emitStatus(): void {
    if (this._status === this.emittedStatus) return;
    this.emittedStatus = this._status;
    this.emit('status', this._status);
  }

  private connect(): void {
    if (this.stopped) return;
    this.setStatus({ state: this._status.state === 'auth-failed' ? 'auth-failed' : 'connecting', nextRetryAt: undefined });
    const headers: Record<string, string> = {};
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    const ws = new WebSocket(this.opts.url, {
      headers,
      maxPayload: this.opts.settings.maxPayloadBytes,
      perMessageDeflate: false,
      handshakeTimeout: Math.max(1_000, this.opts.settings.heartbeatMs * 2),
      ...(this.opts.ca ? { ca: this.opts.ca } : {}),
      rejectUnauthorized: true,
    });
    this.ws = ws;
    this.highestSeen = this.cursor;
    this.resyncing = false;

    ws.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      this.opts.log.log('warn', 'feed refused the connection', { status });
      if (status === 401 || status === 403) this.setStatus({ state: 'auth-failed', lastError: `HTTP ${status}` });
      else this.setStatus({ lastError: `HTTP ${status}` });
      ws.terminate();
    });
    ws.on('open', () => {
      this.heard();
      ws.send(encode({ type: 'subscribe', since: this.cursor }));
      this.watchdog = setInterval(() => this.checkLiveness(), Math.max(50, this.opts.settings.heartbeatMs / 4));
    });
    ws.on('pong', () => this.heard());
    ws.on('ping', () => this.heard());
    ws.on('message', (data, isBinary) => {
      this.heard();
      this.onFrame(isBinary ? null : data.toString());
    });
    ws.on('error', (e) => {
      this.opts.log.log('warn', 'feed connection error', { error: e.message });
      this.setStatus({ lastError: e.message });
    });
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.flush();
      clearInterval(this.watchdog);
      clearTimeout(this.stableTimer);
      this.ws = undefined;
      if (code === 1008) this.setStatus({ state: 'auth-failed', lastError: 'closed by policy (1008)' });
      this.scheduleReconnect();
    });
  }

  /** Every frame and pong counts; only a number is written here, since a replay hears thousands a second. */
  private heard(): void {
    this.lastHeard = this.now();
  }

  private foldHeard(): void {
    if (this.lastHeard !== undefined && this._status.lastHeardAt !== this.lastHeard) this._status = { ...this._status, lastHeardAt: this.lastHeard };
  }

  /** Nothing heard for two heartbeats: the link is dead even if TCP has not noticed. */
  private checkLiveness(): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    this.foldHeard();
    const quiet = this.now() - (this._status.lastHeardAt ?? 0);
    if (quiet > 2 * this._status.heartbeatMs) {
      this.opts.log.log('warn', 'feed link stale; reconnecting', { quietMs: quiet });
      ws.terminate();
    } else if (quiet > this._status.heartbeatMs / 2) {
      ws.ping();
    }
    // Whatever was heard since the last check (lastHeardAt) reaches the screen now.
    this.emitStatus();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const authFailed = this._status.state === 'auth-failed';
    const { backoffBaseMs, backoffCapMs } = this.opts.settings;
    // A refused credential will not fix itself quickly: retry only at the cap.
    const delay = authFailed ? backoffCapMs : backoffDelay(this.attempt, backoffBaseMs, backoffCapMs, this.random);
    this.attempt += 1;
    this.setStatus({
      state: authFailed ? 'auth-failed' : 'reconnecting',
      offlineSince: this._status.offlineSince ?? this.now(),
      nextRetryAt: this.now() + delay,
    });
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private onFrame(text: string | null): void {
    if (text === null) return this.rejectFrame('binary frame');
    const decoded = decodeFrame(ServerMessage, SERVER_TYPES, text, this.opts.settings.maxPayloadBytes);
    if (!decoded.ok) {
      // A bad event still occupies its seq: note it as seen (so what follows is no gap) but never store past it.
      const seq = seqOfBadEvent(text);
      if (seq !== undefined) this.highestSeen = Math.max(this.highestSeen, seq);
      return this.rejectFrame(`${decoded.code}: ${decoded.reason}`);
    }
    const m = decoded.message;
    switch (m.type) {
      case 'hello':
        this.setStatus({ heartbeatMs: m.heartbeatMs, skewMs: Date.parse(m.serverTime) - this.now() });
        this.onHello();
        return;
      case 'heartbeat':
        this.setStatus({ skewMs: Date.parse(m.serverTime) - this.now() });
        return;
      case 'event':
        return this.onEvent(m.seq, m.event);
      case 'ack':
        this.flush();
        if (this.opts.store.ackOutbox(m.id)) this.setStatus({ outbox: this.opts.store.outboxSize() });
        this.emit('ack', m.id);
        return;
      case 'error':
        this.opts.log.log('warn', 'feed reported an error', { code: m.code, reason: m.message, id: m.id });
        // A publish the server can never accept would wait forever: drop it from the outbox (it stays in the log).
        if (m.id && m.code === 'rate-limited') {
          // Try that one again shortly rather than waiting for the next connection.
          const id = m.id;
          setTimeout(() => {
            const event = this.opts.store.outbox().find((e) => e.id === id);
            if (event && this._status.state === 'live') this.sendPublish(event);
          }, 1_000).unref();
        }
        if (m.id && (m.code === 'invalid' || m.code === 'id-mismatch')) {
          this.opts.store.ackOutbox(m.id);
          this.setStatus({ outbox: this.opts.store.outboxSize() });
          this.emit('publish-rejected', m.id, m.message);
        }
        return;
      case 'resync':
        this.flush();
        this.resyncing = true;
        this.setStatus({ state: 'resyncing' });
        this.opts.log.log('info', 'feed asked for a resync', { reason: m.reason, lastSeq: m.lastSeq });
        return;
      case 'resynced':
        this.flush();
        this.resyncing = false;
        this.opts.store.append([], { cursorFeed: this.feedId, cursorTo: m.lastSeq });
        this.highestSeen = m.lastSeq;
        this.setStatus({ state: 'live', cursor: m.lastSeq, offlineSince: undefined });
        return;
    }
  }

  private onHello(): void {
    // A storage failure stays on the header until a batch is stored again.
    const storageError = this._status.lastError?.startsWith('storage:') ? { lastError: this._status.lastError } : { lastError: undefined };
    this.setStatus({ state: this.resyncing ? 'resyncing' : 'live', offlineSince: undefined, nextRetryAt: undefined, ...storageError });
    clearTimeout(this.stableTimer);
    this.stableTimer = setTimeout(() => (this.attempt = 0), this.opts.settings.stableMs);
    for (const event of this.opts.store.outbox()) this.sendPublish(event);
  }

  private sendPublish(event: IncidentEvent): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(encode({ type: 'publish', id: event.id, event }));
  }

  private rejectFrame(reason: string): void {
    this.opts.log.log('warn', 'rejected a frame from the feed', { reason });
    this.setStatus({ rejected: this._status.rejected + 1 });
  }

  private onEvent(seq: number, event: IncidentEvent): void {
    if (!this.resyncing && seq > this.highestSeen + 1) {
      // Something between us and the server lost events: resume from the cursor rather than skip them.
      this.opts.log.log('warn', 'gap in the feed; resubscribing', { expected: this.highestSeen + 1, got: seq });
      this.flush();
      this.ws?.terminate();
      return;
    }
    this.highestSeen = Math.max(this.highestSeen, seq);
    this.pending.push({ seq, event });
    if (this.pending.length >= (this.opts.batchSize ?? 1_000)) this.flush();
    else if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), this.opts.batchMs ?? 20);
  }

  /** Stores the gathered events and moves the cursor, in one transaction. */
  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const cursor = this.cursor;
    // During a resync the snapshot's seqs are not contiguous with the cursor; the cursor moves at `resynced`.
    const contiguous = this.resyncing ? cursor : this.contiguousEnd(cursor, batch);
    try {
      const result = this.opts.store.append(
        batch.map((p) => p.event),
        {
          feedSeqs: batch.map((p) => p.seq),
          cursorFeed: this.feedId,
          cursorTo: Math.max(cursor, contiguous),
        },
      );
      this._status = { ...this._status, cursor: Math.max(cursor, contiguous) };
      if (this._status.lastError?.startsWith('storage:')) this.setStatus({ lastError: undefined });
      if (result.changed.size) this.emit('change', result.changed);
    } catch (e) {
      // Nothing of the batch was stored and the cursor did not move: resume will bring it again.
      this.opts.log.log('error', 'could not store feed events', { error: (e as Error).message });
      this.setStatus({ lastError: `storage: ${(e as Error).message}` });
      this.ws?.terminate();
    }
  }

  private contiguousEnd(cursor: number, batch: readonly PendingEvent[]): number {
    let end = cursor;
    for (const { seq } of batch) {
      if (seq === end + 1) end = seq;
      else if (seq > end + 1) break;
    }
    return end;
  }
}

function seqOfBadEvent(text: string): number | undefined {
  try {
    const v = JSON.parse(text) as { type?: unknown; seq?: unknown };
    return v.type === 'event' && typeof v.seq === 'number' && Number.isInteger(v.seq) ? v.seq : undefined;
  } catch {
    return undefined;
  }
}
