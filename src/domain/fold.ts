import { compareEvents, type IncidentEvent } from './event.ts';
import { type Incident, type Phase, TERMINAL_PHASES } from './incident.ts';
import { toMs } from './instant.ts';

export interface Attributed {
  at: number;
  by?: string;
  eventId: string;
}
export interface NotificationRecord extends Attributed {
  audience: string;
  rule?: string;
}
export interface NoteRecord extends Attributed {
  text: string;
  tag?: 'lesson' | 'action-item';
  score?: number;
}
export interface ClockControl extends Attributed {
  rule: string;
  action: 'paused' | 'resumed' | 'waived';
  reason: string;
}
export interface ChecklistMark extends Attributed {
  done: boolean;
}

/**
 * Everything known about one incident, as plain JSON (it is stored as the projection).
 * Instants are epoch ms. `incident` is absent until an `incident.opened` has been folded.
 */
export interface IncidentState {
  id: string;
  incident?: Incident;
  openedAt?: number;
  phase: Phase;
  /** The first instant each phase was reached: KPIs and clocks anchor on these. */
  phaseAt: Partial<Record<Phase, number>>;
  phaseHistory: (Attributed & { phase: Phase })[];
  acknowledged?: Attributed;
  notifications: NotificationRecord[];
  checklist: Record<string, ChecklistMark>;
  notes: NoteRecord[];
  clockControls: ClockControl[];
  /** Events that were valid on their own but could not apply here, with why. Kept for the audit view. */
  conflicts: { eventId: string; reason: string }[];
  eventCount: number;
  /** The last event folded, to tell whether a new one extends the fold or must trigger a refold. */
  last?: { at: number; id: string };
}

export function emptyState(incidentId: string): IncidentState {
  return {
    id: incidentId,
    phase: 'new',
    phaseAt: {},
    phaseHistory: [],
    notifications: [],
    checklist: {},
    notes: [],
    clockControls: [],
    conflicts: [],
    eventCount: 0,
  };
}

/** Does `event` come after everything folded into `state`, so that it can be applied incrementally? */
export function extendsFold(state: IncidentState, event: IncidentEvent): boolean {
  if (!state.last) return true;
  const at = toMs(event.at);
  return at > state.last.at || (at === state.last.at && event.id > state.last.id);
}

/**
 * Applies one event that sorts after everything already folded. Pure: returns a new state.
 * An event that cannot apply is recorded as a conflict rather than half-applied.
 */
export function applyEvent(state: IncidentState, event: IncidentEvent): IncidentState {
  if (event.incidentId !== state.id) throw new Error(`event ${event.id} is for ${event.incidentId}, not ${state.id}`);
  const at = toMs(event.at);
  const mark: Attributed = { at, eventId: event.id, ...(event.by ? { by: event.by } : {}) };
  const next: IncidentState = { ...state, eventCount: state.eventCount + 1, last: { at, id: event.id } };
  const conflict = (reason: string): IncidentState => ({
    ...next,
    conflicts: [...state.conflicts, { eventId: event.id, reason }],
  });

  switch (event.kind) {
    case 'incident.opened':
      if (state.incident) return conflict('incident already opened');
      return { ...next, incident: { ...event.data, id: event.incidentId }, openedAt: at };
    case 'incident.updated':
      if (!state.incident) return conflict('update before the incident was opened');
      return { ...next, incident: { ...state.incident, ...event.data } };
    case 'incident.phase': {
      const phase = event.data.phase;
      return {
        ...next,
        phase,
        phaseAt: state.phaseAt[phase] === undefined ? { ...state.phaseAt, [phase]: at } : state.phaseAt,
        phaseHistory: [...state.phaseHistory, { ...mark, phase }],
      };
    }
    case 'incident.acknowledged':
      return state.acknowledged ? next : { ...next, acknowledged: mark };
    case 'notification.sent':
      return {
        ...next,
        notifications: [
          ...state.notifications,
          { ...mark, audience: event.data.audience, ...(event.data.rule ? { rule: event.data.rule } : {}) },
        ],
      };
    case 'checklist.set':
      return { ...next, checklist: { ...state.checklist, [event.data.itemId]: { ...mark, done: event.data.done } } };
    case 'note.added':
      return { ...next, notes: [...state.notes, { ...mark, ...event.data }] };
    case 'clock.paused':
    case 'clock.resumed':
    case 'clock.waived': {
      const action = event.kind.slice('clock.'.length) as ClockControl['action'];
      return {
        ...next,
        clockControls: [...state.clockControls, { ...mark, action, rule: event.data.rule, reason: event.data.reason }],
      };
    }
  }
}

/**
 * The state of one incident from its events, in any arrival order: events are deduplicated by id
 * and sorted by (at, id) before folding, so every replica reaches the same state.
 */
export function foldIncident(incidentId: string, events: readonly IncidentEvent[]): IncidentState {
  const unique = new Map<string, IncidentEvent>();
  for (const e of events) if (e.incidentId === incidentId && !unique.has(e.id)) unique.set(e.id, e);
  return [...unique.values()].sort(compareEvents).reduce(applyEvent, emptyState(incidentId));
}

/** Folds a mixed stream into one state per incident. */
export function foldAll(events: readonly IncidentEvent[]): Map<string, IncidentState> {
  const byIncident = new Map<string, IncidentEvent[]>();
  for (const e of events) {
    const list = byIncident.get(e.incidentId);
    if (list) list.push(e);
    else byIncident.set(e.incidentId, [e]);
  }
  const states = new Map<string, IncidentState>();
  for (const [id, list] of byIncident) states.set(id, foldIncident(id, list));
  return states;
}

export const isOpen = (s: IncidentState): boolean => s.incident !== undefined && !TERMINAL_PHASES.includes(s.phase);
