// What the core's thread and the indexer's thread say to each other.
import { z } from 'zod';

export const IndexerWorkerDataSchema = z.object({ dbFile: z.string().min(1) });

/** `seq` numbers the work messages; `idle` says up to which one everything is done. */
export type ToIndexer = { type: 'work'; seq: number } | { type: 'stop' };

export type FromIndexer =
  | { type: 'progress'; sessionId: string; indexedChunks: number }
  | { type: 'idle'; seq: number }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
