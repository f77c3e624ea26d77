// The recording thread: compresses and writes chunks, then builds keyframes and search rows from them,
// over its own connection to the database, so none of it runs on (or blocks) the core's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database.ts';
import { RecordingRepository } from '../store/recordings.ts';
import { encodedChunk, storeChunk } from './chunk-sink.ts';
import { compressSync } from './codec.ts';
import { RecordingIndexer } from './indexer.ts';
import { rebuildScreen } from './screen-rebuild.ts';
import type { RecordedScreen } from './types.ts';
import { RecordingWorkerDataSchema, type FromRecordingWorker, type ToRecordingWorker } from './worker-messages.ts';

const port = parentPort;
if (!port) throw new Error('the recording worker runs as a worker thread');
const post = (m: FromRecordingWorker) => port.postMessage(m);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * While chunks keep arriving, indexing waits until writes have paused this long: a session printing as
 * fast as it can is recorded at full speed and indexed when it quiets down (the index reads back from the
 * database, so waiting costs no memory). A session printing now and then is indexed as it goes.
 */
const INDEX_AFTER_QUIET_MS = 100;

const { dbFile } = RecordingWorkerDataSchema.parse(workerData);
// Recording writes do not wait for the disk at every chunk (a sync per commit doubles what storing a chunk costs,
// and much more on a busy disk): what a commit stored survives the core crashing, and the WAL is synced at each
// checkpoint. Decisions and everything else go through the core's own connection, synced at every commit.
const db = openDatabase(dbFile, { durability: 'normal' });
const store = new RecordingRepository(db);
let lastWriteAt = 0;
/** Screens asked for and not answered yet: meanwhile indexing goes on without waiting for writes to pause. */
let screensWanted = 0;
/** Woken at each indexed chunk and when indexing stops. */
const indexWaiters = new Set<() => void>();
const wakeIndexWaiters = () => {
  for (const w of indexWaiters) w();
  indexWaiters.clear();
};
const indexer = new RecordingIndexer(store, {
  onProgress: (p) => {
    post({ type: 'progress', ...p });
    wakeIndexWaiters();
  },
  onError: (err) => post({ type: 'error', message: message(err) }),
  mayProceed: async () => {
    for (let quiet = performance.now() - lastWriteAt; quiet < INDEX_AFTER_QUIET_MS && screensWanted === 0; quiet = performance.now() - lastWriteAt) {
      await new Promise((resolve) => setTimeout(resolve, INDEX_AFTER_QUIET_MS - quiet));
    }
  },
});

let running: Promise<void> | null = null;
let again = false;
/** The last message with work taken in (the start counts as 1): when indexing ends, everything up to it is done. */
let seen = 1;

/** Indexes until nothing is waiting; chunks written meanwhile make it go round once more. */
function kick(): void {
  if (running) {
    again = true;
    return;
  }
  running = (async () => {
    do {
      again = false;
      await indexer.indexPending();
    } while (again);
  })()
    .catch((err: unknown) => post({ type: 'error', message: message(err) }))
    .finally(() => {
      running = null;
      post({ type: 'idle', seq: seen });
      wakeIndexWaiters();
    });
}

/** Resolves once the chunks holding the first `upToEvent` events are indexed, or indexing stops short of them. */
async function indexedThrough(sessionId: string, upToEvent: number): Promise<void> {
  const needed = upToEvent === 0 ? 0 : store.chunkSeqOfEvent(sessionId, upToEvent - 1) + 1;
  for (let before = -1; ; ) {
    const indexed = store.get(sessionId)?.indexed_chunks;
    if (indexed === undefined || indexed >= needed) return;
    // A whole round of indexing went by without getting there (a chunk it cannot read): replay from what there is.
    if (indexed === before && running === null) return;
    before = indexed;
    const woken = new Promise<void>((resolve) => indexWaiters.add(resolve));
    kick();
    await woken;
  }
}

/** A session's screen rebuilt from its recording, with the index brought up to that moment first (keyframes make it short). */
async function answerScreen(m: Extract<ToRecordingWorker, { type: 'screen' }>): Promise<void> {
  seen = m.seq;
  screensWanted++;
  let screen: RecordedScreen | null = null;
  let error: string | null = null;
  try {
    await indexedThrough(m.sessionId, m.upToEvent);
    screen = await rebuildScreen(store, m.sessionId, m.upToEvent, m.scrollback);
  } catch (err) {
    error = message(err);
  } finally {
    screensWanted--;
  }
  post({ type: 'screen', seq: m.seq, screen, error });
  kick();
}

/** Writes run at once, between slices of indexing: recorders wait on them, the index can wait. */
function answer(seq: number, work: () => void): void {
  seen = seq;
  lastWriteAt = performance.now();
  let error: string | null = null;
  try {
    work();
  } catch (err) {
    error = message(err);
  }
  post({ type: 'done', seq, error });
  kick();
}

port.on('message', (m: ToRecordingWorker) => {
  switch (m.type) {
    case 'write':
      return answer(m.seq, () => {
        const encoded = encodedChunk(m.write);
        storeChunk(store, m.write, encoded ? compressSync(encoded) : null);
      });
    case 'close':
      return answer(m.seq, () => store.close(m.sessionId, m.at, m.durationMs));
    case 'screen':
      return void answerScreen(m);
    case 'work':
      seen = m.seq;
      return kick();
    case 'stop':
      indexer.stop();
      void (running ?? Promise.resolve()).then(() => {
        indexer.dispose();
        db.close();
        post({ type: 'stopped' });
        port.close();
      });
  }
});

// Whatever an earlier core stored and did not index (it crashed, or stopped mid-way) is indexed now.
kick();
