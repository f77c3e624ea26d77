// Live hosted terminals on screen: attach (the snapshot, then output chunks by `seq`), acknowledge what xterm.js has
// drawn (the core pauses a terminal whose viewer falls behind), input and resizes back to the core. Terminal bytes go
// from the connection's events into the surface here and nowhere else.
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

interface Viewer {
  surface: TerminalSurface;
  /** The last chunk written; null until the snapshot has been drawn (chunks wait in `early`). */
  seq: number | null;
  early: Array<Extract<TerminalEvent, { type: 'terminal.output' }>>;
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

  /** Fits the terminal to its surface's element and tells the core (which resizes the pty). */
  fit(sessionId: string): void {
    const viewer = this.viewers.get(sessionId);
    const size = viewer?.surface.fittingSize();
    if (!viewer || !size || viewer.exited) return;
    viewer.surface.resize(size);
    this.api.resizeTerminal({ sessionId, ...size }).then(
      (info) => this.hooks.resized(sessionId, { cols: info.cols, rows: info.rows }),
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
    if (!viewer || event.type !== 'terminal.output') return;
    if (viewer.seq === null) viewer.early.push(event);
    else this.drawChunk(event.sessionId, viewer, event);
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
    for (const chunk of viewer.early.splice(0)) this.drawChunk(sessionId, viewer, chunk);
    // The snapshot is drawn at the pty's size; now the pty takes the pane's.
    this.fit(sessionId);
  }

  private drawChunk(
    sessionId: string,
    viewer: Viewer,
    chunk: Extract<TerminalEvent, { type: 'terminal.output' }>,
  ): void {
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
