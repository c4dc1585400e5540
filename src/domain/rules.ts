import { z } from 'zod';
import { ClockDurationText, DueText, DurationText } from './duration.ts';
import { INSTANT_FIELDS, IncidentType, Phase, Regime, Severity } from './incident.ts';

/**
 * Where a clock starts: an instant field of the incident (`awareAt`), the first time a phase was
 * reached (`phase:resolved`), when another clock was met (`clock:dora-initial`), or `opened`.
 */
export const Anchor = z.string().superRefine((s, ctx) => {
  if (s === 'opened' || (INSTANT_FIELDS as readonly string[]).includes(s)) return;
  if (s.startsWith('phase:') && Phase.safeParse(s.slice(6)).success) return;
  if (s.startsWith('clock:') && s.length > 6) return;
  ctx.addIssue({
    code: 'custom',
    message: `"${s}" is not an anchor (use opened, ${INSTANT_FIELDS.join(', ')}, phase:<phase> or clock:<rule id>)`,
  });
});
export type Anchor = z.infer<typeof Anchor>;

/** What meets a clock. A clock is met by an event, never by time passing. */
export const Matcher = z.union([
  z.strictObject({ event: z.literal('notification.sent') }),
  z.strictObject({ event: z.literal('incident.phase'), phases: z.array(Phase).min(1) }),
  z.strictObject({ event: z.literal('checklist.set'), item: z.string().min(1) }),
  z.strictObject({ event: z.literal('incident.acknowledged') }),
]);
export type Matcher = z.infer<typeof Matcher>;

const SeverityOverride = z.strictObject({
  due: DurationText.optional(),
  dueSoon: ClockDurationText.optional(),
  audience: z.string().optional(),
  label: z.string().optional(),
});

export const Rule = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,63}$/, 'a rule id is lower-case letters, digits, . and -'),
    label: z.string().min(1),
    audience: z.string().min(1),
    enabled: z.boolean().default(true),
    /** Which incidents the rule applies to; every given condition must hold (regimes: any of them). */
    when: z
      .strictObject({
        severities: z.array(Severity).optional(),
        regimes: z.array(Regime).optional(),
        personalData: z.boolean().optional(),
        types: z.array(IncidentType).optional(),
      })
      .default({}),
    start: Anchor,
    /** `none` for duties with no fixed deadline ("without undue delay"): the wall shows elapsed time. */
    due: DueText,
    /** Further candidate deadlines; the earliest that is not before the clock's start binds (DORA initial). */
    earliestOf: z.array(z.strictObject({ start: Anchor, due: DurationText })).default([]),
    dueSoon: ClockDurationText,
    calendar: z.string().optional(),
    /** A deadline on a non-working day of `calendar` moves to this hour of the next working day. */
    rollToWorkingDayAt: z.number().int().min(0).max(23).nullable().optional(),
    /** A trigger on a non-business day starts the count on the next business day (8-K B.1). */
    startOnBusinessDay: z.boolean().default(false),
    metBy: z.array(Matcher).min(1).default([{ event: 'notification.sent' }]),
    severity: z.partialRecord(Severity, SeverityOverride).default({}),
    source: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    const needsCalendar =
      (r.rollToWorkingDayAt ?? undefined) !== undefined ||
      r.startOnBusinessDay ||
      [r.due, ...r.earliestOf.map((e) => e.due), ...Object.values(r.severity).map((o) => o?.due)].some(
        (d) => typeof d === 'object' && d.unit === 'business-days',
      );
    if (needsCalendar && !r.calendar) {
      ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'business days and working-day rolls need a calendar' });
    }
  });
export type Rule = z.infer<typeof Rule>;
export type RuleInput = z.input<typeof Rule>;

/** Rule ids are unique, chained clocks name a real rule, calendars exist, and no chain loops. */
export function checkRuleSet(rules: readonly Rule[], calendars: readonly string[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) problems.push(`rule "${r.id}" is defined twice`);
    ids.add(r.id);
  }
  const chainOf = (r: Rule) =>
    [r.start, ...r.earliestOf.map((e) => e.start)].filter((a) => a.startsWith('clock:')).map((a) => a.slice(6));
  for (const r of rules) {
    for (const dep of chainOf(r)) if (!ids.has(dep)) problems.push(`rule "${r.id}" starts on unknown clock "${dep}"`);
    if (r.calendar && !calendars.includes(r.calendar)) problems.push(`rule "${r.id}" uses unknown calendar "${r.calendar}"`);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const visit = (id: string, path: string[]): void => {
    if (path.includes(id)) {
      problems.push(`clock chain loops: ${[...path, id].join(' → ')}`);
      return;
    }
    const r = byId.get(id);
    if (r) for (const dep of chainOf(r)) visit(dep, [...path, id]);
  };
  for (const r of rules) visit(r.id, []);
  return [...new Set(problems)];
}
