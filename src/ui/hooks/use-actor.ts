import { useCallback } from 'react';
import type { Actor } from '../../domain/actions.ts';
import { useDashboardData } from '../context/data-context.tsx';
import { timeOrderedId } from '../event-ids.ts';

/** A fresh idempotency key (time-ordered: see event-ids.ts) and the moment of the key press, attributed to the analyst. */
export function useActor(): () => Actor {
  const { analyst } = useDashboardData();
  return useCallback(() => {
    const at = Date.now();
    return { id: timeOrderedId(at), at, by: analyst };
  }, [analyst]);
}
