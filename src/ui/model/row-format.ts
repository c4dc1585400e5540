import type { Clock } from '../../domain/clocks.ts';
import { formatAge, formatCountdown } from '../../domain/countdown.ts';
import { toMs } from '../../domain/instant.ts';
import type { QueueRow } from '../../domain/queues.ts';
import { cell } from '../../domain/text.ts';
import { CLOCK_MARK } from '../theme.ts';

export interface Segment {
  text: string;
  /** Clock state for colouring, where the segment shows one. */
  clock?: Clock['state'];
  muted?: boolean;
  bold?: boolean;
}

/** What a row's countdown cell says: `-03:40`, `12:05`, or elapsed time (`+2h05m`) where no deadline is fixed. */
export function countdownText(c: Clock | undefined, now: number): string {
  if (!c) return '';
  if (c.dueAt === null) return `+${formatAge(now - toMs(c.startsAt))}`;
  return formatCountdown(toMs(c.dueAt) - now);
}

/** The clock as the live state at `now`: a pending clock past its threshold reads as due-soon or breached at once. */
export function liveState(c: Clock, now: number): Clock['state'] {
  if (c.state !== 'pending' && c.state !== 'due-soon') return c.state;
  if (c.dueAt && now >= toMs(c.dueAt)) return 'breached';
  if (c.dueSoonAt && now >= toMs(c.dueSoonAt)) return 'due-soon';
  return c.state;
}

/**
 * One queue row laid out to exactly `width` columns. Narrow rows drop the age and assignee
 * columns before the title is squeezed. Every feed string is sanitised here, once.
 */
export function formatRow(row: QueueRow, now: number, width: number): Segment[] {
  const next = row.next;
  const state = next ? liveState(next, now) : undefined;
  const mark = state ? CLOCK_MARK[state] : { symbol: ' ', word: '' };
  const wide = width >= 96;
  const medium = width >= 72;
  const nextWidth = wide ? 26 : medium ? 20 : 16;
  const idWidth = 10;
  // Symbol, id, gap, [age], [assignee], next clock, countdown, state word: each after a space.
  const fixed = 2 + idWidth + 1 + (medium ? 7 : 0) + (wide ? 11 : 0) + (1 + nextWidth) + (1 + 7) + (1 + 6);
  const titleWidth = Math.max(4, width - fixed);
  const title = row.members > 1 ? `${row.members} alerts · ${row.incident.title}` : row.incident.title;
  const nextText = next ? `${next.label} ${next.audience}` : 'no open deadline';
  const segments: Segment[] = [
    { text: `${mark.symbol} `, ...(state ? { clock: state } : {}), bold: true },
    { text: cell(row.id, idWidth), bold: true },
    { text: ' ' },
    { text: cell(title, titleWidth) },
  ];
  if (medium) segments.push({ text: ` ${cell(formatAge(now - toMs(row.incident.detectedAt)), 6, 'right')}`, muted: true });
  if (wide) segments.push({ text: ` ${cell(row.incident.assignee ?? 'unassigned', 10)}`, muted: !row.incident.assignee });
  segments.push({ text: ` ${cell(nextText, nextWidth)}`, muted: true });
  segments.push({ text: ` ${cell(countdownText(next, now), 7, 'right')}`, ...(state ? { clock: state } : {}), bold: state === 'breached' });
  segments.push({ text: ` ${cell(mark.word, 6)}`, ...(state ? { clock: state } : {}), bold: true });
  return segments;
}

export const segmentsText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');
