import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { LiveSource } from '../../src/ui/dashboard-source.ts';
import { renderRoot } from '../helpers/dashboard.tsx';
import { opened } from '../helpers/events.ts';
import { fastSettings, makeClient, startServer, waitFor } from '../helpers/feed.ts';
import { tempDb } from '../helpers/tmp.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const config = loadConfig().config;

function dashboard(url: string, analyst: string) {
  const { client, store } = makeClient(url, { settings: fastSettings({ heartbeatMs: 300 }) });
  const source = new LiveSource(store, client);
  client.start();
  const app = renderRoot(source, { config, analyst, batchMs: 20 });
  cleanup.push(async () => {
    app.unmount();
    await client.stop();
    store.close();
  });
  const press = async (key: string) => {
    app.stdin.write(key);
    await new Promise((r) => setTimeout(r, 60));
  };
  return { client, store, frame: () => app.lastFrame() ?? '', press };
}

describe('two dashboards on one feed', () => {
  it('a tick on one appears on the other; a tick made while the feed is down arrives once after it is back', async () => {
    const serverDb = tempDb();
    let feed = await startServer({ dbPath: serverDb, heartbeatMs: 300 });
    feed.server.ingest([opened({ id: 'INC-1', severity: 'high', detectedAt: new Date(Date.now() - 60_000).toISOString() })]);
    const ana = dashboard(feed.url, 'ana');
    const bo = dashboard(feed.url, 'bo');
    await waitFor(() => ana.frame().includes('INC-1') && bo.frame().includes('INC-1'), 10_000, 'both see the incident');

    await ana.press('\r');
    await bo.press('\r');
    await ana.press(' ');
    await waitFor(() => bo.store.state('INC-1')?.checklist['alert-received']?.done === true, 10_000, 'the tick reaches bo');
    await waitFor(() => /\[x\] Alert received.*ana/.test(bo.frame()), 10_000, "bo's screen shows ana's tick");
    await waitFor(() => ana.store.outboxSize() === 0, 10_000, "ana's tick acked");

    const port = feed.port;
    await feed.close();
    await waitFor(() => ana.client.status.state !== 'live', 10_000, 'ana sees the feed go');
    await ana.press('j');
    await ana.press(' ');
    expect(ana.store.outboxSize()).toBe(1);
    await waitFor(() => /\[x\] Initial validation.*⌛ pending/.test(ana.frame()), 5_000, 'the queued tick shown as pending');

    feed = await startServer({ dbPath: serverDb, port, heartbeatMs: 300 });
    cleanup.push(feed.close);
    await waitFor(() => ana.store.outboxSize() === 0, 15_000, 'the queued tick delivered');
    await waitFor(() => bo.store.state('INC-1')?.checklist['initial-validation']?.done === true, 15_000, 'bo receives it');
    const ticks = feed.store.eventsOf('INC-1').filter((e) => e.kind === 'checklist.set');
    expect(ticks).toHaveLength(2);
    await waitFor(() => /\[x\] Initial validation.*ana/.test(bo.frame()) && !ana.frame().includes('⌛ pending'), 10_000, 'confirmed on both');
  }, 60_000);
});
