import { Box, Text } from 'ink';
import type { LiveQueue } from '../../domain/queues.ts';
import { useNow } from '../context/clock-context.tsx';
import { useTheme } from '../context/theme-context.tsx';
import { visibleRows } from '../model/layout.ts';
import { formatRow } from '../model/row-format.ts';
import { Line, segmentLine } from './Line.tsx';

interface Props {
  queue: LiveQueue;
  width: number;
  height: number;
  /** The selected row, when this queue has the focus. */
  selected?: number;
}

/** One severity queue in `height` lines: a title with counts, the rows that fit, and `+N more`. */
export function QueuePanel({ queue, width, height, selected }: Props) {
  const theme = useTheme();
  const now = useNow();
  const { shown, more } = visibleRows(queue.rows.length, height);
  // Scroll so the selected row is always on screen; only the rows that fit are rendered.
  const start = selected !== undefined && shown > 0 && selected >= shown ? selected - shown + 1 : 0;
  const after = Math.max(0, queue.rows.length - start - shown);
  const focus = selected !== undefined ? '▶ ' : ' ';
  const title = `${focus}${queue.severity.toUpperCase()}  open ${queue.open}  breached ${queue.breached}${start ? `  ↑${start}` : ''}`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate" bold color={theme.severity[queue.severity]} inverse={queue.breached > 0}>
        {`${title} `.padEnd(width)}
      </Text>
      {queue.rows.length === 0 && height > 1 ? <Text color={theme.muted}>  no open incidents</Text> : null}
      {queue.rows.slice(start, start + shown).map((row, i) => (
        <Line key={row.key} text={segmentLine(formatRow(row, now, width), theme)} inverse={start + i === selected} />
      ))}
      {more > 0 ? <Text color={theme.muted}>{`  +${after} more`}</Text> : null}
    </Box>
  );
}
