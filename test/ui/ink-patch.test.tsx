import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { stripVTControlCharacters } from 'node:util';
import { lineToCells } from '../../src/ui/terminal/cells.ts';
import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// patches/ink+6.8.0.patch makes Ink reuse a row's string when the same text lands at the same
// place as in the last frame, and keeps its measuring caches across frames. These tests hold the
// patched renderer to a model of what each frame must show, computed without Ink.

interface Row {
  x: number;
  text: string;
  color: 'red' | 'green' | undefined;
}

const Frame = ({ rows }: { rows: Row[] }) => (
  <Box flexDirection="column" width={40}>
    {rows.map((r, i) => (
      <Box key={i} marginLeft={r.x}>
        <Text wrap="truncate" {...(r.color ? { color: r.color } : {})}>
          {r.text}
        </Text>
      </Box>
    ))}
  </Box>
);

const expected = (rows: Row[]) => rows.map((r) => `${' '.repeat(r.x)}${r.text}`.trimEnd()).join('\n');

describe('the patched Ink renderer', () => {
  // Colours on whatever the test's stdout is (chalk is the instance Ink itself uses).
  const level = chalk.level;
  beforeAll(() => void (chalk.level = 1));
  afterAll(() => void (chalk.level = level));

  it('redraws exactly what changed — text, position or colour — frame after frame', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const texts = ['alpha', 'beta 漢字', 'gamma 🔥', 'delta', '·', 'epsilon ε'];
    let rows: Row[] = Array.from({ length: 8 }, (_, i) => ({ x: i % 3, text: texts[i % texts.length]!, color: undefined }));
    const ink = render(<Frame rows={rows} />);
    for (let step = 0; step < 80; step++) {
      // One row changes one thing at a time, so a row that only moved, or only changed colour,
      // with the same text is common — exactly what a stale reused row would get wrong.
      rows = rows.map((r) => ({ ...r }));
      const row = rows[rand(rows.length)]!;
      const what = rand(3);
      if (what === 0) row.x = rand(4);
      else if (what === 1) row.text = texts[rand(texts.length)]!;
      else row.color = ([undefined, 'red', 'green'] as const)[rand(3)];
      ink.rerender(<Frame rows={rows} />);
      const frame = ink.lastFrame()!;
      expect(stripVTControlCharacters(frame)).toBe(expected(rows));
      // The colours are there too: every coloured row carries its SGR.
      const lines = frame.split('\n');
      rows.forEach((r, i) => {
        const sgr = r.color === 'red' ? '\u001b[31m' : r.color === 'green' ? '\u001b[32m' : undefined;
        if (sgr) expect(lines[i]).toContain(sgr);
        else expect(lines[i]).not.toMatch(/\u001b\[3[12]m/);
      });
    }
    ink.unmount();
  });

  it('texts that overlap, or leave a style open, are composed cell by cell as Ink always did', () => {
    const Overlap = ({ top }: { top: string }) => (
      <Box width={20} height={2} flexDirection="column">
        <Text>aaaaaaaaaa</Text>
        <Box position="absolute" marginLeft={3}>
          <Text>{top}</Text>
        </Box>
        <Box>
          <Text>{'\u001b[1mbold'}</Text>
          <Text> plain</Text>
        </Box>
      </Box>
    );
    const ink = render(<Overlap top="XY" />);
    ink.rerender(<Overlap top="QZ" />);
    const [first, second] = ink.lastFrame()!.split('\n');
    expect(stripVTControlCharacters(first!)).toBe('aaaQZaaaaa');
    // The bold left open by the first text stops where that text ends.
    const cells = lineToCells(second!);
    expect(cells.map((c) => c.ch).join('')).toBe('bold plain');
    expect(cells.slice(0, 4).every((c) => c.style === '1')).toBe(true);
    expect(cells.slice(4).every((c) => c.style === '')).toBe(true);
    ink.unmount();
  });

  it('keeps measuring correctly once its caches have turned over many times', () => {
    // Far more distinct strings than the caches hold: the bounded caches evict, and what they
    // evict is measured again, never answered wrongly.
    const ink = render(<Frame rows={[{ x: 0, text: 'start', color: undefined }]} />);
    for (let i = 0; i < 6_000; i += 1) {
      const text = i % 2 ? `row ${i} 漢` : `row ${i}`;
      ink.rerender(<Frame rows={[{ x: i % 3, text, color: undefined }]} />);
      if (i % 500 === 0 || i > 5_990) expect(stripVTControlCharacters(ink.lastFrame()!)).toBe(`${' '.repeat(i % 3)}${text}`);
    }
    ink.unmount();
  });
});
