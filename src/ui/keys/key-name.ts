import type { Key } from 'ink';

/** Ink's (input, key) pair as one name, the form the keymap uses: `q`, `ctrl+c`, `up`, `return`, `space`. */
export function keyName(input: string, key: Key): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (input === ' ') return 'space';
  if (key.ctrl) return `ctrl+${input}`;
  return input;
}
