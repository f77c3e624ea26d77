// The recording service: starts a recorder per session, puts a marker in a session's recording for each
// interception, answers the recording calls of the control API, enforces retention, and owns the
// recording thread (which writes and indexes what recorders hand it). The core builds one (core.ts) and hands it to whatever produces terminal streams.
import { ApiError } from '../../../shared/api.ts';
import type { Decision, Session } from '../../../shared/domain.ts';
import type { DeletedSession, ExportFormat, ExportPage, RecordingInfo, SearchHit } from '../../../shared/recording.ts';
import type { Retention } from '../../../shared/settings.ts';
import type { Db } from '../store/database.ts';
import { RecordingRepository, type RecordingRow } from '../store/recordings.ts';
import { SessionPurge } from '../store/session-purge.ts';
import type { SessionRepository } from '../store/sessions.ts';
import { exportPage, importCast } from './cast-files.ts';
import { decodeEvents } from './codec.ts';
import { RecordingReader } from './reader.ts';
import type { Redactor } from './redaction.ts';
import { sessionsToDelete, RETENTION_INTERVAL_MS } from './retention.ts';
import { locateHit, queryWords, wordsQuery } from './search.ts';
import { ThreadRecorder } from './thread-recorder.ts';
import type { RecordedEnd, RecordingService, SessionRecorder } from './types.ts';
import { RecordingWorker } from './worker-host.ts';

/** The index knows which chunks have all the words, not whether they stand together: look at a few per hit. */
const SEARCH_CANDIDATES = 4;

export interface RecordingsOptions {
  db: Db;
  /** The database file, opened again by the recording thread. */
  dbFile: string;
  sessions: SessionRepository;
  redactor: Redactor;
  retention: Retention;
  onError: (err: unknown) => void;
  now?: () => number;
  /** How much of a burst may wait uncompressed for the indexer (see worker.ts); tests set 0 to compress as written. */
  uncompressedMaxBytes?: number;
}

