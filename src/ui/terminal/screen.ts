import { type Cell, lineToCells } from './cells.ts';
import { diffFrames } from './diff.ts';

const ENTER = '\u001b[?1049h\u001b[?25l\u001b[2J';
const LEAVE = '\u001b[0m\u001b[?25h\u001b[?1049l';
const CLEAR = '\u001b[0m\u001b[2J';

export interface ScreenStats {
  frames: number;
  bytes: number;
  lastBytes: number;
  lastChangedCells: number;
  /** The last paint's bytes by purpose (a full repaint's CLEAR is not counted). */
  lastCost: { moves: number; styles: number; characters: number };
}

/**
 * Owns the terminal: the alternate screen, and every byte written to it. Each frame is diffed
 * against the last one painted and only changed cells are written, at absolute positions —
 * so nothing depends on where the cursor was left, and nothing flickers.
 */
export class Screen {
  private painted: Cell[][] = [];
  private paintedLines: string[] = [];
  /** The terminal's current SGR style, when known: a tick then changes only what differs. */
  private pen: string | undefined;
  private fullRepaint = true;
  private entered = false;
  readonly stats: ScreenStats = { frames: 0, bytes: 0, lastBytes: 0, lastChangedCells: 0, lastCost: { moves: 0, styles: 0, characters: 0 } };

  constructor(
    private readonly out: { write(text: string): unknown },
    private width: number,
    private rows = Number.POSITIVE_INFINITY,
  ) {}

  enter(): void {
    if (this.entered) return;
    this.entered = true;
    this.out.write(ENTER);
  }

  /** Leaves the alternate screen and restores the cursor; safe to call more than once. */
  leave(): void {
    if (!this.entered) return;
    this.entered = false;
    try {
      this.out.write(LEAVE);
    } catch {
      // The terminal is gone; there is nothing left to restore.
    }
  }

  /** After a resize the terminal may have reflowed anything: clear and paint everything. */
  invalidate(width: number, rows = this.rows): void {
    this.width = width;
    this.rows = rows;
    this.fullRepaint = true;
  }

  paint(frame: string): void {
    // Never write below the last row but one: a taller frame would scroll the terminal and
    // leave every later paint one row off. Layouts fit; this keeps a mistake from showing.
    const lines = frame.split('\n').slice(0, Math.max(1, this.rows - 1));
    const prev = this.fullRepaint ? [] : this.painted;
    // At 1 Hz nearly every line is the one already painted: reuse its cells rather than parse it
    // again, and the diff skips it by identity.
    const next = lines.map((line, r) => (!this.fullRepaint && this.paintedLines[r] === line ? this.painted[r]! : lineToCells(line)));
    // CLEAR resets the style first (an erase fills with the current background).
    if (this.fullRepaint) this.pen = '';
    const { bytes, changedCells, cost, pen } = diffFrames(prev, next, this.width, this.pen);
    this.pen = pen;
    const text = (this.fullRepaint ? CLEAR : '') + bytes;
    this.fullRepaint = false;
    this.painted = next;
    this.paintedLines = lines;
    this.stats.frames += 1;
    this.stats.lastBytes = Buffer.byteLength(text);
    this.stats.lastChangedCells = changedCells;
    this.stats.lastCost = cost;
    this.stats.bytes += this.stats.lastBytes;
    if (text) this.out.write(text);
  }
}
