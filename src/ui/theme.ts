import type { ClockState } from '../domain/clocks.ts';
import type { Severity } from '../domain/incident.ts';

type Colour = string | undefined;

export interface Theme {
  name: string;
  severity: Record<Severity, Colour>;
  clock: Record<ClockState, Colour>;
  muted: Colour;
  accent: Colour;
  /** Header background when the feed is not live: the whole bar changes, not one word. */
  alarmBg: Colour;
  alarmFg: Colour;
  okFg: Colour;
}

const dark: Theme = {
  name: 'dark',
  severity: { critical: 'magentaBright', high: 'redBright', medium: 'yellowBright', low: 'cyanBright' },
  clock: { breached: 'redBright', 'due-soon': 'yellowBright', pending: 'white', met: 'blueBright', paused: 'gray', waived: 'gray' },
  muted: 'gray',
  accent: 'cyanBright',
  alarmBg: 'red',
  alarmFg: 'whiteBright',
  okFg: 'blueBright',
};

const light: Theme = {
  name: 'light',
  severity: { critical: 'magenta', high: 'red', medium: 'yellow', low: 'blue' },
  clock: { breached: 'red', 'due-soon': 'yellow', pending: 'black', met: 'blue', paused: 'gray', waived: 'gray' },
  muted: 'gray',
  accent: 'blue',
  alarmBg: 'red',
  alarmFg: 'white',
  okFg: 'blue',
};

const highContrast: Theme = {
  name: 'high-contrast',
  severity: { critical: 'whiteBright', high: 'whiteBright', medium: 'whiteBright', low: 'whiteBright' },
  clock: { breached: 'yellowBright', 'due-soon': 'yellowBright', pending: 'whiteBright', met: 'whiteBright', paused: 'whiteBright', waived: 'whiteBright' },
  muted: 'white',
  accent: 'yellowBright',
  alarmBg: 'yellow',
  alarmFg: 'black',
  okFg: 'whiteBright',
};

const none: Theme = {
  name: 'no-color',
  severity: { critical: undefined, high: undefined, medium: undefined, low: undefined },
  clock: { breached: undefined, 'due-soon': undefined, pending: undefined, met: undefined, paused: undefined, waived: undefined },
  muted: undefined,
  accent: undefined,
  alarmBg: undefined,
  alarmFg: undefined,
  okFg: undefined,
};

export const THEMES = { dark, light, 'high-contrast': highContrast } as const;

/** `NO_COLOR` (any value) wins over the configured theme: state is still told by symbol and text. */
export function pickTheme(name: keyof typeof THEMES, env: NodeJS.ProcessEnv = process.env): Theme {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? none : THEMES[name];
}

/** State by symbol and by word as well as colour, so it reads without colour and for colour-blind viewers. */
export const CLOCK_MARK: Record<ClockState, { symbol: string; word: string }> = {
  breached: { symbol: '✖', word: 'BREACH' },
  'due-soon': { symbol: '▲', word: 'SOON' },
  pending: { symbol: '·', word: '' },
  paused: { symbol: '‖', word: 'PAUSED' },
  met: { symbol: '✔', word: 'MET' },
  waived: { symbol: '–', word: 'WAIVED' },
};
