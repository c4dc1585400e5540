import { EventEmitter } from 'node:events';
import type { IncidentState } from '../domain/fold.ts';
import type { FeedClient, FeedStatus } from '../feed/client.ts';
import type { EventStore } from '../store/event-store.ts';

/** What the screen reads: every incident's state and the feed's status, with change notifications. */
export interface DashboardSource {
  states(): ReadonlyMap<string, IncidentState>;
  status(): FeedStatus;
  on(event: 'change', listener: () => void): unknown;
  off(event: 'change', listener: () => void): unknown;
}

/** The live source: starts from the store's projections, then follows the feed client. */
export class LiveSource extends EventEmitter implements DashboardSource {
  private map: Map<string, IncidentState>;
  private version = 0;

  constructor(
    store: EventStore,
    private readonly client: FeedClient,
  ) {
    super();
    this.map = new Map(store.states().map((s) => [s.id, s]));
    client.on('change', (changed: Map<string, IncidentState>) => {
      // A new Map per change, so the screen can tell "changed" by identity.
      this.map = new Map(this.map);
      for (const [id, state] of changed) this.map.set(id, state);
      this.version += 1;
      this.emit('change');
    });
    client.on('status', () => this.emit('change'));
  }

  states(): ReadonlyMap<string, IncidentState> {
    return this.map;
  }

  status(): FeedStatus {
    return this.client.status;
  }
}
