import type { FeedStatus } from '../../feed/client.ts';
import { currentShift } from '../../domain/shifts.ts';
import { sanitize, truncate, displayWidth } from '../../domain/text.ts';
import { formatInstant } from '../../domain/zoned.ts';
import type { Config } from '../../config/schema.ts';
import { feedLabel, type Tone } from './feed-label.ts';

export interface HeaderLines {
  tone: Tone;
  lines: [string, string];
}

const pad = (text: string, width: number, fill = ' ') => {
  const cut = truncate(text, width);
  return cut + fill.repeat(Math.max(0, width - displayWidth(cut)));
};

/**
 * The two header lines at `now`. When the feed is anything but live, both lines change — the
 * state word, the warning and a shaded fill to the edge — so it reads from across a room even
 * without colour.
 */
export function headerLines(
  status: FeedStatus,
  now: number,
  config: Config,
  width: number,
  mode: { wall: boolean; analyst: string },
): HeaderLines {
  const zone = config.displayZone;
  const label = feedLabel(status, now, zone);
  const shift = currentShift(config.shifts, now, zone);
  const clock =
    zone === 'UTC'
      ? `${formatInstant(now, 'UTC', 'HH:mm:ss')} UTC`
      : `${formatInstant(now, zone, 'HH:mm:ss')} ${zone} · ${formatInstant(now, 'UTC', 'HH:mm:ss')} UTC`;
  const shiftText = shift ? `shift ${sanitize(shift.name)}${shift.lead ? ` · lead ${sanitize(shift.lead)}` : ''}` : '';
  const marker = label.tone === 'ok' ? '●' : '⚠';
  const first = [` SOCWALL`, clock, `${marker} ${label.text}`, shiftText].filter(Boolean).join('  │  ');

  const notes: string[] = [];
  if (status.skewMs !== undefined && Math.abs(status.skewMs) > config.feed.skewWarnMs) {
    notes.push(`⚠ clock skew ${Math.round(status.skewMs / 1000)}s vs feed`);
  }
  if (status.rejected > 0) notes.push(`⚠ ${status.rejected} rejected messages`);
  if (status.outbox > 0) notes.push(`${status.outbox} actions queued`);
  notes.push(mode.wall ? 'wall (read-only)' : `analyst ${sanitize(mode.analyst)}`);

  if (label.tone === 'alarm') {
    const second = ` ⚠ ${label.text} — ${label.warning ?? ''}  ·  ${notes.join('  ·  ')} `;
    // The shaded fill always reaches the edge, however long the text, so the bar reads as an alarm.
    const shaded = (text: string) => `${pad(text, width - 2, '▒')}▒▒`;
    return { tone: 'alarm', lines: [shaded(`${first}  `), shaded(second)] };
  }
  return { tone: 'ok', lines: [pad(first, width), pad(` ${notes.join('  ·  ')}`, width)] };
}
