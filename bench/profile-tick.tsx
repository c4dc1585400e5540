// npm run profile — a CPU profile of the wall's 1 Hz tick alone (10,000 open incidents at
// 200×50), for finding what a tick spends its time on. Open bench/tick.cpuprofile in Chrome
// DevTools (Performance → Load profile) or VS Code. PROFILE=0 only prints the tick times.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { foldAll } from '../src/domain/fold.ts';
import { MemorySource } from '../src/ui/memory-source.ts';
import { ManualTicker, mount, openIncidents, status } from './render.tsx';

const NOW = Date.parse('2026-03-06T12:00:00Z');
const ticker = new ManualTicker(NOW);
const m = mount(new MemorySource([], status(NOW), foldAll(openIncidents(10_000))), ticker);
const cpu: number[] = [];
const tick = async () => {
  const frame = m.nextFrame();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  ticker.fire();
  await frame;
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
  return performance.now() - t0;
};
await new Promise((r) => setTimeout(r, 50));
// The first minute warms the JIT and Ink's caches, as in the benchmark.
for (let i = 0; i < 60; i++) await tick();

const profiling = process.env.PROFILE !== '0';
const session = new Session();
if (profiling) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
}
const times: number[] = [];
for (let i = 0; i < 200; i++) times.push(await tick());
if (profiling) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(new URL('./tick.cpuprofile', import.meta.url), JSON.stringify(profile));
  console.log('wrote bench/tick.cpuprofile');
}
times.sort((a, b) => a - b);
const cpuTimes = cpu.slice(60).sort((a, b) => a - b);
console.log(`cpu per tick: p50 ${cpuTimes[100]!.toFixed(1)} ms, p95 ${cpuTimes[190]!.toFixed(1)} ms`);
console.log(`200 ticks: p50 ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms (profiler on: ${profiling})`);
m.unmount();
process.exit(0);
