// A hosted session's current screen, for viewers who attach late: a headless xterm.js fed the output. Parsing it
// (~35-55 MB/s) shares the core's thread with reading the pty, so a screen nobody looks at would hold a fast program
// to its pace. Once a few MB have gone by with nobody watching, it is dropped, provided the recording can rebuild
// it: the next viewer gets the screen rebuilt from the recording (its keyframes and the output after them), which
// then goes on live.
import type { SessionRecorder } from '../recording/common/types.ts';
import { HeadlessScreen, SCREEN_SCROLLBACK_LINES } from './screen.ts';

export interface ScreenState {
  data: string;
  cols: number;
  rows: number;
}

export interface LiveScreenOptions {
  cols: number;
  rows: number;
  recorder: SessionRecorder | null;
  /** Output that may go by while `unwatched` before the screen is dropped. */
  unwatchedLimit: number;
  /** Whether nobody is watching now (no viewer attached, the program running): only then is the screen dropped. */
  unwatched: () => boolean;
  /** The screen has parsed `chars` more of what it was given. */
  parsed: (chars: number) => void;
  /** Whether output given to the screen counts against flow control from now on (false once it is dropped). */
  tracked: (on: boolean) => void;
  onError: (err: unknown) => void;
}

/** What arrived while the screen was being rebuilt, applied after it in order. */
type Pending =
  | { kind: 'output'; data: string }
  | { kind: 'resize'; cols: number; rows: number }
  | { kind: 'serialize'; resolve: (state: ScreenState) => void };

export class LiveScreen {
  private readonly o: LiveScreenOptions;
  private screen: HeadlessScreen | null;
  private rebuilding = false;
  private pending: Pending[] = [];
  /** Output that went by since somebody last watched. */
  private unwatchedChars = 0;
  /** Snapshots being taken of the live screen: it is not dropped under them. */
  private serializing = 0;
  private size: { cols: number; rows: number };
  private disposed = false;

  constructor(o: LiveScreenOptions) {
    this.o = o;
    this.size = { cols: o.cols, rows: o.rows };
    this.screen = new HeadlessScreen(o.cols, o.rows);
    o.tracked(true);
  }

  get cols(): number {
    return this.size.cols;
  }

  get rows(): number {
    return this.size.rows;
  }

  /** Whether a headless screen is being fed now (false while dropped or being rebuilt). */
  get live(): boolean {
    return this.screen !== null;
  }

  write(data: string): void {
    this.unwatchedChars = this.o.unwatched() ? this.unwatchedChars + data.length : 0;
    if (this.screen) {
      if (this.unwatchedChars > this.o.unwatchedLimit && this.mayDrop()) this.drop();
      else this.feed(this.screen, data);
    } else if (this.rebuilding) {
      this.pending.push({ kind: 'output', data });
    }
    // Dropped: the recording has it, and the screen will be rebuilt from there.
  }

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
    if (this.screen) this.screen.resize(cols, rows);
    else if (this.rebuilding) this.pending.push({ kind: 'resize', cols, rows });
  }

  /** The screen once everything written so far is drawn (rebuilt from the recording first if it was dropped). */
  serialize(): Promise<ScreenState> {
    if (this.screen) return this.stateOf(this.screen);
    if (this.disposed) return Promise.resolve({ data: '', ...this.size });
    return new Promise((resolve) => {
      this.pending.push({ kind: 'serialize', resolve });
      this.startRebuild();
    });
  }

  dispose(): void {
    this.disposed = true;
    this.screen?.dispose();
    this.screen = null;
    for (const p of this.pending.splice(0)) if (p.kind === 'serialize') p.resolve({ data: '', ...this.size });
  }

  /** Not under a snapshot being taken, and only when the recording can rebuild the screen. */
  private mayDrop(): boolean {
    return this.serializing === 0 && this.o.recorder?.screen !== undefined;
  }

  private feed(screen: HeadlessScreen, data: string): void {
    screen.write(data, () => this.o.parsed(data.length));
  }

  private drop(): void {
    this.screen?.dispose();
    this.screen = null;
    this.o.tracked(false);
  }

  private stateOf(screen: HeadlessScreen): Promise<ScreenState> {
    this.serializing++;
    return screen.serialize().then((data) => {
      this.serializing--;
      return { data, cols: screen.cols, rows: screen.rows };
    });
  }

  /** Asks the recording for the screen as recorded up to now; what arrives meanwhile waits in `pending`. */
  private startRebuild(): void {
    const recorder = this.o.recorder;
    if (this.rebuilding || !recorder?.screen) return;
    this.rebuilding = true;
    // Output from here on counts against flow control again: it waits in `pending` until the screen is built.
    this.o.tracked(true);
    // Called now, not after an await: the recorder's "now" must be exactly what was written to this screen so far.
    const recorded = recorder.screen(SCREEN_SCROLLBACK_LINES);
    void recorded.then(
      (s) => this.rebuilt(s.cols, s.rows, s.data),
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        this.o.onError(new Error(`a hosted session's screen could not be rebuilt from its recording: ${reason}`));
        this.rebuilt(
          this.size.cols,
          this.size.rows,
          `\r\n[gatehouse: the screen could not be rebuilt from the recording: ${reason}]\r\n`,
        );
      },
    );
  }

  private rebuilt(cols: number, rows: number, data: string): void {
    this.rebuilding = false;
    if (this.disposed) return;
    const screen = new HeadlessScreen(cols, rows);
    screen.write(data);
    this.screen = screen;
    for (const p of this.pending.splice(0)) {
      if (p.kind === 'output') this.feed(screen, p.data);
      else if (p.kind === 'resize') screen.resize(p.cols, p.rows);
      else void this.stateOf(screen).then(p.resolve);
    }
  }
}
