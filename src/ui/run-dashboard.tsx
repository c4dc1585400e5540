import { render } from 'ink';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { stripVTControlCharacters } from 'node:util';
import type { Config } from '../config/schema.ts';
import { FeedClient } from '../feed/client.ts';
import { createLogger } from '../log/logger.ts';
import { openDatabase } from '../store/db.ts';
import { EventStore } from '../store/event-store.ts';
import { Ticker } from './clock/ticker.ts';
import { LiveSource } from './dashboard-source.ts';
import { resolveKeymap } from './keys/keymap.ts';
import { Root } from './Root.tsx';
import { CaptureStdout } from './terminal/capture-stdout.ts';
import { Screen } from './terminal/screen.ts';
import { pickTheme } from './theme.ts';

export interface DashboardOptions {
  url: string;
  dbPath: string;
  config: Config;
  wall: boolean;
  analyst?: string;
  token?: string;
  ca?: Buffer;
  insecure?: boolean;
  logFile: string;
  /** Where `p` writes printable checklists. */
  printDir: string;
}

/** Writes under `dir` with a timestamp, so a second print never overwrites the first. */
function savePrint(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `${stamp}-${name.replace(/[^A-Za-z0-9._-]/g, '_')}`);
  writeFileSync(path, text, { mode: 0o600 });
  return path;
}

/** The analyst: --analyst, else the config, else the OS user. */
export const analystName = (explicit: string | undefined) => explicit ?? process.env.SOCWALL_ANALYST ?? userInfo().username;

/**
 * Runs the dashboard until quit or a signal: Ink renders into memory, the Screen paints only the
 * cells that changed on the alternate screen, and the terminal is restored however it ends.
 */
export async function runDashboard(options: DashboardOptions): Promise<number> {
  const stdout = process.stdout;
  const log = createLogger(options.logFile);
  const store = new EventStore(openDatabase(options.dbPath));
  const client = new FeedClient({
    url: options.url,
    store,
    settings: options.config.feed,
    log,
    ...(options.token ? { token: options.token } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
    ...(options.insecure ? { insecure: true } : {}),
  });
  const keymap = resolveKeymap(options.config.keys, options.wall);
  const source = new LiveSource(store, client);
  const size = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const screen = new Screen(stdout, size().columns, size().rows);
  const capture = new CaptureStdout(size(), (frame) => screen.paint(frame));

  let quit!: () => void;
  const done = new Promise<void>((resolve) => (quit = resolve));
  const onResize = () => {
    screen.invalidate(size().columns, size().rows);
    capture.resize(size());
  };
  const restore = () => screen.leave();
  const onSignal = () => quit();
  // SOCWALL_FRAME_DUMP=FILE: on SIGUSR1 write the last frame as plain text, to compare with what the terminal shows.
  const dumpPath = process.env.SOCWALL_FRAME_DUMP;
  const onDump = () => dumpPath && writeFileSync(dumpPath, stripVTControlCharacters(capture.lastFrame));
  if (dumpPath) process.on('SIGUSR1', onDump);
  // The terminal went away (closed window, killed tmux): nothing left to draw on, so stop quietly.
  // (It stays attached after quitting: restoring the terminal may itself fail with EIO.)
  const onStdoutError = () => quit();
  stdout.on('error', onStdoutError);
  stdout.on('resize', onResize);
  process.on('exit', restore);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);

  screen.enter();
  const ink = render(
    <Root
      source={source}
      config={options.config}
      ticker={new Ticker()}
      size={capture}
      keymap={keymap}
      theme={pickTheme(options.config.theme)}
      wall={options.wall}
      analyst={analystName(options.analyst)}
      interactive={Boolean(process.stdin.isTTY)}
      onQuit={() => quit()}
      bell={() => stdout.write('\u0007')}
      saveFile={(name, text) => savePrint(options.printDir, name, text)}
    />,
    { stdout: capture as unknown as NodeJS.WriteStream, stdin: process.stdin, debug: true, exitOnCtrlC: false, patchConsole: false },
  );
  client.start();
  log.log('info', 'dashboard started', { url: options.url, db: options.dbPath, wall: options.wall });

  try {
    await done;
  } finally {
    ink.unmount();
    await client.stop();
    store.close();
    stdout.off('resize', onResize);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, onSignal);
    screen.leave();
    process.off('exit', restore);
    process.off('SIGUSR1', onDump);
    log.log('info', 'dashboard stopped');
    await log.close();
  }
  return 0;
}
