// Streams a `gatehouse run` session's terminal to the core's recording, in numbered batches over the control socket.
// Batches are kept until the core has taken them, and for a while after (a core killed outright loses what its recorder
// had not written yet), so that after a restart what the disk lacks is sent again; the core ignores a batch number it
// has taken, so nothing is recorded twice. What is kept is bounded: past it, output is dropped, counted, and recorded
// as a gap ("Gatehouse restarted: N bytes not recorded").
import type { RecordEventsInput, ResumedSession } from '../../../shared/api.ts';
import type { RecordEvent } from '../recording/common/types.ts';
import { isUnreachable } from './core-link.ts';

/** A batch leaves after this long: the core's recorder loses at most ~250 ms on a crash, and this stays well inside. */
export const RECORD_FLUSH_MS = 50;
/** ...or once this much text is waiting, so one message stays far below the control socket's line cap. */
export const RECORD_FLUSH_CHARS = 256 * 1024;
/** Batches on their way to the core (2 MiB of text at most); past this the program is paused until the core catches up. */
export const MAX_BATCHES_IN_FLIGHT = 8;
/**
 * Text kept for sending again (batches not yet taken, and the last ones taken, which a core killed outright may not have
 * written). The core's own recorder holds at most as much before writing it (MAX_BACKLOG_BYTES), so what a crash loses
 * is still here. While the core is down, output beyond this is dropped and counted.
 */
export const MAX_KEPT_CHARS = 8 * 1024 * 1024;
/**
 * ...and at most this many batches, so a session printing a little at a time does not pile up small ones: 4096 batches
 * are at least 200 s of output at one batch per RECORD_FLUSH_MS, far more than a core holds back unwritten.
 */
export const MAX_KEPT_BATCHES = 4096;

type Sendable = RecordEventsInput['events'][number]['event'];
type TimedEvent = RecordEventsInput['events'][number];

interface Batch {
  seq: number;
  events: TimedEvent[];
  chars: number;
  gap?: { fromMs: number; bytes: number };
  /** `taken`: the core answered it (kept in case the core dies before writing it). */
  state: 'waiting' | 'sending' | 'taken';
}

export interface RecordStreamOptions {
  sessionId: string;
  startedAtMs: number;
  send: (input: RecordEventsInput) => Promise<unknown>;
  /** Asks the producer to hold (true) or go on (false). */
  backpressure: (hold: boolean) => void;
  /** Said once if the core refuses the stream; the session itself goes on. */
  warn: (message: string) => void;
  now?: () => number;
}

/**
 * The events a restarted core lacks: those after `through` (the time of the last event on disk), and of those at
 * `through` itself what follows the text stored there (the core may have written a piece in part: redaction holds back a
 * stream's last 4 KB, a full chunk is cut). When the stored text is not how the piece starts (it was redacted), the
 * piece is taken as stored: a few characters may be missing, none recorded twice.
 */
export function notRecorded(
  events: readonly TimedEvent[],
  through: number,
  tail: { output: string; input: string },
): TimedEvent[] {
  const rest: TimedEvent[] = [];
  for (const kind of ['output', 'input'] as const) {
    let sent = '';
    for (const e of events) if (e.atMs === through && e.event.kind === kind) sent += e.event.data;
    const stored = tail[kind];
    if (sent.length > stored.length && sent.startsWith(stored))
      rest.push({ atMs: through, event: { kind, data: sent.slice(stored.length) } });
  }
  return [...rest, ...events.filter((e) => e.atMs > through)];
}

