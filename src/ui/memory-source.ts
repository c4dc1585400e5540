import { EventEmitter } from 'node:events';
import { compareEvents, type IncidentEvent } from '../domain/event.ts';
import { foldAll, foldIncident, type IncidentState } from '../domain/fold.ts';
import type { FeedStatus } from '../feed/client.ts';
import type { DashboardSource } from './dashboard-source.ts';

/**
 * A source held entirely in memory: the screen over a fixed set of events, with no store or feed.
 * Published events apply at once and stay pending until `ack`.
 */
export class MemorySource extends EventEmitter implements DashboardSource {
  private map: Map<string, IncidentState>;
  // Replaced, never mutated: the screen tells "changed" by identity.
  private pendingIds: ReadonlySet<string> = new Set<string>();

  constructor(
    private readonly events: IncidentEvent[],
    private current: FeedStatus,
    states?: ReadonlyMap<string, IncidentState>,
  ) {
    super();
    this.map = states ? new Map(states) : foldAll(events);
  }

  states(): ReadonlyMap<string, IncidentState> {
    return this.map;
  }

  status(): FeedStatus {
    return this.current;
  }

  pending(): ReadonlySet<string> {
    return this.pendingIds;
  }

  timeline(incidentId: string): IncidentEvent[] {
    return this.events.filter((e) => e.incidentId === incidentId).sort(compareEvents);
  }

  publish(event: IncidentEvent): void {
    this.pendingIds = new Set([...this.pendingIds, event.id]);
    this.add([event]);
  }

  ack(eventId: string): void {
    const pending = new Set(this.pendingIds);
    pending.delete(eventId);
    this.pendingIds = pending;
    this.emit('change');
  }

  add(events: IncidentEvent[]): void {
    this.events.push(...events);
    this.map = new Map(this.map);
    for (const id of new Set(events.map((e) => e.incidentId))) this.map.set(id, foldIncident(id, this.events));
    this.emit('change');
  }

  setStatus(status: FeedStatus): void {
    this.current = status;
    this.emit('change');
  }
}
