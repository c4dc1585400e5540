import { z } from 'zod';
import { DAY, HOUR, MINUTE } from './instant.ts';

/**
 * Durations in config read as people write them: `15m`, `4h`, `60d` (clock time, weekends included),
 * `4bd` (business days on the rule's calendar), `1mo` (calendar months).
 */
export type Duration =
  | { unit: 'ms'; ms: number; text: string }
  | { unit: 'business-days'; n: number; text: string }
  | { unit: 'months'; n: number; text: string };

const PATTERN = /^(\d+(?:\.\d+)?)(m|h|d|bd|mo)$/;

export function parseDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'm':
      return { unit: 'ms', ms: n * MINUTE, text };
    case 'h':
      return { unit: 'ms', ms: n * HOUR, text };
    case 'd':
      return { unit: 'ms', ms: n * DAY, text };
    case 'bd':
      return Number.isInteger(n) && n > 0 ? { unit: 'business-days', n, text } : undefined;
    default:
      return Number.isInteger(n) && n > 0 ? { unit: 'months', n, text } : undefined;
  }
}

export const DurationText = z.string().transform((text, ctx) => {
  const d = parseDuration(text);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration (use 15m, 4h, 60d, 4bd or 1mo)` });
    return z.NEVER;
  }
  return d;
});

/** A deadline: a duration, or `none` for duties with no fixed deadline. */
export const DueText = z.string().transform((text, ctx): Duration | 'none' => {
  if (text === 'none') return 'none';
  const d = parseDuration(text);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a deadline (use none, 15m, 4h, 60d, 4bd or 1mo)` });
    return z.NEVER;
  }
  return d;
});

/** A plain clock-time duration (no calendars), for thresholds such as due-soon. */
export const ClockDurationText = DurationText.refine((d) => d.unit === 'ms', 'use m, h or d here').transform(
  (d) => (d as Extract<Duration, { unit: 'ms' }>).ms,
);
