import { Writable } from 'node:stream';

/**
 * The stdout Ink renders into: it never reaches the terminal. Ink (in debug mode) writes each
 * whole frame in one call; the latest is handed to `onFrame`, and the screen painter decides
 * which cells actually need writing.
 */
export class CaptureStdout extends Writable {
  columns: number;
  rows: number;
  readonly isTTY = false;
  lastFrame = '';

  constructor(
    size: { columns: number; rows: number },
    private readonly onFrame: (frame: string) => void,
  ) {
    super();
    this.columns = size.columns;
    this.rows = size.rows;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const frame = chunk.toString();
    this.lastFrame = frame;
    this.onFrame(frame);
    done();
  }

  resize(size: { columns: number; rows: number }): void {
    this.columns = size.columns;
    this.rows = size.rows;
    this.emit('resize');
  }
}
