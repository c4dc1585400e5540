import { createWriteStream } from 'node:fs';
import { parseEventLines } from '../../domain/ndjson.ts';
import { defaultDbPath, openDatabase } from '../../store/db.ts';
import { EventStore } from '../../store/event-store.ts';
import { type Command, str, UsageError } from '../command.ts';
import { readText } from '../files.ts';

const BATCH = 5_000;

export const dbCommand: Command = {
  name: 'db',
  summary: 'import, export or rebuild the local event store',
  help: `usage: socwall db import FILE.ndjson [--db FILE]
       socwall db export [--out FILE] [--db FILE]
       socwall db rebuild [--db FILE]

  import    load events (backfill, or moving from another tool); a bad line is reported
            with its line number and nothing of it is stored; events already stored are skipped
  export    write the whole log as NDJSON, in stored order (stdout unless --out)
  rebuild   recompute every incident's state from the log
  --db FILE the database (default: $XDG_DATA_HOME/socwall/socwall.db)`,
  options: { db: { type: 'string' }, out: { type: 'string' } },
  allowPositionals: true,
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    const path = str(args, 'db') ?? defaultDbPath();
    switch (action) {
      case 'import': {
        const [file, ...extra] = rest;
        if (!file || extra.length) throw new UsageError('db import takes exactly one FILE.ndjson');
        const { events, errors } = parseEventLines(readText(file));
        for (const e of errors) io.err(`${file}:${e.line}: ${e.reason}`);
        const store = new EventStore(openDatabase(path));
        let stored = 0;
        let duplicates = 0;
        try {
          for (let i = 0; i < events.length; i += BATCH) {
            const r = store.append(events.slice(i, i + BATCH).map((e) => e.event));
            stored += r.stored.length;
            duplicates += r.duplicates;
          }
        } finally {
          store.close();
        }
        io.out(`imported ${stored} events into ${path} (${duplicates} already stored, ${errors.length} bad lines)`);
        return errors.length ? 1 : 0;
      }
      case 'export': {
        if (rest.length) throw new UsageError('db export takes no FILE; use --out FILE');
        const store = new EventStore(openDatabase(path));
        try {
          const out = str(args, 'out');
          if (out) {
            const stream = createWriteStream(out, { mode: 0o600 });
            let n = 0;
            for (const { event } of store.events()) {
              if (!stream.write(`${JSON.stringify(event)}\n`)) await new Promise<void>((r) => stream.once('drain', () => r()));
              n += 1;
            }
            await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
            io.err(`exported ${n} events to ${out}`);
          } else {
            for (const { event } of store.events()) io.out(JSON.stringify(event));
          }
        } finally {
          store.close();
        }
        return 0;
      }
      case 'rebuild': {
        if (rest.length) throw new UsageError('db rebuild takes no arguments');
        const store = new EventStore(openDatabase(path));
        try {
          const n = store.rebuild();
          io.out(`rebuilt ${n} incidents from ${store.count()} events in ${path}`);
        } finally {
          store.close();
        }
        return 0;
      }
      default:
        throw new UsageError(action ? `db: unknown action "${action}" (use import, export or rebuild)` : 'db needs an action: import, export or rebuild');
    }
  },
};
