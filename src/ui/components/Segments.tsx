import { Text } from 'ink';
import { useTheme } from '../context/theme-context.tsx';
import type { Segment } from '../model/row-format.ts';

/** Draws pre-laid-out, pre-sanitised segments of one line in the theme's colours. */
export function Segments({ segments }: { segments: readonly Segment[] }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {segments.map((s, i) => (
        <Text key={i} color={s.clock ? theme.clock[s.clock] : s.muted ? theme.muted : undefined} bold={s.bold ?? false}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
