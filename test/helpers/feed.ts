import { FeedSettings } from '../../src/config/schema.ts';
import type { IncidentEvent } from '../../src/domain/event.ts';
import { FeedClient, type FeedClientOptions } from '../../src/feed/client.ts';
import { FeedServer, type FeedServerOptions } from '../../src/feed/server.ts';
import { createLogger, type Logger } from '../../src/log/logger.ts';
import { openDatabase } from '../../src/store/db.ts';
import { EventStore } from '../../src/store/event-store.ts';
import { opened } from './events.ts';
import { tempDb } from './tmp.ts';

export const fastSettings = (patch: Partial<FeedSettings> = {}): FeedSettings =>
  FeedSettings.parse({ heartbeatMs: 200, backoffBaseMs: 20, backoffCapMs: 200, stableMs: 1_000, ...patch });

export async function startServer(options: Partial<FeedServerOptions> & { dbPath?: string } = {}) {
  const store = new EventStore(openDatabase(options.dbPath ?? tempDb()));
  const server = new FeedServer({ store, log: options.log ?? createLogger(null), port: 0, heartbeatMs: 200, ...options });
  const port = await server.listen();
  const close = async () => {
    await server.close();
    store.close();
  };
  return { server, store, port, url: `ws://127.0.0.1:${port}/`, close };
}

export function makeClient(url: string, options: Partial<FeedClientOptions> & { dbPath?: string; log?: Logger } = {}) {
  const store = options.store ?? new EventStore(openDatabase(options.dbPath ?? tempDb()));
  const client = new FeedClient({
    url,
    store,
    settings: options.settings ?? fastSettings(),
    log: options.log ?? createLogger(null),
    feedId: 'test-feed',
    ...options,
  });
  return { client, store };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** `n` distinct incidents opened one second apart. */
export function openings(n: number, prefix = 'INC'): IncidentEvent[] {
  return Array.from({ length: n }, (_, i) =>
    opened({
      id: `${prefix}-${i + 1}`,
      detectedAt: new Date(Date.parse('2026-03-02T09:00:00Z') + i * 1000).toISOString(),
    }),
  );
}
