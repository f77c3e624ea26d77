// Where a recorder's chunks go. The core's recorders send them to the recording thread, which compresses
// and writes them (and indexes them) off the core's thread and without contending with it for the
// database. `StoreSink` writes in the calling thread, for a process that records on its own.
import type { NewMarker, RecordingRepository } from '../store/recordings.ts';
import { compress } from './codec.ts';

/** A batch of events as the recorder encoded it (not yet compressed), with the markers recorded among them. */
export interface ChunkWrite {
  sessionId: string;
  chunk: {
    seq: number;
    firstEvent: number;
    eventCount: number;
    startMs: number;
    endMs: number;
    outputBytes: number;
    /** `encodeEvents` output. */
    events: Uint8Array;
  } | null;
  markers: NewMarker[];
  durationMs: number;
}

export interface ChunkSink {
  /** Resolves once the chunk and its markers are on disk (one transaction). */
  write(w: ChunkWrite): Promise<void>;
  /** Marks the recording ended, after everything written before. */
  close(sessionId: string, at: number, durationMs: number): Promise<void>;
}

/** Compresses and stores a chunk: the same in whichever thread does it. */
export function storeChunk(store: RecordingRepository, w: ChunkWrite, payload: Buffer | null): void {
  const c = w.chunk;
  store.append(c && payload ? { sessionId: w.sessionId, seq: c.seq, firstEvent: c.firstEvent, eventCount: c.eventCount, startMs: c.startMs, endMs: c.endMs, payload, outputBytes: c.outputBytes } : null, w.markers, w.sessionId, w.durationMs);
}

export class StoreSink implements ChunkSink {
  private readonly store: RecordingRepository;

  constructor(store: RecordingRepository) {
    this.store = store;
  }

  async write(w: ChunkWrite): Promise<void> {
    const payload = w.chunk ? await compress(w.chunk.events) : null;
    storeChunk(this.store, w, payload);
  }

  async close(sessionId: string, at: number, durationMs: number): Promise<void> {
    this.store.close(sessionId, at, durationMs);
  }
}