export class RecordStream {
  private readonly o: RecordStreamOptions;
  private readonly now: () => number;
  private batch: TimedEvent[] = [];
  private batchChars = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Batches in order of their numbers: waiting to be sent, on their way, or taken and kept. */
  private kept: Batch[] = [];
  private keptChars = 0;
  private nextSeq = 1;
  private sending = 0;
  private holding = false;
  /** False from a send cut off by the core going until `resumed`. */
  private online = true;
  private offlineAtMs = 0;
  /** Output dropped while too much was kept, and since when: recorded as a gap before what comes next. */
  private lost: { fromMs: number; bytes: number } | null = null;
  /** The core restarted: the next batch carries the gap marker even if nothing was dropped. */
  private restarted = false;
  /** The terminal's size as of the last resize dropped with output, replayed after the gap. */
  private droppedResize: Extract<Sendable, { kind: 'resize' }> | null = null;
  /** A batch's first event comes after the previous batch's last, so a time says which batch an event was in. */
  private lastAtMs = -1;
  private failed = false;
  /** `close` calls waiting for the core to take what is kept. */
  private closing = 0;
  /** Counts connections (`resumed`): what a send from an earlier one says about the connection is old news. */
  private epoch = 0;
  private drainedWaiters = new Set<() => void>();

  constructor(o: RecordStreamOptions) {
    this.o = o;
    this.now = o.now ?? Date.now;
  }

  /** Output dropped while the core was away (bytes), not yet recorded as a gap. */
  get droppedBytes(): number {
    return this.lost?.bytes ?? 0;
  }

