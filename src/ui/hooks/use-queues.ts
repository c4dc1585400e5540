import { useMemo } from 'react';
import { ClockCache } from '../../domain/clock-cache.ts';
import { clockContext } from '../../domain/context.ts';
import { buildQueues, type Queue } from '../../domain/queues.ts';
import { useNow } from '../context/clock-context.tsx';
import { useDashboardData } from '../context/data-context.tsx';

/** The severity queues at the app clock's `now`; clocks are recomputed only when they can have changed. */
export function useQueues(): Queue[] {
  const { states, config } = useDashboardData();
  const now = useNow();
  const cache = useMemo(() => new ClockCache(clockContext(config)), [config]);
  return useMemo(() => buildQueues(states.values(), now, cache), [states, now, cache]);
}
