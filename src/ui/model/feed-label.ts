import type { FeedStatus } from '../../feed/client.ts';
import { formatInstant } from '../../domain/zoned.ts';

export type Tone = 'ok' | 'alarm';

export interface FeedLabel {
  text: string;
  tone: Tone;
  /** Why the wall must not be trusted right now; absent when live. */
  warning?: string;
}

/** After this long offline the header says OFFLINE since …, not just RECONNECTING. */
const OFFLINE_AFTER_MS = 30_000;

/** How the header names the feed's state at `now`. Anything but LIVE turns the whole header to alarm. */
export function feedLabel(status: FeedStatus, now: number, zone: string): FeedLabel {
  const secs = (ms: number) => `${Math.max(0, Math.ceil(ms / 1000))}s`;
  // The local database refused a write (disk full, damaged file): nothing new is being kept.
  if (status.lastError?.startsWith('storage:')) {
    return { text: 'STORAGE ERROR', tone: 'alarm', warning: `cannot write the local database — ${status.lastError.slice(9).trim()}` };
  }
  switch (status.state) {
    case 'live': {
      const quiet = now - (status.lastHeardAt ?? now);
      if (quiet > status.heartbeatMs * 1.5) {
        return { text: `STALE ${secs(quiet)}`, tone: 'alarm', warning: 'nothing heard from the feed — data may be out of date' };
      }
      return { text: 'LIVE', tone: 'ok' };
    }
    case 'resyncing':
      return { text: 'RESYNCING', tone: 'alarm', warning: 'reloading from the feed snapshot' };
    case 'auth-failed':
      return { text: 'AUTH FAILED', tone: 'alarm', warning: 'the feed refused our credentials — check the token' };
    case 'reconnecting':
    case 'connecting': {
      const retry = status.nextRetryAt !== undefined ? ` · retry in ${secs(status.nextRetryAt - now)}` : '';
      if (status.offlineSince !== undefined && now - status.offlineSince > OFFLINE_AFTER_MS) {
        return {
          text: `OFFLINE since ${formatInstant(status.offlineSince, zone, 'HH:mm')}${retry}`,
          tone: 'alarm',
          warning: 'showing stored data only',
        };
      }
      if (status.state === 'connecting' && status.nextRetryAt === undefined) {
        return { text: 'CONNECTING', tone: 'alarm', warning: 'showing stored data only' };
      }
      return {
        text: `RECONNECTING in ${secs((status.nextRetryAt ?? now) - now)}`,
        tone: 'alarm',
        warning: 'showing stored data only',
      };
    }
    case 'stopped':
      return { text: 'OFFLINE', tone: 'alarm', warning: 'feed stopped' };
  }
}
