// The recording thread: runs the sessions' recorders (redaction, chunking), compresses and writes their chunks, then
// builds keyframes and search rows from them, over its own connection to the database, so none of it runs on (or
// blocks) the core's thread. The core's thread hands each session's events over as they come (ThreadRecorder).
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../store/database.ts';
import { RecordingRepository } from '../../store/recordings.ts';
import { encodedChunk, storeChunk, type ChunkSink } from './chunk-sink.ts';
import { compressSync } from '../common/codec.ts';
import { RecordingIndexer } from './indexer.ts';
import { Recorder } from './recorder.ts';
import { Redactor } from '../../redaction/redaction.ts';
import { rebuildScreen } from './screen-rebuild.ts';
import type { RecordedScreen } from '../common/types.ts';
import {
  RecordingWorkerDataSchema,
  type FromRecordingWorker,
  type ToRecordingWorker,
} from '../common/worker-messages.ts';

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
/**
 * Chunks are stored as they come, and compressed when the indexer reads them back (after the burst), while less than
 * this is waiting uncompressed; past it, they are compressed as they are written. Compressing took ~5.5 of the
 * ~17 ms this thread spends per MB of a program printing flat out, and this thread is what holds such a program back.
 * An eighth of the default retention size (2 GB): a burst this long is ~5 s of output at full speed.
 */
const UNCOMPRESSED_MAX_BYTES = 256 * 1024 * 1024;
/**
 * How long a write here waits for another process's lock on the database. Waiting blocks only this thread (the
 * core's stays free): meanwhile hosted programs wait for their recording (flow control) and `gatehouse run` streams
 * wait on their unanswered batches. A chunk whose write fails is dropped, so this is longer than any lock a sqlite3
 * shell or backup tool holds for long (the core's own writes give up after 50 ms; see store/guard.ts).
 */
const RECORDING_BUSY_TIMEOUT_MS = 30_000;

const {
  dbFile,
  redactionPatterns,
  uncompressedMaxBytes = UNCOMPRESSED_MAX_BYTES,
} = RecordingWorkerDataSchema.parse(workerData);
// Recording writes do not wait for the disk at every chunk (a sync per commit doubles what storing a chunk costs,
// and much more on a busy disk): what a commit stored survives the core crashing, and the WAL is synced at each
// checkpoint. Decisions and everything else go through the core's own connection, synced at every commit.
const db = openDatabase(dbFile, { durability: 'normal', busyTimeoutMs: RECORDING_BUSY_TIMEOUT_MS });
const store = new RecordingRepository(db);
let lastWriteAt = 0;
/** Bytes of chunks this thread stored uncompressed that the indexer has not compressed yet. */
let uncompressed = 0;
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
  onPacked: (bytes) => (uncompressed = Math.max(0, uncompressed - bytes)),
  mayProceed: async () => {
    for (
      let quiet = performance.now() - lastWriteAt;
      quiet < INDEX_AFTER_QUIET_MS && screensWanted === 0;
      quiet = performance.now() - lastWriteAt
    ) {
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
      // Every chunk stored is indexed, so compressed: what the count still holds was deleted, or could not be read.
      uncompressed = 0;
      post({ type: 'idle', seq: seen });
      wakeIndexWaiters();
    });
}

