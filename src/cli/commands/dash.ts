import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig, userConfigPath } from '../../config/load.ts';
import { defaultDbPath } from '../../store/db.ts';
import { KeymapError } from '../../ui/keys/keymap.ts';
import { type Command, type Options, type ParsedArgs, str, UsageError } from '../command.ts';
import { readCa, readToken } from '../secrets.ts';

export const defaultLogPath = () =>
  join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'socwall', 'socwall.log');

export const dashOptions: Options = {
  wall: { type: 'boolean' },
  db: { type: 'string' },
  analyst: { type: 'string' },
  config: { type: 'string' },
  'token-file': { type: 'string' },
  ca: { type: 'string' },
  insecure: { type: 'boolean' },
  log: { type: 'string' },
};

export const dashOptionHelp = `  --wall            wall mode: read-only, rotates the most urgent incidents, big countdown
  --db FILE         local store (default: $XDG_DATA_HOME/socwall/socwall.db)
  --analyst NAME    who actions are attributed to (default: SOCWALL_ANALYST, else the OS user)
  --config FILE     user config (default: $XDG_CONFIG_HOME/socwall/config.json if present)
  --token-file F    bearer token for the feed (else SOCWALL_TOKEN)
  --ca FILE         CA bundle for wss:// to a private CA
  --insecure        allow a token over plain ws:// to a non-loopback host (development only)
  --log FILE        log file (default: $XDG_STATE_HOME/socwall/socwall.log); nothing is logged over the screen`;

export async function startDashboard(args: ParsedArgs, url: string, dbPath: string, logFile: string): Promise<number> {
  if (!process.stdout.isTTY) throw new UsageError('the dashboard needs a terminal on stdout');
  const { config } = loadConfig(userConfigPath(str(args, 'config')));
  const { runDashboard } = await import('../../ui/run-dashboard.tsx');
  try {
    return await runDashboard({
      url,
      dbPath,
      config,
      wall: Boolean(args.values.wall),
      analyst: str(args, 'analyst'),
      token: readToken(str(args, 'token-file'), (t) => process.stderr.write(`${t}\n`)),
      ca: readCa(str(args, 'ca')),
      insecure: Boolean(args.values.insecure),
      logFile,
      printDir: join(dirname(logFile), 'prints'),
    });
  } catch (e) {
    if (e instanceof KeymapError) throw new UsageError(e.message);
    throw e;
  }
}

export const dashCommand: Command = {
  name: 'dash',
  summary: 'the live wall and analyst screen, subscribed to a feed',
  help: `usage: socwall dash --url ws://HOST:PORT/ [options]

  --url URL         the feed (ws:// or wss://)
${dashOptionHelp}`,
  options: { url: { type: 'string' }, ...dashOptions },
  async run(args) {
    const url = str(args, 'url');
    if (!url) throw new UsageError('dash needs --url ws://HOST:PORT/');
    try {
      new URL(url);
    } catch {
      throw new UsageError(`--url "${url}" is not a URL`);
    }
    return startDashboard(args, url, str(args, 'db') ?? defaultDbPath(), str(args, 'log') ?? defaultLogPath());
  },
};
