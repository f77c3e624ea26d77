// Records one session: redacts what it is given, batches it into chunks and hands each chunk, with the
// markers recorded among its events, to a sink that compresses and stores it in one transaction. Memory
// stays bounded: when writing cannot keep up, output is dropped and a "recording gap" marker says how much
// (the policy is common/backlog.ts's).
import type { ChunkSink } from './chunk-sink.ts';
import { BacklogGate, backlogOf, gapLabel, RESUME_BACKLOG_BYTES, type Gap, type GapCause } from '../common/backlog.ts';
import type { StreamEvent } from '../common/codec.ts';
import { failureReporter } from '../common/failure-reporter.ts';
import type { Redactor } from '../../redaction/redaction.ts';
import { TimedRedaction } from './timed-redaction.ts';
import type { RecordedScreen, RecorderBacklog, RecordEvent, SessionRecorder } from '../common/types.ts';
import type { NewMarker } from '../../store/recordings.ts';

/** Batches are written at least this often: a crash loses at most about this much of the recording. */
export const FLUSH_INTERVAL_MS = 250;
/** A chunk holds at most this much text; a busy session writes a chunk as soon as one fills. */
export const CHUNK_MAX_BYTES = 256 * 1024;
/** What a resize counts for in the backlog: a few numbers. */
const RESIZE_BYTES = 16;

export interface RecorderOptions {
  sessionId: string;
  /** Epoch milliseconds of offset 0. */
  startedAtMs: number;
  sink: ChunkSink;
  redactor: Redactor;
  /** Where this recording continues (a recorder restarted for a session that was already recorded). */
  firstSeq?: number;
  firstEvent?: number;
  now?: () => number;
  /** Called after each chunk is on disk. */
  onStored?: (stored: { sessionId: string; events: number; atMs: number }) => void;
  /** Called once the recording has ended and everything is on disk. */
  onClosed?: () => void;
  onError: (err: unknown) => void;
}

type TextKind = 'output' | 'input';

export class Recorder implements SessionRecorder {
  readonly sessionId: string;
  private readonly opts: RecorderOptions;
  private readonly now: () => number;
  /** Output and input on their way through redaction, each piece with the time it arrived. */
  private streams: Record<TextKind, TimedRedaction>;
  readonly backlog: RecorderBacklog;
  private readonly shrunk: () => void;
  private readonly report: (err: unknown) => void;
  /** Whether more text of the same kind and time may join the last event (nothing was recorded since). */
  private joinable = false;
  private batch: StreamEvent[] = [];
  private batchBytes = 0;
  private markers: NewMarker[] = [];
  /** Text in the batch or being written. */
  private queued = 0;
  private nextSeq: number;
  private nextEvent: number;
  private lastAtMs = 0;
  /** Drops text while writing is too far behind, and closes each gap with its marker. */
  private readonly gate = new BacklogGate({
    backlog: () => this.backlogBytes,
    // What redaction keeps back goes out before the gap: it came before the text that is dropped.
    opening: () => {
      this.releaseStream('output', true);
      this.releaseStream('input', true);
    },
    closed: (gap, atMs) => this.gapClosed(gap, atMs),
  });
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private closing: Promise<void> | null = null;

  constructor(opts: RecorderOptions) {
    this.opts = opts;
    this.sessionId = opts.sessionId;
    this.now = opts.now ?? Date.now;
    ({ backlog: this.backlog, shrunk: this.shrunk } = backlogOf(() => this.backlogBytes));
    this.report = failureReporter(opts.sessionId, opts.onError);
    this.nextSeq = opts.firstSeq ?? 0;
    this.nextEvent = opts.firstEvent ?? 0;
    this.streams = this.freshStreams();
  }

