import { Box } from 'ink';
import { useReducer, useState } from 'react';
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
import { initialNavigation, navigate } from './state/navigation.ts';

export interface AppProps {
  onQuit: () => void;
  bell?: () => void;
}

/** Picks the screen and the layout; every panel below draws itself from the contexts. */
export function App({ onQuit, bell = () => {} }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const { wall, config, states } = useDashboardData();
  const [nav, dispatch] = useReducer(navigate, initialNavigation);
  const now = useNow();
  const [filtering, setFiltering] = useState(false);
  const queues = useQueues(nav.filter);
  useBell(queues, config.wall.bell, bell);
  const layout = computeLayout(columns, rows, wall && nav.screen === 'queues');
  // An empty queue cannot hold the focus: it falls to the first queue with rows.
  const queueIndex = queues[nav.queue]?.rows.length ? nav.queue : Math.max(0, queues.findIndex((q) => q.rows.length > 0));
  const focused = queues[queueIndex];
  const selectedRow = focused?.rows[Math.min(nav.row, Math.max(0, focused.rows.length - 1))];

  useKeys(0, { quit: onQuit, help: () => dispatch({ type: 'help' }) });
  useKeys(100, nav.help ? { close: () => dispatch({ type: 'help', show: false }), help: () => dispatch({ type: 'help', show: false }) } : {});
  useKeys(
    5,
    nav.screen === 'queues' && !nav.help && !wall
      ? {
          up: () => dispatch({ type: 'move', by: -1, rows: focused?.rows.length ?? 0 }),
          down: () => dispatch({ type: 'move', by: 1, rows: focused?.rows.length ?? 0 }),
          'next-panel': () => dispatch({ type: 'panel', by: 1, sizes: queues.map((q, i) => (i === queueIndex ? 0 : q.rows.length)) }),
          'prev-panel': () => dispatch({ type: 'panel', by: -1, sizes: queues.map((q, i) => (i === queueIndex ? 0 : q.rows.length)) }),
          // A campaign row opens its first member.
          open: () => selectedRow && dispatch({ type: 'open', id: selectedRow.state.id }),
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
        width={columns}
        height={layout.bodyRows}
        onBack={() => dispatch({ type: 'back' })}
        onItem={(by, items) => dispatch({ type: 'item', by, items })}
        say={say}
      />
    );
  } else {
    const focus = wall ? undefined : { queue: queueIndex, row: Math.min(nav.row, Math.max(0, (focused?.rows.length ?? 1) - 1)) };
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
