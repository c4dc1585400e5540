import { Box, Text } from 'ink';
import { useKeymap } from '../context/key-context.tsx';
import { bindingsFor } from '../keys/keymap.ts';
import { useTheme } from '../context/theme-context.tsx';

/** Every key for the current screen, generated from the keymap table. */
export function HelpOverlay({ width, height, screen }: { width: number; height: number; screen: 'queues' | 'detail' }) {
  const keymap = useKeymap();
  const theme = useTheme();
  const rows = bindingsFor(keymap, screen).map(([command, b]) => ({ keys: b.keys.join(', '), command, text: b.description, when: b.when }));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" paddingX={1}>
      <Text bold color={theme.accent}>
        {`Keys on the ${screen === 'detail' ? 'incident' : 'queues'} screen (Esc or ? closes)`}
      </Text>
      {rows.slice(0, Math.max(0, height - 3)).map((r) => (
        <Text key={r.command} wrap="truncate">
          {`${r.keys.padEnd(14)} ${r.text}`}
          <Text color={theme.muted}>{`  (${r.when})`}</Text>
        </Text>
      ))}
    </Box>
  );
}
