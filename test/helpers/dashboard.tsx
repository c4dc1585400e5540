import { render as inkRender } from 'ink';
import { render as renderTesting } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { FeedStatus } from '../../src/feed/client.ts';
import { Ticker } from '../../src/ui/clock/ticker.ts';
import type { DashboardSource } from '../../src/ui/dashboard-source.ts';
import { resolveKeymap } from '../../src/ui/keys/keymap.ts';
import { Root } from '../../src/ui/Root.tsx';
import { CaptureStdout } from '../../src/ui/terminal/capture-stdout.ts';
import { THEMES } from '../../src/ui/theme.ts';

export const liveStatus = (now: number, patch: Partial<FeedStatus> = {}): FeedStatus => ({
  state: 'live',
  lastHeardAt: now,
  heartbeatMs: 5_000,
  rejected: 0,
  outbox: 0,
  cursor: 0,
  ...patch,
});

/** The screen over fixed events, in memory. */
export { MemorySource as FixedSource } from '../../src/ui/memory-source.ts';

export interface SizedRender {
  frame: () => string;
  stdout: CaptureStdout;
  unmount: () => void;
}

/** The real app through Ink's real renderer, into a stdout that has `columns` and `rows`. */
export function renderSized(
  source: DashboardSource,
  size: { columns: number; rows: number },
  options: { wall?: boolean; config?: Config } = {},
): SizedRender {
  const config = options.config ?? loadConfig().config;
  const stdout = new CaptureStdout(size, () => {});
  const ink = inkRender(
    <Root
      source={source}
      config={config}
      ticker={new Ticker()}
      size={stdout}
      keymap={resolveKeymap(config.keys, options.wall ?? false)}
      theme={THEMES.dark}
      wall={options.wall ?? false}
      analyst="tester"
      interactive={false}
      batchMs={0}
      onQuit={() => {}}
    />,
    { stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false, exitOnCtrlC: false },
  );
  return { frame: () => stripVTControlCharacters(stdout.lastFrame), stdout, unmount: () => ink.unmount() };
}

/** Lets React and Ink finish what a timer started. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
}

/** The whole app through ink-testing-library (100 columns, a stdin to type into). */
export function renderRoot(
  source: DashboardSource,
  options: {
    config?: Config;
    wall?: boolean;
    analyst?: string;
    batchMs?: number;
    size?: { columns: number; rows: number };
    saveFile?: (name: string, text: string) => string;
    bell?: () => void;
  } = {},
) {
  const config = options.config ?? loadConfig().config;
  const size = options.size ?? { columns: 100, rows: 40 };
  const wall = options.wall ?? false;
  return renderTesting(
    <Root
      source={source}
      config={config}
      ticker={new Ticker()}
      size={{ ...size, on: () => {}, off: () => {} }}
      keymap={resolveKeymap(config.keys, wall)}
      theme={THEMES.dark}
      wall={wall}
      analyst={options.analyst ?? 'tester'}
      batchMs={options.batchMs ?? 0}
      {...(options.saveFile ? { saveFile: options.saveFile } : {})}
      {...(options.bell ? { bell: options.bell } : {})}
      onQuit={() => {}}
    />,
  );
}
