// The core's side of a session's recorder. The recorder itself (redaction, chunking) runs on the recording thread,
// next to compression and the database: on the core's thread it would share a core with the pty it reads (measured on
// the record benchmark, a program printing flat out: redaction took ~7 of the core thread's ~17 ms per MB). This side
// stamps each event with its time as it comes, hands events over in batches, and bounds what is in flight: when the
// thread cannot keep up, text is dropped here and recorded as a gap, by the same policy as the recorder itself
// (common/backlog.ts).
import { BacklogGate, backlogOf, RESUME_BACKLOG_BYTES } from '../common/backlog.ts';
import { failureReporter } from '../common/failure-reporter.ts';
import type { RecordedScreen, RecorderBacklog, RecordEvent, SessionRecorder } from '../common/types.ts';
import type { RecorderLink, RecordingWorker } from './worker-host.ts';
import type { ThreadEvent } from '../common/worker-messages.ts';

/** Events are handed over at most this long after they came: a few pty reads per message, not one each. */
export const HANDOVER_MS = 5;
/** A batch this large is handed over at once. */
export const HANDOVER_CHARS = 64 * 1024;

/** What a ThreadRecorder needs of the recording thread. */
export type RecorderThread = Pick<RecordingWorker, 'open' | 'events' | 'flush' | 'finish' | 'screen'>;

export interface ThreadRecorderOptions {
  sessionId: string;
  /** Epoch milliseconds of offset 0. */
  startedAtMs: number;
  worker: RecorderThread;
  now?: () => number;
  /** Called once the recording has ended and everything is on disk. */
  onClosed?: () => void;
  onError: (err: unknown) => void;
}

export class ThreadRecorder implements SessionRecorder {
  readonly sessionId: string;
  private readonly opts: ThreadRecorderOptions;
  private readonly now: () => number;
  readonly backlog: RecorderBacklog;
  private readonly shrunk: () => void;
  private readonly report: (err: unknown) => void;
  private batch: ThreadEvent[] = [];
  private batchChars = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Text handed over that the thread has not taken in yet. */
  private inFlight = 0;
  /** Text the thread's recorder holds, not yet stored (as it last said). */
  private held = 0;
  private lastAtMs = 0;
  /**
   * Drops text while the thread is too far behind (memory stays bounded). A gap is handed over as a `dropped` event
   * once the backlog has drained, and the thread's recorder marks it.
   */
  private readonly gate = new BacklogGate({
    backlog: () => this.backlogBytes,
    closed: (gap, at) =>
      this.batch.push({ atMs: at, event: { kind: 'dropped', fromMs: gap.atMs, bytes: gap.droppedBytes } }),
  });
  /** The recording thread is gone: events go nowhere. */
  private lost = false;
  private closing: Promise<void> | null = null;

  constructor(opts: ThreadRecorderOptions) {
    this.opts = opts;
    this.sessionId = opts.sessionId;
    this.now = opts.now ?? Date.now;
    ({ backlog: this.backlog, shrunk: this.shrunk } = backlogOf(() => this.backlogBytes));
    this.report = failureReporter(opts.sessionId, opts.onError);
    const link: RecorderLink = {
      backlog: (took, held) => {
        this.inFlight = Math.max(0, this.inFlight - took);
        this.held = held;
        this.shrunk();
      },
      gone: () => {
        this.lost = true;
        this.clearBatch();
        this.inFlight = 0;
        this.held = 0;
        this.report(new Error('the recording thread is gone'));
        this.shrunk();
      },
    };
    opts.worker.open(opts.sessionId, opts.startedAtMs, link);
  }

  /** Text (UTF-16 code units) recorded and not yet on disk. */
  get backlogBytes(): number {
    return this.batchChars + this.inFlight + this.held;
  }

  record(event: RecordEvent, atMs?: number): void {
    if (this.closing || this.lost) return;
    const at = Math.max(this.lastAtMs, Math.round(atMs ?? this.now() - this.opts.startedAtMs));
    this.lastAtMs = at;
    if (event.kind === 'output' || event.kind === 'input') {
      if (!this.gate.admit(event.data, at)) return;
      const last = this.batch.at(-1);
      // Reads in the same millisecond are one event (the recorder would join them too).
      if (last && last.atMs === at && last.event.kind === event.kind)
        last.event = { kind: event.kind, data: last.event.data + event.data };
      else this.batch.push({ atMs: at, event });
      this.batchChars += event.data.length;
    } else {
      this.batch.push({ atMs: at, event });
    }
    if (this.batchChars >= HANDOVER_CHARS) this.handOver();
    else this.timer ??= setTimeout(() => this.handOver(), HANDOVER_MS);
  }

  /** Output lost while the core was down, from `fromMs` to `atMs` (see SessionRecorder.restarted). */
  restarted(fromMs: number, atMs: number, bytes: number): void {
    if (this.closing || this.lost) return;
    const at = Math.max(this.lastAtMs, Math.round(atMs));
    this.lastAtMs = at;
    // A gap open here ends before the restart's: each has its own marker, in order.
    this.gate.close(at);
    this.batch.push({ atMs: at, event: { kind: 'dropped', fromMs, bytes, cause: 'restart' } });
    this.timer ??= setTimeout(() => this.handOver(), HANDOVER_MS);
  }

  /** Resolves once everything recorded so far (except text kept back for redaction) is on disk. */
  async flushed(): Promise<void> {
    this.handOver();
    if (this.lost) return;
    try {
      await this.opts.worker.flush(this.sessionId);
    } catch (err) {
      this.report(err);
    }
  }

  /** Resolves when the backlog is small enough to take more without dropping (an importer waits on this). */
  async ready(): Promise<void> {
    while (!this.lost && this.backlogBytes > RESUME_BACKLOG_BYTES) await this.flushed();
  }

  /** The terminal as recorded up to now, rebuilt from the recording (see SessionRecorder.screen). */
  screen(scrollback: number): Promise<RecordedScreen> {
    this.handOver();
    return this.opts.worker.screen(this.sessionId, scrollback);
  }

  close(): Promise<void> {
    return this.finish(Math.max(this.lastAtMs, this.now() - this.opts.startedAtMs));
  }

  /** Ends the recording with a known length (an import ends at its last event). */
  finish(durationMs: number): Promise<void> {
    this.closing ??= (async () => {
      this.gate.close(this.lastAtMs);
      this.handOver();
      if (!this.lost) {
        try {
          await this.opts.worker.finish(this.sessionId, Math.round(durationMs));
        } catch (err) {
          this.report(err);
        }
      }
      this.opts.onClosed?.();
    })();
    return this.closing;
  }

  private handOver(): void {
    const events = this.batch;
    const chars = this.batchChars;
    this.clearBatch();
    if (events.length === 0 || this.lost) return;
    this.inFlight += chars;
    this.opts.worker.events(this.sessionId, events, chars);
  }

  private clearBatch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.batch = [];
    this.batchChars = 0;
  }
}
