import { z } from 'zod';
import { Calendar } from '../domain/calendar.ts';
import { ChecklistConfig } from '../domain/checklist.ts';
import { Rule } from '../domain/rules.ts';

const Zone = Calendar.shape.zone;

export const Shift = z.strictObject({
  name: z.string().min(1),
  /** Local start and end in the display zone, `HH:MM`; a shift may run past midnight. */
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
  lead: z.string().optional(),
});
export type Shift = z.infer<typeof Shift>;

export const FeedSettings = z.strictObject({
  heartbeatMs: z.number().int().min(100).default(5_000),
  backoffBaseMs: z.number().int().min(10).default(500),
  backoffCapMs: z.number().int().min(100).default(30_000),
  /** A connection that has lasted this long resets the backoff schedule. */
  stableMs: z.number().int().min(0).default(10_000),
  maxPayloadBytes: z.number().int().min(1_024).max(64 * 1024 * 1024).default(1024 * 1024),
  skewWarnMs: z.number().int().min(0).default(5_000),
});
export type FeedSettings = z.infer<typeof FeedSettings>;

export const Config = z.strictObject({
  /** IANA zone for wall clocks and printed times; UTC is always shown beside it. */
  displayZone: Zone.default('UTC'),
  mandatoryTags: z.array(z.string()).default(['region', 'severity', 'type']),
  calendars: z.record(z.string(), Calendar).default({}),
  rules: z.array(Rule),
  checklist: ChecklistConfig,
  shifts: z.array(Shift).default([]),
  feed: FeedSettings.default(FeedSettings.parse({})),
  wall: z
    .strictObject({
      rotateSeconds: z.number().int().min(2).default(10),
      bell: z.boolean().default(false),
    })
    .default({ rotateSeconds: 10, bell: false }),
  theme: z.enum(['dark', 'light', 'high-contrast']).default('dark'),
  /** Command → keys overrides (analyst keys issue). */
  keys: z.record(z.string(), z.array(z.string())).default({}),
  kpi: z
    .strictObject({
      mttdHighSeconds: z.number().default(900),
      reportCompletionRate: z.number().min(0).max(1).default(0.9),
      repeatIncidentRatio: z.number().min(0).max(1).default(0.05),
      satisfaction: z.number().min(1).max(5).default(4),
    })
    .default({ mttdHighSeconds: 900, reportCompletionRate: 0.9, repeatIncidentRatio: 0.05, satisfaction: 4 }),
});
export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