  /** Text (UTF-16 code units, so bytes for ASCII) recorded but not yet on disk. */
  get backlogBytes(): number {
    return this.queued + this.streams.output.waitingChars + this.streams.input.waitingChars;
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  record(event: RecordEvent, atMs?: number): void {
    if (this.closing) return;
    try {
      const at = Math.max(this.lastAtMs, Math.round(atMs ?? this.now() - this.opts.startedAtMs));
      switch (event.kind) {
        case 'output':
        case 'input':
          this.recordText(event.kind, event.data, at);
          break;
        case 'resize':
          // Output kept back for redaction was drawn before the resize: it must replay before it too.
          this.releaseStream('output', true);
          this.append({ atMs: at, kind: 'resize', cols: event.cols, rows: event.rows }, RESIZE_BYTES);
          break;
        case 'marker': {
          // What was printed before the interception goes before its marker (a secret cut exactly here is
          // still cut off: the stream drops what follows of it).
          this.releaseStream('output', true);
          this.releaseStream('input', true);
          const markerAt = Math.max(at, this.lastAtMs);
          this.markers.push({
            at_ms: markerAt,
            event_index: this.nextEvent,
            kind: 'marker',
            label: this.opts.redactor.redact(event.label),
            request_id: event.requestId,
            decision: event.decision,
            dropped_bytes: null,
          });
          this.lastAtMs = markerAt;
          this.joinable = false;
          break;
        }
      }
      this.schedule();
    } catch (err) {
      this.report(err);
    }
  }

  /**
   * Output dropped before it reached this recorder, from `fromMs` to `atMs` (a producer that bounds its own memory,
   * see ThreadRecorder): recorded as a gap, as if this recorder had dropped it. `restart`: a restart of the core cut
   * the stream (what its client could not keep while the core was down); its own marker, even for 0 bytes.
   */
  dropped(fromMs: number, atMs: number, droppedBytes: number, cause: GapCause = 'behind'): void {
    if (this.closing) return;
    try {
      const at = Math.max(this.lastAtMs, Math.round(atMs));
      this.gate.dropped(Math.min(at, Math.max(this.lastAtMs, Math.round(fromMs))), at, droppedBytes, cause);
      this.schedule();
    } catch (err) {
      this.report(err);
    }
  }

  /** Resolves once everything recorded so far (except text kept back for redaction) is on disk. */
  async flushed(): Promise<void> {
    try {
      this.streams.output.redactWaiting();
      this.streams.input.redactWaiting();
    } catch (err) {
      this.report(err);
    }
    this.startWriting();
    while (this.writing) await this.writing;
  }

  /** Resolves when the backlog is small enough to take more without dropping (an importer waits on this). */
  async ready(): Promise<void> {
    while (this.queued > RESUME_BACKLOG_BYTES) await this.flushed();
  }

  /** The terminal as recorded up to now, rebuilt from the recording (see SessionRecorder.screen). */
  async screen(scrollback: number): Promise<RecordedScreen> {
    if (!this.closing) {
      // Everything recorded so far is on the screen, what redaction would keep back a little longer too.
      this.releaseStream('output', true);
      this.releaseStream('input', true);
    }
    const upToEvent = this.nextEvent;
    // Text recorded from now on is not part of this screen: it must not join the last event.
    this.joinable = false;
    await this.flushed();
    return this.opts.sink.screen(this.sessionId, upToEvent, scrollback);
  }

  close(): Promise<void> {
    return this.finish(Math.max(this.lastAtMs, this.now() - this.opts.startedAtMs));
  }

  /** Ends the recording with a known length (an import ends at its last event). */
  finish(durationMs: number): Promise<void> {
    this.closing ??= (async () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      try {
        this.releaseStream('output', true);
        this.releaseStream('input', true);
        this.gate.close(this.lastAtMs);
      } catch (err) {
        this.report(err);
      }
      await this.flushed();
      try {
        await this.opts.sink.close(this.sessionId, this.now(), Math.round(durationMs));
      } catch (err) {
        this.report(err);
      }
      this.opts.onClosed?.();
    })();
    return this.closing;
  }

  private recordText(kind: TextKind, data: string, at: number): void {
    if (!this.gate.admit(data, at)) return;
    // What the other stream has waiting goes first, so that input and output keep their order.
    this.streams[kind === 'output' ? 'input' : 'output'].redactWaiting();
    this.streams[kind].push(data, at, this.now());
  }

  /** A gap ended at `at`: its marker goes in before whatever comes next. */
  private gapClosed(gap: Gap, at: number): void {
    // Secrets cannot straddle a gap: the text before it is gone from the stream.
    this.streams = this.freshStreams();
    this.joinable = false;
    this.markers.push({
      // Resizes are kept during a gap, so the marker (placed after them) may not go before them in time.
      at_ms: Math.max(gap.atMs, this.lastAtMs),
      event_index: this.nextEvent,
      kind: 'gap',
      label: gapLabel(gap, at),
      request_id: null,
      decision: null,
      dropped_bytes: gap.droppedBytes,
    });
  }

