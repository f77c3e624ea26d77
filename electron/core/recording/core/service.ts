// The recording service: starts a recorder per session, puts a marker in a session's recording for each
// interception, answers the recording calls of the control API, enforces retention, and owns the
// recording thread (which writes and indexes what recorders hand it). The core builds one (core.ts) and hands it to whatever produces terminal streams.
import { ApiError } from '../../../../shared/api.ts';
import type { Decision, Session } from '../../../../shared/domain.ts';
import type {
  DeletedSession,
  ExportFormat,
  ExportPage,
  RecordingInfo,
  SearchHit,
} from '../../../../shared/recording.ts';
import type { Retention } from '../../../../shared/settings.ts';
import type { Db } from '../../store/database.ts';
import { RecordingRepository, type NewMarker, type RecordingRow } from '../../store/recordings.ts';
import { RequestRepository } from '../../store/requests.ts';
import { SessionPurge } from '../../store/session-purge.ts';
import type { SessionRepository } from '../../store/sessions.ts';
import { runSliced, type SliceOptions } from '../../upkeep/sliced.ts';
import { exportPage, importCast } from './cast-files.ts';
import { decodeEvents } from '../common/codec.ts';
import { RecordingReader } from './reader.ts';
import type { Redactor } from '../../redaction/redaction.ts';
import { sessionsToDelete } from './retention.ts';
import { locateHit, queryWords, wordsQuery } from './search.ts';
import { ThreadRecorder } from './thread-recorder.ts';
import { interceptionLabel, type RecordedEnd, type RecordingService, type SessionRecorder } from '../common/types.ts';
import { RecordingWorker } from './worker-host.ts';
import { isAlive } from '../../lock.ts';

/** The index knows which chunks have all the words, not whether they stand together: look at a few per hit. */
const SEARCH_CANDIDATES = 4;

export interface RecordingsOptions {
  db: Db;
  /** The database file, opened again by the recording thread. */
  dbFile: string;
  sessions: SessionRepository;
  redactor: Redactor;
  /** For the calls that name no retention; a function for the value in force now (it changes through the API). */
  retention: Retention | (() => Retention);
  onError: (err: unknown) => void;
  now?: () => number;
  /** How much of a burst may wait uncompressed for the indexer (see worker.ts); tests set 0 to compress as written. */
  uncompressedMaxBytes?: number;
}

/** An interception's marker on a timeline only (not between recorded events). */
function marker(atMs: number, label: string, requestId: string, decision: Decision | null): NewMarker {
  return {
    at_ms: atMs,
    event_index: null,
    kind: 'marker',
    label,
    request_id: requestId,
    decision,
    dropped_bytes: null,
  };
}

export class Recordings implements RecordingService {
  readonly reader: RecordingReader;
  private readonly store: RecordingRepository;
  private readonly purge: SessionPurge;
  private readonly worker: RecordingWorker;
  private readonly opts: RecordingsOptions;
  private readonly now: () => number;
  private readonly active = new Map<string, ThreadRecorder>();
  /** Read only: a new recording's timeline gets the interceptions its session had before it started. */
  private readonly requests: RequestRepository;

