import unicode11 from '@xterm/addon-unicode11';
import xterm from '@xterm/headless';

/** A real terminal emulator in memory: what the painter's bytes actually draw. */
export class VirtualTerminal {
  readonly term: InstanceType<typeof xterm.Terminal>;
  // Bytes are handed to xterm only when the screen is read: xterm parses on its own timers,
  // which a test's fake clock would otherwise freeze.
  private queued: string[] = [];

  /** `unicode: '11'` measures emoji two columns wide, as tmux and current terminals do; `'6'` one wide, as older ones. */
  constructor(columns: number, rows: number, unicode: '6' | '11' = '11') {
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
    this.term.loadAddon(new unicode11.Unicode11Addon());
    this.term.unicode.activeVersion = unicode;
  }

  write(text: string): void {
    this.queued.push(text);
  }

  /** The screen as text, one string per row, trailing spaces trimmed. */
  async screen(): Promise<string[]> {
    const text = this.queued.join('');
    this.queued = [];
    await new Promise<void>((r) => this.term.write(text, () => r()));
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < this.term.rows; i++) lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true).trimEnd() ?? '');
    return lines;
  }

  /**
   * The screen as cells, `character|style`, styles in cells.ts's canonical SGR form, trailing
   * default blanks dropped: what the painter's colours actually became.
   */
  async styledScreen(): Promise<string[][]> {
    await this.screen();
    const buffer = this.term.buffer.active;
    const rows: string[][] = [];
    for (let i = 0; i < this.term.rows; i++) {
      const line = buffer.getLine(buffer.viewportY + i);
      const cells: string[] = [];
      for (let x = 0; line && x < this.term.cols; x++) {
        const c = line.getCell(x)!;
        if (c.getWidth() === 0) continue;
        const attrs = [c.isBold() && '1', c.isDim() && '2', c.isItalic() && '3', c.isUnderline() && '4', c.isInverse() && '7', c.isStrikethrough() && '9'];
        cells.push(`${c.getChars() || ' '}|${[...attrs, colour(c, 'fg'), colour(c, 'bg')].filter(Boolean).join(';')}`);
      }
      while (cells.at(-1) === ' |') cells.pop();
      rows.push(cells);
    }
    return rows;
  }
}

type BufferCell = NonNullable<ReturnType<NonNullable<ReturnType<InstanceType<typeof xterm.Terminal>['buffer']['active']['getLine']>>['getCell']>>;

function colour(c: BufferCell, which: 'fg' | 'bg'): string | false {
  const fg = which === 'fg';
  if (fg ? c.isFgDefault() : c.isBgDefault()) return false;
  const n = fg ? c.getFgColor() : c.getBgColor();
  if (fg ? c.isFgRGB() : c.isBgRGB()) return `${fg ? 38 : 48};2;${(n >> 16) & 255};${(n >> 8) & 255};${n & 255}`;
  if (n < 8) return String((fg ? 30 : 40) + n);
  if (n < 16) return String((fg ? 90 : 100) + n - 8);
  return `${fg ? 38 : 48};5;${n}`;
}

/** A frame's cells as `styledScreen` shows them, padded to the terminal's rows. */
export function expectedStyledScreen(cells: { ch: string; style: string; cont?: true }[][], rows: number): string[][] {
  const out = cells.map((row) => {
    const r = row.filter((c) => !c.cont).map((c) => `${c.ch}|${c.style}`);
    while (r.at(-1) === ' |') r.pop();
    return r;
  });
  while (out.length < rows) out.push([]);
  return out.slice(0, rows);
}

/** A frame as the terminal should show it: plain text, padded to the terminal's rows. */
export function expectedScreen(frame: string, rows: number): string[] {
  const lines = frame.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length < rows) lines.push('');
  return lines.slice(0, rows);
}
