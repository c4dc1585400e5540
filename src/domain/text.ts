import stringWidth from 'string-width';

/*
 * Feed text is hostile until proven otherwise: a title can carry escape sequences that recolour,
 * retitle or clear the terminal, write the clipboard (OSC 52), or answer queries (DECRQSS).
 * Everything drawn or printed goes through `sanitize` first — here, and nowhere else.
 */

// ESC-introduced and 8-bit C1-introduced control strings: OSC, DCS, SOS, PM, APC run to BEL or ST
// (or, unterminated, to the end of the text).
const CONTROL_STRING = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)/g;
// CSI: ESC [ or 8-bit 0x9B, parameters, intermediates, one final byte.
const CSI = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// Other two-byte escapes (ESC c resets the terminal, ESC 7/8 move the cursor), with intermediates.
const ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// Left over after the above: C0, DEL, C1, and the bidi controls of Trojan Source (CVE-2021-42574).
const LEFTOVER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const PLACEHOLDER = '\ufffd';

function placeholder(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') return ' ';
  if (code < 0x20) return String.fromCodePoint(0x2400 + code); // control pictures: ␀ ␛ …
  if (code === 0x7f) return '\u2421'; // ␡
  return PLACEHOLDER;
}

/** Text safe to write to a terminal: no escape sequences, no control or bidi characters, one line. */
export function sanitize(input: string): string {
  return input
    .replace(CONTROL_STRING, '')
    .replace(CSI, '')
    .replace(ESCAPE, '')
    .replace(LEFTOVER, placeholder)
    .replace(/ {2,}/g, ' ');
}

/** Like `sanitize` but keeps line breaks, for notes and summaries printed as paragraphs. */
export function sanitizeMultiline(input: string): string {
  return input
    .split(/\r\n|\n|\r/)
    .map((line) => sanitize(line))
    .join('\n');
}

/**
 * Text made only of characters that are one code unit, one grapheme and one column each: printable
 * ASCII, Latin-1 and the other Latin letters (not the soft hyphen), the dashes, quotes, bullet and
 * ellipsis, four arrows, ≤ ≥, box drawing, blocks and the geometric shapes that are not emoji,
 * ✔ and ✖. Such text is as wide as it is long; anything else goes to string-width, which a test
 * holds this set to, character by character.
 */
export const SIMPLY_NARROW = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff\u2010-\u2027\u2190-\u2193\u2264\u2265\u2500-\u25fc\u2714\u2716]*$/;

/** Terminal columns the (sanitised) text occupies: wide CJK and emoji count two. */
export const displayWidth = (text: string): number => (SIMPLY_NARROW.test(text) ? text.length : stringWidth(text));

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts to at most `width` columns, ending with `…` when anything was cut; never splits a grapheme. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (SIMPLY_NARROW.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Exactly `width` columns: truncated, then padded (on the right, or the left for numbers). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncate(text, width);
  const pad = ' '.repeat(Math.max(0, width - displayWidth(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/** Sanitise and fit in one step, for any feed string placed in a column. */
export const cell = (raw: string | undefined, width: number, align: 'left' | 'right' = 'left'): string =>
  fit(sanitize(raw ?? ''), width, align);

/** Word-wraps sanitised text to `width` columns; a word longer than a line is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (displayWidth(w) > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      const cut = truncate(w, width + 1).slice(0, -1);
      lines.push(cut);
      w = w.slice(cut.length);
    }
    if (!line) line = w;
    else if (displayWidth(line) + 1 + displayWidth(w) <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}
