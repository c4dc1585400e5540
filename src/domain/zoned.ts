import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

const UTC_SLICES: Record<string, [number, number]> = {
  'yyyy-MM-dd HH:mm': [0, 16],
  'HH:mm:ss': [11, 19],
  'HH:mm': [11, 16],
  'yyyy-MM-dd': [0, 10],
};

/** `2026-03-06 10:15` in `zone`: how walls and printouts show an instant. */
export function formatInstant(ms: number, zone: string, pattern = 'yyyy-MM-dd HH:mm'): string {
  // The wall clock formats UTC every second: slicing the ISO string avoids a time-zone lookup.
  const slice = zone === 'UTC' ? UTC_SLICES[pattern] : undefined;
  if (slice) return new Date(ms).toISOString().slice(...slice).replace('T', ' ');
  return format(new TZDate(ms, zone), pattern);
}
