import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** `2026-03-06 10:15` in `zone`: how walls and printouts show an instant. */
export const formatInstant = (ms: number, zone: string, pattern = 'yyyy-MM-dd HH:mm'): string =>
  format(new TZDate(ms, zone), pattern);
