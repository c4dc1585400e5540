import { Box } from 'ink';
import { useState } from 'react';
import { useTerminalSize } from './context/size-context.tsx';
import { useKeys } from './context/key-context.tsx';
import { useDashboardData } from './context/data-context.tsx';
import { useQueues } from './hooks/use-queues.ts';
import { useBell } from './hooks/use-bell.ts';
import { computeLayout } from './model/layout.ts';
import { Header } from './components/Header.tsx';
import { QueueStack } from './components/QueueStack.tsx';
import { QueueColumns } from './components/QueueColumns.tsx';
import { WallPanel } from './components/WallPanel.tsx';
import { Footer } from './components/Footer.tsx';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { TooSmall } from './components/TooSmall.tsx';

export interface AppProps {
  onQuit: () => void;
  bell?: () => void;
}

/** Picks the layout for the terminal's size; every panel below draws itself from the contexts. */
export function App({ onQuit, bell = () => {} }: AppProps) {
  const { columns, rows } = useTerminalSize();
  const { wall, config } = useDashboardData();
  const [help, setHelp] = useState(false);
  const queues = useQueues();
  useBell(queues, config.wall.bell, bell);
  useKeys(0, { quit: onQuit, help: () => setHelp((h) => !h) });
  useKeys(100, help ? { close: () => setHelp(false), help: () => setHelp(false) } : {});

  const layout = computeLayout(columns, rows, wall);
  if (layout.kind === 'too-small') return <TooSmall columns={columns} rows={rows} />;
  const body = help ? (
    <HelpOverlay width={columns} height={layout.bodyRows} />
  ) : (
    <Box flexDirection="column" height={layout.bodyRows}>
      {layout.kind === 'wide' ? (
        <QueueColumns queues={queues} width={columns} height={layout.queueRows} />
      ) : (
        <QueueStack queues={queues} width={columns} height={layout.queueRows} />
      )}
      {wall ? <WallPanel queues={queues} width={columns} height={layout.wallPanelRows} /> : null}
    </Box>
  );
  return (
    <Box flexDirection="column" width={columns} height={layout.frameRows}>
      <Header width={columns} />
      {body}
      <Footer width={columns} />
    </Box>
  );
}
