import { Box } from 'ink';
import type { LiveQueue } from '../../domain/queues.ts';
import { allocateRows, FOUR_ACROSS } from '../model/layout.ts';
import { QueuePanel } from './QueuePanel.tsx';

const GAP = 1;

/** Wide layout: queues side by side — all four across on a very wide wall, else two by two. */
export function QueueColumns({ queues, width, height, focus }: { queues: LiveQueue[]; width: number; height: number; focus?: { queue: number; row: number } }) {
  const across = width >= FOUR_ACROSS ? 4 : 2;
  const columnWidth = Math.floor((width - GAP * (across - 1)) / across);
  const bands: LiveQueue[][] = [];
  for (let i = 0; i < queues.length; i += across) bands.push(queues.slice(i, i + across));
  const bandHeights = allocateRows(
    bands.map((band) => Math.max(...band.map((q) => q.rows.length))),
    height,
  );
  return (
    <Box flexDirection="column" width={width} height={height}>
      {bands.map((band, b) => (
        <Box key={b} flexDirection="row" height={bandHeights[b]!}>
          {band.map((q, i) => {
            const index = b * across + i;
            return (
            <Box key={q.severity} marginLeft={i === 0 ? 0 : GAP}>
              <QueuePanel queue={q} width={columnWidth} height={bandHeights[b]!} {...(focus?.queue === index ? { selected: focus.row } : {})} />
            </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
