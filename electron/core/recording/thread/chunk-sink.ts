// Where a recorder's chunks go. The core's recorders run on the recording thread, whose sink (worker.ts) compresses
// and writes them there (and indexes them), off the core's thread and without contending with it for the database.
// `StoreSink` writes from any thread, for a process that records on its own.
import type { NewMarker, RecordingRepository } from '../../store/recordings.ts';
import { compress, encodeEvents, type StreamEvent } from '../common/codec.ts';
import { rebuildScreen } from './screen-rebuild.ts';
import type { RecordedScreen } from '../common/types.ts';

/** A batch of events as the recorder made it (encoding and compressing are the sink's work), with the markers recorded among them. */
export interface ChunkWrite {
  sessionId: string;
  chunk: {
    seq: number;
    firstEvent: number;
    startMs: number;
    endMs: number;
    events: StreamEvent[];
  } | null;
  markers: NewMarker[];
  durationMs: number;
}

export interface ChunkSink {
  /** Resolves once the chunk and its markers are on disk (one transaction). */
  write(w: ChunkWrite): Promise<void>;
  /** Marks the recording ended, after everything written before. */
  close(sessionId: string, at: number, durationMs: number): Promise<void>;
  /** The screen after the first `upToEvent` events (all written before), with up to `scrollback` lines above it. */
  screen(sessionId: string, upToEvent: number, scrollback: number): Promise<RecordedScreen>;
}

/** A chunk's events as they are compressed: encoded (times relative to the chunk's start). */
export function encodedChunk(w: ChunkWrite): Buffer | null {
  return w.chunk ? encodeEvents(w.chunk.events, w.chunk.startMs) : null;
}

/** Stores a chunk (with its compressed events) and its markers: the same in whichever thread does it. */
export function storeChunk(store: RecordingRepository, w: ChunkWrite, payload: Buffer | null): void {
  const c = w.chunk;
  const outputBytes = c ? c.events.reduce((n, e) => n + (e.kind === 'output' ? Buffer.byteLength(e.data) : 0), 0) : 0;
  store.append(
    c && payload
      ? {
          sessionId: w.sessionId,
          seq: c.seq,
          firstEvent: c.firstEvent,
          eventCount: c.events.length,
          startMs: c.startMs,
          endMs: c.endMs,
          payload,
          outputBytes,
        }
      : null,
    w.markers,
    w.sessionId,
    w.durationMs,
  );
}

export class StoreSink implements ChunkSink {
  private readonly store: RecordingRepository;

  constructor(store: RecordingRepository) {
    this.store = store;
  }

  async write(w: ChunkWrite): Promise<void> {
    const encoded = encodedChunk(w);
    const payload = encoded ? await compress(encoded) : null;
    storeChunk(this.store, w, payload);
  }

  async close(sessionId: string, at: number, durationMs: number): Promise<void> {
    this.store.close(sessionId, at, durationMs);
  }

  screen(sessionId: string, upToEvent: number, scrollback: number): Promise<RecordedScreen> {
    return rebuildScreen(this.store, sessionId, upToEvent, scrollback);
  }
}