/** Whether a process still exists (signal 0 checks without signalling). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Recordings implements RecordingService {
  readonly reader: RecordingReader;
  private readonly store: RecordingRepository;
  private readonly purge: SessionPurge;
  private readonly worker: RecordingWorker;
  private readonly opts: RecordingsOptions;
  private readonly now: () => number;
  private readonly active = new Map<string, ThreadRecorder>();
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(opts: RecordingsOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.store = new RecordingRepository(opts.db);
    this.purge = new SessionPurge(opts.db);
    this.reader = new RecordingReader(this.store);
    this.worker = new RecordingWorker({ dbFile: opts.dbFile, redactionPatterns: [...opts.redactor.userPatterns], uncompressedMaxBytes: opts.uncompressedMaxBytes }, this.store, opts.onError, this.now);
  }

  /** Starts (or, after a core restart, continues) recording a session that exists in the store. */
  start(sessionId: string, size: { cols: number; rows: number }, startedAtMs?: number): SessionRecorder {
    const running = this.active.get(sessionId);
    if (running) return running;
    if (!this.opts.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    const existing = this.store.get(sessionId);
    if (existing?.source === 'import') throw new ApiError('invalid_input', `session ${sessionId} is an imported recording; it cannot be recorded into`);
    const row = existing ?? this.store.create({ sessionId, source: 'live', cols: size.cols, rows: size.rows, startedAt: startedAtMs ?? this.now() });
    const recorder = this.newRecorder(row);
    // Continued (the core restarted): the size now holds from the last event stored, before anything resent after it.
    if (existing) recorder.record({ kind: 'resize', cols: size.cols, rows: size.rows }, this.store.lastEventAt(sessionId) ?? 0);
    return recorder;
  }

  mark(sessionId: string, label: string, requestId: string | null, decision: Decision | null): void {
    try {
      const recorder = this.active.get(sessionId);
      if (recorder) return recorder.record({ kind: 'marker', label, requestId, decision });
      // No terminal is being recorded for this session: the marker still goes on its timeline.
      const session = this.opts.sessions.get(sessionId);
      if (!session) return;
      const origin = this.store.get(sessionId)?.started_at ?? Date.parse(session.startedAt);
      this.store.addMarker(sessionId, {
        at_ms: Math.max(0, this.now() - origin),
        event_index: null,
        kind: 'marker',
        label: this.opts.redactor.redact(label),
        request_id: requestId,
        decision,
        dropped_bytes: null,
      });
    } catch (err) {
      this.opts.onError(err);
    }
  }

  /**
   * Where a session's recording on disk ends: the time of its last event and the text stored at that very millisecond
   * (a piece cut there, by redaction holding back a stream's tail or by a full chunk, goes on in what was not written).
   */
  recordedEnd(sessionId: string): RecordedEnd | null {
    const row = this.store.get(sessionId);
    if (!row || row.chunk_count === 0) return null;
    const atMs = this.store.lastEventAt(sessionId);
    if (atMs === null) return null;
    const end: RecordedEnd = { atMs, output: '', input: '' };
    for (let seq = row.chunk_count - 1; seq >= 0; seq--) {
      const chunk = this.store.chunk(sessionId, seq);
      if (!chunk || chunk.end_ms < atMs) break;
      let output = '';
      let input = '';
      for (const e of decodeEvents(chunk.payload, chunk.start_ms)) {
        if (e.atMs !== atMs) continue;
        if (e.kind === 'output') output += e.data;
        else if (e.kind === 'input') input += e.data;
      }
      end.output = output + end.output;
      end.input = input + end.input;
      if (chunk.start_ms < atMs) break;
    }
    return end;
  }

  info(sessionId: string): RecordingInfo {
    return this.toInfo(this.reader.recording(sessionId));
  }

  /** Chunks holding the words as a phrase, newest recordings first; reads at most SEARCH_CANDIDATES chunks per hit wanted. */
  search(query: string, limit: number, sessionId?: string): SearchHit[] {
    const fts = wordsQuery(query);
    if (!fts) throw new ApiError('invalid_input', 'search for at least one word (letters or digits)');
    const words = queryWords(query);
    const hits: SearchHit[] = [];
    for (const row of this.store.search(fts, limit * SEARCH_CANDIDATES, sessionId)) {
      const hit = locateHit(row, words);
      if (hit) hits.push(hit);
      if (hits.length === limit) break;
    }
    return hits;
  }

  exportPage(sessionId: string, format: ExportFormat, fromMs?: number): ExportPage {
    return exportPage(this.reader, this.info(sessionId), this.opts.sessions.get(sessionId), format, fromMs);
  }

  /** Imports a .cast file (v2 or v3) as a read-only session. */
  async importCast(file: string): Promise<{ session: Session; recording: RecordingInfo }> {
    const session = await importCast(
      {
        sessions: this.opts.sessions,
        store: this.store,
        startRecorder: (id) => this.newRecorder(this.reader.recording(id)),
        deleteSession: (id) => this.purge.delete(id),
      },
      file,
    );
    // Seekable and searchable from the moment the import returns.
    await this.worker.indexed(session.id, this.reader.recording(session.id).chunk_count);
    return { session, recording: this.info(session.id) };
  }

  /** A session is running while it is being recorded, or until it ends while its process is alive. */
  isRunning(sessionId: string): boolean {
    if (this.active.has(sessionId)) return true;
    const s = this.opts.sessions.get(sessionId);
    return s !== null && s.endedAt === null && (s.pid === null || processAlive(s.pid));
  }

  /** Deletes a session that is not running, with everything recorded for it. */
  deleteSession(sessionId: string): DeletedSession {
    const bytes = this.store.get(sessionId)?.stored_bytes ?? 0;
    if (!this.opts.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    if (this.isRunning(sessionId)) throw new ApiError('conflict', `session ${sessionId} is still running; end it before deleting it`);
    this.purge.delete(sessionId);
    return { sessionId, freedBytes: bytes };
  }

  /** Deletes ended sessions past the retention age, then the oldest until recordings fit the size limit. */
  enforceRetention(): string[] {
    const doomed = sessionsToDelete(this.purge.footprints(), this.opts.retention, this.now(), (id) => this.isRunning(id));
    for (const id of doomed) this.purge.delete(id);
    return doomed;
  }

  /** Enforces retention now and every RETENTION_INTERVAL_MS until `close`. */
  startRetention(): void {
    this.runRetention();
    this.retentionTimer = setInterval(() => this.runRetention(), RETENTION_INTERVAL_MS);
    this.retentionTimer.unref();
  }

  /** Resolves once everything recorded so far is written, with keyframes and search rows. */
  indexed(): Promise<void> {
    return this.worker.idle();
  }

  /** Ends every recording (writing what is buffered) and stops the recording thread. */
  async close(): Promise<void> {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    await Promise.all([...this.active.values()].map((r) => r.close()));
    await this.worker.stop();
  }

  private newRecorder(row: RecordingRow): ThreadRecorder {
    const recorder = new ThreadRecorder({
      sessionId: row.session_id,
      startedAtMs: row.started_at,
      worker: this.worker,
      now: this.now,
      onClosed: () => {
        if (this.active.get(row.session_id) === recorder) this.active.delete(row.session_id);
      },
      onError: this.opts.onError,
    });
    this.active.set(row.session_id, recorder);
    return recorder;
  }

  private runRetention(): void {
    try {
      this.enforceRetention();
    } catch (err) {
      this.opts.onError(err);
    }
  }

  private toInfo(r: RecordingRow): RecordingInfo {
    return {
      sessionId: r.session_id,
      source: r.source,
      cols: r.cols,
      rows: r.rows,
      startedAt: new Date(r.started_at).toISOString(),
      durationMs: r.duration_ms,
      eventCount: r.event_count,
      outputBytes: r.output_bytes,
      storedBytes: r.stored_bytes,
      recording: this.active.has(r.session_id),
      markers: this.reader.markers(r.session_id),
    };
  }
}
