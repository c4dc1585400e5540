import { DAY, HOUR } from './instant.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A countdown as the wall shows it: `mm:ss` under an hour, `hh:mm` under a day, `Nd hh` beyond;
 * negative (with a leading minus) once the deadline has passed.
 */
export function formatCountdown(remainingMs: number): string {
  const sign = remainingMs < 0 ? '-' : '';
  const ms = Math.abs(remainingMs);
  const totalSeconds = Math.floor(ms / 1000);
  if (ms < HOUR) return `${sign}${pad(Math.floor(totalSeconds / 60))}:${pad(totalSeconds % 60)}`;
  if (ms < DAY) return `${sign}${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor((totalSeconds % 3600) / 60))}`;
  return `${sign}${Math.floor(totalSeconds / 86400)}d ${pad(Math.floor((totalSeconds % 86400) / 3600))}`;
}

/** Age or elapsed time, coarse: `42s`, `17m`, `3h05m`, `2d04h`. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d${pad(Math.floor((s % 86400) / 3600))}h`;
}
