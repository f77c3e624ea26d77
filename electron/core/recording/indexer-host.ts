// Owns the indexer's worker thread: starts it, tells it when chunks were stored, waits for it, stops it.
import { Worker } from 'node:worker_threads';
import type { RecordingRepository } from '../store/recordings.ts';
import type { FromIndexer, ToIndexer } from './indexer-messages.ts';

/**
 * The worker's code: next to this file when running from source (tests, type-stripping Node), and the
 * separately bundled `recording-indexer.mjs` next to the core's bundle otherwise (see scripts/build.mjs).
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('./indexer-worker.ts', import.meta.url)
  : new URL('./recording-indexer.mjs', import.meta.url);

/** A worker that does not stop within this time is terminated (it may be deep in a big chunk). */
const STOP_GRACE_MS = 5000;

export class IndexerHost {
  private readonly worker: Worker;
  private readonly store: RecordingRepository;
  private readonly onError: (err: unknown) => void;
  private readonly progressWaiters = new Set<() => void>();
  private idleWaiters: Array<() => void> = [];
  /** Work messages sent, and the last one the worker reported done. */
  private sent = 1;
  private done = 0;
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(dbFile: string, store: RecordingRepository, onError: (err: unknown) => void) {
    this.store = store;
    this.onError = onError;
    this.worker = new Worker(WORKER_URL, { workerData: { dbFile } });
    this.worker.on('message', (m: FromIndexer) => this.receive(m));
    this.worker.on('error', (err) => onError(new Error(`the recording indexer stopped: ${err.message}`)));
    this.exit = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.exited = true;
        this.wake();
        resolve();
      }),
    );
  }

  /** New chunks were stored. */
  notify(): void {
    if (this.exited) return;
    this.post({ type: 'work', seq: ++this.sent });
  }

  /** Resolves once the session's first `chunks` chunks have keyframes and search rows (or the indexer is gone). */
  async indexed(sessionId: string, chunks: number): Promise<void> {
    while (!this.exited && (this.store.get(sessionId)?.indexed_chunks ?? chunks) < chunks) {
      await new Promise<void>((resolve) => this.progressWaiters.add(resolve));
    }
  }

  /** Resolves when the indexer has nothing left to do. */
  async idle(): Promise<void> {
    while (this.busy) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    if (this.exited) return;
    this.post({ type: 'stop' });
    const timer = setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
    await this.exit;
    clearTimeout(timer);
  }

  /** The worker indexes everything already stored when it starts: that counts as work message 1. */
  private get busy(): boolean {
    return !this.exited && this.done < this.sent;
  }

  private post(m: ToIndexer): void {
    this.worker.postMessage(m);
  }

  private receive(m: FromIndexer): void {
    if (m.type === 'error') this.onError(new Error(`recording indexer: ${m.message}`));
    if (m.type === 'idle') this.done = Math.max(this.done, m.seq);
    this.wake();
  }

  private wake(): void {
    for (const w of this.progressWaiters) w();
    this.progressWaiters.clear();
    if (!this.busy) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
