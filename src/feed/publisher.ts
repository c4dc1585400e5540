import { WebSocket } from 'ws';
import type { IncidentEvent } from '../domain/event.ts';
import { decodeFrame, encode, SERVER_TYPES, ServerMessage } from './protocol.ts';

export interface PublishResult {
  acked: number;
  rejected: { id: string; reason: string }[];
}

export interface PublishOptions {
  token?: string;
  ca?: Buffer;
  /** Publishes in flight before waiting for acks. */
  window?: number;
  timeoutMs?: number;
}

/** Sends events as `publish` frames and waits for every ack; rate-limited publishes are retried. */
export function publishEvents(url: string, events: readonly IncidentEvent[], options: PublishOptions = {}): Promise<PublishResult> {
  const window = options.window ?? 100;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
      perMessageDeflate: false,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const result: PublishResult = { acked: 0, rejected: [] };
    const queue = [...events];
    const inFlight = new Map<string, IncidentEvent>();
    const timer = setTimeout(() => finish(new Error(`timed out with ${inFlight.size + queue.length} events unacknowledged`)), options.timeoutMs ?? 60_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      ws.terminate();
      if (error) reject(error);
      else resolve(result);
    };
    const pump = () => {
      while (inFlight.size < window && queue.length) {
        const e = queue.shift()!;
        inFlight.set(e.id, e);
        ws.send(encode({ type: 'publish', id: e.id, event: e }));
      }
      if (!inFlight.size && !queue.length) finish();
    };
    ws.on('unexpected-response', (_req, res) => finish(new Error(`feed refused the connection: HTTP ${res.statusCode}`)));
    ws.on('error', (e) => finish(e));
    ws.on('open', pump);
    ws.on('message', (data) => {
      const decoded = decodeFrame(ServerMessage, SERVER_TYPES, data.toString(), 64 * 1024 * 1024);
      if (!decoded.ok) return;
      const m = decoded.message;
      if (m.type === 'ack' && inFlight.delete(m.id)) {
        result.acked += 1;
        pump();
      } else if (m.type === 'error' && m.id && inFlight.has(m.id)) {
        const e = inFlight.get(m.id)!;
        inFlight.delete(m.id);
        if (m.code === 'rate-limited') {
          setTimeout(() => {
            queue.unshift(e);
            pump();
          }, 200);
        } else {
          result.rejected.push({ id: m.id, reason: `${m.code}: ${m.message}` });
          pump();
        }
      }
    });
  });
}
