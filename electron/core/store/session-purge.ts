// Deleting a session deletes all of it: recording chunks, keyframes, search rows, markers, requests and
// their decisions, forwarded events, and the session. Also what retention needs to choose sessions.
import type { Db } from './database.ts';
import { StoreUnavailableError } from './failures.ts';
import { guardedWrite, guardOf } from './guard.ts';

export interface SessionFootprint {
  sessionId: string;
  startedAt: number;
  endedAt: number | null;
  /** When it was last written to: its end, or when its recording closed (an imported recording, later). */
  lastActiveAt: number;
  pid: number | null;
  /** Recording bytes on disk (compressed events and keyframes). */
  bytes: number;
}

interface FootprintRow {
  id: string;
  started_at: number;
  ended_at: number | null;
  last_active: number;
  pid: number | null;
  bytes: number;
}

export class SessionPurge {
  private readonly db: Db;
  private readonly footprintsStmt;
  private readonly deletes;

  constructor(db: Db) {
    this.db = db;
    this.footprintsStmt = db.prepare<[], FootprintRow>(
      `SELECT s.id, s.started_at, s.ended_at, s.pid, COALESCE(r.stored_bytes, 0) AS bytes,
              max(COALESCE(s.ended_at, s.started_at), COALESCE(r.closed_at, 0)) AS last_active
       FROM sessions s LEFT JOIN recordings r ON r.session_id = s.id
       ORDER BY last_active, s.id`,
    );
    this.deletes = [
      'DELETE FROM recording_search WHERE rowid IN (SELECT id FROM recording_chunks WHERE session_id = ?)',
      'DELETE FROM recording_chunks WHERE session_id = ?',
      'DELETE FROM recording_keyframes WHERE session_id = ?',
      'DELETE FROM recording_markers WHERE session_id = ?',
      'DELETE FROM recordings WHERE session_id = ?',
      'DELETE FROM decisions WHERE request_id IN (SELECT id FROM requests WHERE session_id = ?)',
      'DELETE FROM requests WHERE session_id = ?',
      'DELETE FROM session_events WHERE session_id = ?',
      'DELETE FROM sessions WHERE id = ?',
    ].map((sql) => db.prepare(sql));
  }

  /** Every session with its recording size, the longest untouched first. */
  footprints(): SessionFootprint[] {
    return this.footprintsStmt.all().map((r) => ({ sessionId: r.id, startedAt: r.started_at, endedAt: r.ended_at, lastActiveAt: r.last_active, pid: r.pid, bytes: r.bytes }));
  }

  /** Deletes everything of one session in one transaction. Returns false when there was no such session. */
  delete(sessionId: string): boolean {
    const purge = () =>
      guardedWrite(this.db, () =>
        this.db.transaction(() => {
          let changes = 0;
          for (const stmt of this.deletes) changes = stmt.run(sessionId).changes;
          return changes > 0;
        })(),
      );
    try {
      return purge();
    } catch (err) {
      // On a full disk the deletion's own log has nowhere to go: the room kept aside for this is given back (or, with
      // none left, the write-ahead log is emptied into the file and cut to nothing), then it is tried again. The pages
      // it frees are reused by the next writes.
      if (!(err instanceof StoreUnavailableError && err.kind === 'full')) throw err;
      if (!guardOf(this.db)?.reserve?.release()) this.db.pragma('wal_checkpoint(TRUNCATE)');
      const deleted = purge();
      this.db.pragma('wal_checkpoint(PASSIVE)');
      return deleted;
    }
  }
}
