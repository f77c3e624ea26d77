// Follows what recorders stored and builds what makes recordings fast to use: keyframes (the screen every
// few seconds or few hundred KB, so a seek replays only a short tail) and full-text search rows. It reads
// chunks back from the store, so it may lag behind a busy session without holding anything in memory,
// and picks up after a crash wherever it stopped.
import { compressSync, decodeEvents, decompressText, isCompressed } from '../common/codec.ts';
import { stripAnsi } from '../common/ansi.ts';
import { applyEvent, ScreenTerminal } from '../common/screen-terminal.ts';
import type { IndexedChunk, NewKeyframe, RecordingRepository } from '../../store/recordings.ts';

/** A keyframe at least every this much output: a seek replays at most about this much. */
export const KEYFRAME_EVERY_BYTES = 256 * 1024;
/** And every few seconds of a session that printed anything, so a seek's tail is short in time too. */
export const KEYFRAME_EVERY_MS = 5000;
/** Sessions whose terminal stays open between chunks; another is rebuilt from its last keyframe when it comes back. */
const MAX_OPEN_TERMINALS = 8;
/** Chunks of one session indexed before the next session gets a turn. */
const CHUNKS_PER_TURN = 8;

interface Replay {
  term: ScreenTerminal;
  /** Index of the next event this terminal expects. */
  nextEvent: number;
  bytesSinceKeyframe: number;
  lastKeyframeAtMs: number;
}

export interface IndexProgress {
  sessionId: string;
  indexedChunks: number;
}

export interface IndexerOptions {
  onProgress?: (p: IndexProgress) => void;
  onError?: (err: unknown) => void;
  /** Before each chunk: resolves when indexing may go on (recording comes first; the index can wait). */
  mayProceed?: () => Promise<void>;
  /** A chunk stored uncompressed, `bytes` long, has been replaced by its compressed form. */
  onPacked?: (bytes: number) => void;
}

export class RecordingIndexer {
  private readonly store: RecordingRepository;
  private readonly opts: IndexerOptions;
  private readonly replays = new Map<string, Replay>();
  private stopped = false;

  constructor(store: RecordingRepository, opts: IndexerOptions = {}) {
    this.store = store;
    this.opts = opts;
  }

  /** Indexes every waiting chunk, a few per session in turn, until none is left (or `stop`). */
  async indexPending(): Promise<void> {
    for (let work = this.store.toIndex(); work.length > 0 && !this.stopped; work = this.store.toIndex()) {
      for (const w of work) {
        const until = Math.min(w.chunkCount, w.indexedChunks + CHUNKS_PER_TURN);
        for (let seq = w.indexedChunks; seq < until && !this.stopped; seq++) {
          await this.opts.mayProceed?.();
          if (this.stopped || !(await this.indexChunkSafely(w.sessionId, seq))) break;
        }
      }
    }
  }

  /** Finishes the chunk in hand, then stops. */
  stop(): void {
    this.stopped = true;
  }

  dispose(): void {
    for (const r of this.replays.values()) r.term.dispose();
    this.replays.clear();
  }

