// What the core's thread and the recording thread say to each other.
import { z } from 'zod';
import type { RecordedScreen, RecordEvent } from './types.ts';

export const RecordingWorkerDataSchema = z.object({
  dbFile: z.string().min(1),
  /** The user's redaction patterns from settings (checked there); the built-in rules always apply. */
  redactionPatterns: z.array(z.string()),
  /** How much may wait uncompressed for the indexer (UNCOMPRESSED_MAX_BYTES unless given; tests give 0). */
  uncompressedMaxBytes: z.number().int().min(0).optional(),
});
export type RecordingWorkerData = z.infer<typeof RecordingWorkerDataSchema>;

/**
 * One event as the core's thread took it in, with its time (ms since the session started). `dropped`: text the core's
 * thread could not hand over in time (see ThreadRecorder), recorded as a gap from `fromMs` to `atMs`.
 */
export type ThreadEvent = {
  atMs: number;
  event: RecordEvent | { kind: 'dropped'; fromMs: number; bytes: number; cause?: 'restart' };
};

/**
 * A session's recorder runs on the recording thread: `open` starts it, `events` feeds it, `finish` ends it. `seq`
 * numbers every message that gives the thread work; `idle` says up to which one everything is done (written and
 * indexed). `finish` and `flush` are answered with `done` (carrying an error if it failed), `screen` with `screen`.
 * `now`: the core's clock when the message was sent (the recorder stamps a recording's end with it).
 */
export type ToRecordingWorker =
  | { type: 'open'; sessionId: string; startedAtMs: number; now: number }
  | { type: 'events'; seq: number; sessionId: string; events: ThreadEvent[]; chars: number; now: number }
  | { type: 'flush'; seq: number; sessionId: string; now: number }
  | { type: 'finish'; seq: number; sessionId: string; durationMs: number; now: number }
  | { type: 'screen'; seq: number; sessionId: string; scrollback: number; now: number }
  | { type: 'work'; seq: number }
  /** The user's redaction patterns changed in Settings: every recorder redacts with them from now on. */
  | { type: 'patterns'; patterns: string[] }
  | { type: 'stop' };

/** `backlog`: the recorder of `sessionId` took in `took` characters the core's thread handed over, and holds `held` not yet stored. */
export type FromRecordingWorker =
  | { type: 'done'; seq: number; error: string | null }
  | { type: 'screen'; seq: number; screen: RecordedScreen | null; error: string | null }
  | { type: 'backlog'; sessionId: string; took: number; held: number }
  | { type: 'progress'; sessionId: string; indexedChunks: number }
  | { type: 'idle'; seq: number }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
