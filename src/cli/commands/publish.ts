import { parseEventLines } from '../../domain/ndjson.ts';
import { publishEvents } from '../../feed/publisher.ts';
import { type Command, str, UsageError } from '../command.ts';
import { readText } from '../files.ts';
import { readCa, readToken } from '../secrets.ts';

export const publishCommand: Command = {
  name: 'publish',
  summary: 'publish NDJSON events to a feed',
  help: `usage: socwall publish FILE.ndjson --url ws://HOST:PORT/ [--token-file F] [--ca FILE]

Sends every valid line as a publish frame and waits for its ack. Bad lines are reported with
their line numbers and not sent. The token comes from --token-file or SOCWALL_TOKEN.`,
  options: { url: { type: 'string' }, 'token-file': { type: 'string' }, ca: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('publish takes exactly one FILE.ndjson');
    const url = str(args, 'url');
    if (!url) throw new UsageError('publish needs --url ws://HOST:PORT/');
    const { events, errors } = parseEventLines(readText(file));
    for (const e of errors) io.err(`${file}:${e.line}: ${e.reason}`);
    const token = readToken(str(args, 'token-file'), io.err);
    let result;
    try {
      result = await publishEvents(url, events.map((e) => e.event), { token, ca: readCa(str(args, 'ca')) });
    } catch (e) {
      io.err(`socwall publish: ${(e as Error).message}`);
      return 1;
    }
    for (const r of result.rejected) io.err(`rejected ${r.id}: ${r.reason}`);
    io.out(`published ${result.acked} events (${result.rejected.length} rejected by the feed, ${errors.length} bad lines)`);
    return errors.length || result.rejected.length ? 1 : 0;
  },
};
