import type { Clock } from '../../domain/clocks.ts';
import { formatAge, formatCountdown } from '../../domain/countdown.ts';
import { DAY, HOUR, toMs } from '../../domain/instant.ts';
import { type QueueRow, rowState } from '../../domain/queues.ts';
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

/** What the big digits count in, said beside them: `-01:50` alone could be minutes or hours. */
export function countdownUnit(c: Clock, now: number): string {
  if (c.dueAt === null) return 'elapsed';
  const ms = Math.abs(toMs(c.dueAt) - now);
  return ms < HOUR ? 'min:sec' : ms < DAY ? 'hours:min' : 'days hours';
}

/** The clock as the live state at `now`: a pending clock past its threshold reads as due-soon or breached at once. */
export function liveState(c: Clock, now: number): Clock['state'] {
  if (c.state !== 'pending' && c.state !== 'due-soon') return c.state;
  if (c.dueAt && now >= toMs(c.dueAt)) return 'breached';
  if (c.dueSoonAt && now >= toMs(c.dueSoonAt)) return 'due-soon';
  return c.state;
}

interface Columns {
  wide: boolean;
  medium: boolean;
  idWidth: number;
  titleWidth: number;
  nextWidth: number;
}

function columnsFor(width: number): Columns {
  const wide = width >= 96;
  const medium = width >= 72;
  const nextWidth = wide ? 26 : medium ? 20 : 16;
  const idWidth = 10;
  // Symbol, id, gap, [age], [assignee], next clock, countdown, state word: each after a space.
  const fixed = 2 + idWidth + 1 + (medium ? 7 : 0) + (wide ? 11 : 0) + (1 + nextWidth) + (1 + 7) + (1 + 6);
  return { wide, medium, idWidth, titleWidth: Math.max(4, width - fixed), nextWidth };
}

interface StaticCells {
  width: number;
  id: string;
  title: string;
  assignee: string;
  next: string;
  detectedMs: number;
}

// The parts of a row that do not change as the clock ticks, sanitised and fitted once per row object.
const staticCache = new WeakMap<QueueRow, StaticCells>();

function staticCells(row: QueueRow, cols: Columns, width: number): StaticCells {
  const hit = staticCache.get(row);
  if (hit && hit.width === width) return hit;
  const title = row.members > 1 ? `${row.members} alerts · ${row.incident.title}` : row.incident.title;
  const cells: StaticCells = {
    width,
    id: cell(row.id, cols.idWidth),
    title: cell(title, cols.titleWidth),
    assignee: cell(row.incident.assignee ?? 'unassigned', 10),
    next: cell(row.next ? `${row.next.label} ${row.next.audience}` : 'no open deadline', cols.nextWidth),
    detectedMs: toMs(row.incident.detectedAt),
  };
  staticCache.set(row, cells);
  return cells;
}

/**
 * One queue row laid out to exactly `width` columns. Narrow rows drop the age and assignee
 * columns before the title is squeezed. Every feed string is sanitised here, once per row.
 */
export function formatRow(row: QueueRow, now: number, width: number): Segment[] {
  const cols = columnsFor(width);
  const s = staticCells(row, cols, width);
  const state = rowState(row, now);
  const mark = state ? CLOCK_MARK[state] : { symbol: ' ', word: '' };
  const colour = state ? { clock: state } : {};
  const countdown = !row.next
    ? ''
    : row.next.dueAt === null
      ? `+${formatAge(now - toMs(row.next.startsAt))}`
      : formatCountdown(row.dueMs - now);
  const segments: Segment[] = [
    { text: `${mark.symbol} `, ...colour, bold: true },
    { text: s.id, bold: true },
    { text: ' ' },
    { text: s.title },
  ];
  if (cols.medium) segments.push({ text: ` ${cell(formatAge(now - s.detectedMs), 6, 'right')}`, muted: true });
  if (cols.wide) segments.push({ text: ` ${s.assignee}`, muted: !row.incident.assignee });
  segments.push({ text: ` ${s.next}`, muted: true });
  segments.push({ text: ` ${cell(countdown, 7, 'right')}`, ...colour, bold: state === 'breached' });
  segments.push({ text: ` ${cell(mark.word, 6)}`, ...colour, bold: true });
  return segments;
}
