import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

/** Anything that reports a size and says when it changes: the real stdout, or a test's. */
export interface SizeSource {
  columns?: number;
  rows?: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

const SizeContext = createContext<TerminalSize | undefined>(undefined);

const read = (s: SizeSource): TerminalSize => ({ columns: s.columns || 80, rows: s.rows || 24 });

/** One resize listener for the whole app (Ink 6.8 has no useWindowSize). */
export function SizeProvider({ source, children }: { source: SizeSource; children: ReactNode }) {
  const [size, setSize] = useState(() => read(source));
  useEffect(() => {
    const onResize = () => setSize(read(source));
    source.on('resize', onResize);
    return () => void source.off('resize', onResize);
  }, [source]);
  return <SizeContext.Provider value={size}>{children}</SizeContext.Provider>;
}

export function useTerminalSize(): TerminalSize {
  const size = useContext(SizeContext);
  if (!size) throw new Error('useTerminalSize must be used inside <SizeProvider>');
  return size;
}
