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
}

/** A frame as the terminal should show it: plain text, padded to the terminal's rows. */
export function expectedScreen(frame: string, rows: number): string[] {
  const lines = frame.split('\n').map((l) => l.replace(/\s+$/, ''));
  while (lines.length < rows) lines.push('');
  return lines.slice(0, rows);
}
