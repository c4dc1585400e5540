const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A one-line trend: each value as a bar scaled to the largest; a gap (·) where there is no value. */
export function sparkline(values: readonly (number | null)[]): string {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return values
    .map((v) => (v === null ? '·' : max === 0 ? BARS[0] : BARS[Math.min(BARS.length - 1, Math.round((v / max) * (BARS.length - 1)))]))
    .join('');
}

/** A horizontal bar of `value` out of `max` in at most `width` cells. */
export function bar(value: number, max: number, width: number): string {
  const n = max > 0 ? Math.max(1, Math.round((value / max) * width)) : 0;
  return '█'.repeat(n);
}
