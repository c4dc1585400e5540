import type { IncidentEvent } from './event.ts';
import type { Phase } from './incident.ts';
import { toIso } from './instant.ts';

/** Who and when an analyst's action is stamped with; the id is the event's idempotency key. */
export interface Actor {
  id: string;
  at: number;
  by: string;
}

const base = (incidentId: string, a: Actor) => ({ id: a.id, incidentId, at: toIso(a.at), by: a.by });

export const tickEvent = (incidentId: string, itemId: string, done: boolean, a: Actor): IncidentEvent => ({
  ...base(incidentId, a),
  kind: 'checklist.set',
  data: { itemId, done },
});

export const noteEvent = (incidentId: string, text: string, tag: 'lesson' | 'action-item' | undefined, a: Actor): IncidentEvent => ({
  ...base(incidentId, a),
  kind: 'note.added',
  data: { text, ...(tag ? { tag } : {}) },
});

export const ackEvent = (incidentId: string, a: Actor): IncidentEvent => ({
  ...base(incidentId, a),
  kind: 'incident.acknowledged',
  data: {},
});

export const notifyEvent = (incidentId: string, audience: string, rule: string | undefined, a: Actor): IncidentEvent => ({
  ...base(incidentId, a),
  kind: 'notification.sent',
  data: { audience, ...(rule ? { rule } : {}) },
});

export const phaseEvent = (incidentId: string, phase: Phase, a: Actor): IncidentEvent => ({
  ...base(incidentId, a),
  kind: 'incident.phase',
  data: { phase },
});

export const clockEvent = (
  incidentId: string,
  action: 'paused' | 'resumed' | 'waived',
  rule: string,
  reason: string,
  a: Actor,
): IncidentEvent => ({
  ...base(incidentId, a),
  kind: `clock.${action}`,
  data: { rule, reason },
});
