import chalk, { type ChalkInstance } from 'chalk';

/**
 * Styles text the way Ink's `<Text color bold>` does — same library, same colour names, same
 * NO_COLOR / FORCE_COLOR handling — for lines drawn as one pre-styled string. A row drawn as one
 * Ink node instead of one per segment is what keeps a 1 Hz tick of a full wall cheap.
 */
export interface Style {
  color?: string | undefined;
  bold?: boolean | undefined;
}

const HEX = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;
const ANSI256 = /^ansi256\(\s?(\d+)\s?\)$/;

function colourer(color: string): ChalkInstance | undefined {
  if (color in chalk) return (chalk as unknown as Record<string, ChalkInstance>)[color];
  if (HEX.test(color)) return chalk.hex(color);
  const ansi = ANSI256.exec(color);
  if (ansi) return chalk.ansi256(Number(ansi[1]));
  return undefined;
}

/** `text` (already sanitised: this adds SGR, nothing else) in `style`. */
export function styled(text: string, style: Style): string {
  if (!text) return text;
  let out = text;
  if (style.color) out = colourer(style.color)?.(out) ?? out;
  if (style.bold) out = chalk.bold(out);
  return out;
}
