import type { IncidentEvent } from '../../src/domain/event.ts';
import type { Incident } from '../../src/domain/incident.ts';

let counter = 0;
/** Event ids sort in creation order, so ties on `at` fold in the order a test wrote them. */
export const nextId = (prefix = 'ev') => `${prefix}-${String(++counter).padStart(6, '0')}`;

export type IncidentInput = Partial<Incident> & Pick<Incident, 'detectedAt'>;

export function incident(fields: IncidentInput): Incident {
  return {
    id: 'INC-1',
    title: 'Suspicious login burst',
    severity: 'high',
    type: 'account-compromise',
    region: 'emea',
    assets: [],
    tags: ['region:emea', 'severity:high', 'type:account-compromise'],
    ...fields,
  };
}

export function opened(fields: IncidentInput, at = fields.detectedAt): IncidentEvent {
  const { id, ...data } = incident(fields);
  return { id: nextId('open'), kind: 'incident.opened', incidentId: id, at, data };
}

type DataOf<K extends IncidentEvent['kind']> = Extract<IncidentEvent, { kind: K }>['data'];

export function ev<K extends IncidentEvent['kind']>(
  kind: K,
  at: string,
  data: DataOf<K>,
  extra: { incidentId?: string; by?: string; id?: string } = {},
): IncidentEvent {
  return {
    id: extra.id ?? nextId(),
    kind,
    incidentId: extra.incidentId ?? 'INC-1',
    at,
    ...(extra.by ? { by: extra.by } : {}),
    data,
  } as IncidentEvent;
}
