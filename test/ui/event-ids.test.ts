import { describe, expect, it } from 'vitest';
import { EventId } from '../../src/domain/event.ts';
import { timeOrderedId } from '../../src/ui/event-ids.ts';

describe('ids of the events an analyst creates', () => {
  it('are UUIDv7s that sort in the order they were made, within one millisecond and when the clock steps back', () => {
    const ms = Date.parse('2026-03-06T12:00:00Z');
    // 5,000 in one millisecond overflows the 12-bit counter; then the clock steps back a second.
    const ids = [...Array.from({ length: 5_000 }, () => timeOrderedId(ms)), ...Array.from({ length: 10 }, () => timeOrderedId(ms - 1_000))];
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(EventId.safeParse(id).success).toBe(true);
    }
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    // The time is readable from the id.
    expect(Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