  /** Lets through text a redaction stream kept back, when it has been quiet (or `force`). */
  private releaseStream(kind: TextKind, force = false): void {
    this.streams[kind].release(force, this.now());
  }

  /**
   * Appends text at `at` (or just after the last event stored, to keep times in order), joined to the last
   * event when nothing came between, and split so that no event is bigger than a chunk.
   */
  private appendText(kind: TextKind, text: string, atMs: number): void {
    const at = Math.max(atMs, this.lastAtMs);
    const last = this.batch.at(-1);
    if (
      this.joinable &&
      last &&
      last.kind === kind &&
      last.atMs === at &&
      last.data.length + text.length <= CHUNK_MAX_BYTES
    ) {
      last.data += text;
      this.batchBytes += text.length;
      this.queued += text.length;
      if (this.batchBytes >= CHUNK_MAX_BYTES) this.startWriting();
      return;
    }
    for (let i = 0; i < text.length;) {
      let end = Math.min(text.length, i + CHUNK_MAX_BYTES);
      const code = text.charCodeAt(end - 1);
      if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
      const data = text.slice(i, end);
      this.append({ atMs: at, kind, data }, data.length);
      i = end;
    }
    this.joinable = true;
  }

  private append(e: StreamEvent, size: number): void {
    this.joinable = false;
    this.batch.push(e);
    this.batchBytes += size;
    this.queued += size;
    this.nextEvent++;
    this.lastAtMs = e.atMs;
    if (this.batchBytes >= CHUNK_MAX_BYTES) this.startWriting();
  }

  private schedule(): void {
    if (this.timer || this.closing) return;
    this.timer = setTimeout(() => this.tick(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  private tick(): void {
    this.timer = null;
    try {
      this.releaseStream('output');
      this.releaseStream('input');
    } catch (err) {
      this.report(err);
    }
    if (this.batch.length > 0 || this.markers.length > 0) this.startWriting();
    if (this.streams.output.held > 0 || this.streams.input.held > 0) this.schedule();
  }

  private startWriting(): void {
    this.writing ??= this.drain().finally(() => {
      this.writing = null;
    });
  }

  /** Writes chunks until the batch is empty; a chunk that fails is reported and dropped, never retried forever. */
  private async drain(): Promise<void> {
    while (this.batch.length > 0 || this.markers.length > 0) {
      const { events, bytes } = this.takeChunk();
      const firstEvent = this.nextEvent - this.batch.length - events.length;
      const markers = this.takeMarkers(firstEvent + events.length);
      const durationMs = this.lastAtMs;
      try {
        const first = events[0];
        const last = events.at(-1);
        if (first && last) {
          const chunk = { seq: this.nextSeq, firstEvent, startMs: first.atMs, endMs: last.atMs, events };
          await this.opts.sink.write({ sessionId: this.sessionId, chunk, markers, durationMs });
          this.nextSeq++;
          this.opts.onStored?.({ sessionId: this.sessionId, events: firstEvent + events.length, atMs: last.atMs });
        } else {
          await this.opts.sink.write({ sessionId: this.sessionId, chunk: null, markers, durationMs });
        }
      } catch (err) {
        this.report(err);
      } finally {
        this.queued -= bytes;
        this.shrunk();
      }
    }
  }

  private takeChunk(): { events: StreamEvent[]; bytes: number } {
    let bytes = 0;
    let n = 0;
    while (n < this.batch.length && bytes < CHUNK_MAX_BYTES) {
      const e = this.batch[n++] as StreamEvent;
      bytes += e.kind === 'resize' ? RESIZE_BYTES : e.data.length;
    }
    const events = this.batch.splice(0, n);
    this.batchBytes -= bytes;
    return { events, bytes };
  }

  /** Markers that belong before event `untilEvent`: they go out with the chunk that precedes them. */
  private takeMarkers(untilEvent: number): NewMarker[] {
    const due = this.markers.filter((m) => (m.event_index ?? 0) <= untilEvent);
    this.markers = this.markers.filter((m) => (m.event_index ?? 0) > untilEvent);
    return due;
  }

  private freshStreams(): Record<TextKind, TimedRedaction> {
    const stream = (kind: TextKind) =>
      new TimedRedaction(this.opts.redactor, (text, atMs) => this.appendText(kind, text, atMs));
    return { output: stream('output'), input: stream('input') };
  }
}
