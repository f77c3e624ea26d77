// The indexer's thread: keyframes and search rows are built here, off the core's thread, over its own
// connection to the database. Messages: `work` (new chunks were stored), `stop`.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database.ts';
import { RecordingRepository } from '../store/recordings.ts';
import { RecordingIndexer } from './indexer.ts';
import { IndexerWorkerDataSchema, type FromIndexer, type ToIndexer } from './indexer-messages.ts';

const port = parentPort;
if (!port) throw new Error('indexer-worker runs as a worker thread');
const post = (m: FromIndexer) => port.postMessage(m);

const { dbFile } = IndexerWorkerDataSchema.parse(workerData);
const db = openDatabase(dbFile);
const indexer = new RecordingIndexer(new RecordingRepository(db), {
  onProgress: (p) => post({ type: 'progress', ...p }),
  onError: (err) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }),
});

let running: Promise<void> | null = null;
let again = false;
/** The last work message taken in (the start counts as 1): when the loop ends, everything up to it is indexed. */
let seen = 1;

/** Indexes until nothing is waiting; work that arrives meanwhile makes it go round once more. */
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
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }))
    .finally(() => {
      running = null;
      post({ type: 'idle', seq: seen });
    });
}

port.on('message', (m: ToIndexer) => {
  if (m.type === 'work') {
    seen = m.seq;
    kick();
  }
  else if (m.type === 'stop') {
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
