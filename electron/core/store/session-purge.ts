// Deleting a session deletes all of it: recording chunks, keyframes, search rows, markers, requests with
// their decisions and outcomes, forwarded events, and the session. Also what retention needs to choose sessions.
import type Database from 'better-sqlite3';
import type { Db } from './database.ts';
import { StoreUnavailableError } from './failures.ts';
import { guardedWrite, guardOf } from './guard.ts';

type Statement<P extends unknown[], R = unknown> = Database.Statement<P, R>;

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

/**
 * Rows deleted per step of a sliced purge. A chunk holds up to 256 KB and its search row is the costly
 * part (a contentless FTS5 delete), so a step takes a few; the other rows are small.
 */
const CHUNKS_PER_STEP = 16;
const KEYFRAMES_PER_STEP = 32;
const ROWS_PER_STEP = 500;
/** Pages of search-index merging per step (64: ~34 ms at most measured; 16 took longer in all for no shorter steps). */
const SEARCH_MERGE_PAGES = 64;
/** FTS5's own default for `automerge`, restored after a purge. */
const FTS5_DEFAULT_AUTOMERGE = 4;

interface PurgeStep {
  select: Statement<[string, number], { id: string | number }>;
  batch: number;
  deletes: Array<Statement<[{ session: string; ids: string }]>>;
}

export class SessionPurge {
  private readonly db: Db;
  private readonly footprintsStmt;
  private readonly deletes;
  private readonly steps: PurgeStep[];
  private readonly mergeStmt;
  private readonly totalChangesStmt;

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
      'DELETE FROM request_outcomes WHERE request_id IN (SELECT id FROM requests WHERE session_id = ?)',
      'DELETE FROM requests WHERE session_id = ?',
      'DELETE FROM session_events WHERE session_id = ?',
      'DELETE FROM sessions WHERE id = ?',
    ].map((sql) => db.prepare(sql));
    this.mergeStmt = db.prepare<[number]>("INSERT INTO recording_search (recording_search, rank) VALUES ('merge', ?)");
    this.totalChangesStmt = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    // Each step: which rows of the session, then the deletes, each given the session and the ids (a JSON list).
    const step = (select: string, batch: number, deletes: string[]): PurgeStep => ({
      select: db.prepare<[string, number], { id: string | number }>(select),
      batch,
      deletes: deletes.map((sql) => db.prepare<{ session: string; ids: string }>(sql)),
    });
    const inList = 'IN (SELECT value FROM json_each(@ids))';
    this.steps = [
      step('SELECT id FROM recording_chunks WHERE session_id = ? LIMIT ?', CHUNKS_PER_STEP, [
        // The ids were just read from this session's chunks. (A subquery on recording_chunks here costs FTS5 a scan.)
        `DELETE FROM recording_search WHERE rowid ${inList}`,
        `DELETE FROM recording_chunks WHERE session_id = @session AND id ${inList}`,
      ]),
      // Keyframes have no rowid: by their event index.
      step('SELECT event_index AS id FROM recording_keyframes WHERE session_id = ? LIMIT ?', KEYFRAMES_PER_STEP, [
        `DELETE FROM recording_keyframes WHERE session_id = @session AND event_index ${inList}`,
      ]),
      step('SELECT id FROM recording_markers WHERE session_id = ? LIMIT ?', ROWS_PER_STEP, [
        `DELETE FROM recording_markers WHERE session_id = @session AND id ${inList}`,
      ]),
      step('SELECT id FROM requests WHERE session_id = ? LIMIT ?', ROWS_PER_STEP, [
        `DELETE FROM decisions WHERE request_id ${inList}`,
        `DELETE FROM request_outcomes WHERE request_id ${inList}`,
        `DELETE FROM requests WHERE session_id = @session AND id ${inList}`,
      ]),
      step('SELECT id FROM session_events WHERE session_id = ? LIMIT ?', ROWS_PER_STEP, [
        `DELETE FROM session_events WHERE session_id = @session AND id ${inList}`,
      ]),
    ];
  }

  /** Every session with its recording size, the longest untouched first. */
  footprints(): SessionFootprint[] {
    return this.footprintsStmt.all().map((r) => ({
      sessionId: r.id,
      startedAt: r.started_at,
      endedAt: r.ended_at,
      lastActiveAt: r.last_active,
      pid: r.pid,
      bytes: r.bytes,
    }));
  }

  /**
   * Deletes a bounded part of one session (a few chunks with their search rows, or a few hundred other rows)
   * in one transaction, the session itself last. Returns true while there is more to delete. For retention,
   * which deletes on the core's thread in slices: a session half deleted (the core stopped in between) is
   * still chosen by the next run and finished then.
   */
  deleteStep(sessionId: string): boolean {
    return this.db.transaction(() => {
      for (const step of this.steps) {
        const ids = step.select.all(sessionId, step.batch).map((r) => r.id);
        if (ids.length === 0) continue;
        const list = JSON.stringify(ids);
        for (const stmt of step.deletes) stmt.run({ session: sessionId, ids: list });
        return true;
      }
      for (const stmt of this.deletes) stmt.run(sessionId);
      return false;
    })();
  }

  /**
   * The search index merges its segments by itself after writes, and deletes from it (tombstones) set off
   * merges of up to ~200 ms in one step (measured: 2,000 chunks deleted 16 at a time, 1.8 s in all, the
   * longest step 194 ms). While a purge runs, automatic merging is off; `mergeSearchStep` then does the
   * merging in bounded pieces (0.9 s in all, the longest step 34 ms). A core that stops in between leaves it
   * off until its next purge ends, which costs searches a little speed and nothing else.
   */
  pauseSearchMerges(): void {
    this.db.prepare("INSERT INTO recording_search (recording_search, rank) VALUES ('automerge', 0)").run();
  }

  /** About SEARCH_MERGE_PAGES pages of merging; true while there was work to do. */
  mergeSearchStep(): boolean {
    // FTS5's documented test: the merge did work when total_changes() moved by 2 or more.
    const before = this.totalChangesStmt.get()?.n ?? 0;
    this.mergeStmt.run(SEARCH_MERGE_PAGES);
    return (this.totalChangesStmt.get()?.n ?? 0) - before >= 2;
  }

  resumeSearchMerges(): void {
    // A literal: FTS5 reads the value as it is written (a bound JavaScript number arrives as a float).
    this.db
      .prepare(`INSERT INTO recording_search (recording_search, rank) VALUES ('automerge', ${FTS5_DEFAULT_AUTOMERGE})`)
      .run();
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
