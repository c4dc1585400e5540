import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, message: string, fields?: Record<string, unknown>): void;
  /** Never write this value, wherever it appears. */
  redact(secret: string): void;
  close(): Promise<void>;
}

const SECRET_KEYS = /token|authorization|password|secret/i;

/**
 * JSON-lines logger. Secrets are scrubbed twice: by field name, and by value wherever a
 * registered secret appears in any string, so a token cannot leak through an error message.
 */
export function createLogger(sink: NodeJS.WritableStream | string | null, minLevel: Level = 'info'): Logger {
  const order: Level[] = ['debug', 'info', 'warn', 'error'];
  const secrets: string[] = [];
  let stream: NodeJS.WritableStream | WriteStream | null = null;
  if (typeof sink === 'string') {
    mkdirSync(dirname(sink), { recursive: true, mode: 0o700 });
    stream = createWriteStream(sink, { flags: 'a', mode: 0o600 });
  } else {
    stream = sink;
  }
  const scrub = (text: string) => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
  return {
    log(level, message, fields = {}) {
      if (!stream || order.indexOf(level) < order.indexOf(minLevel)) return;
      const clean: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(fields)) clean[k] = SECRET_KEYS.test(k) ? '[redacted]' : v;
      const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...clean });
      stream.write(`${scrub(line)}\n`);
    },
    redact(secret) {
      if (secret.length >= 4) secrets.push(secret);
    },
    close() {
      return new Promise((resolve) => {
        if (stream && typeof sink === 'string') (stream as WriteStream).end(() => resolve());
        else resolve();
      });
    },
  };
}
