// One hosted terminal: a pty, its current screen, its viewers (with flow control) and its recording.
import { StringDecoder } from 'node:string_decoder';
import type { ShellKind, TerminalEvent, TerminalInfo, TerminalSnapshot } from '../../../shared/domain.ts';
import type { SessionRecorder } from '../recording/types.ts';
import { FlowControl } from './flow-control.ts';
import { OutputBatcher } from './output-batcher.ts';
import type { PtyProcess } from './pty-process.ts';
import { HeadlessScreen } from './screen.ts';
import { ShellMarks } from './shell-marks.ts';

export type TerminalListener = (event: TerminalEvent) => void;

/** The flow-control id of the headless screen (viewer ids are connection ids, which never take this form). */
const SCREEN_CONSUMER = '(screen)';
/**
 * The screen may lag further than a viewer: its parser (~55 MB/s) works in time slices between reads, and pausing
 * the pty at every slice would halve throughput. 4 MB is a fraction of xterm.js's own 50 MB limit.
 */
const SCREEN_WATER_MARKS = { high: 4 * 1024 * 1024, low: 1024 * 1024 };

export interface TerminalSessionOptions {
  sessionId: string;
  agent: TerminalInfo['agent'];
  argv: string[];
  cwd: string;
  shell: ShellKind | null;
  cols: number;
  rows: number;
  startedAtMs: number;
  pty: PtyProcess;
  recorder: SessionRecorder | null;
  /** The allowed gated line the next command starts from (see ShellMarks). */
  takeCommand: () => { command: string; requestId: string } | null;
  onExit: (exitCode: number) => void;
}

export class TerminalSession {
  readonly sessionId: string;
  private readonly o: TerminalSessionOptions;
  private readonly screen: HeadlessScreen;
  private readonly batcher: OutputBatcher;
  private readonly flow: FlowControl;
  private readonly decoder = new StringDecoder('utf8');
  private readonly viewers = new Map<string, TerminalListener>();
  private seq = 0;
  private exitCode: number | null = null;
  readonly exited: Promise<number>;

  constructor(o: TerminalSessionOptions) {
    this.o = o;
    this.sessionId = o.sessionId;
    this.screen = new HeadlessScreen(o.cols, o.rows);
    this.flow = new FlowControl((paused) => (paused ? o.pty.pause() : o.pty.resume()));
    // The screen is a consumer like any viewer: xterm.js drops writes once 50 MB wait for its parser, and a screen
    // far behind would hold that much memory. Its acknowledgements come from xterm.js's write callbacks.
    this.flow.addViewer(SCREEN_CONSUMER, SCREEN_WATER_MARKS);
    this.batcher = new OutputBatcher((data) => this.deliver(data));
    new ShellMarks(this.screen, {
      now: () => Date.now() - o.startedAtMs,
      takeCommand: o.takeCommand,
      onCommand: (command) => this.broadcast({ type: 'terminal.command', sessionId: this.sessionId, command }),
    });
    o.recorder?.record({ kind: 'resize', cols: o.cols, rows: o.rows }, 0);
    o.pty.onData((bytes) => this.output(this.decoder.write(bytes)));
    this.exited = new Promise((resolve) => {
      o.pty.onExit((code) => {
        this.output(this.decoder.end());
        this.batcher.flush();
        this.exitCode = code;
        this.broadcast({ type: 'terminal.exit', sessionId: this.sessionId, exitCode: code });
        o.onExit(code);
        resolve(code);
      });
    });
  }

  get running(): boolean {
    return this.exitCode === null;
  }

  info(): TerminalInfo {
    const o = this.o;
    return {
      sessionId: this.sessionId,
      agent: o.agent,
      argv: o.argv,
      cwd: o.cwd,
      shell: o.shell,
      cols: this.screen.cols,
      rows: this.screen.rows,
      pid: o.pty.pid,
      startedAt: new Date(o.startedAtMs).toISOString(),
      exitCode: this.exitCode,
      paused: this.flow.paused,
    };
  }

  /** Typed or pasted input, recorded as such. Ignored once the program has exited. */
  write(data: string): void {
    if (!this.running) return;
    this.o.recorder?.record({ kind: 'input', data });
    this.o.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (!this.running) return;
    // Output so far belongs to the old size, for viewers and the recording alike.
    this.batcher.flush();
    this.o.pty.resize(cols, rows);
    this.screen.resize(cols, rows);
    this.o.recorder?.record({ kind: 'resize', cols, rows });
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.running) return;
    // A paused pty would hold the program's last output, and with it the exit.
    this.o.pty.resume();
    this.o.pty.kill(signal);
  }

  /** The screen now, with the sequence number of the last chunk it includes. */
  async snapshot(): Promise<TerminalSnapshot> {
    this.batcher.flush();
    const seq = this.seq;
    const data = await this.screen.serialize();
    return { sessionId: this.sessionId, cols: this.screen.cols, rows: this.screen.rows, data, seq, exitCode: this.exitCode };
  }

  /** Sends this session's events to `listener` from now on; the snapshot is the screen they continue. */
  async attach(viewerId: string, listener: TerminalListener): Promise<TerminalSnapshot> {
    this.batcher.flush();
    this.viewers.set(viewerId, listener);
    if (this.running) this.flow.addViewer(viewerId);
    return this.snapshot();
  }

  detach(viewerId: string): void {
    this.viewers.delete(viewerId);
    this.flow.removeViewer(viewerId);
  }

  ack(viewerId: string, chars: number): void {
    this.flow.ack(viewerId, chars);
  }

  /** Ends the viewers' subscriptions and frees the screen; the pty must have exited or been killed. */
  dispose(): void {
    this.batcher.dispose();
    this.viewers.clear();
    this.screen.dispose();
  }

  private output(text: string): void {
    if (!text) return;
    this.o.recorder?.record({ kind: 'output', data: text });
    this.batcher.push(text);
  }

  private deliver(data: string): void {
    this.seq += 1;
    this.screen.write(data, () => this.flow.ack(SCREEN_CONSUMER, data.length));
    this.broadcast({ type: 'terminal.output', sessionId: this.sessionId, data, seq: this.seq });
    this.flow.sent(data.length);
  }

  private broadcast(event: TerminalEvent): void {
    for (const listener of this.viewers.values()) {
      try {
        listener(event);
      } catch {
        // A viewer that fails (a closed connection) must not stop the session or the other viewers.
      }
    }
  }
}
