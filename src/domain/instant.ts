import { z } from 'zod';

/**
 * Instants travel as ISO-8601 strings with an explicit offset (so a producer in another zone
 * cannot be misread) and are handled internally as epoch milliseconds.
 */
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

export const toMs = (iso: string): number => Date.parse(iso);
export const toIso = (ms: number): string => new Date(ms).toISOString();

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
