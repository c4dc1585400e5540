import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { TickSource } from '../clock/ticker.ts';

const ClockContext = createContext<number | undefined>(undefined);

/** Provides `now`, updated by the app's single ticker; every countdown derives from it. */
export function ClockProvider({ ticker, children }: { ticker: TickSource; children: ReactNode }) {
  const [now, setNow] = useState(() => ticker.current() - (ticker.current() % 1000));
  useEffect(() => ticker.subscribe(setNow), [ticker]);
  return <ClockContext.Provider value={now}>{children}</ClockContext.Provider>;
}

export function useNow(): number {
  const now = useContext(ClockContext);
  if (now === undefined) throw new Error('useNow must be used inside <ClockProvider>');
  return now;
}
