// Requests and their decisions. A decision and the status change are one transaction.
import type {
  Agent,
  DecidedBy,
  Decision,
  GateRequest,
  RequestKind,
  RiskAssessment,
  RequestStatus,
} from '../../../shared/domain.ts';
import type { DeciderGroup } from '../../../shared/api.ts';
import { AuditRepository } from './audit.ts';
import { Redactor } from '../redaction/redaction.ts';
import type { Db } from './database.ts';
import { guardedWrite, guardOf } from './guard.ts';

interface RequestRow {
  id: string;
  session_id: string;
  agent: Agent;
  kind: RequestKind;
  tool: string | null;
  command: string;
  cwd: string;
  risk: string | null;
  status: RequestStatus;
  created_at: number;
  expires_at: number | null;
  decision: Decision | null;
  reason: string | null;
  decided_by: DecidedBy | null;
  decided_at: number | null;
  rule_ids: string | null;
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
  risk: RiskAssessment | null;
  createdAt: number;
  expiresAt: number | null;
}

export interface DecisionInput {
  decision: Decision;
  reason: string | null;
  decidedBy: DecidedBy;
  decidedAt: number;
  /** The rules that made the decision; their hit counts and last-hit times move with it. */
  ruleIds?: string[];
  /** `abandoned` records a deny for a request nobody is waiting on any more. */
  status?: Extract<RequestStatus, 'abandoned'>;
}

/** Which decided requests to list; every field narrows. */
export interface DecidedFilter {
  status?: Exclude<RequestStatus, 'pending'>;
  decidedBy?: DeciderGroup;
  agent?: Agent;
  sessionId?: string;
  /** A part of the command, matched case-insensitively (ASCII). */
  search?: string;
}

/** Where a page ends: the decision's place in the order decisions were written (newest first). */
export type DecidedPosition = number;

const DECIDER_SQL: Readonly<Record<DeciderGroup, string>> = {
  human: "d.decided_by LIKE 'human:%'",
  rule: "d.decided_by LIKE 'rule:%'",
  timeout: "d.decided_by = 'timeout'",
  policy: "d.decided_by IN ('policy', 'trust-mode', 'auto-allow', 'typed')",
  system: "d.decided_by IN ('shutdown', 'agent-gone', 'core-restart')",
};

/** LIKE treats % and _ as wildcards; a search for them must find them literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const SELECT = `
  SELECT r.id, r.session_id, r.agent, r.kind, r.tool, r.command, r.cwd, r.risk, r.status, r.created_at, r.expires_at,
         d.decision, d.reason, d.decided_by, d.decided_at, d.rule_ids
  FROM requests r LEFT JOIN decisions d ON d.request_id = r.id`;

/** Decisions in the order they were written: their rowid, which no clock change can reorder. */
const SELECT_DECIDED = SELECT.replace('FROM requests r LEFT JOIN', ', d.rowid AS seq FROM requests r JOIN');

