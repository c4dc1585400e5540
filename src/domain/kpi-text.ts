import { formatSeconds, type Figure, type KpiReport } from './kpi.ts';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`);
const mark = (f: Figure) => (f.pass === null ? '  ' : f.pass ? '✔ PASS' : '✖ FAIL');

/** One figure as printed: value, target, pass or fail, and how many incidents it was computed from. */
export function figureLines(r: KpiReport): [string, string, string, string][] {
  const t = r.figures;
  return [
    ['MTTD (all)', formatSeconds(r.mttdSeconds), '', `${t.mttd.count} incidents with occurredAt`],
    ['MTTD (high+critical)', formatSeconds(r.mttdHighSeconds), `≤ ${formatSeconds(t.mttdHigh.target ?? null)} ${mark(t.mttdHigh)}`, `${t.mttdHigh.count} incidents`],
    ['MTTR (triage→contain)', formatSeconds(r.mttrSeconds), '', `${t.mttr.count} contained`],
    ['Report completion', pct(r.reportCompletionRate), `≥ ${pct(t.reportCompletion.target ?? null)} ${mark(t.reportCompletion)}`, `${r.counts.postMortemsInTime} of ${t.reportCompletion.count} post-mortems due`],
    ['Repeat incidents', pct(r.repeatIncidentRatio), `≤ ${pct(t.repeatRatio.target ?? null)} ${mark(t.repeatRatio)}`, `${r.counts.repeats} of ${t.repeatRatio.count} opened`],
    ['Satisfaction', r.satisfaction === null ? '—' : r.satisfaction.toFixed(2), `≥ ${t.satisfaction.target} ${mark(t.satisfaction)}`, `${t.satisfaction.count} surveys`],
  ];
}
