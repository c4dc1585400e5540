import { Text } from 'ink';
import { truncate } from '../../domain/text.ts';
import { useKeymap } from '../context/key-context.tsx';
import { useTheme } from '../context/theme-context.tsx';

/** The keys that work here, from the keymap table itself. */
export function Footer({ width }: { width: number }) {
  const keymap = useKeymap();
  const theme = useTheme();
  const hints = Object.values(keymap)
    .filter((b) => b.when === 'anywhere')
    .map((b) => `${b.keys[0]} ${b.hint}`)
    .join('   ');
  return (
    <Text color={theme.muted} wrap="truncate">
      {truncate(` ${hints}`, width)}
    </Text>
  );
}
