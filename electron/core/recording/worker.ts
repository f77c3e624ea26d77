// The recording thread: compresses and writes chunks, then builds keyframes and search rows from them,
// over its own connection to the database, so none of it runs on (or blocks) the core's thread.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database.ts';
import { RecordingRepository } from '../store/recordings.ts';
import { storeChunk } from './chunk-sink.ts';
import { compressSync } from './codec.ts';
import { RecordingIndexer } from './indexer.ts';
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
const indexer = new RecordingIndexer(store, {
  onProgress: (p) => post({ type: 'progress', ...p }),
  onError: (err) => post({ type: 'error', message: message(err) }),
  mayProceed: async () => {
    for (let quiet = performance.now() - lastWriteAt; quiet < INDEX_AFTER_QUIET_MS; quiet = performance.now() - lastWriteAt) {
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
    });
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
      return answer(m.seq, () => storeChunk(store, m.write, m.write.chunk ? compressSync(m.write.chunk.events) : null));
    case 'close':
      return answer(m.seq, () => store.close(m.sessionId, m.at, m.durationMs));
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
