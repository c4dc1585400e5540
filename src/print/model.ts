import type { Config } from '../config/schema.ts';
import { type ChecklistRow, checklistFor, checklistRows } from '../domain/checklist.ts';
import { type Clock, computeClocks } from '../domain/clocks.ts';
import { clockContext } from '../domain/context.ts';
import { formatCountdown } from '../domain/countdown.ts';
import type { IncidentState } from '../domain/fold.ts';
import type { IncidentType } from '../domain/incident.ts';
import { toMs } from '../domain/instant.ts';
import { formatInstant } from '../domain/zoned.ts';

/** Everything a printed page shows, computed once at `now`; every renderer draws from this. */
export interface PrintModel {
  printedAt: string;
  zone: string;
  blank: boolean;
  id: string;
  title: string;
  severity: string;
  type: string;
  region: string;
  phase: string;
  assignee: string;
  champion: string;
  opened: string;
  clocks: { label: string; audience: string; due: string; state: string; detail: string }[];
  items: (ChecklistRow & { when?: string })[];
}

export function clockDetail(c: Clock, now: number, zone: string): string {
  if (c.state === 'met') {
    const late = c.late && c.dueAt && c.metAt ? ` — ${formatCountdown(toMs(c.metAt) - toMs(c.dueAt))} late` : '';
    return `met ${c.metAt ? formatInstant(toMs(c.metAt), zone) : ''}${late}`;
  }
  if (c.state === 'waived') return `waived: ${c.reason ?? ''}`;
  if (c.state === 'breached' && c.dueAt) return `breached by ${formatCountdown(now - toMs(c.dueAt)).replace('-', '')}`;
  if (c.state === 'paused') return `paused: ${c.reason ?? ''}`;
  return c.dueAt ? `${formatCountdown(toMs(c.dueAt) - now)} left` : 'no fixed deadline';
}

export function printModel(state: IncidentState, config: Config, now: number): PrintModel {
  const i = state.incident!;
  const zone = config.displayZone;
  return {
    printedAt: formatInstant(now, zone),
    zone,
    blank: false,
    id: state.id,
    title: i.title,
    severity: i.severity,
    type: i.type,
    region: i.region,
    phase: state.phase,
    assignee: i.assignee ?? '',
    champion: i.champion ?? '',
    opened: formatInstant(toMs(i.detectedAt), zone),
    clocks: computeClocks(state, now, clockContext(config)).map((c) => ({
      label: c.label,
      audience: c.audience,
      due: c.dueAt ? formatInstant(toMs(c.dueAt), zone) : 'no fixed deadline',
      state: c.state,
      detail: clockDetail(c, now, zone),
    })),
    items: checklistRows(config.checklist, state).map((r) => ({
      ...r,
      ...(r.at !== undefined ? { when: formatInstant(r.at, zone) } : {}),
    })),
  };
}

/** The empty template to pin on a monitor, for one incident type or the default list. */
export function blankModel(config: Config, type: IncidentType | undefined, now: number): PrintModel {
  return {
    printedAt: formatInstant(now, config.displayZone),
    zone: config.displayZone,
    blank: true,
    id: '',
    title: '',
    severity: '',
    type: type ?? '',
    region: '',
    phase: '',
    assignee: '',
    champion: '',
    opened: '',
    clocks: [],
    items: checklistFor(config.checklist, type).map((item) => ({ ...item, done: false })),
  };
}
