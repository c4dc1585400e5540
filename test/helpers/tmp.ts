import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory per call; tests never share a database file. */
export const tempDir = (prefix = 'socwall-test-') => mkdtempSync(join(tmpdir(), prefix));
export const tempDb = () => join(tempDir(), 'socwall.db');
