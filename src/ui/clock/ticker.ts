/** What the clock context needs: the current instant and a per-second callback. */
export interface TickSource {
  subscribe(listener: (now: number) => void): () => void;
  current(): number;
}

/**
 * The one timer of the whole app: ticks once per second, on the second, so every countdown on
 * every display changes at the same moment. Re-aligns each tick, so it never drifts.
 */
export class Ticker implements TickSource {
  private timer?: NodeJS.Timeout;
  private listeners = new Set<(now: number) => void>();

  constructor(private readonly now: () => number = Date.now) {}

  subscribe(listener: (now: number) => void): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) clearTimeout(this.timer);
    };
  }

  current(): number {
    return this.now();
  }

  private schedule(): void {
    const now = this.now();
    this.timer = setTimeout(() => {
      const t = this.now();
      for (const l of this.listeners) l(t - (t % 1000));
      if (this.listeners.size) this.schedule();
    }, 1000 - (now % 1000));
  }
}
