// Recordings: compressed event chunks, keyframes for seeking, markers, and the full-text search rows.
// A chunk's events are numbered across the whole recording (`first_event` + position), so a keyframe or
// a marker can say exactly where in the stream it belongs.
import type { Decision } from '../../../shared/domain.ts';
import type { Db } from './database.ts';
import { guardedWrite } from './guard.ts';

export interface RecordingRow {
  session_id: string;
  source: 'live' | 'import';
  cols: number;
  rows: number;
  started_at: number;
  duration_ms: number;
  event_count: number;
  output_bytes: number;
  stored_bytes: number;
  chunk_count: number;
  indexed_chunks: number;
  closed_at: number | null;
}

export interface ChunkRow {
  id: number;
  session_id: string;
  seq: number;
  first_event: number;
  event_count: number;
  start_ms: number;
  end_ms: number;
  payload: Buffer;
}

export interface KeyframeRow {
  session_id: string;
  event_index: number;
  at_ms: number;
  cols: number;
  rows: number;
  state: Buffer;
}

export interface MarkerRow {
  at_ms: number;
  event_index: number | null;
  kind: 'marker' | 'gap';
  label: string;
  request_id: string | null;
  decision: Decision | null;
  dropped_bytes: number | null;
}

export interface NewRecording {
  sessionId: string;
  source: 'live' | 'import';
  cols: number;
  rows: number;
  startedAt: number;
}

export interface NewChunk {
  sessionId: string;
  seq: number;
  firstEvent: number;
  eventCount: number;
  startMs: number;
  endMs: number;
  payload: Buffer;
  outputBytes: number;
}

export type NewMarker = MarkerRow;

export interface NewKeyframe {
  eventIndex: number;
  atMs: number;
  cols: number;
  rows: number;
  state: Buffer;
}

export interface IndexedChunk {
  sessionId: string;
  seq: number;
  chunkId: number;
  keyframes: readonly NewKeyframe[];
  /** What search finds in this chunk (output with escape sequences removed); empty for none. */
  text: string;
  /** The chunk's events compressed, to replace a payload that was stored uncompressed (see codec.ts `isCompressed`). */
  packed?: { payload: Buffer; replacesBytes: number };
}

export interface SearchRow {
  id: number;
  session_id: string;
  seq: number;
  start_ms: number;
  payload: Buffer;
}

const CHUNK_COLUMNS = 'id, session_id, seq, first_event, event_count, start_ms, end_ms, payload';
const MARKER_COLUMNS = 'at_ms, event_index, kind, label, request_id, decision, dropped_bytes';

export class RecordingRepository {
  private readonly db: Db;
  private readonly stmts;