  record(event: RecordEvent): void {
    // Markers come from the core itself (it sees every interception); a client only streams the terminal.
    if (this.failed || event.kind === 'marker') return;
    const chars = event.kind === 'resize' ? 0 : event.data.length;
    let at = Math.max(0, this.now() - this.o.startedAtMs);
    at = Math.max(at, this.batch.length === 0 ? this.lastAtMs + 1 : this.lastAtMs);
    if (!this.admit(chars)) {
      // What came before the loss goes before its gap marker.
      if (!this.lost) this.queueBatch();
      this.lost ??= { fromMs: at, bytes: 0 };
      if (event.kind === 'resize') this.droppedResize = event;
      else this.lost.bytes += Buffer.byteLength(event.data);
      return;
    }
    if (this.droppedResize && event.kind !== 'resize') this.push(at, this.droppedResize, 0);
    this.droppedResize = null;
    this.push(at, event as Sendable, chars);
    if (this.batchChars >= RECORD_FLUSH_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), RECORD_FLUSH_MS);
  }

  /**
   * The core took the session back (`resumeSession`): what it has is not sent again, the rest is, in order. After a
   * restart, the next batch carries the gap marker.
   */
  resumed(
    r: Pick<ResumedSession, 'resumed' | 'lastSeq' | 'recordedThroughMs'> &
      Partial<Pick<ResumedSession, 'recordedTail'>>,
  ): void {
    if (this.failed) return;
    // What was printed while the core was away comes before the restart's marker.
    this.queueBatch();
    this.epoch++;
    const next: Batch[] = [];
    for (const b of this.kept) {
      if (r.resumed === 'live') {
        if (r.lastSeq !== null && b.seq <= r.lastSeq) continue;
      } else if (r.recordedThroughMs !== null) {
        const through = r.recordedThroughMs;
        b.events = r.recordedTail
          ? notRecorded(b.events, through, r.recordedTail)
          : b.events.filter((e) => e.atMs > through);
        b.chars = b.events.reduce((n, e) => n + (e.event.kind === 'resize' ? 0 : e.event.data.length), 0);
      }
      if (b.events.length === 0 && !b.gap) continue;
      b.state = 'waiting';
      next.push(b);
    }
    this.kept = next;
    this.keptChars = next.reduce((n, b) => n + b.chars, 0);
    if (r.resumed === 'restarted') this.restarted = true;
    // Closing already (the agent exited while the core was away): nothing more will come to carry the marker.
    if (this.closing > 0 && this.restarted) this.flushGap();
    this.online = true;
    this.flush();
  }

  /**
   * Sends what is waiting and resolves once the core has taken everything, or at `deadline` (epoch ms) while the core is
   * away. Resolves whether everything was taken.
   */
  async close(deadline = Number.POSITIVE_INFINITY): Promise<boolean> {
    // A gap with nothing after it is still recorded: an empty batch carries it.
    if (this.lost || this.restarted) this.flushGap();
    this.flush();
    this.closing++;
    try {
      while (!this.failed && this.kept.some((b) => b.state !== 'taken')) {
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, Math.min(left, 2 ** 31 - 1));
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.drainedWaiters.add(() => done());
        });
      }
      return !this.failed;
    } finally {
      this.closing--;
    }
  }

  /** The core will not take the stream back (it refused the session): nothing more is kept or sent. */
  abandon(): void {
    this.failed = true;
    this.kept = [];
    this.keptChars = 0;
    this.batch = [];
    this.batchChars = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.hold(false);
    this.wakeDrained();
  }

  private push(at: number, event: Sendable, chars: number): void {
    this.batch.push({ atMs: at, event });
    this.batchChars += chars;
    this.lastAtMs = at;
  }

  /** Whether `chars` more may be kept; old batches the core has taken make room first. */
  private admit(chars: number): boolean {
    if (this.lost && !this.online) return false;
    // This event starts a batch of its own when none is being filled.
    const newBatch = this.batch.length === 0 ? 1 : 0;
    const fits = () =>
      this.keptChars + this.batchChars + chars <= MAX_KEPT_CHARS && this.kept.length + newBatch <= MAX_KEPT_BATCHES;
    while (!fits() && this.kept[0]?.state === 'taken') {
      this.keptChars -= (this.kept.shift() as Batch).chars;
    }
    return fits();
  }

  private flushGap(): void {
    if (this.batch.length > 0) return;
    this.queue([], 0);
  }

  private flush(): void {
    this.queueBatch();
    this.pump();
  }

  /** Numbers the batch being filled and puts it in line to be sent. */
  private queueBatch(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.batch.length === 0 || this.failed) return;
    const events = this.batch;
    const chars = this.batchChars;
    this.batch = [];
    this.batchChars = 0;
    this.queue(events, chars);
  }

  private queue(events: TimedEvent[], chars: number): void {
    const b: Batch = { seq: this.nextSeq++, events, chars, state: 'waiting' };
    if (this.lost || this.restarted) {
      b.gap = this.lost ?? { fromMs: this.offlineAtMs, bytes: 0 };
      this.lost = null;
      this.restarted = false;
    }
    this.kept.push(b);
    this.keptChars += chars;
  }

  /** Sends waiting batches in order, at most MAX_BATCHES_IN_FLIGHT at a time, while the core is there. */
  private pump(): void {
    for (const b of this.kept) {
      if (!this.online || this.failed || this.sending >= MAX_BATCHES_IN_FLIGHT) break;
      if (b.state === 'waiting') this.send(b);
    }
    this.hold(this.online && this.sending >= MAX_BATCHES_IN_FLIGHT);
    if (!this.kept.some((b) => b.state !== 'taken')) this.wakeDrained();
  }

  private send(b: Batch): void {
    b.state = 'sending';
    this.sending++;
    const epoch = this.epoch;
    const input: RecordEventsInput = {
      sessionId: this.o.sessionId,
      seq: b.seq,
      events: b.events,
      ...(b.gap ? { gap: b.gap } : {}),
    };
    let sent: Promise<unknown>;
    try {
      sent = this.o.send(input);
    } catch (err) {
      sent = Promise.reject(err);
    }
    sent
      .then(
        () => {
          b.state = 'taken';
        },
        (err: unknown) => {
          if (isUnreachable(err)) {
            // Sent again once the core is back and has said what it has (`resumed` has put it in line already).
            if (epoch !== this.epoch) return;
            if (b.state === 'sending') b.state = 'waiting';
            if (this.online) this.offlineAtMs = Math.max(0, this.now() - this.o.startedAtMs);
            this.online = false;
            return;
          }
          if (!this.failed) this.o.warn(`gatehouse: the recording of this session stopped: ${(err as Error).message}`);
          this.failed = true;
          this.kept = [];
          this.keptChars = 0;
        },
      )
      .finally(() => {
        this.sending--;
        this.pump();
        this.wakeDrained();
      });
  }

  private hold(hold: boolean): void {
    if (hold === this.holding) return;
    this.holding = hold;
    this.o.backpressure(hold);
  }

  private wakeDrained(): void {
    const waiters = [...this.drainedWaiters];
    this.drainedWaiters.clear();
    for (const w of waiters) w();
  }
}
