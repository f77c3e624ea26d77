// A session's current screen, kept in a headless xterm.js so that a viewer who attaches late (or reconnects)
// draws exactly what is on screen now, scrollback included, without replaying the session.
import serializeAddon from '@xterm/addon-serialize';
import headless from '@xterm/headless';

/** Lines a late viewer can scroll back through; xterm.js's own default, and what the viewers keep too. */
export const SCREEN_SCROLLBACK_LINES = 1000;

export class HeadlessScreen {
  private readonly terminal: headless.Terminal;
  private readonly serializer: serializeAddon.SerializeAddon;

  constructor(cols: number, rows: number) {
    // The serialize addon reads the buffer through APIs xterm.js still calls proposed.
    this.terminal = new headless.Terminal({ cols, rows, scrollback: SCREEN_SCROLLBACK_LINES, allowProposedApi: true });
    this.serializer = new serializeAddon.SerializeAddon();
    this.terminal.loadAddon(this.serializer);
  }

  get cols(): number {
    return this.terminal.cols;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** `parsed` runs once the screen has taken `data` in (xterm.js parses asynchronously, in time slices). */
  write(data: string, parsed?: () => void): void {
    this.terminal.write(data, parsed);
  }

  resize(cols: number, rows: number): void {
    this.terminal.resize(cols, rows);
  }

  /** The screen once everything written so far is drawn, as escape sequences that rebuild it. */
  serialize(): Promise<string> {
    return new Promise((resolve) => {
      // xterm.js parses writes asynchronously; an empty write's callback runs once all earlier data is parsed.
      this.terminal.write('', () => resolve(this.serializer.serialize({ scrollback: SCREEN_SCROLLBACK_LINES })));
    });
  }

  dispose(): void {
    this.terminal.dispose();
  }
}
