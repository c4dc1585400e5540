import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import type { Config } from '../../config/schema.ts';
import { ClockCache } from '../../domain/clock-cache.ts';
import { clockContext } from '../../domain/context.ts';
import type { IncidentState } from '../../domain/fold.ts';
import type { FeedStatus } from '../../feed/client.ts';
import type { DashboardSource } from '../dashboard-source.ts';

export interface DashboardData {
  states: ReadonlyMap<string, IncidentState>;
  status: FeedStatus;
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
  const value: DashboardData = {
    ...snapshot,
    source,
    config: props.config,
    clocks,
    wall: props.wall,
    analyst: props.analyst,
    saveFile: props.saveFile,
  };
  return <DataContext.Provider value={value}>{props.children}</DataContext.Provider>;
}

export function useDashboardData(): DashboardData {
  const data = useContext(DataContext);
  if (!data) throw new Error('useDashboardData must be used inside <DataProvider>');
  return data;
}
