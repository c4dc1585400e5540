#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (built by `npm install` through `prepare`, or by
// `npm run build`) while it is newer than every file in src/; otherwise the TypeScript sources
// through tsx's loader, so an edited source is never run stale. The compiled path matters for a
// wall: tsx's loader thread and source maps cost about 70 MB of memory and slow the start.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// React's development build does several times the work per render; a wall renders every second.
process.env.NODE_ENV ??= 'production';

const root = fileURLToPath(new URL('..', import.meta.url));

function builtIsCurrent() {
  let built;
  try {
    built = statSync(`${root}dist/.built`).mtimeMs;
  } catch {
    return false;
  }
  for (const file of readdirSync(`${root}src`, { recursive: true })) {
    if (statSync(`${root}src/${file}`).mtimeMs > built) return false;
  }
  return true;
}

let main;
if (process.env.SOCWALL_FROM_SOURCE !== '1' && builtIsCurrent()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
