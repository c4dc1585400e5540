import { Box } from 'ink';
import { useState } from 'react';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { Prompt } from './components/Prompt.tsx';
import { QueueColumns } from './components/QueueColumns.tsx';
import { QueueStack } from './components/QueueStack.tsx';
import { TooSmall } from './components/TooSmall.tsx';
import { WallPanel } from './components/WallPanel.tsx';
import { useDashboardData } from './context/data-context.tsx';
import { useKeys } from './context/key-context.tsx';
import { useTerminalSize } from './context/size-context.tsx';
import { useBell } from './hooks/use-bell.ts';
import { useQueues } from './hooks/use-queues.ts';
import { computeLayout, KPI_PANEL_COLUMNS } from './model/layout.ts';
import { KpiPanel } from './components/KpiPanel.tsx';
import { useNow } from './context/clock-context.tsx';
import type { KpiWindow } from '../domain/kpi.ts';

const WALL_WINDOWS: KpiWindow[] = ['24h', '7d', '30d'];
import { DetailScreen } from './screens/DetailScreen.tsx';
import { focusOf } from './state/navigation.ts';
import { useNavigation } from './state/use-navigation.ts';

export interface AppProps {
  onQuit: () => void;
  bell?: () => void;
}

/** Picks the screen and the layout; every panel below draws itself from the contexts. */
export function App({ onQuit, bell = () => {} }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const { wall, config, states } = useDashboardData();
  const { nav, dispatch, latest } = useNavigation();
  const now = useNow();
  const [filtering, setFiltering] = useState(false);
  const queues = useQueues(nav.filter);
  useBell(queues, config.wall.bell, bell);
  const layout = computeLayout(columns, rows, wall && nav.screen === 'queues');
  const sizes = queues.map((q) => q.rows.length);
  const { queue: queueIndex, row: selected } = focusOf(nav, sizes);

  useKeys(0, { quit: onQuit, help: () => dispatch({ type: 'help' }) });
  useKeys(100, nav.help ? { close: () => dispatch({ type: 'help', show: false }), help: () => dispatch({ type: 'help', show: false }) } : {});
  useKeys(
    5,
    nav.screen === 'queues' && !nav.help && !wall
      ? {
          up: () => dispatch({ type: 'move', by: -1, sizes }),
          down: () => dispatch({ type: 'move', by: 1, sizes }),
          'next-panel': () => dispatch({ type: 'panel', by: 1, sizes }),
          'prev-panel': () => dispatch({ type: 'panel', by: -1, sizes }),
          // A campaign row opens its first member.
          open: () => dispatch({ type: 'open-selected', ids: queues.map((q) => q.rows.map((r) => r.state.id)) }),
          filter: () => setFiltering(true),
          kpi: () => dispatch({ type: 'kpi-page' }),
          'window-prev': () => dispatch({ type: 'kpi-window', by: -1 }),
          'window-next': () => dispatch({ type: 'kpi-window', by: 1 }),
        }
      : {},
  );

  if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} />;
  const say = (text: string, tone: 'info' | 'error' = 'info') => dispatch({ type: 'message', text, tone });
  const detailState = nav.detailId ? states.get(nav.detailId) : undefined;

  let body;
  if (nav.help) {
    body = <HelpOverlay width={columns} height={layout.bodyRows} screen={nav.screen} />;
  } else if (nav.screen === 'detail' && detailState?.incident) {
    body = (
      <DetailScreen
        state={detailState}
        {...(nav.message?.tone === 'error' ? { error: nav.message.text } : {})}
        item={nav.item}
        latestItem={() => latest().item}
        width={columns}
        height={layout.bodyRows}
        onBack={() => dispatch({ type: 'back' })}
        onItem={(by, items) => dispatch({ type: 'item', by, items })}
        say={say}
      />
    );
  } else {
    const focus = wall ? undefined : { queue: queueIndex, row: selected };
    const filterRows = filtering ? 5 : 0;
    const queueRows = layout.queueRows - filterRows;
    const slot = Math.floor(now / 1000 / config.wall.rotateSeconds);
    // The wall cycles the KPI window, and on a small wall every fourth slot shows the KPI page.
    const kpiWindow = wall ? WALL_WINDOWS[slot % WALL_WINDOWS.length]! : nav.kpiWindow;
    const kpiPage = layout.kind !== 'wide' && (wall ? slot % 4 === 3 : nav.kpiPage);
    const queueWidth = layout.kind === 'wide' ? columns - KPI_PANEL_COLUMNS - 1 : columns;
    body = (
      <Box flexDirection="column" height={layout.bodyRows}>
        {kpiPage ? (
          <KpiPanel window={kpiWindow} width={columns} height={queueRows} />
        ) : layout.kind === 'wide' ? (
          <Box flexDirection="row" height={queueRows}>
            <QueueColumns queues={queues} width={queueWidth} height={queueRows} {...(focus ? { focus } : {})} />
            <Box marginLeft={1}>
              <KpiPanel window={kpiWindow} width={KPI_PANEL_COLUMNS} height={queueRows} />
            </Box>
          </Box>
        ) : (
          <QueueStack queues={queues} width={columns} height={queueRows} {...(focus ? { focus } : {})} />
        )}
        {filtering ? (
          <Prompt
            label="Filter (e.g. sev:high region:emea type:phishing assignee:ana words) — empty clears"
            hint="Enter applies · Esc cancels"
            width={Math.min(columns, 100)}
            onSubmit={(text) => {
              setFiltering(false);
              dispatch({ type: 'filter', text });
            }}
            onCancel={() => setFiltering(false)}
          />
        ) : null}
        {wall ? <WallPanel queues={queues} width={columns} height={layout.wallPanelRows} /> : null}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={layout.frameRows}>
      <Header width={columns} />
      {body}
      <Footer width={columns} screen={nav.help ? 'help' : nav.screen} filter={nav.filter} {...(nav.message ? { message: nav.message } : {})} />
    </Box>
  );
}
