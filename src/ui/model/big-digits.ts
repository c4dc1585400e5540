// A 5-row block font for the wall's one big countdown, readable from across the room.
const GLYPHS: Record<string, string[]> = {
  '0': ['███', '█ █', '█ █', '█ █', '███'],
  '1': [' █ ', '██ ', ' █ ', ' █ ', '███'],
  '2': ['███', '  █', '███', '█  ', '███'],
  '3': ['███', '  █', '███', '  █', '███'],
  '4': ['█ █', '█ █', '███', '  █', '  █'],
  '5': ['███', '█  ', '███', '  █', '███'],
  '6': ['███', '█  ', '███', '█ █', '███'],
  '7': ['███', '  █', '  █', '  █', '  █'],
  '8': ['███', '█ █', '███', '█ █', '███'],
  '9': ['███', '█ █', '███', '  █', '███'],
  ':': ['   ', ' █ ', '   ', ' █ ', '   '],
  '-': ['   ', '   ', '███', '   ', '   '],
  'd': ['  █', '  █', '███', '█ █', '███'],
  ' ': ['  ', '  ', '  ', '  ', '  '],
};

export const BIG_HEIGHT = 5;

/** `-03:40` → five lines of block characters; unknown characters are left out. */
export function bigText(text: string): string[] {
  const rows = ['', '', '', '', ''];
  for (const ch of text) {
    const g = GLYPHS[ch];
    if (!g) continue;
    for (let i = 0; i < BIG_HEIGHT; i++) rows[i] += `${g[i]} `;
  }
  return rows.map((r) => r.trimEnd());
}
