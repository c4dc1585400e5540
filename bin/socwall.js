#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's ESM loader, so `npm install && npm start` needs no build.
import { register } from 'tsx/esm/api';

// React's development build does several times the work per render; a wall renders every second.
process.env.NODE_ENV ??= 'production';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
