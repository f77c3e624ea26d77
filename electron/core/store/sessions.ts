// Sessions: one per agent run launched through Gatehouse.
import type { Agent, Session, SessionProtection } from '../../../shared/domain.ts';
import type { Db } from './database.ts';
import { guardedWrite } from './guard.ts';

interface SessionRow {
  id: string;
  agent: Agent;
  argv: string;
  cwd: string;
  pid: number | null;
  started_at: number;
  ended_at: number | null;
  exit_code: number | null;
  protections: string | null;
}

export interface NewSession {
  id: string;
  agent: Agent;
  argv: string[];
  cwd: string;
  pid: number | null;
  tokenHash: string;
  startedAt: number;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    agent: row.agent,
    argv: JSON.parse(row.argv) as string[],
    cwd: row.cwd,
    pid: row.pid,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: iso(row.ended_at),
    exitCode: row.exit_code,
    ...(row.protections ? { protections: JSON.parse(row.protections) as SessionProtection[] } : {}),
  };
}

export class SessionRepository {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byTokenStmt;
  private readonly endStmt;
  private readonly listStmt;
  private readonly runningStmt;
  private readonly reopenStmt;
  private readonly eventStmt;
  private readonly protectionsStmt;
  private readonly lastEventStmt;
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    this.insertStmt = db.prepare(
      'INSERT INTO sessions (id, agent, argv, cwd, token_hash, pid, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byIdStmt = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
    this.byTokenStmt = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
    this.endStmt = db.prepare('UPDATE sessions SET ended_at = ?, exit_code = ? WHERE id = ? AND ended_at IS NULL');
    this.listStmt = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY started_at DESC, id');
    this.protectionsStmt = db.prepare(
      'UPDATE sessions SET protections = ? WHERE id = ? AND ended_at IS NULL AND protections IS NULL',
    );
    this.runningStmt = db.prepare<[], SessionRow>(
      'SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY started_at, id',
    );
    this.reopenStmt = db.prepare('UPDATE sessions SET ended_at = NULL, exit_code = NULL WHERE id = ?');
    this.eventStmt = db.prepare('INSERT INTO session_events (session_id, kind, payload, at) VALUES (?, ?, ?, ?)');
    this.lastEventStmt = db.prepare<[string, string, string], { kind: string }>(
      'SELECT kind FROM session_events WHERE session_id = ? AND kind IN (?, ?) ORDER BY id DESC LIMIT 1',
    );
  }

  insert(s: NewSession): Session {
    guardedWrite(this.db, () =>
      this.insertStmt.run(s.id, s.agent, JSON.stringify(s.argv), s.cwd, s.tokenHash, s.pid, s.startedAt),
    );
    return this.get(s.id) as Session;
  }

  get(id: string): Session | null {
    const row = this.byIdStmt.get(id);
    return row ? toSession(row) : null;
  }

  /** Ended sessions still authenticate: an agent may outlive `gatehouse run` only by a moment, and a late hook must still be answered (held, not waved through). */
  findByTokenHash(tokenHash: string): Session | null {
    const row = this.byTokenStmt.get(tokenHash);
    return row ? toSession(row) : null;
  }

  end(id: string, exitCode: number | null, at: number): Session | null {
    guardedWrite(this.db, () => this.endStmt.run(at, exitCode, id));
    return this.get(id);
  }

  /** Stores what guards a running session, once: false when it has ended, is not there, or was already told. */
  setProtections(id: string, protections: readonly SessionProtection[]): boolean {
    return guardedWrite(this.db, () => this.protectionsStmt.run(JSON.stringify(protections), id)).changes > 0;
  }

  list(): Session[] {
    return this.listStmt.all().map(toSession);
  }

  /** Sessions not ended, oldest first. */
  running(): Session[] {
    return this.runningStmt.all().map(toSession);
  }

  /** Marks an ended session running again (its end was a core restart's guess, and its client came back). */
  reopen(id: string): Session | null {
    this.reopenStmt.run(id);
    return this.get(id);
  }

  /** Which of the two event kinds was recorded last for the session, or null for neither. */
  lastOf(sessionId: string, a: string, b: string): string | null {
    return this.lastEventStmt.get(sessionId, a, b)?.kind ?? null;
  }

  recordEvent(sessionId: string, kind: string, payload: unknown, at: number): void {
    guardedWrite(this.db, () => this.eventStmt.run(sessionId, kind, JSON.stringify(payload), at));
  }
}
