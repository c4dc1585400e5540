import { type ClockContext, computeClocks } from './clocks.ts';
import { type IncidentState, isOpen } from './fold.ts';
import { SEVERITIES, type Severity } from './incident.ts';
import { DAY, toMs } from './instant.ts';

export const WINDOWS = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY } as const;
export type KpiWindow = keyof typeof WINDOWS;

/** How far back an earlier incident on the same asset or vector makes a new one a repeat. */
export const REPEAT_LOOKBACK_MS = 90 * DAY;

/**
 * What one incident contributes to the KPIs, extracted once per state change: the window sums
 * then never touch the event log, and an arriving event costs one incident's worth of work.
 */
export interface IncidentFacts {
  id: string;
  severity: Severity;
  region: string;
  open: boolean;
  openedMs: number;
  detectedMs: number;
  occurredMs?: number;
  triagedMs?: number;
  containedMs?: number;
  resolvedMs?: number;
  /** The 48 h post-mortem clock of a resolved incident. */
  postMortem?: { dueMs: number; metMs?: number };
  assets: string[];
  vector?: string;
  scores: { atMs: number; score: number }[];
}

export function factsOf(state: IncidentState, ctx: ClockContext): IncidentFacts | undefined {
  const i = state.incident;
  if (!i) return undefined;
  const facts: IncidentFacts = {
    id: state.id,
    severity: i.severity,
    region: i.region,
    open: isOpen(state),
    openedMs: state.openedAt ?? toMs(i.detectedAt),
    detectedMs: toMs(i.detectedAt),
    assets: [...new Set(i.assets)],
    scores: state.notes.filter((n) => n.score !== undefined).map((n) => ({ atMs: n.at, score: n.score! })),
  };
  if (i.occurredAt) facts.occurredMs = toMs(i.occurredAt);
  if (i.vector) facts.vector = i.vector;
  if (state.phaseAt.triaged !== undefined) facts.triagedMs = state.phaseAt.triaged;
  if (state.phaseAt.contained !== undefined) facts.containedMs = state.phaseAt.contained;
  if (state.phaseAt.resolved !== undefined) {
    facts.resolvedMs = state.phaseAt.resolved;
    const rules = ctx.rules.filter((r) => r.id === 'post-mortem');
    // Evaluated after every event of the incident, so met-ness is final; lateness is judged by `compute`.
    const clock = computeClocks(state, Math.max(state.last?.at ?? 0, facts.resolvedMs), { ...ctx, rules })[0];
    if (clock?.dueAt) facts.postMortem = { dueMs: toMs(clock.dueAt), ...(clock.metAt ? { metMs: toMs(clock.metAt) } : {}) };
  }
  return facts;
}

export interface Figure {
  /** null where nothing was counted. */
  value: number | null;
  count: number;
  target?: number;
  /** Whether the value meets its target; null where there is no value or no target. */
  pass: boolean | null;
}

export interface KpiTargets {
  mttdHighSeconds: number;
  reportCompletionRate: number;
  repeatIncidentRatio: number;
  satisfaction: number;
}

export interface KpiReport {
  window: KpiWindow;
  at: string;
  mttdSeconds: number | null;
  mttdHighSeconds: number | null;
  mttrSeconds: number | null;
  reportCompletionRate: number | null;
  repeatIncidentRatio: number | null;
  satisfaction: number | null;
  breachedBySeverity: Record<Severity, number>;
  openBySeverity: Record<Severity, number>;
  counts: {
    detected: number;
    detectedWithOccurredAt: number;
    highDetectedWithOccurredAt: number;
    contained: number;
    resolvedDue: number;
    postMortemsInTime: number;
    opened: number;
    repeats: number;
    surveys: number;
  };
  figures: { mttd: Figure; mttdHigh: Figure; mttr: Figure; reportCompletion: Figure; repeatRatio: Figure; satisfaction: Figure };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const bySeverity = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;

function figure(value: number | null, count: number, target?: number, higherIsBetter = false): Figure {
  const pass = value === null || target === undefined ? null : higherIsBetter ? value >= target : value <= target;
  return { value, count, ...(target !== undefined ? { target } : {}), pass };
}

/**
 * The incident facts of a whole store, kept current one incident at a time, with an index of
 * assets and vectors for the 90-day repeat look-back.
 */
export class KpiIndex {
  private readonly facts = new Map<string, IncidentFacts>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly ctx: ClockContext) {}

  get size(): number {
    return this.facts.size;
  }

  /** Re-derives one incident's facts after its state changed. */
  update(state: IncidentState): void {
    const old = this.facts.get(state.id);
    if (old) for (const k of keysOf(old)) this.byKey.get(k)?.delete(old.id);
    const next = factsOf(state, this.ctx);
    if (!next) {
      this.facts.delete(state.id);
      return;
    }
    this.facts.set(state.id, next);
    for (const k of keysOf(next)) {
      let set = this.byKey.get(k);
      if (!set) this.byKey.set(k, (set = new Set()));
      set.add(next.id);
    }
  }

  all(): Iterable<IncidentFacts> {
    return this.facts.values();
  }

  /** Was an earlier incident, opened at most 90 days before this one, on the same asset or vector? */
  isRepeat(f: IncidentFacts): boolean {
    for (const k of keysOf(f)) {
      for (const otherId of this.byKey.get(k) ?? []) {
        if (otherId === f.id) continue;
        const other = this.facts.get(otherId)!;
        const before = other.openedMs < f.openedMs || (other.openedMs === f.openedMs && other.id < f.id);
        if (before && f.openedMs - other.openedMs <= REPEAT_LOOKBACK_MS) return true;
      }
    }
    return false;
  }

