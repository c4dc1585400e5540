export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;
/** From this width the queues stand side by side: two by two, and all four in a row from FOUR_ACROSS. */
export const WIDE_COLUMNS = 160;
export const FOUR_ACROSS = 232;

export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 1;
export const WALL_PANEL_ROWS = 7;

export interface Layout {
  kind: 'too-small' | 'compact' | 'wide';
  columns: number;
  /** The frame is one row shorter than the terminal (Ink 6.8 repaints everything at full height). */
  frameRows: number;
  bodyRows: number;
  queueRows: number;
  wallPanelRows: number;
}

export function computeLayout(columns: number, rows: number, wall: boolean): Layout {
  const frameRows = rows - 1;
  const kind = columns < MIN_COLUMNS || rows < MIN_ROWS ? 'too-small' : columns >= WIDE_COLUMNS ? 'wide' : 'compact';
  const bodyRows = Math.max(0, frameRows - HEADER_ROWS - FOOTER_ROWS);
  const wallPanelRows = wall ? WALL_PANEL_ROWS : 0;
  return { kind, columns, frameRows, bodyRows, queueRows: Math.max(0, bodyRows - wallPanelRows), wallPanelRows };
}

/**
 * Splits `total` rows between queues stacked in one column. Each queue gets a title and at least
 * one row; the rest goes where rows are waiting, most severe first, one at a time.
 */
export function allocateRows(needs: readonly number[], total: number): number[] {
  const heights = needs.map(() => 2);
  let left = total - heights.reduce((a, b) => a + b, 0);
  const wants = needs.map((n) => 1 + Math.max(1, n));
  while (left > 0) {
    let given = false;
    for (let i = 0; i < heights.length && left > 0; i++) {
      if (heights[i]! < wants[i]!) {
        heights[i]! += 1;
        left -= 1;
        given = true;
      }
    }
    if (!given) break;
  }
  return heights;
}

/** How many rows of a queue fit in `height` lines (title included), and how many are left over. */
export function visibleRows(total: number, height: number): { shown: number; more: number } {
  const space = Math.max(0, height - 1);
  if (total <= space) return { shown: total, more: 0 };
  const shown = Math.max(0, space - 1);
  return { shown, more: total - shown };
}

/** Width of the KPI panel beside the queues on a wide wall. */
export const KPI_PANEL_COLUMNS = 64;
