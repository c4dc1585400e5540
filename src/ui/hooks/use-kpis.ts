import { useMemo, useRef } from 'react';
import { clockContext } from '../../domain/context.ts';
import type { IncidentState } from '../../domain/fold.ts';
import { KpiIndex, type KpiReport, type KpiWindow } from '../../domain/kpi.ts';
import { useMinute, useTenSeconds } from '../context/clock-context.tsx';
import { useDashboardData } from '../context/data-context.tsx';

export interface KpiView {
  report: KpiReport;
  minute: number;
  trend: ReturnType<KpiIndex['dailyTrend']>;
  heatmap: ReturnType<KpiIndex['heatmap']>;
  pareto: ReturnType<KpiIndex['pareto']>;
}

/**
 * The KPI figures, kept current incrementally: when the incidents change, only the incidents
 * whose state object changed are re-derived; the window sums are redone then, or when the
 * minute turns (the window's edge moves) — never on every tick.
 */
export function useKpis(window: KpiWindow): KpiView {
  const { states: latest, config, clocks: cache } = useDashboardData();
  const minute = useMinute();
  // The figures take in the latest incidents at most once every ten seconds: a window sum runs
  // over every incident (100 ms at 100,000), and a busy feed or a catch-up replay changes the
  // incidents several times a second. Nobody reads a rolling MTTD to the second.
  const period = useTenSeconds();
  const adopted = useRef({ period, states: latest });
  if (adopted.current.period !== period) adopted.current = { period, states: latest };
  const { states } = adopted.current;
  const ctx = useMemo(() => clockContext(config), [config]);
  const held = useRef<{ index: KpiIndex; seen: ReadonlyMap<string, IncidentState> } | undefined>(undefined);
  if (!held.current) held.current = { index: new KpiIndex(ctx), seen: new Map() };
  const { index } = held.current;
  if (held.current.seen !== states) {
    const before = held.current.seen;
    for (const [id, state] of states) if (before.get(id) !== state) index.update(state);
    held.current.seen = states;
  }
  const report = useMemo(() => {
    // Once a minute is enough for window figures: they are computed at the minute's last instant.
    // Breaches are counted as the minute began — a moment already passed, so the clocks the
    // queues computed for this minute serve (the shared cache never answers for a later time).
    const end = minute * 60_000 + 59_999;
    return index.compute(end, window, config.kpi, (id) => {
      const s = states.get(id);
      return s ? cache.clocks(s, minute * 60_000).filter((c) => c.state === 'breached').length : 0;
    });
  }, [index, states, window, minute, config, cache]);
  // The panel's trend, heat-map and bars follow the same cadence as the figures.
  const extras = useMemo(() => {
    const end = minute * 60_000 + 59_999;
    return { trend: index.dailyTrend(end, 30), heatmap: index.heatmap(), pareto: index.pareto(end, window, 4) };
  }, [report, index, minute, window]);
  return { report, minute, ...extras };
}
