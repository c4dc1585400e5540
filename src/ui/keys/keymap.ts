import { z } from 'zod';

/**
 * Every key socwall answers to, declared once: this table drives dispatch and the help screen.
 * `changes` marks commands that change data; they do not exist in --wall mode.
 */
export const KEYMAP = {
  quit: { keys: ['q', 'ctrl+c'], hint: 'quit', description: 'quit', when: 'anywhere', changes: false },
  help: { keys: ['?'], hint: 'keys', description: 'show or hide this list of keys', when: 'anywhere', changes: false },
  close: { keys: ['escape'], hint: 'back', description: 'close the help', when: 'help', changes: false },
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

export const KeyOverrides = z.record(z.string(), z.array(z.string().min(1)).min(1));

export type ResolvedKeymap = Record<Command, KeyBinding>;

export class KeymapError extends Error {
  override name = 'KeymapError';
}

/**
 * Applies the `keys` section of the config. An unknown command, or one key bound to two commands
 * that can be active together, is an error naming both.
 */
export function resolveKeymap(overrides: Record<string, readonly string[]>, wall: boolean): ResolvedKeymap {
  const resolved = {} as ResolvedKeymap;
  for (const name of Object.keys(overrides)) {
    if (!(COMMANDS as string[]).includes(name)) {
      throw new KeymapError(`keys: unknown command "${name}" (known: ${COMMANDS.join(', ')})`);
    }
  }
  for (const command of COMMANDS) {
    const base = KEYMAP[command];
    resolved[command] = { ...base, keys: overrides[command] ?? base.keys };
  }
  const owner = new Map<string, Command>();
  for (const command of COMMANDS) {
    if (wall && resolved[command].changes) continue;
    for (const key of resolved[command].keys) {
      const scoped = `${resolved[command].when}:${key}`;
      const other = owner.get(scoped) ?? owner.get(`anywhere:${key}`);
      if (other && other !== command) {
        throw new KeymapError(`keys: "${key}" is bound to both "${other}" and "${command}"`);
      }
      owner.set(scoped, command);
    }
  }
  if (wall) for (const command of COMMANDS) if (resolved[command].changes) delete (resolved as Partial<ResolvedKeymap>)[command];
  return resolved;
}
