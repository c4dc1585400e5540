import { Text } from 'ink';
import { useTheme } from '../context/theme-context.tsx';
import type { Segment } from '../model/row-format.ts';
import { styled } from '../styled.ts';

/**
 * Draws pre-laid-out, pre-sanitised segments of one line in the theme's colours, as a single Ink
 * node: a wall redraws every visible row each second, and Ink's cost grows with its node count.
 */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  const theme = useTheme();
  let line = '';
  for (const s of segments) line += styled(s.text, { color: s.clock ? theme.clock[s.clock] : s.muted ? theme.muted : undefined, bold: s.bold });
  return <Text wrap="truncate">{line}</Text>;
}
