// Owns the recording thread: starts it, hands it the sessions' events (each session's recorder runs there), waits for
// it, stops it.
import { Worker } from 'node:worker_threads';
import type { RecordingRepository } from '../../store/recordings.ts';
import type { RecordedScreen } from '../common/types.ts';
import type {
  FromRecordingWorker,
  RecordingWorkerData,
  ThreadEvent,
  ToRecordingWorker,
} from '../common/worker-messages.ts';

/** What the thread tells the core's side of one session's recorder. */
export interface RecorderLink {
  /** The thread took in `took` characters handed over, and its recorder holds `held` not yet stored. */
  backlog(took: number, held: number): void;
  /** The thread is gone: nothing more will be stored. */
  gone(): void;
}

/**
 * The thread's code: `recording/thread/worker.ts` when running from source (tests, type-stripping Node), and the
 * separately bundled `recording-worker.mjs` next to the core's bundle otherwise (see scripts/build.mjs).
 */
const WORKER_URL = import.meta.url.endsWith('.ts')
  ? new URL('../thread/worker.ts', import.meta.url)
  : new URL('./recording-worker.mjs', import.meta.url);

/** A thread that does not stop within this time is terminated (it may be deep in a big chunk). */
const STOP_GRACE_MS = 5000;
/**
 * The thread's young generation: V8 grows it to 16 MB per semi-space under the allocation rate of a fast session,
 * while what it allocates per chunk is a few hundred KB (the big strings go straight to the old generation). Measured
 * on the record benchmark: peak RSS 185-203 MB instead of 216-256, CPU per MB the same within noise.
 */
const RECORDING_THREAD_YOUNG_GENERATION_MB = 4;

export class RecordingWorker {
  private readonly worker: Worker;
  private readonly store: RecordingRepository;
  private readonly onError: (err: unknown) => void;
  private readonly now: () => number;
  private readonly links = new Map<string, RecorderLink>();
  /** Requests waiting for their answer: `done` (no value) or `screen`. */
  private readonly pending = new Map<
    number,
    { resolve: (screen: RecordedScreen | null) => void; reject: (err: Error) => void }
  >();
  private readonly progressWaiters = new Set<() => void>();
  private idleWaiters: Array<() => void> = [];
  /** Messages with work sent (the thread's start counts as 1), and the last one it reported done. */
  private sent = 1;
  private done = 0;
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(
    data: RecordingWorkerData,
    store: RecordingRepository,
    onError: (err: unknown) => void,
    now: () => number = Date.now,
  ) {
    this.store = store;
    this.onError = onError;
    this.now = now;
    this.worker = new Worker(WORKER_URL, {
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: RECORDING_THREAD_YOUNG_GENERATION_MB },
    });
    this.worker.on('message', (m: FromRecordingWorker) => this.receive(m));
    this.worker.on('error', (err) => onError(new Error(`the recording thread stopped: ${err.message}`)));
    this.exit = new Promise((resolve) =>
      this.worker.once('exit', () => {
        this.exited = true;
        for (const p of this.pending.values()) p.reject(new Error('the recording thread is gone'));
        this.pending.clear();
        for (const link of this.links.values()) link.gone();
        this.links.clear();
        this.wake();
        resolve();
      }),
    );
  }

  /** Starts the session's recorder on the thread; `link` hears how far it has got. */
  open(sessionId: string, startedAtMs: number, link: RecorderLink): void {
    if (this.exited) return link.gone();
    this.links.set(sessionId, link);
    this.post({ type: 'open', sessionId, startedAtMs, now: this.now() });
  }

  /** The user's redaction patterns changed: the thread's recorders redact with them from now on. */
  setRedactionPatterns(patterns: readonly string[]): void {
    if (!this.exited) this.post({ type: 'patterns', patterns: [...patterns] });
  }

  /** Hands over events for the session's recorder (`chars`: their text's length, for its backlog). */
  events(sessionId: string, events: ThreadEvent[], chars: number): void {
    if (this.exited) return;
    this.post({ type: 'events', seq: ++this.sent, sessionId, events, chars, now: this.now() });
  }

  /** Resolves once the session's recorder has stored everything handed over (except text redaction keeps back). */
  async flush(sessionId: string): Promise<void> {
    await this.ask((seq) => ({ type: 'flush', seq, sessionId, now: this.now() }));
  }

  /** Ends the session's recording, `durationMs` long, once everything handed over is stored. */
  async finish(sessionId: string, durationMs: number): Promise<void> {
    try {
      await this.ask((seq) => ({ type: 'finish', seq, sessionId, durationMs, now: this.now() }));
    } finally {
      this.links.delete(sessionId);
    }
  }

  /** The session's terminal as recorded so far (see SessionRecorder.screen). */
  async screen(sessionId: string, scrollback: number): Promise<RecordedScreen> {
    const screen = await this.ask((seq) => ({ type: 'screen', seq, sessionId, scrollback, now: this.now() }));
    if (!screen) throw new Error('the recording thread sent no screen');
    return screen;
  }

  /** Resolves once the session's first `chunks` chunks have keyframes and search rows (or the thread is gone). */
  async indexed(sessionId: string, chunks: number): Promise<void> {
    while (!this.exited && (this.store.get(sessionId)?.indexed_chunks ?? chunks) < chunks) {
      await new Promise<void>((resolve) => this.progressWaiters.add(resolve));
    }
  }

  /** Resolves when everything handed over so far is written and indexed. */
  async idle(): Promise<void> {
    while (this.busy) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.post({ type: 'stop' });
    const timer = setTimeout(() => void this.worker.terminate(), STOP_GRACE_MS);
    await this.exit;
    clearTimeout(timer);
  }

  private get busy(): boolean {
    return !this.exited && this.done < this.sent;
  }

  private ask(message: (seq: number) => ToRecordingWorker): Promise<RecordedScreen | null> {
    if (this.exited) return Promise.reject(new Error('the recording thread is gone'));
    const seq = ++this.sent;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.post(message(seq));
    });
  }

  private post(m: ToRecordingWorker): void {
    this.worker.postMessage(m);
  }

  private receive(m: FromRecordingWorker): void {
    if (m.type === 'done' || m.type === 'screen') {
      const p = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      if (m.error === null) p?.resolve(m.type === 'screen' ? m.screen : null);
      else p?.reject(new Error(m.error));
    }
    if (m.type === 'backlog') this.links.get(m.sessionId)?.backlog(m.took, m.held);
    if (m.type === 'error') this.onError(new Error(`recording thread: ${m.message}`));
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
