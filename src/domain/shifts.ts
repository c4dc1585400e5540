import type { Shift } from '../config/schema.ts';
import { formatInstant } from './zoned.ts';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The shift on duty at `now` in `zone`; a shift whose end is before its start runs past midnight. */
export function currentShift(shifts: readonly Shift[], now: number, zone: string): Shift | undefined {
  const t = minutes(formatInstant(now, zone, 'HH:mm'));
  return shifts.find((s) => {
    const start = minutes(s.start);
    const end = minutes(s.end);
    return start <= end ? t >= start && t < end : t >= start || t < end;
  });
}
