import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatAge, formatCountdown } from '../src/domain/countdown.ts';
import { displayWidth, fit, sanitize, SIMPLY_NARROW, truncate } from '../src/domain/text.ts';

const ESC = '\u001b';
// Golden corpus: each hostile input and the inert text it must become.
const corpus: [string, string, string][] = [
  ['CSI colour', `${ESC}[31mred${ESC}[0m`, 'red'],
  ['CSI clear screen', `a${ESC}[2J${ESC}[Hb`, 'ab'],
  ['OSC 0 title with BEL', `${ESC}]0;pwned\u0007ok`, 'ok'],
  ['OSC 2 title with ST', `${ESC}]2;pwned${ESC}\\ok`, 'ok'],
  ['OSC 8 hyperlink', `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, 'click'],
  ['OSC 52 clipboard', `${ESC}]52;c;cm0gLXJmIH4=\u0007x`, 'x'],
  ['DCS DECRQSS', `${ESC}P$q"p${ESC}\\y`, 'y'],
  ['APC', `${ESC}_payload${ESC}\\z`, 'z'],
  ['8-bit CSI', `\u009b31mred`, 'red'],
  ['8-bit OSC', `\u009d0;pwned\u0007ok`, 'ok'],
  ['8-bit DCS', `\u0090$q"p\u009cok`, 'ok'],
  ['unterminated OSC', `safe${ESC}]0;rest of the title`, 'safe'],
  ['bare ESC', `a${ESC}`, 'a␛'],
  ['ESC c reset', `a${ESC}cb`, 'ab'],
  ['carriage return overwrite', 'fine\rEVIL', 'fine EVIL'],
  ['backspace', 'ab\bc', 'ab␈c'],
  ['NUL', 'a\u0000b', 'a␀b'],
  ['DEL', 'a\u007fb', 'a␡b'],
  ['lone C1 NEL', 'a\u0085b', 'a\ufffdb'],
  ['bidi RLO (Trojan Source)', 'abc\u202edcba', 'abc\ufffddcba'],
  ['bidi isolates', '\u2066x\u2069', '\ufffdx\ufffd'],
  ['LRM/RLM/ALM', '\u200ea\u200fb\u061c', '\ufffda\ufffdb\ufffd'],
  ['newline and tab fold to spaces', 'line1\nline2\tend', 'line1 line2 end'],
];

describe('sanitize', () => {
  it.each(corpus)('%s', (_name, input, expected) => {
    expect(sanitize(input)).toBe(expected);
  });

  it('never lets a control, C1 or bidi character through (random strings)', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = [ESC, '[', ']', '\\', '\u0007', '\u009b', '\u009c', '\u009d', '\u0090', '\u202e', '\u2066', 'P', '_', 'a', '0', ';', '\r', '\u0000', '\u007f', 'é', '漢'];
    const forbidden = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    for (let n = 0; n < 2_000; n++) {
      let s = '';
      for (let i = 0; i < 40; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
      expect(sanitize(s)).not.toMatch(forbidden);
    }
  });

  it('leaves ordinary text, accents, CJK and emoji alone', () => {
    expect(sanitize('Übergabe 漢字 🔥 ok')).toBe('Übergabe 漢字 🔥 ok');
  });
});

describe('width and truncation', () => {
  it('measures wide characters and emoji as two columns', () => {
    expect(displayWidth('漢字')).toBe(4);
    expect(displayWidth('🔥')).toBe(2);
  });
  it('truncates with an ellipsis and never exceeds the width, even mid wide character', () => {
    expect(truncate('abcdefgh', 5)).toBe('abcd…');
    expect(truncate('漢字漢字', 5)).toBe('漢字…');
    expect(displayWidth(truncate('漢字漢字', 5))).toBeLessThanOrEqual(5);
    expect(truncate('short', 10)).toBe('short');
  });
  it('fits to an exact width', () => {
    expect(fit('ab', 4)).toBe('ab  ');
    expect(fit('ab', 4, 'right')).toBe('  ab');
    expect(displayWidth(fit('🔥🔥🔥', 5))).toBe(5);
  });
});

describe('countdown format', () => {
  it.each([
    [59_000, '00:59'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000, '01:00'], // one hour switches to hh:mm
    [23 * 3_600_000 + 59 * 60_000, '23:59'],
    [86_400_000, '1d 00'], // one day switches to Nd hh
    [3 * 86_400_000 + 5 * 3_600_000, '3d 05'],
    [-90_000, '-01:30'],
    [-2 * 3_600_000, '-02:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
  it('ages', () => {
    expect([formatAge(42_000), formatAge(17 * 60_000), formatAge(3 * 3_600_000 + 5 * 60_000), formatAge(2 * 86_400_000 + 4 * 3_600_000)]).toEqual(['42s', '17m', '3h05m', '2d04h']);
  });
});

describe('the simply-narrow fast path', () => {
  it('covers only characters string-width measures one column wide, each its own grapheme', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let covered = 0;
    for (let cp = 0x20; cp <= 0x2fff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!SIMPLY_NARROW.test(ch)) continue;
      covered += 1;
      expect(stringWidth(ch), `U+${cp.toString(16)}`).toBe(1);
      // Next to any other covered character it stays a grapheme of its own.
      expect([...segmenter.segment(`a${ch}é${ch}`)]).toHaveLength(4);
    }
    expect(covered).toBeGreaterThan(900);
    // And what it leaves out is what needs measuring: wide, zero-width, emoji.
    for (const ch of ['漢', '\u00ad', '\u200b', '◽', '✅', '⌛', '\u0301']) expect(SIMPLY_NARROW.test(ch)).toBe(false);
    expect(displayWidth('✖ INC-1 · ▲ 05:00 …')).toBe(stringWidth('✖ INC-1 · ▲ 05:00 …'));
  });
});
