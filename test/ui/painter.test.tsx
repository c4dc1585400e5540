import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameToCells } from '../../src/ui/terminal/cells.ts';
import { diffFrames } from '../../src/ui/terminal/diff.ts';
import { Screen } from '../../src/ui/terminal/screen.ts';
import { FixedSource, liveStatus, renderSized, settle } from '../helpers/dashboard.tsx';
import { opened } from '../helpers/events.ts';
import { expectedScreen, expectedStyledScreen, VirtualTerminal } from '../helpers/xterm.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('diffFrames', () => {
  it('an unchanged frame writes nothing; one changed character writes one move and that character', () => {
    const a = frameToCells('hello world\nsecond line');
    expect(diffFrames(a, a, 80).bytes).toBe('');
    const b = frameToCells('hello world\nsecond lime');
    const { bytes, changedCells } = diffFrames(a, b, 80);
    expect(changedCells).toBe(1);
    // Column 10 of row 2; the style is reset first, since the terminal's state is not known.
    expect(bytes).toBe('\u001b[2;10H\u001b[mm');
  });

  it('keeps wide characters whole and erases what a shorter frame leaves behind', async () => {
    const vt = new VirtualTerminal(20, 4);
    const screen = new Screen(vt, 20);
    screen.paint('漢字 and 🔥 here\nline two is long');
    screen.paint('漢x and 🔥\nline');
    expect(await vt.screen()).toEqual(expectedScreen('漢x and 🔥\nline', 4));
  });

  it('on a terminal that draws emoji one column wide, nothing stale is left and later columns stay aligned', async () => {
    const vt = new VirtualTerminal(20, 2, '6');
    const screen = new Screen(vt, 20);
    screen.paint('ab 🔥🔥 cd');
    screen.paint('ab 🔥🔥 ce');
    const [line] = await vt.screen();
    // Each emoji keeps its two columns (the second one blank), so "ce" lands where the frame put it.
    expect(line).toBe('ab 🔥 🔥  ce');
  });
});

describe('painting through a real terminal emulator', () => {
  it('the Ink 6.8 incremental trap: a 12-line frame whose first and last lines tick stays exact', async () => {
    const vt = new VirtualTerminal(40, 14);
    const screen = new Screen(vt, 40);
    const frame = (t: number) =>
      [`CRITICAL ${t}`, ...Array.from({ length: 10 }, (_, i) => `row ${i + 1}`), `bottom ${t + 10}`].join('\n');
    for (let t = 0; t <= 3; t++) screen.paint(frame(t));
    const shown = await vt.screen();
    expect(shown).toEqual(expectedScreen(frame(3), 14));
    expect(shown.filter((l) => l.startsWith('CRITICAL'))).toHaveLength(1);
    expect(shown.filter((l) => l.startsWith('bottom'))).toHaveLength(1);
  });

  it('random edits with colours, wide characters and shrinking lines always leave the screen equal to the last frame', async () => {
    let seed = 11;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pieces = ['a', 'b', ' ', '漢', '🔥', 'é', '\u001b[31m', '\u001b[39m', '\u001b[1m', '\u001b[2m', '\u001b[22m', '\u001b[7m', '\u001b[27m', 'x'];
    pieces.push('\u001b[38;5;208m', '\u001b[44m', '\u001b[49m', '\u001b[4m', '\u001b[24m', '\u001b[1;2;92m');
    const vt = new VirtualTerminal(30, 8);
    const screen = new Screen(vt, 30);
    let frame = '';
    for (let step = 0; step < 60; step++) {
      const lines: string[] = [];
      for (let r = 0; r < 1 + rand(7); r++) {
        let line = '';
        let width = 0;
        while (width < rand(28)) {
          const p = pieces[rand(pieces.length)]!;
          line += p;
          width += p.startsWith('\u001b') ? 0 : p === '漢' || p === '🔥' ? 2 : 1;
        }
        lines.push(`${line}\u001b[0m`);
      }
      frame = lines.join('\n');
      screen.paint(frame);
    }
    expect(await vt.screen()).toEqual(expectedScreen(stripVTControlCharacters(frame), 8));
    // Colours and attributes too: relative moves and minimal SGR changes land exactly.
    expect(await vt.styledScreen()).toEqual(expectedStyledScreen(frameToCells(frame), 8));
  });

  it('after a minute of ticking, the terminal equals a fresh render of the same state', async () => {
    const NOW = Date.parse('2026-03-06T12:00:00Z');
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const events = Array.from({ length: 30 }, (_, i) =>
      opened({
        id: `INC-${i}`,
        severity: (['critical', 'high', 'medium', 'low'] as const)[i % 4],
        detectedAt: new Date(NOW - i * 97_000).toISOString(),
        title: i % 5 ? `Incident ${i}` : `漢字 incident ${i} 🔥`,
      }),
    );
    const size = { columns: 200, rows: 50 };
    const vt = new VirtualTerminal(size.columns, size.rows);
    const screen = new Screen(vt, size.columns);
    const live = renderSized(new FixedSource(events, liveStatus(NOW)), size);
    const paint = () => screen.paint(live.stdout.lastFrame);
    await settle();
    paint();
    let idleBytes = 0;
    for (let s = 0; s < 60; s++) {
      vi.advanceTimersByTime(1_000);
      await settle();
      paint();
      idleBytes = Math.max(idleBytes, screen.stats.lastBytes);
    }
    // Keep the feed "live" for the fresh render too.
    const fresh = renderSized(new FixedSource(events, liveStatus(Date.now())), size);
    await settle();
    const freshFrame = stripVTControlCharacters(fresh.stdout.lastFrame);
    const liveFrame = stripVTControlCharacters(live.stdout.lastFrame);
    vi.useRealTimers();
    expect(liveFrame.split('\n')[0]).toContain('12:01:00 UTC');
    expect(freshFrame.split('\n').slice(2)).toEqual(liveFrame.split('\n').slice(2));
    expect(await vt.screen()).toEqual(expectedScreen(liveFrame, size.rows));
    // Only what changed was written: no idle tick comes near a full repaint (figures: npm run bench).
    expect(idleBytes).toBeLessThan(Buffer.byteLength(live.stdout.lastFrame) / 2);
    live.unmount();
    fresh.unmount();
  });
});

