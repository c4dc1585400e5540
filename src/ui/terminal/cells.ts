import stringWidth from 'string-width';
import { SIMPLY_NARROW } from '../../domain/text.ts';

/**
 * A frame as a grid of cells (character + style), so two frames can be compared cell by cell
 * and only what changed is written. Styles are canonical SGR parameter strings.
 */
export interface Cell {
  ch: string;
  style: string;
  /** The right half of a wide character: nothing of its own to draw. */
  cont?: true;
}

interface Style {
  fg?: string;
  bg?: string;
  bold?: true;
  dim?: true;
  italic?: true;
  underline?: true;
  inverse?: true;
  strike?: true;
}

const key = (s: Style): string =>
  [s.bold && '1', s.dim && '2', s.italic && '3', s.underline && '4', s.inverse && '7', s.strike && '9', s.fg, s.bg]
    .filter(Boolean)
    .join(';');

function applySgr(style: Style, params: string): Style {
  const codes = params === '' ? [0] : params.split(';').map((p) => Number(p || 0));
  let s: Style = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === 0) s = {};
    else if (c === 1) s.bold = true;
    else if (c === 2) s.dim = true;
    else if (c === 3) s.italic = true;
    else if (c === 4) s.underline = true;
    else if (c === 7) s.inverse = true;
    else if (c === 9) s.strike = true;
    else if (c === 22) (delete s.bold, delete s.dim);
    else if (c === 23) delete s.italic;
    else if (c === 24) delete s.underline;
    else if (c === 27) delete s.inverse;
    else if (c === 29) delete s.strike;
    else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) s.fg = String(c);
    else if (c === 39) delete s.fg;
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) s.bg = String(c);
    else if (c === 49) delete s.bg;
    else if (c === 38 || c === 48) {
      const extended = codes[i + 1] === 5 ? codes.slice(i, i + 3) : codes.slice(i, i + 5);
      i += extended.length - 1;
      if (c === 38) s.fg = extended.join(';');
      else s.bg = extended.join(';');
    }
  }
  return s;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Only SGR is expected from Ink; anything else (it never should be there) is dropped, not drawn.
const ESCAPE = /\u001b\[([0-9;]*)([A-Za-z])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** One rendered line (with SGR colours) → cells, wide characters taking two. */
export function lineToCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let style: Style = {};
  let last = 0;
  const pushText = (text: string) => {
    const k = key(style);
    // Most of a frame is one column per character: no segmentation needed.
    if (SIMPLY_NARROW.test(text)) {
      for (let i = 0; i < text.length; i++) cells.push({ ch: text[i]!, style: k });
      return;
    }
    for (const { segment } of segmenter.segment(text)) {
      const w = stringWidth(segment);
      if (w === 0) continue;
      cells.push({ ch: segment, style: k });
      if (w === 2) cells.push({ ch: '', style: k, cont: true });
    }
  };
  for (const m of line.matchAll(ESCAPE)) {
    pushText(line.slice(last, m.index));
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
    last = m.index! + m[0].length;
  }
  pushText(line.slice(last));
  return cells;
}

export const frameToCells = (frame: string): Cell[][] => frame.split('\n').map(lineToCells);

