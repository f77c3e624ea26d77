// One hosted terminal: a pty, its current screen, its viewers (with flow control) and its recording.
import { StringDecoder } from 'node:string_decoder';
import type { KillSignal, TerminalKillResult } from '../../../shared/api.ts';
import type {
  ShellCommandRecord,
  ShellKind,
  TerminalEvent,
  TerminalInfo,
  TerminalSnapshot,
  TypingTrust,
} from '../../../shared/domain.ts';
import type { SessionRecorder } from '../recording/common/types.ts';
import { FlowControl } from './flow-control.ts';
import { OutputBatcher } from './output-batcher.ts';
import type { PtyProcess } from './pty-process.ts';
import { LiveScreen } from './live-screen.ts';
import { ShellMarks } from './shell-marks.ts';

export type TerminalListener = (event: TerminalEvent) => void;

/** The flow-control ids of the headless screen and the recorder (viewer ids are connection ids, never of this form). */
const SCREEN_CONSUMER = '(screen)';
const RECORDING_CONSUMER = '(recording)';
/**
 * The screen may lag further than a viewer: its parser (~35-55 MB/s) works in time slices between reads, and pausing
 * the pty at every slice would halve throughput. 4 MB is a fraction of xterm.js's own 50 MB limit.
 */
const SCREEN_WATER_MARKS = { high: 4 * 1024 * 1024, low: 1024 * 1024 };
/**
 * Output that may go by with nobody watching before the screen is dropped (when the recording can rebuild it): far
 * more than a person's session prints between two looks at it (a thousand screens of 120x40), a fiftieth of a second
 * of a program printing flat out. Parsing it costs ~25 ms on the core's thread (4 MB cost 5% of a 100 MB burst).
 */
const SCREEN_UNWATCHED_LIMIT_CHARS = 1024 * 1024;
/**
 * Output the recorder may hold before the pty is paused: a quarter of what makes it drop output (MAX_BACKLOG_BYTES in
 * recording/common/backlog.ts), so a hosted program waits for the recording instead of losing part of it. Eight chunks
 * keep the recording thread busy; more would only hold memory.
 */
const RECORDING_WATER_MARKS = { high: 2 * 1024 * 1024, low: 512 * 1024 };
/**
 * How long the pty must stay paused before viewers hear of it. A program printing flat out to a watching viewer pauses
 * and resumes every few milliseconds (100 KB between the marks); announcing each would redraw the view hundreds of
 * times a second, for a state nobody could read. A pause that lasts is announced, and its end at once.
 */
export const FLOW_NOTICE_MS = 250;

/**
 * Kill without a signal: what a closing terminal sends, then the polite request interactive shells ignore, then the
 * one nothing can ignore. A second is ample for a program that handles the signal to exit; SIGKILL gets longer, since
 * a process in the middle of disk I/O dies only once that returns.
 */
const KILL_ESCALATION: ReadonlyArray<{ signal: KillSignal; waitMs: number }> = [
  { signal: 'SIGHUP', waitMs: 1000 },
  { signal: 'SIGTERM', waitMs: 1000 },
  { signal: 'SIGKILL', waitMs: 2000 },
];
/** How long Kill with one named signal waits to see whether it ended the program. */
const SINGLE_SIGNAL_WAIT_MS = 1000;

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
  /** A command the shell marked ended, with the end of its output (the pty host records an allowed line's outcome). */
  commandEnded?: (c: ShellCommandRecord, output: string) => void;
  /** A hosted shell's typing trust now (pty/typed-lines.ts); none for an agent. */
  typingTrust?: () => TypingTrust | null;
  /** Tests shorten it; FLOW_NOTICE_MS otherwise. */
  flowNoticeMs?: number;
  onExit: (exitCode: number) => void;
  onError?: (err: unknown) => void;
  /** The agent's line for after its exit, read off the end of its output (its plug-in's `exitNote`); shown on the screen. */
  exitNote?: (outputTail: string) => string | null;
}

