import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

/** "SWAL" — marks a file as socwall's, so another program's SQLite database is never mistaken for ours. */
export const APPLICATION_ID = 0x5357414c;

export class StoreError extends Error {
  override name = 'StoreError';
}

export function defaultDbPath(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'socwall', 'socwall.db');
}

const SQLITE_HEADER = 'SQLite format 3\0';

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** FULL sync: every commit survives power loss, at a cost in write speed. */
  durable?: boolean;
}

/**
 * Opens (or creates, mode 0600) a socwall database and brings its schema up to date.
 * Anything that is not a socwall database, or is damaged, is refused with a clear error and left untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const fresh = !existsSync(path) || statSync(path).size === 0;
  if (fresh) {
    if (options.readonly) throw new StoreError(`${path}: no database here`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    closeSync(openSync(path, 'a', 0o600));
  } else if (readHeader(path) !== SQLITE_HEADER) {
    throw new StoreError(`${path}: not an SQLite database (socwall will not touch it)`);
  }
  chmodSync(path, 0o600);

  let db: Db;
  try {
    db = new Database(path, { fileMustExist: true, readonly: options.readonly ?? false });
  } catch (e) {
    throw new StoreError(`${path}: cannot open database (${(e as Error).message})`);
  }
  try {
    checkOwnership(db, path);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db, path);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) chmodSync(path + suffix, 0o600);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof StoreError) throw e;
    throw new StoreError(describeSqliteError(path, e));
  }
}

function checkOwnership(db: Db, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").get() as { n: number };
  if (appId !== 0 || tables.n > 0) {
    throw new StoreError(`${path}: this is another program's database, not socwall's (socwall will not touch it)`);
  }
}

function migrate(db: Db, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new StoreError(`${path}: written by a newer socwall (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}

export function describeSqliteError(path: string, e: unknown): string {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return `${path}: the database is damaged (${(e as Error).message}); socwall never resets it — move it aside or restore a backup`;
  }
  return `${path}: ${(e as Error).message}`;
}
