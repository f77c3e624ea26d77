// A session's current screen, kept in a headless xterm.js so that a viewer who attaches late (or reconnects)
// draws exactly what is on screen now, scrollback included, without replaying the session. Its snapshot is the
// recordings' exact capture (the serialize addon leaves out scroll regions, saved cursors, a pending wrap, charsets).
import { ScreenTerminal } from '../recording/common/screen-terminal.ts';

/** Lines a late viewer can scroll back through; xterm.js's own default, and what the viewers keep too. */
export const SCREEN_SCROLLBACK_LINES = 1000;

export class HeadlessScreen {
  private readonly terminal: ScreenTerminal;

  constructor(cols: number, rows: number) {
    this.terminal = new ScreenTerminal(cols, rows, SCREEN_SCROLLBACK_LINES);
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** `parsed` runs once the screen has taken `data` in (xterm.js parses asynchronously, in time slices). */
  write(data: string, parsed?: () => void): void {
    this.terminal.write(data);
    if (parsed) this.terminal.then(parsed);
  }

  /**
   * Takes effect once everything written before is parsed, as in the terminal the program wrote to: output from
   * before the resize is drawn at the old size and reflowed, never drawn at the new one.
   */
  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
  }

  /** The screen once everything written so far is drawn, as escape sequences that rebuild it exactly. */
  serialize(): Promise<string> {
    // Captured in the callback itself: anything written after this call is not parsed yet there.
    return new Promise((resolve) => this.terminal.then(() => resolve(this.terminal.capture())));
  }

  dispose(): void {
    this.terminal.dispose();
  }
}
