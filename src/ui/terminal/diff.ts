import { type Cell, sgr } from './cells.ts';

const BLANK: Cell = { ch: ' ', style: '' };

/** Unchanged cells between two changed ones, up to this many, are rewritten rather than skipped. */
const MERGE_GAP = 3;

export interface PaintResult {
  bytes: string;
  changedCells: number;
}

/**
 * The bytes that turn the screen from `prev` into `next`: for each run of changed cells, an
 * absolute cursor move and the cells, with SGR only where the style changes. Rows and columns
 * beyond a frame's end are blank, so a shrinking frame erases what it left behind.
 */
export function diffFrames(prev: readonly Cell[][], next: readonly Cell[][], width: number): PaintResult {
  let out = '';
  let changedCells = 0;
  let currentStyle: string | undefined;
  const rows = Math.max(prev.length, next.length);
  for (let r = 0; r < rows; r++) {
    const a = prev[r] ?? [];
    const b = next[r] ?? [];
    const cols = Math.min(width, Math.max(a.length, b.length));
    let c = 0;
    while (c < cols) {
      if (same(a[c], b[c])) {
        c += 1;
        continue;
      }
      let start = c;
      let end = c;
      let gap = 0;
      for (let k = c + 1; k < cols; k++) {
        if (same(a[k], b[k])) {
          gap += 1;
          if (gap > MERGE_GAP) break;
        } else {
          end = k;
          gap = 0;
        }
      }
      // Never start on the right half of a wide character, or end on its left half.
      while (start > 0 && (b[start] ?? BLANK).cont) start -= 1;
      if (b[end + 1]?.cont) end += 1;
      out += `\u001b[${r + 1};${start + 1}H`;
      let reposition = false;
      for (let k = start; k <= end; k++) {
        const cell = b[k] ?? BLANK;
        if (!same(a[k], b[k])) changedCells += 1;
        if (cell.cont) continue;
        // Terminals disagree about the width of some characters (emoji above all): after a wide
        // one, place the cursor explicitly rather than trust where the terminal left it.
        const wide = b[k + 1]?.cont === true;
        if (cell.style !== currentStyle) {
          out += sgr(cell.style);
          currentStyle = cell.style;
        }
        // A blank goes in the right half first: a terminal that draws the character one column
        // wide still shows nothing stale there, and one that draws it two wide covers the blank.
        if (wide) out += `\u001b[${r + 1};${k + 2}H \u001b[${r + 1};${k + 1}H`;
        else if (reposition) out += `\u001b[${r + 1};${k + 1}H`;
        out += cell.ch;
        reposition = wide;
      }
      c = end + 1;
    }
  }
  if (out && currentStyle !== '') out += sgr('');
  return { bytes: out, changedCells };
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  const x = a ?? BLANK;
  const y = b ?? BLANK;
  return x.ch === y.ch && x.style === y.style && !x.cont === !y.cont;
}