function toRequest(row: RequestRow): GateRequest {
  return {
    id: row.id,
    sessionId: row.session_id,
    agent: row.agent,
    kind: row.kind,
    tool: row.tool,
    command: row.command,
    cwd: row.cwd,
    risk: row.risk === null ? null : (JSON.parse(row.risk) as RiskAssessment),
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
            ruleIds: row.rule_ids === null ? [] : (JSON.parse(row.rule_ids) as string[]),
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
  private readonly hitStmt;
  private readonly allStmt;
  private readonly riskyStmt;
  private readonly audit: AuditRepository;

  /** `redactor` defaults to the built-in secret shapes; the core passes one with the user's patterns too. */
  constructor(db: Db, redactor: TextRedactor = new Redactor()) {
    this.db = db;
    // Every decision goes into the audit trail in the same transaction: there is no way to skip it.
    this.audit = new AuditRepository(db);
    this.redactor = redactor;
    this.insertStmt = db.prepare(
      `INSERT INTO requests (id, session_id, agent, kind, tool, command, cwd, payload, risk, status, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    );
    this.byIdStmt = db.prepare<[string], RequestRow>(`${SELECT} WHERE r.id = ?`);
    this.byStatusStmt = db.prepare<[RequestStatus], RequestRow>(
      `${SELECT} WHERE r.status = ? ORDER BY r.created_at, r.rowid`,
    );
    this.bySessionStmt = db.prepare<[string], RequestRow>(
      `${SELECT} WHERE r.session_id = ? ORDER BY r.created_at, r.rowid`,
    );
    this.setStatusStmt = db.prepare("UPDATE requests SET status = ? WHERE id = ? AND status = 'pending'");
    this.insertDecisionStmt = db.prepare(
      'INSERT INTO decisions (request_id, decision, reason, decided_by, decided_at, rule_ids) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.hitStmt = db.prepare('UPDATE rules SET hits = hits + 1, last_hit_at = ? WHERE id = ?');
    this.allStmt = db.prepare<[], RequestRow>(`${SELECT} ORDER BY r.created_at, r.rowid`);
    this.riskyStmt = db.prepare<[], RequestRow>(
      `${SELECT} WHERE json_extract(r.risk, '$.level') IN ('high', 'critical') ORDER BY r.created_at, r.rowid`,
    );
  }

  insert(r: NewRequest): GateRequest {
    guardedWrite(this.db, () => this.insertRow(r));
    return this.get(r.id) as GateRequest;
  }

  /** Inserts and decides in one transaction, for requests that never wait for a person. */
  insertDecided(r: NewRequest, d: DecisionInput): GateRequest {
    guardedWrite(this.db, () =>
      this.db.transaction(() => {
        this.insertRow(r);
        this.writeDecision(r.id, d);
      })(),
    );
    return this.get(r.id) as GateRequest;
  }

  /** Returns the decided request, or null when it was not pending (unknown or already decided). */
  decide(id: string, d: DecisionInput): GateRequest | null {
    const done = guardedWrite(this.db, () => this.db.transaction(() => this.writeDecision(id, d))());
    return done ? this.get(id) : null;
  }

  /** Resolves true once the store is not known to be locked by another process (at once if it is not), false after `ms`. */
  whenWritable(ms: number): Promise<boolean> {
    return guardOf(this.db)?.whenWritable(ms) ?? Promise.resolve(false);
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

  /** Every recorded request, oldest first, read one at a time (backtests walk the whole history). */
  *iterateAll(): Generator<GateRequest> {
    for (const row of this.allStmt.iterate()) yield toRequest(row);
  }

  /** Recorded requests rated high or critical (a segment is never worse than its command). */
  *iterateRisky(): Generator<GateRequest> {
    for (const row of this.riskyStmt.iterate()) yield toRequest(row);
  }

  /** Decided requests, newest decision first, `limit` at a time, starting after `after`. Built per query: filters vary. */
  listDecided(
    filter: DecidedFilter,
    limit: number,
    after: DecidedPosition | null,
  ): Array<{ request: GateRequest; position: DecidedPosition }> {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.status) {
      where.push('r.status = ?');
      params.push(filter.status);
    }
    if (filter.decidedBy) where.push(DECIDER_SQL[filter.decidedBy]);
    if (filter.agent) {
      where.push('r.agent = ?');
      params.push(filter.agent);
    }
    if (filter.sessionId) {
      where.push('r.session_id = ?');
      params.push(filter.sessionId);
    }
    if (filter.search) {
      where.push("r.command LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(filter.search)}%`);
    }
    if (after) {
      where.push('d.rowid < ?');
      params.push(after);
    }
    const sql = `${SELECT_DECIDED}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY d.rowid DESC LIMIT ?`;
    const rows = this.db.prepare<Array<string | number>, RequestRow & { seq: number }>(sql).all(...params, limit);
    return rows.map((row) => ({ request: toRequest(row), position: row.seq }));
  }

  /** Stored with secrets redacted; the submission the policy decides on (in the broker) keeps the real text. */
  private insertRow(r: NewRequest): void {
    const command = this.redactor.redact(r.command);
    const payload = JSON.stringify(this.redactor.redactDeep(r.payload));
    this.insertStmt.run(
      r.id,
      r.sessionId,
      r.agent,
      r.kind,
      r.tool,
      command,
      r.cwd,
      payload,
      r.risk === null ? null : JSON.stringify(r.risk),
      r.createdAt,
      r.expiresAt,
    );
  }

  private writeDecision(id: string, d: DecisionInput): boolean {
    const status: RequestStatus = d.status ?? (d.decision === 'allow' ? 'allowed' : 'denied');
    if (this.setStatusStmt.run(status, id).changes === 0) return false;
    const ruleIds = d.ruleIds ?? [];
    this.insertDecisionStmt.run(
      id,
      d.decision,
      d.reason,
      d.decidedBy,
      d.decidedAt,
      ruleIds.length ? JSON.stringify(ruleIds) : null,
    );
    for (const ruleId of ruleIds) this.hitStmt.run(d.decidedAt, ruleId);
    const r = this.byIdStmt.get(id);
    this.audit.append({
      at: d.decidedAt,
      kind: 'decision',
      actor: d.decidedBy,
      subject: id,
      data: {
        decision: d.decision,
        status,
        reason: d.reason,
        ruleIds,
        command: r?.command,
        cwd: r?.cwd,
        sessionId: r?.session_id,
      },
    });
    return true;
  }
}
