import { type ChecklistRow, checklistRows } from '../../domain/checklist.ts';
import type { Clock } from '../../domain/clocks.ts';
import type { Config } from '../../config/schema.ts';
import type { IncidentEvent } from '../../domain/event.ts';
import type { IncidentState } from '../../domain/fold.ts';
import { missingTagKeys } from '../../domain/incident.ts';
import { toMs } from '../../domain/instant.ts';
import { sanitize } from '../../domain/text.ts';
import { formatInstant } from '../../domain/zoned.ts';
import { CLOCK_MARK } from '../theme.ts';
import { countdownText, liveState } from './row-format.ts';

/** The incident's fields as display lines, sanitised. */
export function fieldLines(state: IncidentState, config: Config): string[] {
  const i = state.incident!;
  const zone = config.displayZone;
  const when = (iso?: string) => (iso ? formatInstant(toMs(iso), zone) : '—');
  const missing = missingTagKeys(i, config.mandatoryTags);
  const lines = [
    `${sanitize(state.id)} · ${i.severity.toUpperCase()} · ${state.phase} · ${i.type} · ${sanitize(i.region)}${
      state.acknowledged ? ` · acknowledged by ${sanitize(state.acknowledged.by ?? '?')}` : ' · not acknowledged'
    }`,
    sanitize(i.title),
    `assignee ${sanitize(i.assignee ?? '—')} · champion ${sanitize(i.champion ?? '—')} · tier ${i.tier ?? '—'} · source ${sanitize(i.source ?? '—')}`,
    `detected ${when(i.detectedAt)} · aware ${when(i.awareAt ?? i.detectedAt)} · occurred ${when(i.occurredAt)} (${zone})`,
    `assets ${sanitize(i.assets.join(', ') || '—')} · vector ${sanitize(i.vector ?? '—')} · regimes ${sanitize((i.regimes ?? []).join(', ') || '—')}${
      i.personalData ? ' · personal data' : ''
    }`,
  ];
  if (i.summary) lines.push(sanitize(i.summary));
  if (missing.length) lines.push(`⚠ missing mandatory tags: ${missing.join(', ')}`);
  return lines;
}

export function clockLine(c: Clock, now: number, zone: string): { text: string; state: Clock['state'] } {
  const state = liveState(c, now);
  const due = c.dueAt ? formatInstant(toMs(c.dueAt), zone) : 'no fixed deadline';
  const left = state === 'met' ? (c.late ? 'late' : '') : state === 'waived' ? `waived: ${sanitize(c.reason ?? '')}` : countdownText(c, now);
  const mark = CLOCK_MARK[state];
  return {
    text: `${mark.symbol} ${sanitize(c.label).padEnd(18)} → ${sanitize(c.audience).padEnd(28)} ${due}  ${left} ${mark.word}`,
    state,
  };
}

export interface ChecklistLine {
  text: string;
  pending: boolean;
  mandatory: boolean;
  done: boolean;
}

export function checklistLines(config: Config, state: IncidentState, pending: ReadonlySet<string>): ChecklistLine[] {
  return checklistRows(config.checklist, state).map((row: ChecklistRow) => {
    const mark = state.checklist[row.id];
    const isPending = mark ? pending.has(mark.eventId) : false;
    const who = row.at !== undefined ? `  ${sanitize(row.by ?? '?')} ${formatInstant(row.at, config.displayZone, 'HH:mm')}` : '';
    const note = row.note ? ` (${row.note})` : '';
    return {
      text: `[${row.done ? 'x' : ' '}] ${row.label}${note}${row.mandatory ? ' *' : ''}${who}${isPending ? '  ⌛ pending' : ''}`,
      pending: isPending,
      mandatory: row.mandatory,
      done: row.done,
    };
  });
}

function describe(e: IncidentEvent): string {
  switch (e.kind) {
    case 'incident.opened':
      return `opened: ${sanitize(e.data.title)}`;
    case 'incident.updated':
      return `updated ${Object.keys(e.data).join(', ')}`;
    case 'incident.phase':
      return `phase → ${e.data.phase}${e.data.reason ? ` (${sanitize(e.data.reason)})` : ''}`;
    case 'incident.acknowledged':
      return 'acknowledged';
    case 'notification.sent':
      return `notified ${sanitize(e.data.audience)}${e.data.rule ? ` [${sanitize(e.data.rule)}]` : ''}`;
    case 'checklist.set':
      return `${e.data.done ? 'ticked' : 'unticked'} ${sanitize(e.data.itemId)}`;
    case 'note.added':
      return `note${e.data.tag ? ` [${e.data.tag}]` : ''}: ${sanitize(e.data.text)}`;
    default:
      return `${e.kind.slice(6)} ${sanitize(e.data.rule)}: ${sanitize(e.data.reason)}`;
  }
}

/** The audit trail: every entry with its time and who, newest last. */
export function timelineLines(events: readonly IncidentEvent[], zone: string, pending: ReadonlySet<string>): string[] {
  return events.map(
    (e) =>
      `${formatInstant(toMs(e.at), zone, 'MM-dd HH:mm')}  ${sanitize(e.by ?? 'feed').padEnd(10)}  ${describe(e)}${pending.has(e.id) ? '  ⌛ pending' : ''}`,
  );
}