describe('idle ticks cost little more than the characters they change', () => {
  const wall = (t: number) =>
    Array.from({ length: 20 }, (_, i) => {
      const left = 600 - t - i * 7;
      const countdown = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
      // Breached rows first, then due-soon ones, as a queue sorted by deadline has them.
      return `\u001b[1;${i < 8 ? 91 : 93}mINC-${100 + i} something happened   ${countdown}\u001b[22;39m  \u001b[2mnotify CISO\u001b[22m`;
    }).join('\n');

  it('a column of ticking countdowns is drawn exactly, with relative moves and only the SGR that changes', async () => {
    const vt = new VirtualTerminal(60, 24);
    const screen = new Screen(vt, 60, 24);
    screen.paint(wall(0));
    let bytes = 0;
    let changed = 0;
    for (let t = 1; t <= 30; t++) {
      screen.paint(wall(t));
      bytes += screen.stats.lastBytes;
      changed += screen.stats.lastChangedCells;
      // Every byte is accounted for as a move, a style change or a character.
      const { moves, styles, characters } = screen.stats.lastCost;
      expect(moves + styles + characters).toBe(screen.stats.lastBytes);
      expect(await vt.styledScreen()).toEqual(expectedStyledScreen(frameToCells(wall(t)), 24));
    }
    // Each changed digit one row below the last: VT + BS + the digit — three bytes — plus one
    // absolute move and a colour change or two per tick (3.6 bytes a cell when written). An
    // absolute move for each would cost over twice that.
    expect(bytes / changed).toBeLessThan(3.75);
  });

  it('turns bold+dim into bold, bold+colour into colour, and back, without a reset where one is longer', () => {
    const frames = [
      '\u001b[1;2;31mab\u001b[0m',
      '\u001b[1;31ma\u001b[2mb\u001b[0m',
      '\u001b[31ma\u001b[1;44mb\u001b[0m',
    ];
    return (async () => {
      const vt = new VirtualTerminal(10, 3);
      const screen = new Screen(vt, 10, 3);
      for (const f of frames) {
        screen.paint(f);
        expect(await vt.styledScreen()).toEqual(expectedStyledScreen(frameToCells(f), 3));
      }
    })();
  });
});

describe('the screen never writes past the terminal', () => {
  it('a frame taller than the terminal is cut at rows − 1, so nothing scrolls', async () => {
    const vt = new VirtualTerminal(20, 6);
    const screen = new Screen(vt, 20, 6);
    const tall = Array.from({ length: 12 }, (_, i) => `line ${i}`).join('\n');
    screen.paint(tall);
    screen.paint(tall.replace('line 0', 'LINE 0'));
    expect(await vt.screen()).toEqual(['LINE 0', 'line 1', 'line 2', 'line 3', 'line 4', '']);
  });
});
