import { randomBytes } from 'node:crypto';

/*
 * Ids for the events an analyst creates: UUIDv7 (RFC 9562), with the 12 bits after the version
 * used as a counter within a millisecond (its "method 1"). Events that share an instant are
 * ordered by id (the fold's convergence rule), so two keys pressed in the same millisecond — a
 * burst, a paste — must get ids that sort in the order they were pressed. Random v4 ids did not:
 * the second of two quick ticks could sort first and be overridden by the one before it.
 */
let lastMs = -1;
let counter = 0;

/** A fresh UUIDv7 for `nowMs`; strictly greater (as a string, too) than every one made before it here. */
export function timeOrderedId(nowMs: number): string {
  let ms = Math.max(Math.floor(nowMs), lastMs);
  if (ms === lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      ms += 1;
      counter = 0;
    }
  } else {
    counter = 0;
  }
  lastMs = ms;
  const random = randomBytes(8);
  const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
  const time = hex(ms, 12);
  const variant = hex(0x8000 | ((random[0]! << 8) | random[1]!) & 0x3fff, 4);
  const tail = random.subarray(2).toString('hex');
  return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(counter, 3)}-${variant}-${tail}`;
}
