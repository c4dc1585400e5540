import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './command.ts';

/** The bearer token: `--token-file F`, else `SOCWALL_TOKEN`. Never echoed, never logged. */
export function readToken(tokenFile: string | undefined, warn: (text: string) => void): string | undefined {
  if (tokenFile) {
    let text: string;
    try {
      text = readFileSync(tokenFile, 'utf8');
      if (statSync(tokenFile).mode & 0o077) warn(`warning: ${tokenFile} is readable by other users; chmod 600 it`);
    } catch (e) {
      throw new UsageError(`cannot read token file ${tokenFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const token = text.trim();
    if (!token) throw new UsageError(`token file ${tokenFile} is empty`);
    return token;
  }
  const env = process.env.SOCWALL_TOKEN?.trim();
  return env ? env : undefined;
}

export function readCa(caFile: string | undefined): Buffer | undefined {
  if (!caFile) return undefined;
  try {
    return readFileSync(caFile);
  } catch (e) {
    throw new UsageError(`cannot read CA file ${caFile} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
