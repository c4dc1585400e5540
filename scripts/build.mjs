// npm run build (and npm install, through `prepare`): src/ → dist/, then a stamp recording when.
// Plain JavaScript, so it runs before anything is built. Without TypeScript installed (an install
// that omitted dev dependencies) it says so and leaves bin/socwall.js to run the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = `${root}node_modules/typescript/bin/tsc`;
if (!existsSync(tsc)) {
  console.log('socwall build: TypeScript is not installed; bin/socwall.js will run the sources through tsx.');
  process.exit(0);
}
rmSync(`${root}dist`, { recursive: true, force: true });
const built = spawnSync(process.execPath, [tsc, '-p', `${root}tsconfig.build.json`], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
writeFileSync(`${root}dist/.built`, `${new Date().toISOString()}\n`);
