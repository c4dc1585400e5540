import { EventEmitter } from 'node:events';
import type { IncidentEvent } from '../domain/event.ts';
import type { IncidentState } from '../domain/fold.ts';
import type { FeedClient, FeedStatus } from '../feed/client.ts';
import type { EventStore } from '../store/event-store.ts';

/** What the screen reads and does: every incident's state, the feed's status, and publishing. */
export interface DashboardSource {
  states(): ReadonlyMap<string, IncidentState>;
  status(): FeedStatus;
  /** Ids of local actions the feed has not acked yet. */
  pending(): ReadonlySet<string>;
  /** The incident's audit trail, in log order (by instant, then id). */
  timeline(incidentId: string): IncidentEvent[];
  /** An analyst's action: shown at once, delivered when the feed can take it. */
  publish(event: IncidentEvent): void;
  on(event: 'change', listener: () => void): unknown;
  off(event: 'change', listener: () => void): unknown;
}

/** The live source: starts from the store's projections, then follows the feed client. */
export class LiveSource extends EventEmitter implements DashboardSource {
  // Changes land in `map` in place; readers get `snapshot`, a copy made when they ask after a
  // change (never `map` itself, which a reader would then see change under it). A catch-up
  // replay changes the map a thousand events at a time, many times a second: copying 100,000
  // entries per batch was most of what a big catch-up cost.
  private map: Map<string, IncidentState>;
  private snapshot: ReadonlyMap<string, IncidentState> | undefined;
  private pendingIds: Set<string>;

  constructor(
    private readonly store: EventStore,
    private readonly client: FeedClient,
  ) {
    super();
    // The first frame needs only open incidents; the rest (for the KPIs) follow a moment later.
    this.map = new Map(store.states({ open: true }).map((s) => [s.id, s]));
    setImmediate(() => {
      let closed: IncidentState[];
      try {
        closed = store.states({ open: false });
      } catch {
        return; // the store was closed already: the dashboard is gone
      }
      // A state that arrived from the feed meanwhile is newer than the stored one: keep it.
      for (const s of closed) if (!this.map.has(s.id)) this.map.set(s.id, s);
      this.changed();
    });
    this.pendingIds = new Set(store.outbox().map((e) => e.id));
    client.on('change', (changed: Map<string, IncidentState>) => {
      for (const [id, state] of changed) this.map.set(id, state);
      this.changed();
    });
    const refreshPending = () => {
      this.pendingIds = new Set(store.outbox().map((e) => e.id));
      this.emit('change');
    };
    client.on('ack', refreshPending);
    client.on('publish-rejected', refreshPending);
    client.on('status', () => this.emit('change'));
  }

  /** The incidents as of now; a new Map after any change, so the screen can tell "changed" by identity. */
  states(): ReadonlyMap<string, IncidentState> {
    if (this.snapshot === undefined) this.snapshot = new Map(this.map);
    return this.snapshot;
  }

  private changed(): void {
    this.snapshot = undefined;
    this.emit('change');
  }

  status(): FeedStatus {
    return this.client.status;
  }

  pending(): ReadonlySet<string> {
    return this.pendingIds;
  }

  timeline(incidentId: string): IncidentEvent[] {
    return this.store.eventsOf(incidentId);
  }

  publish(event: IncidentEvent): void {
    this.pendingIds = new Set([...this.pendingIds, event.id]);
    this.client.publish(event);
  }
}