  constructor(db: Db) {
    this.db = db;
    this.stmts = {
      insertRecording: db.prepare(
        'INSERT INTO recordings (session_id, source, cols, rows, started_at) VALUES (?, ?, ?, ?, ?)',
      ),
      get: db.prepare<[string], RecordingRow>('SELECT * FROM recordings WHERE session_id = ?'),
      insertChunk: db.prepare(
        'INSERT INTO recording_chunks (session_id, seq, first_event, event_count, start_ms, end_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      countChunk: db.prepare(
        `UPDATE recordings SET chunk_count = ?, event_count = event_count + ?, output_bytes = output_bytes + ?,
         stored_bytes = stored_bytes + ?, duration_ms = max(duration_ms, ?) WHERE session_id = ?`,
      ),
      insertMarker: db.prepare(
        `INSERT INTO recording_markers (session_id, ${MARKER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      extend: db.prepare('UPDATE recordings SET duration_ms = max(duration_ms, ?) WHERE session_id = ?'),
      close: db.prepare('UPDATE recordings SET closed_at = ?, duration_ms = max(duration_ms, ?) WHERE session_id = ?'),
      markers: db.prepare<[string], MarkerRow>(
        `SELECT ${MARKER_COLUMNS} FROM recording_markers WHERE session_id = ? ORDER BY at_ms, id`,
      ),
      markersBetween: db.prepare<[string, number, number], MarkerRow>(
        `SELECT ${MARKER_COLUMNS} FROM recording_markers WHERE session_id = ? AND at_ms > ? AND at_ms <= ? ORDER BY at_ms, id`,
      ),
      keyframeAtTime: db.prepare<[string, number], KeyframeRow>(
        'SELECT * FROM recording_keyframes WHERE session_id = ? AND at_ms <= ? ORDER BY at_ms DESC, event_index DESC LIMIT 1',
      ),
      keyframeAtEvent: db.prepare<[string, number], KeyframeRow>(
        'SELECT * FROM recording_keyframes WHERE session_id = ? AND event_index <= ? ORDER BY event_index DESC LIMIT 1',
      ),
      chunkWithEvent: db.prepare<[string, number], { seq: number }>(
        'SELECT seq FROM recording_chunks WHERE session_id = ? AND first_event <= ? ORDER BY first_event DESC LIMIT 1',
      ),
      chunksFrom: db.prepare<[string, number, number], ChunkRow>(
        `SELECT ${CHUNK_COLUMNS} FROM recording_chunks WHERE session_id = ? AND seq >= ? AND seq < ? ORDER BY seq`,
      ),
      firstChunkAfter: db.prepare<[string, number], { seq: number }>(
        'SELECT seq FROM recording_chunks WHERE session_id = ? AND start_ms > ? ORDER BY start_ms, seq LIMIT 1',
      ),
      lastChunkBefore: db.prepare<[string, number], { seq: number }>(
        'SELECT seq FROM recording_chunks WHERE session_id = ? AND end_ms <= ? ORDER BY end_ms DESC, seq DESC LIMIT 1',
      ),
      nextEvent: db.prepare<[string], { next: number | null }>(
        'SELECT max(first_event + event_count) AS next FROM recording_chunks WHERE session_id = ?',
      ),
      lastEventAt: db.prepare<[string], { at: number | null }>(
        'SELECT max(end_ms) AS at FROM recording_chunks WHERE session_id = ?',
      ),
      chunk: db.prepare<[string, number], ChunkRow>(
        `SELECT ${CHUNK_COLUMNS} FROM recording_chunks WHERE session_id = ? AND seq = ?`,
      ),
      toIndex: db.prepare<[], { session_id: string; indexed_chunks: number; chunk_count: number }>(
        'SELECT session_id, indexed_chunks, chunk_count FROM recordings WHERE indexed_chunks < chunk_count ORDER BY started_at',
      ),
      markIndexed: db.prepare(
        'UPDATE recordings SET indexed_chunks = ?, stored_bytes = stored_bytes + ? WHERE session_id = ? AND indexed_chunks = ?',
      ),
      insertKeyframe: db.prepare(
        'INSERT OR IGNORE INTO recording_keyframes (session_id, event_index, at_ms, cols, rows, state) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertSearch: db.prepare('INSERT INTO recording_search (rowid, text) VALUES (?, ?)'),
      repack: db.prepare('UPDATE recording_chunks SET payload = ? WHERE id = ?'),
    };
  }

  create(r: NewRecording): RecordingRow {
    guardedWrite(this.db, () => this.stmts.insertRecording.run(r.sessionId, r.source, r.cols, r.rows, r.startedAt));
    return this.get(r.sessionId) as RecordingRow;
  }

  get(sessionId: string): RecordingRow | null {
    return this.stmts.get.get(sessionId) ?? null;
  }

  /** Stores a chunk and the markers recorded with it, and updates the recording's totals: one transaction. */
  append(chunk: NewChunk | null, markers: readonly NewMarker[], sessionId: string, durationMs: number): void {
    this.db.transaction(() => {
      if (chunk) {
        this.stmts.insertChunk.run(
          chunk.sessionId,
          chunk.seq,
          chunk.firstEvent,
          chunk.eventCount,
          chunk.startMs,
          chunk.endMs,
          chunk.payload,
        );
        this.stmts.countChunk.run(
          chunk.seq + 1,
          chunk.eventCount,
          chunk.outputBytes,
          chunk.payload.length,
          durationMs,
          sessionId,
        );
      } else {
        this.stmts.extend.run(durationMs, sessionId);
      }
      for (const m of markers) this.insertMarkerRow(sessionId, m);
    })();
  }

  /** A marker for a session that no recorder is writing (an interception in a session without a terminal). */
  addMarker(sessionId: string, marker: NewMarker): void {
    guardedWrite(this.db, () => this.insertMarkerRow(sessionId, marker));
  }

  close(sessionId: string, at: number, durationMs: number): void {
    this.stmts.close.run(at, durationMs, sessionId);
  }

  markers(sessionId: string): MarkerRow[] {
    return this.stmts.markers.all(sessionId);
  }

  /** Markers with `fromMs < at_ms <= toMs`. */
  markersBetween(sessionId: string, fromMs: number, toMs: number): MarkerRow[] {
    return this.stmts.markersBetween.all(sessionId, fromMs, toMs);
  }

  /** The latest keyframe taken at or before `atMs`. */
  keyframeAt(sessionId: string, atMs: number): KeyframeRow | null {
    return this.stmts.keyframeAtTime.get(sessionId, atMs) ?? null;
  }

  /** The latest keyframe taken at or before event `eventIndex` (the state after that many events). */
  keyframeAtEvent(sessionId: string, eventIndex: number): KeyframeRow | null {
    return this.stmts.keyframeAtEvent.get(sessionId, eventIndex) ?? null;
  }

  /** The chunk holding event `eventIndex`, or the one before the first event when there are none. */
  chunkSeqOfEvent(sessionId: string, eventIndex: number): number {
    return this.stmts.chunkWithEvent.get(sessionId, eventIndex)?.seq ?? 0;
  }

  /** The first chunk that starts after `atMs` (chunks from there on hold only later events). */
  chunkSeqAfter(sessionId: string, atMs: number): number {
    return this.stmts.firstChunkAfter.get(sessionId, atMs)?.seq ?? Number.MAX_SAFE_INTEGER;
  }

  /** The last chunk that ends at or before `atMs`, or -1. */
  chunkSeqEndingBy(sessionId: string, atMs: number): number {
    return this.stmts.lastChunkBefore.get(sessionId, atMs)?.seq ?? -1;
  }

  /** Chunks `fromSeq <= seq < toSeq`, read one at a time. */
  chunks(sessionId: string, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): IterableIterator<ChunkRow> {
    return this.stmts.chunksFrom.iterate(sessionId, fromSeq, toSeq);
  }

  /** The index the next recorded event gets: one past the last stored. */
  nextEventIndex(sessionId: string): number {
    return this.stmts.nextEvent.get(sessionId)?.next ?? 0;
  }

  /** The time of the last event stored (ms from the recording's start), or null when no chunk is. */
  lastEventAt(sessionId: string): number | null {
    return this.stmts.lastEventAt.get(sessionId)?.at ?? null;
  }

  chunk(sessionId: string, seq: number): ChunkRow | null {
    return this.stmts.chunk.get(sessionId, seq) ?? null;
  }

  /** Recordings with chunks that have no keyframes and search rows yet, oldest first. */
  toIndex(): Array<{ sessionId: string; indexedChunks: number; chunkCount: number }> {
    return this.stmts.toIndex
      .all()
      .map((r) => ({ sessionId: r.session_id, indexedChunks: r.indexed_chunks, chunkCount: r.chunk_count }));
  }

  /**
   * Stores a chunk's keyframes and search row and moves the recording's index past it, in one transaction.
   * Returns false (and stores nothing) when the recording moved on or was deleted meanwhile.
   */
  commitIndexed(c: IndexedChunk): boolean {
    return this.db.transaction(() => {
      const bytes =
        c.keyframes.reduce((n, k) => n + k.state.length, 0) +
        (c.packed ? c.packed.payload.length - c.packed.replacesBytes : 0);
      if (this.stmts.markIndexed.run(c.seq + 1, bytes, c.sessionId, c.seq).changes === 0) return false;
      if (c.packed) this.stmts.repack.run(c.packed.payload, c.chunkId);
      for (const k of c.keyframes)
        this.stmts.insertKeyframe.run(c.sessionId, k.eventIndex, k.atMs, k.cols, k.rows, k.state);
      if (c.text.length > 0) this.stmts.insertSearch.run(c.chunkId, c.text);
      return true;
    })();
  }

  /** Chunks whose words match an FTS5 query, newest recordings first, in time order within one. */
  search(ftsQuery: string, limit: number, sessionId?: string): SearchRow[] {
    const where = sessionId === undefined ? '' : 'AND c.session_id = ?';
    const sql = `SELECT c.id, c.session_id, c.seq, c.start_ms, c.payload
      FROM recording_search s JOIN recording_chunks c ON c.id = s.rowid JOIN recordings r ON r.session_id = c.session_id
      WHERE recording_search MATCH ? ${where}
      ORDER BY r.started_at DESC, c.session_id, c.seq LIMIT ?`;
    const args = sessionId === undefined ? [ftsQuery, limit] : [ftsQuery, sessionId, limit];
    return this.db.prepare<unknown[], SearchRow>(sql).all(...args);
  }

  private insertMarkerRow(sessionId: string, m: NewMarker): void {
    this.stmts.insertMarker.run(
      sessionId,
      m.at_ms,
      m.event_index,
      m.kind,
      m.label,
      m.request_id,
      m.decision,
      m.dropped_bytes,
    );
  }
}
