import { Box, Text } from 'ink';
import { useNow } from '../context/clock-context.tsx';
import { useDashboardData, useFeedStatus } from '../context/data-context.tsx';
import { useTheme } from '../context/theme-context.tsx';
import { headerLines } from '../model/header-lines.ts';

export function Header({ width }: { width: number }) {
  const { config, wall, analyst } = useDashboardData();
  const status = useFeedStatus();
  const now = useNow();
  const theme = useTheme();
  const { tone, lines } = headerLines(status, now, config, width, { wall, analyst });
  const alarm = tone === 'alarm';
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text
          key={i}
          wrap="truncate"
          bold={alarm || i === 0}
          inverse={!alarm && i === 0}
          color={alarm ? theme.alarmFg : theme.accent}
          backgroundColor={alarm ? theme.alarmBg : undefined}
        >
          {line}
        </Text>
      ))}
    </Box>
  );
}
