import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { stripVTControlCharacters } from 'node:util';
import { loadConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import type { IncidentEvent } from '../../src/domain/event.ts';
import { foldAll, type IncidentState } from '../../src/domain/fold.ts';
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

/** A DashboardSource over fixed events, whose status a test can change. */
export class FixedSource extends EventEmitter implements DashboardSource {
  private map: Map<string, IncidentState>;
  constructor(
    private readonly events: IncidentEvent[],
    private current: FeedStatus,
  ) {
    super();
    this.map = foldAll(events);
  }
  states() {
    return this.map;
  }
  status() {
    return this.current;
  }
  setStatus(status: FeedStatus) {
    this.current = status;
    this.emit('change');
  }
  add(events: IncidentEvent[]) {
    this.events.push(...events);
    this.map = foldAll(this.events);
    this.emit('change');
  }
}

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
