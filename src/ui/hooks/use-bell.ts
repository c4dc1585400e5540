import { useEffect, useRef } from 'react';
import { type Queue, rowState } from '../../domain/queues.ts';
import { useNow } from '../context/clock-context.tsx';

/** Rings once whenever a clock turns due-soon or breached (off unless the config asks for it). */
export function useBell(queues: readonly Queue[], enabled: boolean, ring: () => void): void {
  const now = useNow();
  const seen = useRef<Map<string, string> | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    const current = new Map<string, string>();
    for (const q of queues) for (const r of q.rows) current.set(`${r.key}/${r.next?.rule}`, rowState(r, now) ?? '');
    const before = seen.current;
    seen.current = current;
    if (!before) return;
    for (const [k, state] of current) {
      if ((state === 'due-soon' || state === 'breached') && before.get(k) !== state && before.has(k)) {
        ring();
        return;
      }
    }
  }, [queues, now, enabled, ring]);
}
