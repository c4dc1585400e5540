import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, startOfDay } from 'date-fns';
import { z } from 'zod';

/**
 * A working-day calendar: the zone whose dates count, the weekdays that are off (0 = Sunday)
 * and the dated holidays. SEC business days, DORA's "next working day" and LGPD's dias úteis each use one.
 */
export const Calendar = z.strictObject({
  zone: z.string().refine(isValidZone, 'not an IANA time zone (e.g. Europe/Brussels)'),
  weekend: z.array(z.number().int().min(0).max(6)).default([0, 6]),
  holidays: z.array(z.iso.date()).default([]),
  note: z.string().optional(),
});
export type Calendar = z.infer<typeof Calendar>;

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const local = (ms: number, zone: string) => new TZDate(ms, zone);
const dateKey = (d: Date) => format(d, 'yyyy-MM-dd');

export function isBusinessDay(d: TZDate, cal: Calendar): boolean {
  return !cal.weekend.includes(d.getDay()) && !cal.holidays.includes(dateKey(d));
}

/*
 * Every zone's offset is a multiple of 15 minutes, so an instant's local date is the same for the
 * whole 15-minute span it falls in: calendar answers are memoised per span. A wall computing the
 * clocks of 10,000 incidents asks the same few dates again and again.
 */
const SPAN = 15 * 60_000;
const memo = new WeakMap<Calendar, Map<string, unknown>>();
function remember<T>(cal: Calendar, key: string, compute: () => T): T {
  let m = memo.get(cal);
  if (!m) memo.set(cal, (m = new Map()));
  if (m.size > 50_000) m.clear();
  if (!m.has(key)) m.set(key, compute());
  return m.get(key) as T;
}

/**
 * The end (next local midnight) of the n-th business day after `startMs`'s date.
 * With `startOnBusinessDay`, a start on a non-business day moves to the first business day
 * thereafter, and that day counts as day one (Form 8-K General Instruction B.1).
 */
export function businessDayDeadline(
  startMs: number,
  n: number,
  cal: Calendar,
  startOnBusinessDay: boolean,
): { startsAt: number; dueAt: number } {
  const r = remember(cal, `bd|${Math.floor(startMs / SPAN)}|${n}|${startOnBusinessDay}`, () =>
    computeBusinessDayDeadline(startMs, n, cal, startOnBusinessDay),
  );
  return { startsAt: r.moved ? r.startsAt : startMs, dueAt: r.dueAt };
}

function computeBusinessDayDeadline(startMs: number, n: number, cal: Calendar, startOnBusinessDay: boolean) {
  let moved = false;
  let day = startOfDay(local(startMs, cal.zone));
  let startsAt = startMs;
  let counted = 0;
  if (startOnBusinessDay && !isBusinessDay(day, cal)) {
    while (!isBusinessDay(day, cal)) day = addDays(day, 1);
    startsAt = day.getTime();
    moved = true;
    counted = 1;
  }
  while (counted < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day, cal)) counted += 1;
  }
  return { moved, startsAt, dueAt: startOfDay(addDays(day, 1)).getTime() };
}

/** A deadline that falls on a non-working day moves to `hour`:00 of the next working day (DORA RTS Art. 5(4)). */
export function rollToWorkingDay(dueMs: number, cal: Calendar, hour: number): number {
  const rolled = remember(cal, `roll|${Math.floor(dueMs / SPAN)}|${hour}`, () => computeRoll(dueMs, cal, hour));
  return rolled ?? dueMs;
}

/** The rolled instant, or null when the deadline's day is a working day. */
function computeRoll(dueMs: number, cal: Calendar, hour: number): number | null {
  let day = local(dueMs, cal.zone);
  if (isBusinessDay(day, cal)) return null;
  day = startOfDay(day);
  while (!isBusinessDay(day, cal)) day = addDays(day, 1);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0, 0, cal.zone).getTime();
}

/** Calendar months in a zone, clamped at month ends (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(startMs: number, months: number, zone: string): number {
  if (zone === 'UTC') {
    // Same clamping as date-fns, without a time-zone lookup: 31 Jan + 1 month = 28/29 Feb.
    const d = new Date(startMs);
    const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
    target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
    return target.getTime();
  }
  return addMonths(local(startMs, zone), months).getTime();
}
