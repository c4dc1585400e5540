import { Box, Text } from 'ink';
import type { LiveQueue } from '../../domain/queues.ts';
import { sanitize, truncate } from '../../domain/text.ts';
import { useNow } from '../context/clock-context.tsx';
import { useDashboardData } from '../context/data-context.tsx';
import { useTheme } from '../context/theme-context.tsx';
import { bigText } from '../model/big-digits.ts';
import { countdownText, countdownUnit, liveState } from '../model/row-format.ts';
import { detailLines, rotationIndex, urgentRows } from '../model/wall-detail.ts';
import { CLOCK_MARK } from '../theme.ts';

const ROTATION_SIZE = 5;

/** The wall's lower band: the single most urgent countdown in big digits, and a rotating incident detail. */
export function WallPanel({ queues, width, height }: { queues: LiveQueue[]; width: number; height: number }) {
  const now = useNow();
  const theme = useTheme();
  const { config } = useDashboardData();
  const urgent = urgentRows(queues, ROTATION_SIZE);
  const top = urgent[0];
  const shown = urgent[rotationIndex(now, config.wall.rotateSeconds, urgent.length)];
  const bigWidth = 34;
  if (!top?.next) {
    return (
      <Box height={height} width={width}>
        <Text color={theme.muted}>no open deadlines</Text>
      </Box>
    );
  }
  const state = liveState(top.next, now);
  const unit = countdownUnit(top.next, now);
  const label = `${CLOCK_MARK[state].symbol} ${CLOCK_MARK[state].word || 'NEXT'} (${unit}) ${sanitize(top.id)} ${sanitize(top.next.label)} ${sanitize(top.next.audience)}`;
  const detailWidth = Math.max(10, width - bigWidth - 2);
  return (
    <Box height={height} width={width} flexDirection="row">
      <Box flexDirection="column" width={bigWidth}>
        <Text wrap="truncate" color={theme.clock[state]} bold>
          {truncate(label, bigWidth - 1)}
        </Text>
        {bigText(countdownText(top.next, now)).map((line, i) => (
          <Text key={i} color={theme.clock[state]}>
            {line}
          </Text>
        ))}
      </Box>
      <Box flexDirection="column" width={detailWidth} marginLeft={2}>
        {shown
          ? detailLines(shown, now, height).map((line, i) => (
              <Text key={i} wrap="truncate" bold={i === 0} color={i === 0 ? theme.accent : undefined}>
                {truncate(line, detailWidth)}
              </Text>
            ))
          : null}
      </Box>
    </Box>
  );
}