/** An agent's parting words (a resume hint) fit in its last few screens' worth of text. */
const EXIT_NOTE_TAIL_CHARS = 4096;

export class TerminalSession {
  readonly sessionId: string;
  private readonly o: TerminalSessionOptions;
  private readonly screen: LiveScreen;
  private readonly batcher: OutputBatcher;
  private readonly flow: FlowControl;
  private readonly marks: ShellMarks;
  private readonly decoder = new StringDecoder('utf8');
  private readonly viewers = new Map<string, TerminalListener>();
  private readonly stopWatchingRecorder: () => void;
  private seq = 0;
  private exitCode: number | null = null;
  /** What viewers were told of pausing (`terminal.flow`, snapshots, info): the pty's state once it has lasted. */
  private shownPaused = false;
  private flowNotice: NodeJS.Timeout | null = null;
  /** The end of the output, kept only for `exitNote`. */
  private tail = '';
  readonly exited: Promise<number>;

  constructor(o: TerminalSessionOptions) {
    this.o = o;
    this.sessionId = o.sessionId;
    this.flow = new FlowControl((paused) => this.flowChanged(paused));
    this.screen = new LiveScreen({
      cols: o.cols,
      rows: o.rows,
      recorder: o.recorder,
      // A screen nobody watches is dropped after a while (and rebuilt from the recording when a viewer attaches)
      // rather than holding a fast program back. Kept, it is a consumer like any viewer, with marks of its own
      // (xterm.js drops writes once 50 MB wait for its parser).
      unwatchedLimit: SCREEN_UNWATCHED_LIMIT_CHARS,
      unwatched: () => this.viewers.size === 0 && this.running,
      parsed: (chars) => this.flow.ack(SCREEN_CONSUMER, chars),
      tracked: (on) =>
        on ? this.flow.addViewer(SCREEN_CONSUMER, SCREEN_WATER_MARKS) : this.flow.removeViewer(SCREEN_CONSUMER),
      onError: (err) => o.onError?.(err),
    });
    this.batcher = new OutputBatcher((data) => this.deliver(data));
    this.marks = new ShellMarks({
      now: () => Date.now() - o.startedAtMs,
      takeCommand: o.takeCommand,
      onCommand: (command, output) => {
        this.broadcast({ type: 'terminal.command', sessionId: this.sessionId, command });
        o.commandEnded?.(command, output);
      },
    });
    this.stopWatchingRecorder = this.watchRecorder();
    o.recorder?.record({ kind: 'resize', cols: o.cols, rows: o.rows }, 0);
    o.pty.onData((bytes) => this.output(this.decoder.write(bytes)));
    this.exited = new Promise((resolve) => {
      o.pty.onExit((code) => {
        this.output(this.decoder.end());
        const note = o.exitNote?.(this.tail);
        if (note) this.output(`\r\n${note}\r\n`);
        this.batcher.flush();
        // A command still running (`exit` itself) ended with the shell.
        this.marks.end(code);
        this.exitCode = code;
        this.cancelFlowNotice();
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
      typingTrust: o.typingTrust?.() ?? null,
      cols: this.screen.cols,
      rows: this.screen.rows,
      pid: o.pty.pid,
      startedAt: new Date(o.startedAtMs).toISOString(),
      exitCode: this.exitCode,
      paused: this.paused,
    };
  }

  /** As viewers were told. An exited program holds nothing back, whatever viewers have yet to acknowledge. */
  private get paused(): boolean {
    return this.running && this.shownPaused;
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
    const changed = cols !== this.screen.cols || rows !== this.screen.rows;
    this.o.pty.resize(cols, rows);
    this.screen.resize(cols, rows);
    this.o.recorder?.record({ kind: 'resize', cols, rows });
    // Every viewer draws at the program's size, whoever asked for it: a viewer taller than the pty would show a
    // full-screen program (less, an editor) starting part-way down, below whatever was on screen before.
    if (changed) this.broadcast({ type: 'terminal.resize', sessionId: this.sessionId, cols, rows, seq: this.seq });
  }

  /** Sends one signal now (no waiting): the core's shutdown uses it. */
  kill(signal: NodeJS.Signals): void {
    if (!this.running) return;
    // A paused pty would hold the program's last output, and with it the exit.
    this.o.pty.resume();
    this.o.pty.kill(signal);
  }

  /**
   * Ends the program: `signal` alone, or SIGHUP, SIGTERM and SIGKILL in turn, each given a moment to work. Says which
   * signals were sent and after which one it ended (none: it still runs, stuck where even SIGKILL waits).
   */
  async end(signal?: KillSignal): Promise<TerminalKillResult> {
    const steps = signal ? [{ signal, waitMs: SINGLE_SIGNAL_WAIT_MS }] : KILL_ESCALATION;
    const sent: KillSignal[] = [];
    for (const step of steps) {
      if (!this.running) break;
      this.kill(step.signal);
      sent.push(step.signal);
      await this.exitWithin(step.waitMs);
    }
    const endedBy = this.running ? null : (sent.at(-1) ?? null);
    return { sent, endedBy, exitCode: this.exitCode, pid: this.o.pty.pid };
  }

  private exitWithin(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      void this.exited.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The screen now, with the sequence number of the last chunk it includes. */
  async snapshot(): Promise<TerminalSnapshot> {
    this.batcher.flush();
    const seq = this.seq;
    const { data, cols, rows } = await this.screen.serialize();
    // Read after the wait: a `terminal.flow` sent meanwhile reached an attaching viewer before this answer does.
    return { sessionId: this.sessionId, cols, rows, data, seq, exitCode: this.exitCode, paused: this.paused };
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
    this.cancelFlowNotice();
    this.batcher.dispose();
    this.viewers.clear();
    this.stopWatchingRecorder();
    this.screen.dispose();
  }

  private output(text: string): void {
    if (!text) return;
    if (this.o.exitNote) this.tail = (this.tail + text).slice(-EXIT_NOTE_TAIL_CHARS);
    const recorder = this.o.recorder;
    if (recorder) {
      recorder.record({ kind: 'output', data: text });
      if (recorder.backlog) this.flow.report(RECORDING_CONSUMER, recorder.backlog.chars());
    }
    this.batcher.push(text);
  }

  private deliver(data: string): void {
    this.seq += 1;
    this.screen.write(data);
    this.broadcast({ type: 'terminal.output', sessionId: this.sessionId, data, seq: this.seq });
    this.marks.read(data);
    this.flow.sent(data.length);
  }

  /** FlowControl calls this only when the state changes; viewers hear of a pause that lasts, then of its end. */
  private flowChanged(paused: boolean): void {
    if (paused) {
      this.o.pty.pause();
      this.flowNotice ??= setTimeout(() => {
        this.flowNotice = null;
        if (this.flow.paused && this.running) this.showPaused(true);
      }, this.o.flowNoticeMs ?? FLOW_NOTICE_MS);
      return;
    }
    this.o.pty.resume();
    this.cancelFlowNotice();
    if (this.shownPaused) this.showPaused(false);
  }

  private cancelFlowNotice(): void {
    if (this.flowNotice) clearTimeout(this.flowNotice);
    this.flowNotice = null;
  }

  private showPaused(paused: boolean): void {
    this.shownPaused = paused;
    this.broadcast({ type: 'terminal.flow', sessionId: this.sessionId, paused });
  }

  /** A recorder that says how far behind it is holds the pty like a viewer: output waits instead of being dropped. */
  private watchRecorder(): () => void {
    const backlog = this.o.recorder?.backlog;
    if (!backlog) return () => {};
    this.flow.addReportingConsumer(RECORDING_CONSUMER, RECORDING_WATER_MARKS);
    return backlog.onShrink(() => this.flow.report(RECORDING_CONSUMER, backlog.chars()));
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