  private async indexChunkSafely(sessionId: string, seq: number): Promise<boolean> {
    try {
      return await this.indexChunk(sessionId, seq);
    } catch (err) {
      this.opts.onError?.(
        new Error(
          `cannot index chunk ${seq} of session ${sessionId}: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
      this.drop(sessionId);
      // Move past it (nothing is found in it, and seeks replay through it from the keyframe before).
      return this.commit(sessionId, seq, [], '');
    }
  }

  private async indexChunk(sessionId: string, seq: number): Promise<boolean> {
    const chunk = this.store.chunk(sessionId, seq);
    if (!chunk) return false;
    const events = decodeEvents(chunk.payload, chunk.start_ms);
    let replay = this.replays.get(sessionId);
    if (!replay || replay.nextEvent !== chunk.first_event) replay = await this.rebuild(sessionId, chunk.first_event);
    this.replays.delete(sessionId);
    this.replays.set(sessionId, replay);
    this.evictIdle();

    const keyframes: NewKeyframe[] = [];
    const current = replay;
    let text = '';
    events.forEach((e, i) => {
      applyEvent(current.term, e);
      if (e.kind === 'input') return;
      if (e.kind === 'output') text += e.data;
      const eventIndex = chunk.first_event + i + 1;
      const size = e.kind === 'output' ? e.data.length : 0;
      // Decided once the terminal has parsed this event, with counters that are current there.
      current.term.then(() => this.maybeKeyframe(current, eventIndex, e.atMs, size, keyframes));
    });
    await current.term.settled();
    current.nextEvent = chunk.first_event + events.length;
    // A chunk stored as it came (during a burst) is compressed now, in the same transaction.
    const packed = isCompressed(chunk.payload)
      ? undefined
      : { payload: compressSync(chunk.payload), replacesBytes: chunk.payload.length };
    const done = this.commit(sessionId, seq, keyframes, stripAnsi(text).text, chunk.id, packed);
    if (done && packed) this.opts.onPacked?.(packed.replacesBytes);
    return done;
  }

  private maybeKeyframe(r: Replay, eventIndex: number, atMs: number, size: number, out: NewKeyframe[]): void {
    r.bytesSinceKeyframe += size;
    const due =
      r.bytesSinceKeyframe >= KEYFRAME_EVERY_BYTES ||
      (r.bytesSinceKeyframe > 0 && atMs - r.lastKeyframeAtMs >= KEYFRAME_EVERY_MS);
    // In the middle of an escape sequence a capture would not continue like the original: wait for the next event.
    if (!due || !r.term.atRest()) return;
    out.push({
      eventIndex,
      atMs,
      cols: r.term.cols,
      rows: r.term.rows,
      state: compressSync(Buffer.from(r.term.capture(), 'utf8')),
    });
    r.bytesSinceKeyframe = 0;
    r.lastKeyframeAtMs = atMs;
  }

  private commit(
    sessionId: string,
    seq: number,
    keyframes: NewKeyframe[],
    text: string,
    chunkId?: number,
    packed?: IndexedChunk['packed'],
  ): boolean {
    const id = chunkId ?? this.store.chunk(sessionId, seq)?.id;
    const done = id !== undefined && this.store.commitIndexed({ sessionId, seq, chunkId: id, keyframes, text, packed });
    if (!done) {
      this.drop(sessionId);
      return false;
    }
    this.opts.onProgress?.({ sessionId, indexedChunks: seq + 1 });
    return true;
  }

  /** A terminal at event `eventIndex`: the last keyframe before it, plus the events in between. */
  private async rebuild(sessionId: string, eventIndex: number): Promise<Replay> {
    this.drop(sessionId);
    const recording = this.store.get(sessionId);
    if (!recording) throw new Error('the recording is gone');
    const keyframe = this.store.keyframeAtEvent(sessionId, eventIndex);
    const term = new ScreenTerminal(keyframe?.cols ?? recording.cols, keyframe?.rows ?? recording.rows);
    if (keyframe) term.write(decompressText(keyframe.state));
    const from = keyframe?.event_index ?? 0;
    let bytes = 0;
    const untilSeq = this.store.chunkSeqOfEvent(sessionId, eventIndex);
    for (const c of this.store.chunks(sessionId, this.store.chunkSeqOfEvent(sessionId, from), untilSeq)) {
      decodeEvents(c.payload, c.start_ms).forEach((e, i) => {
        const index = c.first_event + i;
        if (index < from || index >= eventIndex) return;
        applyEvent(term, e);
        if (e.kind === 'output') bytes += e.data.length;
      });
    }
    await term.settled();
    return { term, nextEvent: eventIndex, bytesSinceKeyframe: bytes, lastKeyframeAtMs: keyframe?.at_ms ?? 0 };
  }

  private evictIdle(): void {
    for (const [id, r] of this.replays) {
      if (this.replays.size <= MAX_OPEN_TERMINALS) break;
      r.term.dispose();
      this.replays.delete(id);
    }
  }

  private drop(sessionId: string): void {
    this.replays.get(sessionId)?.term.dispose();
    this.replays.delete(sessionId);
  }
}
