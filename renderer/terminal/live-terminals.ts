// Live hosted terminals on screen: attach (the snapshot, then output chunks by `seq`), acknowledge what xterm.js has
// drawn (the core pauses a terminal whose viewer falls behind), input and resizes back to the core. Terminal bytes go
// from the connection's events into the surface here and nowhere else.
//
// The surface always has the pty's size, never a size of its own: a pane only asks the core for its size, and takes
// it when the core says the pty has it (the answer, or `terminal.resize` when any viewer resized it), in order with
// the output. A surface taller than the pty would show a full-screen program (less, an editor) part-way down the
// screen, below whatever was there before, since such a program draws exactly the rows it was told of.
import type { CoreApi } from '../../shared/api.ts';
import type { TerminalEvent, TerminalSnapshot } from '../../shared/domain.ts';
import type { TerminalSize, TerminalSurface } from './surface.ts';

export type LiveTerminalApi = Pick<
  CoreApi,
  'attachTerminal' | 'detachTerminal' | 'ackTerminal' | 'writeTerminal' | 'resizeTerminal'
>;

export interface LiveTerminalHooks {
  exited(sessionId: string, exitCode: number): void;
  /** The core paused the pty (a viewer or the recording is behind) or resumed it; from the snapshot, then each change. */
  flowChanged(sessionId: string, paused: boolean): void;
  resized(sessionId: string, size: TerminalSize): void;
  failed(sessionId: string, message: string): void;
}

type Output = Extract<TerminalEvent, { type: 'terminal.output' }>;
type Resize = Extract<TerminalEvent, { type: 'terminal.resize' }>;

interface Viewer {
  surface: TerminalSurface;
  /** The last chunk written; null until the snapshot has been drawn (chunks and resizes wait in `early`). */
  seq: number | null;
  early: Array<Output | Resize>;
  exited: boolean;
  stopInput: () => void;
}

export class LiveTerminals {
  private readonly api: LiveTerminalApi;
  private readonly hooks: LiveTerminalHooks;
  private readonly viewers = new Map<string, Viewer>();

  constructor(api: LiveTerminalApi, hooks: LiveTerminalHooks) {
    this.api = api;
    this.hooks = hooks;
  }

  /** Shows a session's terminal on `surface` until the returned function is called (which also detaches). */
  attach(sessionId: string, surface: TerminalSurface): () => void {
    this.viewers.get(sessionId)?.stopInput();
    const viewer: Viewer = {
      surface,
      seq: null,
      early: [],
      exited: false,
      stopInput: surface.onInput((data) => {
        if (!viewer.exited)
          this.api
            .writeTerminal({ sessionId, data })
            .catch((err: unknown) => this.hooks.failed(sessionId, messageOf(err)));
      }),
    };
    this.viewers.set(sessionId, viewer);
    this.api.attachTerminal(sessionId).then(
      (snapshot) => this.drawSnapshot(sessionId, viewer, snapshot),
      (err: unknown) => this.hooks.failed(sessionId, messageOf(err)),
    );
    return () => {
      viewer.stopInput();
      if (this.viewers.get(sessionId) !== viewer) return;
      this.viewers.delete(sessionId);
      this.api.detachTerminal(sessionId).catch(() => {});
    };
  }

  /** Asks the core to give the pty the size that fills the surface's element; the surface follows once it has. */
  fit(sessionId: string): void {
    const viewer = this.viewers.get(sessionId);
    const size = viewer?.surface.fittingSize();
    if (!viewer || !size || viewer.exited || viewer.seq === null) return;
    this.api.resizeTerminal({ sessionId, ...size }).then(
      (info) => {
        // The pty's size now (another viewer may have asked for its own meanwhile): after what has been drawn.
        if (this.viewers.get(sessionId) === viewer) viewer.surface.resize({ cols: info.cols, rows: info.rows });
        this.hooks.resized(sessionId, { cols: info.cols, rows: info.rows });
      },
      (err: unknown) => this.hooks.failed(sessionId, messageOf(err)),
    );
  }

  /** Routes one event from the connection. */
  onEvent(event: TerminalEvent): void {
    const viewer = this.viewers.get(event.sessionId);
    if (event.type === 'terminal.exit') {
      this.hooks.exited(event.sessionId, event.exitCode);
      if (viewer) viewer.exited = true;
      return;
    }
    if (event.type === 'terminal.flow') {
      this.hooks.flowChanged(event.sessionId, event.paused);
      return;
    }
    if (event.type === 'terminal.resize') this.hooks.resized(event.sessionId, { cols: event.cols, rows: event.rows });
    if (!viewer || (event.type !== 'terminal.output' && event.type !== 'terminal.resize')) return;
    if (viewer.seq === null) viewer.early.push(event);
    else if (event.type === 'terminal.output') this.drawChunk(event.sessionId, viewer, event);
    else viewer.surface.resize({ cols: event.cols, rows: event.rows });
  }

  dispose(): void {
    for (const [sessionId, viewer] of this.viewers) {
      viewer.stopInput();
      this.api.detachTerminal(sessionId).catch(() => {});
    }
    this.viewers.clear();
  }

  private drawSnapshot(sessionId: string, viewer: Viewer, snapshot: TerminalSnapshot): void {
    if (this.viewers.get(sessionId) !== viewer) return;
    viewer.surface.reset();
    viewer.surface.resize({ cols: snapshot.cols, rows: snapshot.rows });
    viewer.surface.write(snapshot.data);
    viewer.seq = snapshot.seq;
    // The list the view was opened from may be older than this; `terminal.flow` events follow from here.
    this.hooks.flowChanged(sessionId, snapshot.paused);
    if (snapshot.exitCode !== null) {
      viewer.exited = true;
      this.hooks.exited(sessionId, snapshot.exitCode);
    }
    for (const event of viewer.early.splice(0)) {
      if (event.type === 'terminal.output') this.drawChunk(sessionId, viewer, event);
      // A resize before the snapshot's last chunk is in its size already; a later one applies from there on.
      else if (event.seq >= snapshot.seq) viewer.surface.resize({ cols: event.cols, rows: event.rows });
    }
    // The snapshot is drawn at the pty's size; now the pty is asked for the pane's.
    this.fit(sessionId);
  }

  private drawChunk(sessionId: string, viewer: Viewer, chunk: Output): void {
    const seq = viewer.seq ?? 0;
    // Chunks up to the snapshot's seq are already in it; each chunk is acknowledged all the same, once drawn or skipped.
    if (chunk.seq <= seq) {
      this.ack(sessionId, chunk.data.length);
      return;
    }
    viewer.seq = chunk.seq;
    viewer.surface.write(chunk.data, () => this.ack(sessionId, chunk.data.length));
  }

  private ack(sessionId: string, chars: number): void {
    if (chars > 0) this.api.ackTerminal({ sessionId, chars }).catch(() => {});
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
