/** A cell position, 0-based. */
export interface Cursor {
  row: number;
  col: number;
}

/** The absolute move (CUP): always right, whatever the terminal did before. */
export const absoluteMove = (to: Cursor): string => `\u001b[${to.row + 1}${to.col ? `;${to.col + 1}` : ''}H`;

/**
 * The shortest bytes that move the cursor from `from` (unknown: `undefined`) to `to`. On an idle
 * tick most changes are one digit of a countdown in the row below the last one written, so a
 * relative move (VT, then BS: two bytes) instead of an absolute one (about nine) is most of what
 * an idle tick costs. Relative moves are only used from a position known for certain.
 */
export function moveCursor(from: Cursor | undefined, to: Cursor): string {
  const absolute = absoluteMove(to);
  if (!from) return absolute;
  if (from.row === to.row && from.col === to.col) return '';
  const sideways = horizontal(to.col - from.col);
  const fromLeftEdge = `\r${horizontal(to.col)}`;
  const relative = vertical(to.row - from.row) + (sideways.length <= fromLeftEdge.length ? sideways : fromLeftEdge);
  return relative.length < absolute.length ? relative : absolute;
}

function vertical(rows: number): string {
  if (rows === 0) return '';
  // VT (line tabulation) is a line feed that keeps the column on every VT100 descendant (xterm,
  // tmux, VTE, kitty, the Linux console), and unlike LF the tty's ONLCR never turns it into CR LF.
  // Moving down never scrolls: nothing is ever drawn on the terminal's last row.
  if (rows === 1) return '\u000b';
  return rows > 0 ? `\u001b[${rows}B` : `\u001b[${rows === -1 ? '' : -rows}A`;
}

function horizontal(cols: number): string {
  if (cols === 0) return '';
  if (cols < 0 && cols >= -3) return '\b'.repeat(-cols);
  if (cols < 0) return `\u001b[${-cols}D`;
  return `\u001b[${cols === 1 ? '' : cols}C`;
}
