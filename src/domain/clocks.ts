import { z } from 'zod';
import { addCalendarMonths, businessDayDeadline, type Calendar, rollToWorkingDay } from './calendar.ts';
import type { Duration } from './duration.ts';
import type { IncidentState } from './fold.ts';
import { type Incident, type InstantField, instantOf, type Phase } from './incident.ts';
import { Instant, toIso, toMs } from './instant.ts';
import type { Anchor, Matcher, Rule } from './rules.ts';

export const ClockState = z.enum(['pending', 'due-soon', 'breached', 'met', 'paused', 'waived']);
export type ClockState = z.infer<typeof ClockState>;

/** A clock as shown and as printed by `socwall clocks --json`. `dueAt` is null where no fixed deadline exists. */
export const Clock = z.object({
  rule: z.string(),
  label: z.string(),
  audience: z.string(),
  startsAt: Instant,
  dueAt: Instant.nullable(),
  /** From this instant the clock shows as due soon. */
  dueSoonAt: Instant.optional(),
  state: ClockState,
  metAt: Instant.optional(),
  /** Met, but after the deadline had passed. */
  late: z.boolean().optional(),
  /** Time spent paused, which pushes the deadline back. */
  pausedSeconds: z.number().optional(),
  reason: z.string().optional(),
});
export type Clock = z.infer<typeof Clock>;

export interface ClockContext {
  rules: readonly Rule[];
  calendars: Readonly<Record<string, Calendar>>;
}

export function ruleApplies(rule: Rule, incident: Incident): boolean {
  if (!rule.enabled) return false;
  const w = rule.when;
  if (w.severities && !w.severities.includes(incident.severity)) return false;
  if (w.types && !w.types.includes(incident.type)) return false;
  if (w.personalData !== undefined && (incident.personalData ?? false) !== w.personalData) return false;
  if (w.regimes && !w.regimes.some((r) => incident.regimes?.includes(r))) return false;
  return true;
}

interface Resolved {
  clock?: Clock;
  metAtMs?: number;
}

/**
 * Every clock running for one incident at `now`, soonest deadline first.
 * Events later than `now` are ignored, so the same state answers "what did the wall show at 14:00?".
 */
export function computeClocks(state: IncidentState, now: number, ctx: ClockContext): Clock[] {
  const incident = state.incident;
  if (!incident) return [];
  const byId = new Map(ctx.rules.map((r) => [r.id, r]));
  const memo = new Map<string, Resolved>();

  const resolve = (rule: Rule, depth: number): Resolved => {
    const cached = memo.get(rule.id);
    if (cached) return cached;
    // Config validation rejects loops; the depth guard keeps a hand-built rule set from recursing forever.
    const result = depth > byId.size || !ruleApplies(rule, incident) ? {} : computeOne(rule, state, incident, now, ctx, anchorAt);
    memo.set(rule.id, result);
    return result;

    function anchorAt(anchor: Anchor): number | undefined {
      if (anchor.startsWith('clock:')) {
        const dep = byId.get(anchor.slice(6));
        return dep ? resolve(dep, depth + 1).metAtMs : undefined;
      }
      return anchorInstant(anchor, state, incident!);
    }
  };

  const clocks = ctx.rules.map((r) => resolve(r, 0).clock).filter((c): c is Clock => c !== undefined);
  return clocks.sort(compareClocks);
}

function anchorInstant(anchor: Anchor, state: IncidentState, incident: Incident): number | undefined {
  if (anchor === 'opened') return state.openedAt;
  if (anchor.startsWith('phase:')) return state.phaseAt[anchor.slice(6) as Phase];
  const iso = instantOf(incident, anchor as InstantField);
  return iso === undefined ? undefined : toMs(iso);
}

