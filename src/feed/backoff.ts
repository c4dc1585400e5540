/**
 * Exponential backoff with full jitter (AWS, "Exponential Backoff and Jitter"):
 * the n-th retry waits a uniform random time in [0, min(cap, base · 2ⁿ)], so a wall of
 * displays that lost the feed together does not reconnect together.
 */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
