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
  let day = startOfDay(local(startMs, cal.zone));
  let startsAt = startMs;
  let counted = 0;
  if (startOnBusinessDay && !isBusinessDay(day, cal)) {
    while (!isBusinessDay(day, cal)) day = addDays(day, 1);
    startsAt = day.getTime();
    counted = 1;
  }
  while (counted < n) {
    day = addDays(day, 1);
    if (isBusinessDay(day, cal)) counted += 1;
  }
  return { startsAt, dueAt: startOfDay(addDays(day, 1)).getTime() };
}

/** A deadline that falls on a non-working day moves to `hour`:00 of the next working day (DORA RTS Art. 5(4)). */
export function rollToWorkingDay(dueMs: number, cal: Calendar, hour: number): number {
  let day = local(dueMs, cal.zone);
  if (isBusinessDay(day, cal)) return dueMs;
  day = startOfDay(day);
  while (!isBusinessDay(day, cal)) day = addDays(day, 1);
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hour, 0, 0, cal.zone).getTime();
}

/** Calendar months in a zone, clamped at month ends (31 Jan + 1 month = 28/29 Feb). */
export function addCalendarMonths(startMs: number, months: number, zone: string): number {
  return addMonths(local(startMs, zone), months).getTime();
}
