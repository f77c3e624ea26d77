// What the core's thread and the recording thread say to each other.
import { z } from 'zod';
import type { ChunkWrite } from './chunk-sink.ts';
import type { RecordedScreen } from './types.ts';

export const RecordingWorkerDataSchema = z.object({ dbFile: z.string().min(1) });

/**
 * `seq` numbers every message that gives the thread work; `idle` says up to which one everything is done
 * (written and indexed). `write` and `close` are answered with `done` (carrying an error if it failed), `screen`
 * with `screen` (the index is brought up to the moment first, without waiting for the session to quiet down).
 */
export type ToRecordingWorker =
  | { type: 'write'; seq: number; write: ChunkWrite }
  | { type: 'close'; seq: number; sessionId: string; at: number; durationMs: number }
  | { type: 'screen'; seq: number; sessionId: string; upToEvent: number; scrollback: number }
  | { type: 'work'; seq: number }
  | { type: 'stop' };

export type FromRecordingWorker =
  | { type: 'done'; seq: number; error: string | null }
  | { type: 'screen'; seq: number; screen: RecordedScreen | null; error: string | null }
  | { type: 'progress'; sessionId: string; indexedChunks: number }
  | { type: 'idle'; seq: number }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
