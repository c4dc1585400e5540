/*
 * SGR (colours and attributes) between two cell styles. A style is the canonical parameter string
 * cells.ts makes: attributes in a fixed order, then the foreground, then the background
 * (`1;7;96`, `38;5;208`, `38;2;255;0;0;48;5;17`).
 */

interface Parsed {
  attrs: Set<string>;
  fg?: string;
  bg?: string;
}

function parse(style: string): Parsed {
  const parsed: Parsed = { attrs: new Set() };
  const codes = style ? style.split(';') : [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    const n = Number(c);
    if (c === '38' || c === '48') {
      const length = codes[i + 1] === '5' ? 3 : 5;
      const colour = codes.slice(i, i + length).join(';');
      i += length - 1;
      if (c === '38') parsed.fg = colour;
      else parsed.bg = colour;
    } else if ((n >= 30 && n <= 37) || (n >= 90 && n <= 97)) parsed.fg = c;
    else if ((n >= 40 && n <= 47) || (n >= 100 && n <= 107)) parsed.bg = c;
    else parsed.attrs.add(c);
  }
  return parsed;
}

const OFF: Record<string, string> = { '1': '22', '2': '22', '3': '23', '4': '24', '7': '27', '9': '29' };

/** Reset, then set `style`: right from any state the terminal may be in. */
export const sgrReset = (style: string): string => (style ? `\u001b[0;${style}m` : '\u001b[m');

/**
 * The shortest SGR that turns `from` into `to`: only the attributes that change, or a reset and
 * the whole style when that is shorter (or `from` is not known).
 */
export function sgrTransition(from: string | undefined, to: string): string {
  const reset = sgrReset(to);
  if (from === undefined) return reset;
  if (from === to) return '';
  const a = parse(from);
  const b = parse(to);
  const codes: string[] = [];
  // 22 ends bold and dim together: whichever of the two `to` keeps is set again after it.
  let cleared22 = false;
  for (const attr of a.attrs) {
    if (b.attrs.has(attr)) continue;
    const off = OFF[attr];
    if (!off) return reset;
    if (off === '22') {
      if (cleared22) continue;
      cleared22 = true;
    }
    codes.push(off);
  }
  for (const attr of b.attrs) if (!a.attrs.has(attr) || (cleared22 && (attr === '1' || attr === '2'))) codes.push(attr);
  if (a.fg !== b.fg) codes.push(b.fg ?? '39');
  if (a.bg !== b.bg) codes.push(b.bg ?? '49');
  const delta = `\u001b[${codes.join(';')}m`;
  return delta.length < reset.length ? delta : reset;
}
