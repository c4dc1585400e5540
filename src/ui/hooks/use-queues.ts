import { useMemo, useRef } from 'react';
import type { ClockCache } from '../../domain/clock-cache.ts';
import { isEmptyFilter, matchesFilter, parseFilter } from '../../domain/filter.ts';
import type { IncidentState } from '../../domain/fold.ts';
import { breachedCount, buildQueues, type LiveQueue, type QueueModel, QueueRows } from '../../domain/queues.ts';
import { useNow } from '../context/clock-context.tsx';
import { useDashboardData } from '../context/data-context.tsx';

/**
 * The severity queues at the app clock's `now`. Membership and order are rebuilt only when the
 * incidents change (or a future anchor arrives); each tick only recounts breaches, so a second
 * with 10,000 open incidents costs one pass over the rows, not a rebuild and sort.
 */
export function useQueues(filterText = ''): LiveQueue[] {
  const { states: all, clocks: cache } = useDashboardData();
  const now = useNow();
  const states = useMemo(() => {
    const filter = parseFilter(filterText);
    return isEmptyFilter(filter) ? all : new Map([...all].filter(([, s]) => matchesFilter(s, filter)));
  }, [all, filterText]);
  const rows = useMemo(() => new QueueRows(), [cache]);
  const built = useRef<{ states: ReadonlyMap<string, IncidentState>; cache: ClockCache; model: QueueModel } | undefined>(undefined);
  const current = built.current;
  if (!current || current.states !== states || current.cache !== cache || now >= current.model.validUntil) {
    built.current = { states, cache, model: buildQueues(states.values(), now, cache, rows) };
  }
  const model = built.current!.model;
  return useMemo(() => model.queues.map((q) => ({ ...q, breached: breachedCount(q, now) })), [model, now]);
}