/** Resolves once the chunks holding the first `upToEvent` events are indexed, or indexing stops short of them. */
async function indexedThrough(sessionId: string, upToEvent: number): Promise<void> {
  const needed = upToEvent === 0 ? 0 : store.chunkSeqOfEvent(sessionId, upToEvent - 1) + 1;
  for (let before = -1; ;) {
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
async function screenAt(sessionId: string, upToEvent: number, scrollback: number): Promise<RecordedScreen> {
  screensWanted++;
  try {
    await indexedThrough(sessionId, upToEvent);
    return await rebuildScreen(store, sessionId, upToEvent, scrollback);
  } finally {
    screensWanted--;
  }
}

/** Where the recorders' chunks go: compressed and stored at once, in this thread; the index follows. */
const sink: ChunkSink = {
  async write(w) {
    lastWriteAt = performance.now();
    const encoded = encodedChunk(w);
    const defer = encoded !== null && uncompressed + encoded.length <= uncompressedMaxBytes;
    if (defer) uncompressed += encoded.length;
    storeChunk(store, w, encoded && !defer ? compressSync(encoded) : encoded);
    kick();
  },
  async close(sessionId, at, durationMs) {
    store.close(sessionId, at, durationMs);
  },
  screen: screenAt,
};

const redactor = new Redactor(redactionPatterns);
const recorders = new Map<string, Recorder>();
/** The core's clock less this thread's (a core given a clock of its own stamps recordings with it). */
let clockOffset = 0;
const coreNow = () => Date.now() + clockOffset;

function open(m: Extract<ToRecordingWorker, { type: 'open' }>): void {
  const row = store.get(m.sessionId);
  if (!row) return post({ type: 'error', message: `cannot record session ${m.sessionId}: it has no recording` });
  const recorder = new Recorder({
    sessionId: m.sessionId,
    startedAtMs: m.startedAtMs,
    sink,
    redactor,
    firstSeq: row.chunk_count,
    firstEvent: store.nextEventIndex(m.sessionId),
    now: coreNow,
    onClosed: () => {
      if (recorders.get(m.sessionId) === recorder) recorders.delete(m.sessionId);
    },
    onError: (err) => post({ type: 'error', message: message(err) }),
  });
  recorder.backlog.onShrink(() =>
    post({ type: 'backlog', sessionId: m.sessionId, took: 0, held: recorder.backlogBytes }),
  );
  recorders.set(m.sessionId, recorder);
}

/** Hands a batch to its session's recorder and says how much it took (a batch for no recorder is taken too, and lost). */
function take(m: Extract<ToRecordingWorker, { type: 'events' }>): void {
  seen = m.seq;
  const recorder = recorders.get(m.sessionId);
  if (recorder) {
    for (const { atMs, event } of m.events) {
      if (event.kind === 'dropped') recorder.dropped(event.fromMs, atMs, event.bytes, event.cause);
      else recorder.record(event, atMs);
    }
  }
  post({ type: 'backlog', sessionId: m.sessionId, took: m.chars, held: recorder?.backlogBytes ?? 0 });
  kick();
}

/** Answers `seq` once `work` has finished: `done`, with its error if it failed (thrown at once or later). */
function answer(seq: number, work: () => Promise<void>): void {
  seen = seq;
  void Promise.resolve()
    .then(work)
    .then(
      () => post({ type: 'done', seq, error: null }),
      (err: unknown) => post({ type: 'done', seq, error: message(err) }),
    )
    .finally(kick);
}

function recorderOf(sessionId: string): Recorder {
  const recorder = recorders.get(sessionId);
  if (!recorder) throw new Error(`session ${sessionId} is not being recorded`);
  return recorder;
}

/** The screen as recorded so far; a recording that has ended is replayed to its end. */
async function answerScreen(m: Extract<ToRecordingWorker, { type: 'screen' }>): Promise<void> {
  seen = m.seq;
  let screen: RecordedScreen | null = null;
  let error: string | null = null;
  try {
    const recorder = recorders.get(m.sessionId);
    screen = recorder
      ? await recorder.screen(m.scrollback)
      : await screenAt(m.sessionId, store.nextEventIndex(m.sessionId), m.scrollback);
  } catch (err) {
    error = message(err);
  }
  post({ type: 'screen', seq: m.seq, screen, error });
  kick();
}

port.on('message', (m: ToRecordingWorker) => {
  if ('now' in m) clockOffset = m.now - Date.now();
  switch (m.type) {
    case 'open':
      return open(m);
    case 'events':
      return take(m);
    case 'flush':
      return answer(m.seq, () => recorderOf(m.sessionId).flushed());
    case 'finish':
      return answer(m.seq, () => recorderOf(m.sessionId).finish(m.durationMs));
    case 'screen':
      return void answerScreen(m);
    case 'work':
      seen = m.seq;
      return kick();
    case 'patterns':
      return redactor.setUserPatterns(m.patterns);
    case 'stop':
      indexer.stop();
      void Promise.all([...recorders.values()].map((r) => r.close()))
        .then(() => running ?? Promise.resolve())
        .then(() => {
          indexer.dispose();
          db.close();
          post({ type: 'stopped' });
          port.close();
        });
  }
});

// Whatever an earlier core stored and did not index (it crashed, or stopped mid-way) is indexed now.
kick();
