import { Box } from 'ink';
import type { LiveQueue } from '../../domain/queues.ts';
import { allocateRows } from '../model/layout.ts';
import { QueuePanel } from './QueuePanel.tsx';

/** Compact layout: the four queues one above the other, rows shared out by need. */
export function QueueStack({ queues, width, height, focus }: { queues: LiveQueue[]; width: number; height: number; focus?: { queue: number; row: number } }) {
  const heights = allocateRows(
    queues.map((q) => q.rows.length),
    height,
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {queues.map((q, i) => (
        <QueuePanel key={q.severity} queue={q} width={width} height={heights[i]!} {...(focus?.queue === i ? { selected: focus.row } : {})} />
      ))}
    </Box>
  );
}
