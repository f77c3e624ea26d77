// Requests, their decisions and what happened after an allow. A decision and the status change are one transaction.
import type {
  Agent,
  DecidedBy,
  Decision,
  GateRequest,
  OutcomeSource,
  OutcomeState,
  RequestKind,
  RequestOutcome,
  RiskAssessment,
  RequestStatus,
} from '../../../shared/domain.ts';
import type { DeciderGroup, OutcomeFilter } from '../../../shared/api.ts';
import { OUTCOME_SUMMARY_CHARS } from '../../../shared/outcome.ts';
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
  updated_command: string | null;
  o_state: OutcomeState | null;
  o_exit_code: number | null;
  o_duration_ms: number | null;
  o_summary: string | null;
  o_source: OutcomeSource | null;
  o_at: number | null;
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
  /** The agent's id for the tool call (`tool_use_id`), which its post-tool hook names again; null when it gave none. */
  callId?: string | null;
  /** Whether something will report what happened after an allow (the agent's post-tool hooks, a hosted shell). */
  expectsOutcome?: boolean;
}

/** What happened after an allow, as `OutcomeService` (broker/outcomes.ts) found it; the summary is not yet redacted. */
export interface OutcomeInput {
  state: OutcomeState;
  exitCode: number | null;
  durationMs: number | null;
  summary: string | null;
  source: OutcomeSource;
  at: number;
}

/** Gatehouse's own inference that a command never ran: a report that comes later replaces it. */
const INFERRED_SOURCES: readonly OutcomeSource[] = ['turn-ended', 'session-ended', 'no-report'];

export interface DecisionInput {
  decision: Decision;
  reason: string | null;
  decidedBy: DecidedBy;
  decidedAt: number;
  /** The rules that made the decision; their hit counts and last-hit times move with it. */
  ruleIds?: string[];
  /** An allow of the command's safer form: the command that ran instead (safer/). */
  updatedCommand?: string;
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
  /** What happened after the allow. */
  outcome?: OutcomeFilter;
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

/** "Approved but failed" is also approved but never run: neither did what the person allowed. */
const OUTCOME_SQL: Readonly<Record<OutcomeFilter, string>> = {
  failed: "r.status = 'allowed' AND o.state IN ('failed', 'not-run')",
  'not-run': "r.status = 'allowed' AND o.state = 'not-run'",
  ran: "r.status = 'allowed' AND o.state = 'ran'",
};

/** LIKE treats % and _ as wildcards; a search for them must find them literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const SELECT = `
  SELECT r.id, r.session_id, r.agent, r.kind, r.tool, r.command, r.cwd, r.risk, r.status, r.created_at, r.expires_at,
         d.decision, d.reason, d.decided_by, d.decided_at, d.rule_ids, d.updated_command,
         o.state AS o_state, o.exit_code AS o_exit_code, o.duration_ms AS o_duration_ms, o.summary AS o_summary,
         o.source AS o_source, o.at AS o_at
  FROM requests r LEFT JOIN decisions d ON d.request_id = r.id LEFT JOIN request_outcomes o ON o.request_id = r.id`;

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
            ...(row.updated_command === null ? {} : { updatedCommand: row.updated_command }),
            decidedAt: new Date(row.decided_at).toISOString(),
          },
    outcome: toOutcome(row),
  };
}

function toOutcome(row: RequestRow): RequestOutcome | null {
  if (row.o_state === null || row.o_source === null || row.o_at === null) return null;
  return {
    state: row.o_state,
    exitCode: row.o_exit_code,
    durationMs: row.o_duration_ms,
    summary: row.o_summary,
    source: row.o_source,
    at: new Date(row.o_at).toISOString(),
  };
}

/** The end of `text`, at most `max` characters, from a line's start when one is near: where a failure says why. */
function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const line = cut.indexOf('\n');
  return `…${line >= 0 && line < max / 2 ? cut.slice(line + 1) : cut.slice(1)}`;
}

/**
 * Redacted, then shortened: shortening first could cut a secret in two and leave half of it unrecognised. The text is
 * first limited to a few summaries' worth from its end (the redactor is linear, but a megabyte of output is not worth
 * scanning for 400 characters); a secret cut at that far edge is never within the part kept.
 */
