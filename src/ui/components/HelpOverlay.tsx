import { Box, Text } from 'ink';
import { useKeymap } from '../context/key-context.tsx';
import { useTheme } from '../context/theme-context.tsx';

/** Every key for the current screen, generated from the keymap table. */
export function HelpOverlay({ width, height }: { width: number; height: number }) {
  const keymap = useKeymap();
  const theme = useTheme();
  const rows = Object.entries(keymap).map(([command, b]) => ({ keys: b.keys.join(', '), command, text: b.description, when: b.when }));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="single" paddingX={1}>
      <Text bold color={theme.accent}>
        Keys (Esc or ? closes)
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
