import { type Key, useInput } from 'ink';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef } from 'react';
import type { Command, ResolvedKeymap } from '../keys/keymap.ts';
import { keyName } from '../keys/key-name.ts';

export type Handlers = Partial<Record<Command, () => void>>;

/** A text prompt or picker reads keys raw; returning true means it took the key. */
export type RawHandler = (input: string, key: Key) => boolean;

interface Layer {
  priority: number;
  handlers: { current: Handlers };
  raw?: { current: RawHandler | undefined };
}

interface KeyApi {
  register(layer: Layer): () => void;
  keymap: ResolvedKeymap;
}

const KeyContext = createContext<KeyApi | undefined>(undefined);

/**
 * The one key dispatcher. Layers (a modal, the screen below it) register handlers with a priority;
 * a key goes to the highest layer that handles its command, so a prompt always wins. The single
 * `useInput` has a stable handler, so nothing re-subscribes on the 1 Hz tick.
 */
export function KeyProvider({ keymap, interactive = true, children }: { keymap: ResolvedKeymap; interactive?: boolean; children: ReactNode }) {
  const layers = useRef<Layer[]>([]);
  const byKey = useMemo(() => {
    const m = new Map<string, Command[]>();
    for (const [command, binding] of Object.entries(keymap) as [Command, NonNullable<ResolvedKeymap[Command]>][]) {
      for (const key of binding.keys) m.set(key, [...(m.get(key) ?? []), command]);
    }
    return m;
  }, [keymap]);
  const onInput = useCallback(
    (input: string, key: Key) => {
      const dispatch = (text: string, k: Key) => {
        const commands = byKey.get(keyName(text, k)) ?? [];
        const ordered = [...layers.current].sort((a, b) => b.priority - a.priority);
        for (const layer of ordered) {
          // A prompt above everything takes every key it wants before any command is looked up.
          if (layer.raw?.current?.(text, k)) return;
          const command = commands.find((c) => layer.handlers.current[c]);
          if (command) {
            layer.handlers.current[command]!();
            return;
          }
        }
      };
      // Keys typed faster than they are read (or sent by tmux in one go) arrive as one chunk;
      // with no prompt open, each character is its own key.
      const prompting = layers.current.some((l) => l.raw?.current);
      if (!prompting && input.length > 1 && !input.includes('\u001b') && !key.ctrl && !key.meta) {
        for (const ch of input) dispatch(ch === '\r' || ch === '\t' ? '' : ch, { ...key, return: ch === '\r', tab: ch === '\t' });
        return;
      }
      dispatch(input, key);
    },
    [byKey],
  );
  // Without a terminal on stdin there is nothing to read (and raw mode would throw).
  useInput(onInput, { isActive: interactive });
  const api = useMemo<KeyApi>(
    () => ({
      keymap,
      register(layer) {
        layers.current = [...layers.current, layer];
        return () => {
          layers.current = layers.current.filter((l) => l !== layer);
        };
      },
    }),
    [keymap],
  );
  return <KeyContext.Provider value={api}>{children}</KeyContext.Provider>;
}

/** Handles commands while mounted; the latest handlers are always used, without re-registering. */
export function useKeys(priority: number, handlers: Handlers, raw?: RawHandler): void {
  const api = useContext(KeyContext);
  if (!api) throw new Error('useKeys must be used inside <KeyProvider>');
  const ref = useRef(handlers);
  ref.current = handlers;
  const rawRef = useRef(raw);
  rawRef.current = raw;
  useEffect(() => api.register({ priority, handlers: ref, raw: rawRef }), [api, priority]);
}

export function useKeymap(): ResolvedKeymap {
  const api = useContext(KeyContext);
  if (!api) throw new Error('useKeymap must be used inside <KeyProvider>');
  return api.keymap;
}
