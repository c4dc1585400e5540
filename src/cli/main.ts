import { ConfigError } from '../config/load.ts';
import { StoreError } from '../store/db.ts';
import { type Command, type CommandIo, parse, UsageError } from './command.ts';
import { clocksCommand } from './commands/clocks.ts';
import { dbCommand } from './commands/db.ts';
import { dashCommand } from './commands/dash.ts';
import { demoCommand } from './commands/demo.ts';
import { feedCommand } from './commands/feed.ts';
import { kpiCommand } from './commands/kpi.ts';
import { exportCommand, handoffCommand, printCommand, reportCommand } from './commands/print.ts';
import { publishCommand } from './commands/publish.ts';

const COMMANDS: readonly Command[] = [demoCommand, dashCommand, feedCommand, publishCommand, clocksCommand, kpiCommand, printCommand, reportCommand, handoffCommand, exportCommand, dbCommand];

const defaultIo: CommandIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: socwall COMMAND [options]   (socwall COMMAND --help for its options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/** Runs one subcommand; returns the exit code. Expected failures print one line, never a stack. */
export async function main(argv: string[], io: CommandIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`socwall: unknown command "${name}" (try socwall --help)`);
    return 2;
  }
  try {
    const args = parse(command, rest);
    if (args === 'help') {
      io.out(command.help);
      return 0;
    }
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`socwall ${e.message.startsWith(`${name}`) ? '' : `${name}: `}${e.message}`);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof StoreError) {
      io.err(`socwall ${name}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