function computeOne(
  rule: Rule,
  state: IncidentState,
  incident: Incident,
  now: number,
  ctx: ClockContext,
  anchorAt: (a: Anchor) => number | undefined,
): Resolved {
  const override = rule.severity[incident.severity] ?? {};
  const due = override.due ?? rule.due;
  const dueSoonMs = override.dueSoon ?? rule.dueSoon;
  const calendar = rule.calendar ? ctx.calendars[rule.calendar] : undefined;

  const triggeredAt = anchorAt(rule.start);
  if (triggeredAt === undefined || triggeredAt > now) return {};

  let startsAt = triggeredAt;
  let dueAt: number | undefined;
  if (due !== 'none') {
    const primary = deadlineFrom(triggeredAt, due, rule, calendar);
    startsAt = primary.startsAt;
    // A candidate that falls before the clock even started cannot bind (DORA: classified more than 24 h after awareness).
    const candidates = [primary.dueAt];
    for (const alt of rule.earliestOf) {
      const altStart = anchorAt(alt.start);
      if (altStart === undefined) continue;
      const altDue = deadlineFrom(altStart, alt.due, rule, calendar).dueAt;
      if (altDue >= startsAt) candidates.push(altDue);
    }
    dueAt = Math.min(...candidates);
    if (calendar && rule.rollToWorkingDayAt != null) dueAt = rollToWorkingDay(dueAt, calendar, rule.rollToWorkingDayAt);
  }

  const controls = state.clockControls.filter((c) => c.rule === rule.id && c.at <= now);
  const waived = controls.find((c) => c.action === 'waived');
  const { pausedMs, pausedSince, reason: pauseReason } = pausedTime(controls, now);
  if (dueAt !== undefined) dueAt += pausedMs;

  const metAt = metInstant(rule.metBy, rule, override.audience ?? rule.audience, state, now);
  const clock: Clock = {
    rule: rule.id,
    label: override.label ?? rule.label,
    audience: override.audience ?? rule.audience,
    startsAt: toIso(startsAt),
    dueAt: dueAt === undefined ? null : toIso(dueAt),
    state: 'pending',
  };
  if (dueAt !== undefined) clock.dueSoonAt = toIso(dueAt - dueSoonMs);
  if (pausedMs > 0) clock.pausedSeconds = Math.round(pausedMs / 1000);

  if (metAt !== undefined) {
    clock.state = 'met';
    clock.metAt = toIso(metAt);
    if (dueAt !== undefined && metAt > dueAt) clock.late = true;
  } else if (waived) {
    clock.state = 'waived';
    clock.reason = waived.reason;
  } else if (pausedSince !== undefined) {
    clock.state = 'paused';
    if (pauseReason) clock.reason = pauseReason;
  } else if (dueAt !== undefined) {
    clock.state = now >= dueAt ? 'breached' : now >= dueAt - dueSoonMs ? 'due-soon' : 'pending';
  }
  return { clock, ...(metAt !== undefined ? { metAtMs: metAt } : {}) };
}

function deadlineFrom(start: number, due: Duration, rule: Rule, calendar: Calendar | undefined) {
  switch (due.unit) {
    case 'ms':
      return { startsAt: start, dueAt: start + due.ms };
    case 'months':
      return { startsAt: start, dueAt: addCalendarMonths(start, due.n, calendar?.zone ?? 'UTC') };
    case 'business-days':
      // The rule schema guarantees a calendar wherever business days are used.
      return businessDayDeadline(start, due.n, calendar!, rule.startOnBusinessDay);
  }
}

/** Paused intervals extend the deadline; a pause still open at `now` counts up to `now`. */
function pausedTime(controls: IncidentState['clockControls'], now: number) {
  let pausedMs = 0;
  let pausedSince: number | undefined;
  let reason: string | undefined;
  for (const c of controls) {
    if (c.action === 'paused' && pausedSince === undefined) {
      pausedSince = c.at;
      reason = c.reason;
    } else if (c.action === 'resumed' && pausedSince !== undefined) {
      pausedMs += c.at - pausedSince;
      pausedSince = undefined;
    }
  }
  if (pausedSince !== undefined) pausedMs += now - pausedSince;
  return { pausedMs, pausedSince, reason };
}

function metInstant(matchers: readonly Matcher[], rule: Rule, audience: string, state: IncidentState, now: number) {
  const candidates: number[] = [];
  for (const m of matchers) {
    switch (m.event) {
      case 'notification.sent':
        for (const n of state.notifications) {
          const forThisRule = n.rule === rule.id || (n.rule === undefined && sameText(n.audience, audience));
          if (forThisRule && n.at <= now) candidates.push(n.at);
        }
        break;
      case 'incident.phase':
        for (const p of m.phases) {
          const at = state.phaseAt[p];
          if (at !== undefined && at <= now) candidates.push(at);
        }
        break;
      case 'checklist.set': {
        const mark = state.checklist[m.item];
        if (mark?.done && mark.at <= now) candidates.push(mark.at);
        break;
      }
      case 'incident.acknowledged':
        if (state.acknowledged && state.acknowledged.at <= now) candidates.push(state.acknowledged.at);
        break;
    }
  }
  return candidates.length ? Math.min(...candidates) : undefined;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

const OPEN_ORDER: Record<ClockState, number> = { breached: 0, 'due-soon': 1, pending: 2, paused: 3, met: 4, waived: 5 };

/** Live clocks first (breached, then due soonest), settled ones last. */
export function compareClocks(a: Clock, b: Clock): number {
  const byState = OPEN_ORDER[a.state] - OPEN_ORDER[b.state];
  if (byState !== 0 && (OPEN_ORDER[a.state] > 2 || OPEN_ORDER[b.state] > 2)) return byState;
  const da = a.dueAt ? toMs(a.dueAt) : Number.POSITIVE_INFINITY;
  const db = b.dueAt ? toMs(b.dueAt) : Number.POSITIVE_INFINITY;
  return da - db || a.rule.localeCompare(b.rule);
}

/** The clock a queue sorts by: the soonest deadline still to be met. */
export function nextDeadline(clocks: readonly Clock[]): Clock | undefined {
  return clocks.find((c) => c.dueAt !== null && (c.state === 'pending' || c.state === 'due-soon' || c.state === 'breached'));
}
