import { Box, Text } from 'ink';
import type { LiveQueue } from '../../domain/queues.ts';
import { useNow } from '../context/clock-context.tsx';
import { useTheme } from '../context/theme-context.tsx';
import { visibleRows } from '../model/layout.ts';
import { formatRow } from '../model/row-format.ts';
import { Segments } from './Segments.tsx';

/** One severity queue in `height` lines: a title with counts, the rows that fit, and `+N more`. */
export function QueuePanel({ queue, width, height }: { queue: LiveQueue; width: number; height: number }) {
  const theme = useTheme();
  const now = useNow();
  const { shown, more } = visibleRows(queue.rows.length, height);
  const title = `${queue.severity.toUpperCase()}  open ${queue.open}  breached ${queue.breached}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={theme.severity[queue.severity]} inverse={queue.breached > 0}>
        {` ${title} `.padEnd(width)}
      </Text>
      {queue.rows.length === 0 && height > 1 ? <Text color={theme.muted}>  no open incidents</Text> : null}
      {queue.rows.slice(0, shown).map((row) => (
        <Segments key={row.key} segments={formatRow(row, now, width)} />
      ))}
      {more > 0 ? <Text color={theme.muted}>{`  +${more} more`}</Text> : null}
    </Box>
  );
}
