import { z } from 'zod';
import type { IncidentState } from './fold.ts';
import { IncidentType } from './incident.ts';

export const ChecklistItem = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an item id is lower-case letters, digits and -'),
  label: z.string().min(1).max(200),
  /** A timing note printed beside the box (the seed's "≤ 15 min for high"). */
  note: z.string().max(200).optional(),
  mandatory: z.boolean().default(false),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** Per incident type: add items, drop some, reorder, or make some mandatory. */
export const ChecklistTemplate = z.strictObject({
  add: z.array(ChecklistItem).default([]),
  drop: z.array(z.string()).default([]),
  order: z.array(z.string()).optional(),
  mandatory: z.array(z.string()).default([]),
});
export type ChecklistTemplate = z.infer<typeof ChecklistTemplate>;

export const ChecklistConfig = z.strictObject({
  items: z.array(ChecklistItem).min(1),
  templates: z.partialRecord(IncidentType, ChecklistTemplate).default({}),
});
export type ChecklistConfig = z.infer<typeof ChecklistConfig>;

/** The items that apply to an incident of `type`, in order. */
export function checklistFor(config: ChecklistConfig, type: IncidentType | undefined): ChecklistItem[] {
  const t = type ? config.templates[type] : undefined;
  if (!t) return config.items;
  let items = [...config.items.filter((i) => !t.drop.includes(i.id)), ...t.add];
  if (t.order) {
    const rank = (id: string) => {
      const i = t.order!.indexOf(id);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    items = items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item.id) - rank(b.item.id) || a.index - b.index)
      .map((x) => x.item);
  }
  return items.map((i) => (t.mandatory.includes(i.id) ? { ...i, mandatory: true } : i));
}

export interface ChecklistRow extends ChecklistItem {
  done: boolean;
  at?: number;
  by?: string;
}

export function checklistRows(config: ChecklistConfig, state: IncidentState): ChecklistRow[] {
  return checklistFor(config, state.incident?.type).map((item) => {
    const mark = state.checklist[item.id];
    return mark ? { ...item, done: mark.done, at: mark.at, ...(mark.by ? { by: mark.by } : {}) } : { ...item, done: false };
  });
}

/** Mandatory items still open: closing is refused while any remain. */
export function missingMandatory(config: ChecklistConfig, state: IncidentState): ChecklistItem[] {
  return checklistRows(config, state).filter((r) => r.mandatory && !r.done);
}
