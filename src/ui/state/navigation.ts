import { type KpiWindow, WINDOWS } from '../../domain/kpi.ts';

/**
 * Where the analyst is: which queue and row is selected, which incident is open and which
 * checklist item, and whether help is up. A pure reducer; the hook beside the App holds it.
 */
export interface Navigation {
  screen: 'queues' | 'detail';
  queue: number;
  row: number;
  detailId?: string;
  item: number;
  help: boolean;
  filter: string;
  /** On a small terminal the KPIs are a page of their own. */
  kpiPage: boolean;
  kpiWindow: KpiWindow;
  message?: { text: string; tone: 'info' | 'error' };
}

// Keys that arrive together (an analyst typing `jj⏎` fast, a paste) are handled before the screen
// renders again, so actions carry what the screen shows — every queue's sizes or row ids — and the
// reducer resolves the selection from its own latest state, never from a render's stale one.
export type NavAction =
  | { type: 'move'; by: number; sizes: readonly number[] }
  | { type: 'panel'; by: number; sizes: readonly number[] }
  | { type: 'open'; id: string }
  | { type: 'open-selected'; ids: readonly (readonly string[])[] }
  | { type: 'back' }
  | { type: 'item'; by: number; items: number }
  | { type: 'help'; show?: boolean }
  | { type: 'filter'; text: string }
  | { type: 'message'; text: string; tone: 'info' | 'error' }
  | { type: 'clear-message' }
  | { type: 'kpi-page' }
  | { type: 'kpi-window'; by: number };

export const initialNavigation: Navigation = {
  screen: 'queues',
  queue: 0,
  row: 0,
  item: 0,
  help: false,
  filter: '',
  kpiPage: false,
  kpiWindow: '7d',
};

const WINDOW_ORDER = Object.keys(WINDOWS) as KpiWindow[];

const clamp = (n: number, max: number) => Math.max(0, Math.min(n, Math.max(0, max - 1)));

/** The selected queue and row: an empty queue cannot hold the focus, which falls to the first with rows. */
export function focusOf(s: Navigation, sizes: readonly number[]): { queue: number; row: number } {
  const queue = sizes[s.queue] ? s.queue : Math.max(0, sizes.findIndex((n) => n > 0));
  return { queue, row: clamp(s.row, sizes[queue] ?? 0) };
}

export function navigate(s: Navigation, a: NavAction): Navigation {
  switch (a.type) {
    case 'move': {
      const { queue, row } = focusOf(s, a.sizes);
      return { ...s, queue, row: clamp(row + a.by, a.sizes[queue] ?? 0), message: undefined };
    }
    case 'panel': {
      // Tab goes to the next queue that has rows; with none, it stays put.
      const { queue } = focusOf(s, a.sizes);
      const n = a.sizes.length;
      for (let step = 1; step < n; step++) {
        const q = (((queue + a.by * step) % n) + n) % n;
        if (a.sizes[q]! > 0) return { ...s, queue: q, row: 0, message: undefined };
      }
      return s;
    }
    case 'open':
      return { ...s, screen: 'detail', detailId: a.id, item: 0, message: undefined };
    case 'open-selected': {
      const { queue, row } = focusOf(s, a.ids.map((ids) => ids.length));
      const id = a.ids[queue]?.[row];
      return id === undefined ? s : { ...s, screen: 'detail', detailId: id, item: 0, message: undefined };
    }
    case 'back':
      return { ...s, screen: 'queues', detailId: undefined, message: undefined };
    case 'item':
      return { ...s, item: clamp(s.item + a.by, a.items) };
    case 'help':
      return { ...s, help: a.show ?? !s.help };
    case 'filter':
      return { ...s, filter: a.text.trim(), row: 0, message: undefined };
    case 'message':
      return { ...s, message: { text: a.text, tone: a.tone } };
    case 'clear-message':
      return { ...s, message: undefined };
    case 'kpi-page':
      return { ...s, kpiPage: !s.kpiPage };
    case 'kpi-window': {
      const i = Math.max(0, Math.min(WINDOW_ORDER.length - 1, WINDOW_ORDER.indexOf(s.kpiWindow) + a.by));
      return { ...s, kpiWindow: WINDOW_ORDER[i]! };
    }
  }
}
