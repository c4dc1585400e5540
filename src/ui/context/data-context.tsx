import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Config } from '../../config/schema.ts';
import { ClockCache } from '../../domain/clock-cache.ts';
import { clockContext } from '../../domain/context.ts';
import type { IncidentState } from '../../domain/fold.ts';
import type { FeedStatus } from '../../feed/client.ts';
import type { DashboardSource } from '../dashboard-source.ts';

export interface DashboardData {
  states: ReadonlyMap<string, IncidentState>;
  pending: ReadonlySet<string>;
  source: DashboardSource;
  config: Config;
  /** Every incident's clocks, computed once per transition and shared by every panel. */
  clocks: ClockCache;
  wall: boolean;
  analyst: string;
  /** Writes a file for the analyst (a printable checklist) and returns its path. */
  saveFile: (name: string, text: string) => string;
}

const DataContext = createContext<DashboardData | undefined>(undefined);
// The feed's status changes on its own cadence (every heartbeat heard): only the header needs it,
// so it has its own context and a heartbeat does not redraw every panel.
const StatusContext = createContext<FeedStatus | undefined>(undefined);

/**
 * Feed bursts become few renders: changes are gathered for `batchMs` and applied in one update.
 */
export function DataProvider(props: {
  source: DashboardSource;
  config: Config;
  wall: boolean;
  analyst: string;
  saveFile: (name: string, text: string) => string;
  batchMs?: number;
  children: ReactNode;
}) {
  const { source, batchMs = 250 } = props;
  const read = () => ({ states: source.states(), status: source.status(), pending: source.pending() });
  const [snapshot, setSnapshot] = useState(read);
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      setSnapshot(read());
    };
    const onChange = () => {
      if (!timer) timer = setTimeout(flush, batchMs);
    };
    source.on('change', onChange);
    return () => {
      source.off('change', onChange);
      clearTimeout(timer);
    };
  }, [source, batchMs]);
  const clocks = useMemo(() => new ClockCache(clockContext(props.config)), [props.config]);
  const { states, pending, status } = snapshot;
  const { config, wall, analyst, saveFile } = props;
  const value = useMemo<DashboardData>(
    () => ({ states, pending, source, config, clocks, wall, analyst, saveFile }),
    [states, pending, source, config, clocks, wall, analyst, saveFile],
  );
  return (
    <DataContext.Provider value={value}>
      <StatusContext.Provider value={status}>{props.children}</StatusContext.Provider>
    </DataContext.Provider>
  );
}

export function useFeedStatus(): FeedStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useFeedStatus must be used inside <DataProvider>');
  return status;
}

export function useDashboardData(): DashboardData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useDashboardData must be used inside <DataProvider>');
  return data;
}
