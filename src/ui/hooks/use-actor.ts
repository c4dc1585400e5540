import { randomUUID } from 'node:crypto';
import { useCallback } from 'react';
import type { Actor } from '../../domain/actions.ts';
import { useDashboardData } from '../context/data-context.tsx';

/** A fresh idempotency key and the moment of the key press, attributed to the analyst. */
export function useActor(): () => Actor {
  const { analyst } = useDashboardData();
  return useCallback(() => ({ id: randomUUID(), at: Date.now(), by: analyst }), [analyst]);
}
