#!/usr/bin/env -S node --max-semi-space-size=4
// --max-semi-space-size=4: a wall allocates little per second, and V8's default young generation
// (up to 16 MB a semi-space) only holds on to memory: 4 MB keeps the dashboard with 10,000 open
// incidents near 175 MB resident instead of 210 MB, for about one point of idle CPU more.
// (npm start passes it too; `node bin/socwall.js` alone does not.)
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
