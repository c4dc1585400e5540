import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { TickSource } from '../clock/ticker.ts';

const ClockContext = createContext<number | undefined>(undefined);
// The same clock at minute and ten-second resolution: what changes that seldom (the KPI windows
// and figures) subscribes there, so it is not redrawn on every second's tick.
const MinuteContext = createContext<number | undefined>(undefined);
const TenSecondsContext = createContext<number | undefined>(undefined);

/** Provides `now`, updated by the app's single ticker; every countdown derives from it. */
export function ClockProvider({ ticker, children }: { ticker: TickSource; children: ReactNode }) {
  const [now, setNow] = useState(() => ticker.current() - (ticker.current() % 1000));
  useEffect(() => ticker.subscribe(setNow), [ticker]);
  return (
    <ClockContext.Provider value={now}>
      <MinuteContext.Provider value={Math.floor(now / 60_000)}>
        <TenSecondsContext.Provider value={Math.floor(now / 10_000)}>{children}</TenSecondsContext.Provider>
      </MinuteContext.Provider>
    </ClockContext.Provider>
  );
}

export function useNow(): number {
  const now = useContext(ClockContext);
  if (now === undefined) throw new Error('useNow must be used inside <ClockProvider>');
  return now;
}

/** Minutes since the epoch at the app clock; changes once a minute. */
export function useMinute(): number {
  const minute = useContext(MinuteContext);
  if (minute === undefined) throw new Error('useMinute must be used inside <ClockProvider>');
  return minute;
}

/** Ten-second periods since the epoch at the app clock; changes every ten seconds. */
export function useTenSeconds(): number {
  const period = useContext(TenSecondsContext);
  if (period === undefined) throw new Error('useTenSeconds must be used inside <ClockProvider>');
  return period;
}
