import type { Cell } from './cells.ts';
import { moveCursor, type Cursor } from './cursor-moves.ts';
import { sgrTransition } from './sgr.ts';

const BLANK: Cell = { ch: ' ', style: '' };

/** Unchanged cells between two changed ones, up to this many, are rewritten rather than skipped. */
const MERGE_GAP = 3;

export interface PaintResult {
  bytes: string;
  changedCells: number;
  /** Where the bytes went: cursor moves, SGR (style) changes, and the characters themselves. */
  cost: { moves: number; styles: number; characters: number };
  /** The style the terminal is left in, for the next paint to start from (`undefined`: not known). */
  pen: string | undefined;
}

/**
 * The bytes that turn the screen from `prev` into `next`: for each run of changed cells, the
 * cheapest cursor move there (absolute or relative, see cursor-moves.ts) and the cells, with SGR
 * only where the style changes, and only the attributes that change. Rows and columns beyond a
 * frame's end are blank, so a shrinking frame erases what it left behind.
 *
 * `pen` is the style the terminal is in; `undefined` when it is not known.
 */
export function diffFrames(prev: readonly Cell[][], next: readonly Cell[][], width: number, pen?: string): PaintResult {
  let out = '';
  let changedCells = 0;
  const cost = { moves: 0, styles: 0, characters: 0 };
  const move = (from: Cursor | undefined, to: Cursor) => {
    const bytes = moveCursor(from, to);
    cost.moves += bytes.length;
    return bytes;
  };
  let currentStyle = pen;
  // Where the cursor is is never assumed at the start of a paint: the first move is absolute.
  let cursor: Cursor | undefined;
  const rows = Math.max(prev.length, next.length);
  for (let r = 0; r < rows; r++) {
    const a = prev[r] ?? [];
    const b = next[r] ?? [];
    if (a === b) continue;
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
      out += move(cursor, { row: r, col: start });
      cursor = { row: r, col: start };
      for (let k = start; k <= end; k++) {
        const cell = b[k] ?? BLANK;
        if (!same(a[k], b[k])) changedCells += 1;
        if (cell.cont) continue;
        const wide = b[k + 1]?.cont === true;
        if (cell.style !== currentStyle) {
          const sgr = sgrTransition(currentStyle, cell.style);
          cost.styles += sgr.length;
          out += sgr;
          currentStyle = cell.style;
        }
        if (wide) {
          // Terminals disagree about the width of some characters (emoji above all). A blank goes
          // in the right half first: a terminal that draws the character one column wide still
          // shows nothing stale there, and one that draws it two wide covers the blank. After
          // it, where the cursor is is not trusted: the next move is absolute.
          out += `${move(cursor, { row: r, col: k + 1 })} ${move(undefined, { row: r, col: k })}${cell.ch}`;
          cost.characters += 1 + Buffer.byteLength(cell.ch);
          cursor = undefined;
          continue;
        }
        if (!cursor) {
          out += move(undefined, { row: r, col: k });
          cursor = { row: r, col: k };
        }
        out += cell.ch;
        cost.characters += Buffer.byteLength(cell.ch);
        // Writing in the last column leaves the cursor there with a wrap pending, which terminals
        // resolve differently: treat its position as unknown.
        cursor = k + 1 >= width ? undefined : { row: r, col: k + 1 };
      }
      c = end + 1;
    }
  }
  return { bytes: out, changedCells, cost, pen: currentStyle };
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  const x = a ?? BLANK;
  const y = b ?? BLANK;
  return x.ch === y.ch && x.style === y.style && !x.cont === !y.cont;
}
