import { z } from 'zod';
import { IncidentFields, IncidentFieldsAsSent, IncidentId, Phase } from './incident.ts';
import { Instant } from './instant.ts';

export const EventId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'an event id is letters, digits and . _ : - (no spaces)');

export const NOTE_TAGS = ['lesson', 'action-item'] as const;
const RuleRef = z.string().min(1).max(64);
const Reason = z.string().min(1, 'a reason is required').max(2_000);

const envelope = {
  id: EventId,
  incidentId: IncidentId,
  at: Instant,
  by: z.string().min(1).max(128).optional(),
};

const variant = <K extends string, D extends z.ZodType>(kind: K, data: D) =>
  z.strictObject({ ...envelope, kind: z.literal(kind), data });

export const IncidentOpened = variant('incident.opened', IncidentFields.strict());
/** An update names only the fields it changes; `null` is not allowed, so a field is never erased by accident. */
export const IncidentUpdated = variant(
  'incident.updated',
  IncidentFieldsAsSent.partial().strict().refine((d) => Object.keys(d).length > 0, 'an update must change at least one field'),
);
export const IncidentPhaseChanged = variant(
  'incident.phase',
  z.strictObject({ phase: Phase, reason: z.string().max(2_000).optional() }),
);
export const IncidentAcknowledged = variant(
  'incident.acknowledged',
  z.strictObject({ comment: z.string().max(2_000).optional() }).default({}),
);
export const NotificationSent = variant(
  'notification.sent',
  z.strictObject({
    audience: z.string().min(1).max(256),
    /** The clock this notification meets. */
    rule: RuleRef.optional(),
    channel: z.string().max(128).optional(),
    reference: z.string().max(512).optional(),
  }),
);
export const ChecklistSet = variant(
  'checklist.set',
  z.strictObject({ itemId: z.string().min(1).max(64), done: z.boolean() }),
);
export const NoteAdded = variant(
  'note.added',
  z.strictObject({
    text: z.string().min(1).max(65_536),
    tag: z.enum(NOTE_TAGS).optional(),
    /** A stakeholder-satisfaction survey score, where the note records one. */
    score: z.number().min(1).max(5).optional(),
  }),
);
const clockControl = z.strictObject({ rule: RuleRef, reason: Reason });
export const ClockPaused = variant('clock.paused', clockControl);
export const ClockResumed = variant('clock.resumed', clockControl);
export const ClockWaived = variant('clock.waived', clockControl);

export const IncidentEvent = z.discriminatedUnion('kind', [
  IncidentOpened,
  IncidentUpdated,
  IncidentPhaseChanged,
  IncidentAcknowledged,
  NotificationSent,
  ChecklistSet,
  NoteAdded,
  ClockPaused,
  ClockResumed,
  ClockWaived,
]);
export type IncidentEvent = z.infer<typeof IncidentEvent>;
export type EventKind = IncidentEvent['kind'];
export const EVENT_KINDS = IncidentEvent.options.map((o) => o.shape.kind.value) as EventKind[];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One line per problem, each naming the field path, so a producer can fix its event. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}

export function parseEvent(input: unknown): Parsed<IncidentEvent> {
  if (typeof input === 'object' && input !== null && 'kind' in input) {
    const kind = (input as { kind: unknown }).kind;
    if (typeof kind === 'string' && !(EVENT_KINDS as string[]).includes(kind)) {
      return { ok: false, reason: `unknown event kind "${kind.slice(0, 64)}" (expected one of ${EVENT_KINDS.join(', ')})` };
    }
  }
  const r = IncidentEvent.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: describeIssues(r.error) };
}

/** The total order of the log: by instant, then by id, so every replica folds identically. */
export function compareEvents(a: IncidentEvent, b: IncidentEvent): number {
  const d = Date.parse(a.at) - Date.parse(b.at);
  if (d !== 0) return d;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