  constructor(opts: RecordingsOptions) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
    this.store = new RecordingRepository(opts.db);
    this.purge = new SessionPurge(opts.db);
    this.requests = new RequestRepository(opts.db, opts.redactor);
    this.reader = new RecordingReader(this.store);
    this.worker = new RecordingWorker(
      {
        dbFile: opts.dbFile,
        redactionPatterns: [...opts.redactor.userPatterns],
        uncompressedMaxBytes: opts.uncompressedMaxBytes,
      },
      this.store,
      opts.onError,
      this.now,
    );
  }

  /**
   * The user's redaction patterns changed in Settings (checked there): what is redacted from now on uses them, here
   * (commands, payloads, marker labels) and on the recording thread (every recorder, running ones included).
   */
  setRedactionPatterns(patterns: readonly string[]): void {
    this.opts.redactor.setUserPatterns(patterns);
    this.worker.setRedactionPatterns(patterns);
  }

  /** Starts (or, after a core restart, continues) recording a session that exists in the store. */
  start(sessionId: string, size: { cols: number; rows: number }, startedAtMs?: number): SessionRecorder {
    const running = this.active.get(sessionId);
    if (running) return running;
    if (!this.opts.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    const existing = this.store.get(sessionId);
    if (existing?.source === 'import')
      throw new ApiError('invalid_input', `session ${sessionId} is an imported recording; it cannot be recorded into`);
    const row =
      existing ??
      this.store.create({
        sessionId,
        source: 'live',
        cols: size.cols,
        rows: size.rows,
        startedAt: startedAtMs ?? this.now(),
      });
    if (!existing) this.markEarlierInterceptions(row);
    const recorder = this.newRecorder(row);
    // Continued (the core restarted): the size now holds from the last event stored, before anything resent after it.
    if (existing)
      recorder.record({ kind: 'resize', cols: size.cols, rows: size.rows }, this.store.lastEventAt(sessionId) ?? 0);
    return recorder;
  }

  mark(sessionId: string, label: string, requestId: string | null, decision: Decision | null): void {
    try {
      const recorder = this.active.get(sessionId);
      if (recorder) return recorder.record({ kind: 'marker', label, requestId, decision });
      // No terminal is being recorded now, but the session has a recording (it ended, or the core restarted):
      // the marker still goes on its timeline. A session with no recording gets none (a row per request,
      // 12 MB per 100,000, for nothing: the requests are stored); if a recording starts later, it gets them.
      const recording = this.store.get(sessionId);
      if (!recording) return;
      this.store.addMarker(sessionId, {
        at_ms: Math.max(0, this.now() - recording.started_at),
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
    return s !== null && s.endedAt === null && (s.pid === null || isAlive(s.pid));
  }

  /** Deletes a session that is not running, with everything recorded for it. */
  deleteSession(sessionId: string): DeletedSession {
    const bytes = this.store.get(sessionId)?.stored_bytes ?? 0;
    if (!this.opts.sessions.get(sessionId)) throw new ApiError('not_found', `no session with id ${sessionId}`);
    if (this.isRunning(sessionId))
      throw new ApiError('conflict', `session ${sessionId} is still running; end it before deleting it`);
    this.purge.delete(sessionId);
    return { sessionId, freedBytes: bytes };
  }

  /** The sessions retention deletes now: ended past the age limit, then the oldest until recordings fit the size limit. */
  retentionPlan(retention: Retention = this.retention()): string[] {
    return sessionsToDelete(this.purge.footprints(), retention, this.now(), (id) => this.isRunning(id));
  }

  /**
   * One bounded step of deleting a session retention chose (see SessionPurge.deleteStep); true while more
   * remains. A session that started running again since it was chosen is left alone.
   */
  retentionStep(sessionId: string): boolean {
    if (this.isRunning(sessionId)) return false;
    return this.purge.deleteStep(sessionId);
  }

  /** Around a purge: the search index's own merging waits, and is then done in bounded steps (SessionPurge). */
  pauseSearchMerges(): void {
    this.purge.pauseSearchMerges();
  }

  mergeSearchStep(): boolean {
    return this.purge.mergeSearchStep();
  }

  resumeSearchMerges(): void {
    this.purge.resumeSearchMerges();
  }

  /** Applies retention now, in slices that yield to the event loop (the core's upkeep does this hourly). */
  async enforceRetention(retention: Retention = this.retention(), slices: SliceOptions = {}): Promise<string[]> {
    const doomed = this.retentionPlan(retention);
    if (doomed.length === 0) return doomed;
    this.pauseSearchMerges();
    try {
      for (const id of doomed) await runSliced(() => this.retentionStep(id), slices);
      await runSliced(() => this.mergeSearchStep(), slices);
    } finally {
      this.resumeSearchMerges();
    }
    return doomed;
  }

  /** Resolves once everything recorded so far is written, with keyframes and search rows. */
  indexed(): Promise<void> {
    return this.worker.idle();
  }

  /** Ends every recording (writing what is buffered) and stops the recording thread. */
  async close(): Promise<void> {
    await Promise.all([...this.active.values()].map((r) => r.close()));
    await this.worker.stop();
  }

  private retention(): Retention {
    const r = this.opts.retention;
    return typeof r === 'function' ? r() : r;
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

  /** A recording that starts after its session's first interceptions: they go on its timeline, at their times. */
  private markEarlierInterceptions(row: RecordingRow): void {
    const markers: NewMarker[] = [];
    const at = (ms: number) => Math.max(0, ms - row.started_at);
    for (const r of this.requests.listBySession(row.session_id)) {
      const createdAt = Date.parse(r.createdAt);
      if (r.expiresAt !== null)
        markers.push(marker(at(createdAt), interceptionLabel({ ...r, status: 'pending', decision: null }), r.id, null));
      if (r.decision)
        markers.push(marker(at(Date.parse(r.decision.decidedAt)), interceptionLabel(r), r.id, r.decision.decision));
    }
    if (markers.length) this.store.append(null, markers, row.session_id, row.duration_ms);
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
