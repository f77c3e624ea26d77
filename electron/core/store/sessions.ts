// Sessions: one per agent run launched through Gatehouse.
import type { Agent, Session } from '../../../shared/domain.ts';
import type { Db } from './database.ts';

interface SessionRow {
  id: string;
  agent: Agent;
  argv: string;
  cwd: string;
  pid: number | null;
  started_at: number;
  ended_at: number | null;
  exit_code: number | null;
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
  private readonly lastEventStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO sessions (id, agent, argv, cwd, token_hash, pid, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.byIdStmt = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
    this.byTokenStmt = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
    this.endStmt = db.prepare('UPDATE sessions SET ended_at = ?, exit_code = ? WHERE id = ? AND ended_at IS NULL');
    this.listStmt = db.prepare<[], SessionRow>('SELECT * FROM sessions ORDER BY started_at DESC, id');
    this.runningStmt = db.prepare<[], SessionRow>('SELECT * FROM sessions WHERE ended_at IS NULL ORDER BY started_at, id');
    this.reopenStmt = db.prepare('UPDATE sessions SET ended_at = NULL, exit_code = NULL WHERE id = ?');
    this.eventStmt = db.prepare('INSERT INTO session_events (session_id, kind, payload, at) VALUES (?, ?, ?, ?)');
    this.lastEventStmt = db.prepare<[string, string, string], { kind: string }>(
      'SELECT kind FROM session_events WHERE session_id = ? AND kind IN (?, ?) ORDER BY id DESC LIMIT 1',
    );
  }

  insert(s: NewSession): Session {
    this.insertStmt.run(s.id, s.agent, JSON.stringify(s.argv), s.cwd, s.tokenHash, s.pid, s.startedAt);
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
    this.endStmt.run(at, exitCode, id);
    return this.get(id);
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
    this.eventStmt.run(sessionId, kind, JSON.stringify(payload), at);
  }
}
