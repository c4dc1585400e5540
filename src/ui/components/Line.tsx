import { Text } from 'ink';
import { memo } from 'react';
import type { Segment } from '../model/row-format.ts';
import { styled } from '../styled.ts';
import type { Theme } from '../theme.ts';

/** Pre-laid-out, pre-sanitised segments of one line as one string, in the theme's colours. */
export function segmentLine(segments: readonly Segment[], theme: Theme): string {
  let line = '';
  for (const s of segments) line += styled(s.text, { color: s.clock ? theme.clock[s.clock] : s.muted ? theme.muted : undefined, bold: s.bold });
  return line;
}

/**
 * One pre-styled line as a single Ink node, redrawn only when its text changes: a wall redraws
 * every visible row each second, Ink's cost grows with its node count, and most rows (hh:mm
 * countdowns) change once a minute.
 */
export const Line = memo(function Line({ text, inverse = false }: { text: string; inverse?: boolean }) {
  return inverse ? (
    <Text inverse>
      <Text wrap="truncate">{text}</Text>
    </Text>
  ) : (
    <Text wrap="truncate">{text}</Text>
  );
});
