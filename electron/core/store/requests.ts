// Requests and their decisions. A decision and the status change are one transaction.
import type {
  Agent,
  DecidedBy,
  Decision,
  GateRequest,
  RequestKind,
  RequestStatus,
} from '../../../shared/domain.ts';
import { Redactor } from '../recording/redaction.ts';
import type { Db } from './database.ts';

interface RequestRow {
  id: string;
  session_id: string;
  agent: Agent;
  kind: RequestKind;
  tool: string | null;
  command: string;
  cwd: string;
  status: RequestStatus;
  created_at: number;
  expires_at: number | null;
  decision: Decision | null;
  reason: string | null;
  decided_by: DecidedBy | null;
  decided_at: number | null;
}

export interface NewRequest {
  id: string;
  sessionId: string;
  agent: Agent;
  kind: RequestKind;
  tool: string | null;
  command: string;
  cwd: string;
  payload: unknown;
  createdAt: number;
  expiresAt: number | null;
}

export interface DecisionInput {
  decision: Decision;
  reason: string | null;
  decidedBy: DecidedBy;
  decidedAt: number;
  /** `abandoned` records a deny for a request nobody is waiting on any more. */
  status?: Extract<RequestStatus, 'abandoned'>;
}

const SELECT = `
  SELECT r.id, r.session_id, r.agent, r.kind, r.tool, r.command, r.cwd, r.status, r.created_at, r.expires_at,
         d.decision, d.reason, d.decided_by, d.decided_at
  FROM requests r LEFT JOIN decisions d ON d.request_id = r.id`;

function toRequest(row: RequestRow): GateRequest {
  return {
    id: row.id,
    sessionId: row.session_id,
    agent: row.agent,
    kind: row.kind,
    tool: row.tool,
    command: row.command,
    cwd: row.cwd,
    risk: null,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
    decision:
      row.decision === null || row.decided_by === null || row.decided_at === null
        ? null
        : {
            decision: row.decision,
            reason: row.reason,
            decidedBy: row.decided_by,
            decidedAt: new Date(row.decided_at).toISOString(),
          },
  };
}

/** What the store needs of a redactor: commands and payloads are stored with their secrets replaced. */
export interface TextRedactor {
  redact(text: string): string;
  redactDeep(value: unknown): unknown;
}

export class RequestRepository {
  private readonly db: Db;
  private readonly redactor: TextRedactor;
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly byStatusStmt;
  private readonly bySessionStmt;
  private readonly setStatusStmt;
  private readonly insertDecisionStmt;

  /** `redactor` defaults to the built-in secret shapes; the core passes one with the user's patterns too. */
  constructor(db: Db, redactor: TextRedactor = new Redactor()) {
    this.db = db;
    this.redactor = redactor;
    this.insertStmt = db.prepare(
      `INSERT INTO requests (id, session_id, agent, kind, tool, command, cwd, payload, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.byIdStmt = db.prepare<[string], RequestRow>(`${SELECT} WHERE r.id = ?`);
    this.byStatusStmt = db.prepare<[RequestStatus], RequestRow>(`${SELECT} WHERE r.status = ? ORDER BY r.created_at, r.rowid`);
    this.bySessionStmt = db.prepare<[string], RequestRow>(`${SELECT} WHERE r.session_id = ? ORDER BY r.created_at, r.rowid`);
    this.setStatusStmt = db.prepare("UPDATE requests SET status = ? WHERE id = ? AND status = 'pending'");
    this.insertDecisionStmt = db.prepare(
      'INSERT INTO decisions (request_id, decision, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)',
    );
  }

  insert(r: NewRequest): GateRequest {
    this.insertRow(r);
    return this.get(r.id) as GateRequest;
  }

  /** Inserts and decides in one transaction, for requests that never wait for a person. */
  insertDecided(r: NewRequest, d: DecisionInput): GateRequest {
    this.db.transaction(() => {
      this.insertRow(r);
      this.writeDecision(r.id, d);
    })();
    return this.get(r.id) as GateRequest;
  }

  /** Returns the decided request, or null when it was not pending (unknown or already decided). */
  decide(id: string, d: DecisionInput): GateRequest | null {
    const done = this.db.transaction(() => this.writeDecision(id, d))();
    return done ? this.get(id) : null;
  }

  get(id: string): GateRequest | null {
    const row = this.byIdStmt.get(id);
    return row ? toRequest(row) : null;
  }

  listByStatus(status: RequestStatus): GateRequest[] {
    return this.byStatusStmt.all(status).map(toRequest);
  }

  listBySession(sessionId: string): GateRequest[] {
    return this.bySessionStmt.all(sessionId).map(toRequest);
  }

  /** Stored with secrets redacted; the submission the policy decides on (in the broker) keeps the real text. */
  private insertRow(r: NewRequest): void {
    const command = this.redactor.redact(r.command);
    const payload = JSON.stringify(this.redactor.redactDeep(r.payload));
    this.insertStmt.run(r.id, r.sessionId, r.agent, r.kind, r.tool, command, r.cwd, payload, r.createdAt, r.expiresAt);
  }

  private writeDecision(id: string, d: DecisionInput): boolean {
    const status: RequestStatus = d.status ?? (d.decision === 'allow' ? 'allowed' : 'denied');
    if (this.setStatusStmt.run(status, id).changes === 0) return false;
    this.insertDecisionStmt.run(id, d.decision, d.reason, d.decidedBy, d.decidedAt);
    return true;
  }
}
