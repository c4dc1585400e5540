import { Text } from 'ink';
import { sanitize, truncate } from '../../domain/text.ts';
import { useDashboardData } from '../context/data-context.tsx';
import { useKeymap } from '../context/key-context.tsx';
import { bindingsFor, type Screen } from '../keys/keymap.ts';
import { useTheme } from '../context/theme-context.tsx';

interface Props {
  width: number;
  screen: Screen;
  filter: string;
  message?: { text: string; tone: 'info' | 'error' };
}

const SHORT: Record<string, string> = { up: '↑', down: '↓', return: '⏎', escape: 'esc', 'shift+tab': '⇧tab', 'ctrl+c': '^c' };
const shortKey = (k: string) => SHORT[k] ?? k;

/** The last action's result, else the keys that work here — from the keymap table — and the active filter. */
export function Footer({ width, screen, filter, message }: Props) {
  const keymap = useKeymap();
  const theme = useTheme();
  const { wall } = useDashboardData();
  const filterText = filter ? `filter: ${sanitize(filter)}  │  ` : '';
  if (message) {
    return (
      <Text color={message.tone === 'error' ? theme.clock.breached : theme.accent} bold={message.tone === 'error'}>
        {truncate(` ${filterText}${message.tone === 'error' ? '⚠ ' : '✓ '}${message.text}`, width)}
      </Text>
    );
  }
  // One entry per hint word ("panel" once for tab and shift+tab), keys in their short form.
  const seen = new Set<string>();
  const hints = bindingsFor(keymap, screen)
    // A wall has nothing to navigate: only quit and help apply there.
    .filter(([, b]) => !wall || b.when === 'anywhere')
    .filter(([, b]) => !seen.has(b.hint) && seen.add(b.hint))
    .map(([, b]) => `${b.keys.map(shortKey).join('/')} ${b.hint}`);
  return (
    <Text color={theme.muted}>
      {truncate(` ${filterText}${[...new Set(hints)].join('  ')}`, width)}
    </Text>
  );
}