function storedSummary(text: string | null, redactor: TextRedactor): string | null {
  if (text === null) return null;
  const redacted = redactor.redact(text.slice(-OUTCOME_SUMMARY_CHARS * 16)).trim();
  return redacted === '' ? null : tail(redacted, OUTCOME_SUMMARY_CHARS);
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
  private readonly notAwaitingStmt;
  private readonly reportOutcomeStmt;
  private readonly inferOutcomeStmt;
  private readonly awaitingStmt;
  private readonly awaitingInSessionStmt;
  private readonly awaitingWithoutCallStmt;
  private readonly byCallStmt;
  private readonly audit: AuditRepository;

  /** `redactor` defaults to the built-in secret shapes; the core passes one with the user's patterns too. */
  constructor(db: Db, redactor: TextRedactor = new Redactor()) {
    this.db = db;
    // Every decision goes into the audit trail in the same transaction: there is no way to skip it.
    this.audit = new AuditRepository(db);
    this.redactor = redactor;
    this.insertStmt = db.prepare(
      `INSERT INTO requests (id, session_id, agent, kind, tool, command, cwd, payload, risk, status, created_at, expires_at,
                             call_id, awaiting_outcome)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
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
      'INSERT INTO decisions (request_id, decision, reason, decided_by, decided_at, rule_ids, updated_command) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.hitStmt = db.prepare('UPDATE rules SET hits = hits + 1, last_hit_at = ? WHERE id = ?');
    this.allStmt = db.prepare<[], RequestRow>(`${SELECT} ORDER BY r.created_at, r.rowid`);
    this.riskyStmt = db.prepare<[], RequestRow>(
      `${SELECT} WHERE json_extract(r.risk, '$.level') IN ('high', 'critical') ORDER BY r.created_at, r.rowid`,
    );
    this.notAwaitingStmt = db.prepare('UPDATE requests SET awaiting_outcome = 0 WHERE id = ? AND awaiting_outcome = 1');
    const insertOutcome = `INSERT INTO request_outcomes (request_id, state, exit_code, duration_ms, summary, source, at)
       VALUES (@id, @state, @exitCode, @durationMs, @summary, @source, @at)`;
    // A report replaces Gatehouse's own inference that the command never ran (it ran after all); nothing replaces a
    // report, and an inference never replaces anything.
    this.reportOutcomeStmt = db.prepare(
      `${insertOutcome} ON CONFLICT (request_id) DO UPDATE SET state = excluded.state, exit_code = excluded.exit_code,
         duration_ms = excluded.duration_ms, summary = excluded.summary, source = excluded.source, at = excluded.at
       WHERE request_outcomes.source IN (${INFERRED_SOURCES.map((s) => `'${s}'`).join(', ')})`,
    );
    this.inferOutcomeStmt = db.prepare(`${insertOutcome} ON CONFLICT (request_id) DO NOTHING`);
    const awaiting = "r.awaiting_outcome = 1 AND r.status = 'allowed'";
    this.awaitingStmt = db.prepare<[], RequestRow>(`${SELECT} WHERE ${awaiting} ORDER BY d.decided_at, r.rowid`);
    this.awaitingInSessionStmt = db.prepare<[string], RequestRow>(
      `${SELECT} WHERE r.session_id = ? AND ${awaiting} ORDER BY d.decided_at, r.rowid`,
    );
    this.awaitingWithoutCallStmt = db.prepare<[string, string], RequestRow>(
      `${SELECT} WHERE r.session_id = ? AND ${awaiting} AND r.call_id IS NULL AND r.command = ? ORDER BY d.decided_at, r.rowid`,
    );
    this.byCallStmt = db.prepare<[string, string], RequestRow>(
      `${SELECT} WHERE r.session_id = ? AND r.call_id = ? AND r.status = 'allowed' ORDER BY r.created_at, r.rowid`,
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

  /**
   * Records what happened after the allow (its summary redacted and shortened) and stops awaiting it. Returns the
   * request with it, or null when nothing changed: a report never replaces a report, and Gatehouse's inference that
   * it never ran replaces nothing.
   */
  recordOutcome(id: string, o: OutcomeInput): GateRequest | null {
    const row = { id, ...o, summary: storedSummary(o.summary, this.redactor) };
    const inferred = INFERRED_SOURCES.includes(o.source);
    const changed = guardedWrite(this.db, () =>
      this.db.transaction(() => {
        const done = (inferred ? this.inferOutcomeStmt : this.reportOutcomeStmt).run(row).changes > 0;
        this.notAwaitingStmt.run(id);
        return done;
      })(),
    );
    return changed ? this.get(id) : null;
  }

  /** Allowed requests whose outcome is still awaited, in one session or all, the earliest allowed first. */
  awaitingOutcome(sessionId?: string): GateRequest[] {
    const rows = sessionId === undefined ? this.awaitingStmt.all() : this.awaitingInSessionStmt.all(sessionId);
    return rows.map(toRequest);
  }

  /** Allowed requests of a session for the agent's tool call `callId` (a PreToolUse and a PermissionRequest may share one). */
  allowedForCall(sessionId: string, callId: string): GateRequest[] {
    return this.byCallStmt.all(sessionId, callId).map(toRequest);
  }

  /** Awaited requests of a session that came with no call id, for `command` (compared as stored: redacted). */
  awaitingForCommand(sessionId: string, command: string): GateRequest[] {
    return this.awaitingWithoutCallStmt.all(sessionId, this.redactor.redact(command)).map(toRequest);
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
    if (filter.outcome) where.push(OUTCOME_SQL[filter.outcome]);
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
      r.callId ?? null,
      r.expectsOutcome ? 1 : 0,
    );
  }

  private writeDecision(id: string, d: DecisionInput): boolean {
    const status: RequestStatus = d.status ?? (d.decision === 'allow' ? 'allowed' : 'denied');
    if (this.setStatusStmt.run(status, id).changes === 0) return false;
    const ruleIds = d.ruleIds ?? [];
    // Redacted like the request's command: what ran instead is built from it (safer/), secrets and all.
    const updatedCommand = d.updatedCommand === undefined ? null : this.redactor.redact(d.updatedCommand);
    this.insertDecisionStmt.run(
      id,
      d.decision,
      d.reason,
      d.decidedBy,
      d.decidedAt,
      ruleIds.length ? JSON.stringify(ruleIds) : null,
      updatedCommand,
    );
    for (const ruleId of ruleIds) this.hitStmt.run(d.decidedAt, ruleId);
    // Only an allowed command has an outcome to wait for.
    if (status !== 'allowed') this.notAwaitingStmt.run(id);
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
        ...(updatedCommand === null ? {} : { updatedCommand }),
        command: r?.command,
        cwd: r?.cwd,
        sessionId: r?.session_id,
      },
    });
    return true;
  }
}
