/**
 * Every key socwall answers to, declared once: this table drives dispatch, the footer hints and
 * the help screen (as gemini-cli's keyBindings map and lazygit's binding records do).
 * `when` is the screen a binding works on; `changes` marks commands that change data — they do
 * not exist in --wall mode.
 */
export const KEYMAP = {
  quit: { keys: ['q', 'ctrl+c'], hint: 'quit', description: 'quit', when: 'anywhere', changes: false },
  help: { keys: ['?'], hint: 'keys', description: 'show or hide this list of keys', when: 'anywhere', changes: false },
  close: { keys: ['escape'], hint: 'back', description: 'close the help', when: 'help', changes: false },
  up: { keys: ['up', 'k'], hint: 'up', description: 'move up', when: 'list', changes: false },
  down: { keys: ['down', 'j'], hint: 'down', description: 'move down', when: 'list', changes: false },
  'next-panel': { keys: ['tab'], hint: 'panel', description: 'next queue', when: 'queues', changes: false },
  'prev-panel': { keys: ['shift+tab'], hint: 'panel', description: 'previous queue', when: 'queues', changes: false },
  open: { keys: ['return'], hint: 'open', description: 'open the selected incident', when: 'queues', changes: false },
  filter: { keys: ['/'], hint: 'filter', description: 'filter: sev:high region:emea type:phishing assignee:NAME words', when: 'queues', changes: false },
  kpi: { keys: ['K'], hint: 'KPIs', description: 'switch between the queues and the KPI page (small terminals)', when: 'queues', changes: false },
  'window-prev': { keys: ['['], hint: 'window', description: 'KPI window: shorter (24h, 7d, 30d)', when: 'queues', changes: false },
  'window-next': { keys: [']'], hint: 'window', description: 'KPI window: longer', when: 'queues', changes: false },
  back: { keys: ['escape'], hint: 'back', description: 'back to the queues', when: 'detail', changes: false },
  toggle: { keys: ['space'], hint: 'tick', description: 'tick or untick the selected checklist item', when: 'detail', changes: true },
  note: { keys: ['n'], hint: 'note', description: 'add a note (Tab cycles its tag: lesson, action-item)', when: 'detail', changes: true },
  ack: { keys: ['a'], hint: 'ack', description: 'acknowledge the incident', when: 'detail', changes: true },
  notify: { keys: ['N'], hint: 'notified', description: 'record a notification sent (meets the matching clock)', when: 'detail', changes: true },
  phase: { keys: ['s'], hint: 'phase', description: 'move to the next lifecycle phase (asks first)', when: 'detail', changes: true },
  print: { keys: ['p'], hint: 'print', description: "write the incident's printable checklist to a file and show its path", when: 'detail', changes: false },
  clock: { keys: ['w'], hint: 'waive', description: 'waive, pause or resume a clock (reason required)', when: 'detail', changes: true },
} as const satisfies Record<string, KeyBinding>;

export interface KeyBinding {
  keys: readonly string[];
  /** One word for the footer. */
  hint: string;
  description: string;
  when: string;
  changes: boolean;
}

export type Command = keyof typeof KEYMAP;
export const COMMANDS = Object.keys(KEYMAP) as Command[];

export type ResolvedKeymap = Partial<Record<Command, KeyBinding>>;

export class KeymapError extends Error {
  override name = 'KeymapError';
}

/** Screens that are active together: `list` keys work on the queues and in the detail's checklist. */
export const SCREENS: Record<string, string[]> = {
  anywhere: ['queues', 'detail', 'help'],
  help: ['help'],
  queues: ['queues'],
  detail: ['detail'],
  list: ['queues', 'detail'],
};

/**
 * Applies the `keys` section of the config. An unknown command, or one key bound to two commands
 * that can be active on the same screen, is an error naming both.
 */
export function resolveKeymap(overrides: Record<string, readonly string[]>, wall: boolean): ResolvedKeymap {
  for (const name of Object.keys(overrides)) {
    if (!(COMMANDS as string[]).includes(name)) {
      throw new KeymapError(`keys: unknown command "${name}" (known: ${COMMANDS.join(', ')})`);
    }
  }
  const resolved: ResolvedKeymap = {};
  for (const command of COMMANDS) {
    const base = KEYMAP[command];
    if (wall && base.changes) continue;
    resolved[command] = { ...base, keys: overrides[command] ?? base.keys };
  }
  const owner = new Map<string, Command>();
  for (const [command, binding] of Object.entries(resolved) as [Command, KeyBinding][]) {
    for (const key of binding.keys) {
      for (const screen of SCREENS[binding.when] ?? [binding.when]) {
        const other = owner.get(`${screen}:${key}`);
        if (other && other !== command) throw new KeymapError(`keys: "${key}" is bound to both "${other}" and "${command}"`);
        owner.set(`${screen}:${key}`, command);
      }
    }
  }
  return resolved;
}

export type Screen = 'queues' | 'detail' | 'help';

/** The bindings that work on `screen`, in table order: what the footer and the help list show. */
export function bindingsFor(keymap: ResolvedKeymap, screen: Screen): [Command, KeyBinding][] {
  return (Object.entries(keymap) as [Command, KeyBinding][]).filter(([, b]) => (SCREENS[b.when] ?? [b.when]).includes(screen));
}
