import { afterEach, describe, expect, it } from 'vitest';
import { LiveSource } from '../../src/ui/dashboard-source.ts';
import { renderSized, settle } from '../helpers/dashboard.tsx';
import { fastSettings, makeClient, openings, startServer, waitFor } from '../helpers/feed.ts';
import { FaultProxy } from '../helpers/proxy.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('the dashboard on a real feed', () => {
  it('shows what the feed publishes, and the header turns to alarm when heartbeats stop', async () => {
    const feed = await startServer({ heartbeatMs: 300 });
    cleanup.push(feed.close);
    feed.server.ingest(openings(3, 'WALL'));
    const proxy = new FaultProxy(feed.port);
    cleanup.push(() => proxy.close());
    await proxy.listen();
    const { client, store } = makeClient(`ws://127.0.0.1:${proxy.port}/`, { settings: fastSettings({ heartbeatMs: 300 }) });
    cleanup.push(() => client.stop());
    const source = new LiveSource(store, client);
    client.start();
    const view = renderSized(source, { columns: 120, rows: 30 });
    cleanup.push(view.unmount);
    await waitFor(() => view.frame().includes('WALL-3') && view.frame().includes('● LIVE'), 10_000, 'live rows');
    feed.server.ingest(openings(1, 'LATE'));
    await waitFor(() => view.frame().includes('LATE-1'), 10_000, 'a live event on screen');
    proxy.blackholeDown = true;
    await waitFor(() => /⚠ (STALE|RECONNECTING)/.test(view.frame().split('\n')[0]!), 10_000, 'alarm header');
    await settle();
    expect(view.frame().split('\n')[1]).toMatch(/^ ⚠ /);
    // The stored incidents stay on screen while the feed is away.
    expect(view.frame()).toContain('WALL-3');
  });
});
