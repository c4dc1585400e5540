import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fastSettings, makeClient, openings, startServer, waitFor } from './helpers/feed.ts';

const tls = (name: string) => readFileSync(`test/fixtures/tls/${name}`);
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function wssServer() {
  const feed = await startServer({ tls: { cert: tls('server.pem'), key: tls('server.key') }, token: 'tls-token-123456' });
  cleanup.push(feed.close);
  feed.server.ingest(openings(2, 'TLS'));
  return { ...feed, url: `wss://127.0.0.1:${feed.port}/` };
}

describe('wss://', () => {
  it('connects with the configured CA (certificate checks on) and carries the token over TLS', async () => {
    const feed = await wssServer();
    const { client } = makeClient(feed.url, { ca: tls('ca.pem'), token: 'tls-token-123456', settings: fastSettings() });
    cleanup.push(() => client.stop());
    client.start();
    await waitFor(() => client.cursor === 2, 10_000, 'events over wss');
    expect(client.status.state).toBe('live');
  });

  it('refuses a certificate from an untrusted CA, and one with no CA configured', async () => {
    const feed = await wssServer();
    for (const ca of [tls('other-ca.pem'), undefined]) {
      const { client } = makeClient(feed.url, { ...(ca ? { ca } : {}), token: 'tls-token-123456', settings: fastSettings() });
      cleanup.push(() => client.stop());
      client.start();
      await waitFor(() => /certificate|self.signed|issuer/i.test(client.status.lastError ?? ''), 10_000, 'a certificate error');
      expect(client.status.state).not.toBe('live');
      expect(client.cursor).toBe(0);
    }
  });
});