  /**
   * The figures over the window ending at `now`. `breached` gives the breached clock count of an
   * open incident (the caller has the clocks, usually cached).
   */
  compute(now: number, window: KpiWindow, targets: KpiTargets, breached: (id: string) => number): KpiReport {
    const from = now - WINDOWS[window];
    const inWindow = (ms: number | undefined) => ms !== undefined && ms > from && ms <= now;
    const detect: number[] = [];
    const detectHigh: number[] = [];
    const respond: number[] = [];
    const scores: number[] = [];
    let detected = 0;
    let resolvedDue = 0;
    let inTime = 0;
    let opened = 0;
    let repeats = 0;
    const open = bySeverity();
    const breachedBy = bySeverity();
    for (const f of this.facts.values()) {
      if (inWindow(f.detectedMs)) {
        detected += 1;
        if (f.occurredMs !== undefined) {
          const d = Math.max(0, f.detectedMs - f.occurredMs) / 1000;
          detect.push(d);
          if (f.severity === 'high' || f.severity === 'critical') detectHigh.push(d);
        }
      }
      if (inWindow(f.containedMs) && f.triagedMs !== undefined) respond.push(Math.max(0, f.containedMs! - f.triagedMs) / 1000);
      if (inWindow(f.resolvedMs) && f.postMortem) {
        const { dueMs, metMs } = f.postMortem;
        const settled = (metMs !== undefined && metMs <= now) || dueMs <= now;
        if (settled) {
          resolvedDue += 1;
          if (metMs !== undefined && metMs <= dueMs && metMs <= now) inTime += 1;
        }
      }
      if (inWindow(f.openedMs)) {
        opened += 1;
        if (this.isRepeat(f)) repeats += 1;
      }
      for (const s of f.scores) if (inWindow(s.atMs)) scores.push(s.score);
      if (f.open) {
        open[f.severity] += 1;
        breachedBy[f.severity] += breached(f.id);
      }
    }
    const rate = (n: number, d: number) => (d ? n / d : null);
    const figures = {
      mttd: figure(mean(detect), detect.length),
      mttdHigh: figure(mean(detectHigh), detectHigh.length, targets.mttdHighSeconds),
      mttr: figure(mean(respond), respond.length),
      reportCompletion: figure(rate(inTime, resolvedDue), resolvedDue, targets.reportCompletionRate, true),
      repeatRatio: figure(rate(repeats, opened), opened, targets.repeatIncidentRatio),
      satisfaction: figure(mean(scores), scores.length, targets.satisfaction, true),
    };
    return {
      window,
      at: new Date(now).toISOString(),
      mttdSeconds: figures.mttd.value,
      mttdHighSeconds: figures.mttdHigh.value,
      mttrSeconds: figures.mttr.value,
      reportCompletionRate: figures.reportCompletion.value,
      repeatIncidentRatio: figures.repeatRatio.value,
      satisfaction: figures.satisfaction.value,
      breachedBySeverity: breachedBy,
      openBySeverity: open,
      counts: {
        detected,
        detectedWithOccurredAt: detect.length,
        highDetectedWithOccurredAt: detectHigh.length,
        contained: respond.length,
        resolvedDue,
        postMortemsInTime: inTime,
        opened,
        repeats,
        surveys: scores.length,
      },
      figures,
    };
  }

  /** Incidents detected per day, and their mean MTTD, over the `days` days ending at `now`. */
  dailyTrend(now: number, days = 30): { detected: number[]; mttdSeconds: (number | null)[] } {
    const detected = new Array<number>(days).fill(0);
    const sums = new Array<number>(days).fill(0);
    const ns = new Array<number>(days).fill(0);
    const start = now - days * DAY;
    for (const f of this.facts.values()) {
      if (f.detectedMs <= start || f.detectedMs > now) continue;
      const d = Math.min(days - 1, Math.floor((f.detectedMs - start) / DAY));
      detected[d]! += 1;
      if (f.occurredMs !== undefined) {
        sums[d]! += Math.max(0, f.detectedMs - f.occurredMs) / 1000;
        ns[d]! += 1;
      }
    }
    return { detected, mttdSeconds: sums.map((s, i) => (ns[i] ? s / ns[i]! : null)) };
  }

  /** Open incidents by region and severity. */
  heatmap(): Map<string, Record<Severity, number>> {
    const m = new Map<string, Record<Severity, number>>();
    for (const f of this.facts.values()) {
      if (!f.open) continue;
      let row = m.get(f.region);
      if (!row) m.set(f.region, (row = bySeverity()));
      row[f.severity] += 1;
    }
    return m;
  }

  /** The assets and vectors that recur most among incidents opened in the window, most first. */
  pareto(now: number, window: KpiWindow, limit = 5): { key: string; count: number }[] {
    const from = now - WINDOWS[window];
    const counts = new Map<string, number>();
    for (const f of this.facts.values()) {
      if (f.openedMs <= from || f.openedMs > now) continue;
      for (const k of keysOf(f)) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return [...counts]
      .filter(([, n]) => n > 1)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([key, count]) => ({ key, count }));
  }
}

const keysOf = (f: IncidentFacts) => [...f.assets.map((a) => `asset:${a}`), ...(f.vector ? [`vector:${f.vector}`] : [])];

/** `900` → `15m 00s`; `null` → `—`. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 86400)}d ${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}h`;
}

