import type { Config } from '../config/schema.ts';
import { App, type AppProps } from './App.tsx';
import type { TickSource } from './clock/ticker.ts';
import { ClockProvider } from './context/clock-context.tsx';
import { DataProvider } from './context/data-context.tsx';
import { KeyProvider } from './context/key-context.tsx';
import { type SizeSource, SizeProvider } from './context/size-context.tsx';
import { ThemeProvider } from './context/theme-context.tsx';
import type { DashboardSource } from './dashboard-source.ts';
import type { ResolvedKeymap } from './keys/keymap.ts';
import type { Theme } from './theme.ts';

export interface RootProps extends AppProps {
  source: DashboardSource;
  config: Config;
  ticker: TickSource;
  size: SizeSource;
  keymap: ResolvedKeymap;
  theme: Theme;
  wall: boolean;
  analyst: string;
  batchMs?: number;
  interactive?: boolean;
  saveFile?: (name: string, text: string) => string;
}

const noFiles = (): string => {
  throw new Error('this display cannot write files');
};

/** Every context the app reads, in one place: clock, size, data, keys, theme. */
export function Root(props: RootProps) {
  return (
    <ClockProvider ticker={props.ticker}>
      <SizeProvider source={props.size}>
        <ThemeProvider theme={props.theme}>
          <DataProvider
            source={props.source}
            config={props.config}
            wall={props.wall}
            analyst={props.analyst}
            saveFile={props.saveFile ?? noFiles}
            batchMs={props.batchMs}
          >
            <KeyProvider keymap={props.keymap} interactive={props.interactive ?? true}>
              <App onQuit={props.onQuit} bell={props.bell} />
            </KeyProvider>
          </DataProvider>
        </ThemeProvider>
      </SizeProvider>
    </ClockProvider>
  );
}
