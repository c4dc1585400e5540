import { useMemo, useRef } from 'react';
import { ClockCache } from '../../domain/clock-cache.ts';
import { clockContext } from '../../domain/context.ts';
import type { IncidentState } from '../../domain/fold.ts';
import { KpiIndex, type KpiReport, type KpiWindow } from '../../domain/kpi.ts';
import { useNow } from '../context/clock-context.tsx';
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
  const { states, config } = useDashboardData();
  const now = useNow();
  const ctx = useMemo(() => clockContext(config), [config]);
  const cache = useMemo(() => new ClockCache(ctx), [ctx]);
  const held = useRef<{ index: KpiIndex; seen: ReadonlyMap<string, IncidentState> } | undefined>(undefined);
  if (!held.current) held.current = { index: new KpiIndex(ctx), seen: new Map() };
  const { index } = held.current;
  if (held.current.seen !== states) {
    const before = held.current.seen;
    for (const [id, state] of states) if (before.get(id) !== state) index.update(state);
    held.current.seen = states;
  }
  const minute = Math.floor(now / 60_000);
  const report = useMemo(
    () =>
      index.compute(minute * 60_000 + 59_999, window, config.kpi, (id) => {
        const s = states.get(id);
        return s ? cache.clocks(s, now).filter((c) => c.state === 'breached').length : 0;
      }),
    // `now` is read inside only through `minute`: once a minute is enough for window figures.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, states, window, minute, config, cache],
  );
  // The panel's trend, heat-map and bars follow the same cadence as the figures.
  const extras = useMemo(() => {
    const end = minute * 60_000 + 59_999;
    return { trend: index.dailyTrend(end, 30), heatmap: index.heatmap(), pareto: index.pareto(end, window, 4) };
  }, [report, index, minute, window]);
  return { report, minute, ...extras };
}
