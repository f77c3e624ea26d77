// The queue of held requests. Every request is stored, then decided by the policy or held for a person;
// a decision is committed to the store before the waiting agent is answered.
import { ApiError } from '../../../shared/api.ts';
import type { DecidedBy, Decision, GateRequest, RiskAssessment, SaferOffer } from '../../../shared/domain.ts';
import type { Publisher } from '../events/bus.ts';
import { newId } from '../ids.ts';
import type { NewRequest, RequestRepository } from '../store/requests.ts';
import { StoreUnavailableError } from '../store/failures.ts';
import { formatDuration } from '../../../shared/duration.ts';
import { HUMAN_DECISION_REASONS } from '../../../shared/notification-text.ts';

/**
 * How long a request waits for a database another process has locked before its agent is denied with the reason.
 * Long enough for a sqlite3 shell's quick write or a backup's last step; short enough that an agent is not left
 * hanging on a lock nobody will release.
 */
export const STORE_WAIT_MS = 2000;

export interface Verdict {
  requestId: string;
  decision: Decision;
  reason: string;
  decidedBy: DecidedBy;
  /** An allow of the command's safer form that runs another command (safer/): the agent's hook hands it over. */
  updatedCommand?: string;
}

/** A policy's decision: what, why, who (`rule:<id>`, `trust-mode`, …; `policy` when unsaid) and the rules behind it. */
export interface PolicyVerdict {
  decision: Decision;
  reason: string;
  decidedBy?: DecidedBy;
  ruleIds?: string[];
}

/**
 * What the gate hands in: a command (scored here), or a change whose assessment the gate already has (`risk`: a file
 * tool's change, judged by where it lands). `typed`: the person typed it at a hosted shell's prompt (the gate checked
 * the shell's key), which that shell's typing trust may let run; it is not stored, and counts for as long as the
 * request is held here.
 */
export type Submission = Omit<NewRequest, 'id' | 'createdAt' | 'expiresAt' | 'risk'> & {
  risk?: RiskAssessment;
  typed?: boolean;
};

/** Told once a request is held for a person (not when a policy decides it at once). */
export type OnHeld = (request: GateRequest) => void;

/** A submission with its risk assessment, which is what a policy judges. */
export type ScoredSubmission = Submission & { risk: RiskAssessment };

/** Decides a request without a person, or returns null to hold it. Rules plug in here. */
export type Policy = (request: ScoredSubmission) => PolicyVerdict | null;

/** Scores a command where it would run (the risk engine). */
export type Assess = (command: string, cwd: string) => RiskAssessment;

/** Until rules exist, every agent command is held for a person. */
export const holdEverything: Policy = () => null;

export interface BrokerOptions {
  requests: RequestRepository;
  /** For requests held from now on; `setHoldTimeout` changes it (the settings service tells it, core.ts). */
  holdTimeoutMs: number;
  /** Where `request.held` and `request.decided` are published; without it nobody hears (tests that look at verdicts). */
  events?: Publisher;
  policy?: Policy;
  /** Without one, every request is recorded as not scored (and so as risky as it gets for any policy). */
  assess?: Assess;
  /** The git branch of a request's cwd, shown on its card (`GateRequest.branch`); never throws. */
  branchOf?: (cwd: string) => string | null;
  now?: () => number;
  /** Where failures that have no caller to throw to are reported. */
  onError?: (err: unknown) => void;
  /** Requests one session may have held at once; past it the next is denied at once, saying why (default 256). */
  maxHeldPerSession?: number;
  /** Told each time the store could not record something (the reason, in words): for the reviewer's "store" health. */
  onStoreTrouble?: (message: string) => void;
  /**
   * Undo's snapshots (undo/service.ts): started when a request is held (taken while the person reads it) or allowed
   * by the policy, and waited for before an allow reaches the agent; a denied request's is dropped.
   */
  snapshots?: BrokerSnapshots;
  /** The safer form a held request is shown with (safer/service.ts); never throws. */
  saferOf?: (request: GateRequest) => SaferOffer | null;
}

export interface BrokerSnapshots {
  /** Resolves once the snapshot is taken or has failed (never rejects); a read-only command takes none. */
  before(request: {
    id: string;
    sessionId: string;
    command: string;
    cwd: string;
    risk: RiskAssessment | null;
  }): Promise<unknown>;
  discard(id: string): void;
}

/**
 * Each held request keeps its hook's connection, one file descriptor. An agent that floods the gate (by accident or
 * on purpose) would take them all and leave none for other sessions; 256 is more than a person reads in a day.
 */
export const MAX_HELD_PER_SESSION = 256;

interface HoldOptions {
  signal: AbortSignal | undefined;
  typed: boolean;
  onHeld: OnHeld | undefined;
}

interface Held {
  sessionId: string;
  typed: boolean;
  resolve: (v: Verdict) => void;
  timer: NodeJS.Timeout;
  detachAbort: () => void;
}

export const REASONS = {
  humanAllow: HUMAN_DECISION_REASONS.allow,
  humanDeny: HUMAN_DECISION_REASONS.deny,
  shutdown: 'Gatehouse shut down before anyone decided; the command was not run.',
  agentGone: 'The agent stopped waiting before a decision; nothing ran.',
  storeFailed: 'Gatehouse could not record the decision, so the command was not run.',
  coreRestart: 'Gatehouse restarted while this request was held; the agent was told the command was blocked.',
  tooManyHeld: (n: number) =>
    `Gatehouse is already holding ${n} commands from this session for the user to decide, so this one was not run. Wait for the user to decide those, then try again.`,
  timeout: (ms: number) =>
    `Nobody decided in Gatehouse within ${formatDuration(ms)}, so the command was not run. Ask the user to review it in Gatehouse, then try again.`,
} as const;

export class Broker {
  private readonly events: Publisher | null;
  private readonly requests: RequestRepository;
  private readonly policy: Policy;
  private readonly assess: Assess | null;
  private readonly now: () => number;
  private readonly onError: (err: unknown) => void;
  private readonly branchOf: ((cwd: string) => string | null) | null;
  private readonly held = new Map<string, Held>();
  /** The branch of each request held by this core, until its decision has been announced. */
  private readonly branches = new Map<string, string | null>();
  private holdTimeoutMs: number;
  private closed = false;
  /** The last store trouble reported, so a locked or full store is logged once, not per request. */
  private lastStoreProblem: string | null = null;
  private readonly maxHeldPerSession: number;
  private readonly onStoreTrouble: (message: string) => void;
  private readonly snapshots: BrokerSnapshots | null;
  private readonly saferOf: ((request: GateRequest) => SaferOffer | null) | null;

  constructor(opts: BrokerOptions) {
    this.saferOf = opts.saferOf ?? null;
    this.snapshots = opts.snapshots ?? null;
    this.requests = opts.requests;
    this.events = opts.events ?? null;
    this.holdTimeoutMs = opts.holdTimeoutMs;
    this.policy = opts.policy ?? holdEverything;
    this.assess = opts.assess ?? null;
    this.branchOf = opts.branchOf ?? null;
    this.now = opts.now ?? Date.now;
    this.onError = opts.onError ?? ((err) => console.error('gatehouse:', err));
    this.maxHeldPerSession = opts.maxHeldPerSession ?? MAX_HELD_PER_SESSION;
    this.onStoreTrouble = opts.onStoreTrouble ?? (() => {});
  }

  /** Requests held for a person right now, for one session or all. */
  heldCount(sessionId?: string): number {
    if (sessionId === undefined) return this.held.size;
    let n = 0;
    for (const h of this.held.values()) if (h.sessionId === sessionId) n += 1;
    return n;
  }

  get timeoutMs(): number {
    return this.holdTimeoutMs;
  }

  /** Applies to requests held from now on. */
  setHoldTimeout(ms: number): void {
    this.holdTimeoutMs = ms;
  }

  /**
   * Marks requests left pending by an earlier core as abandoned: whoever was waiting on them lost its
   * connection when that core died, and its hook blocked the command.
   */
  abandonOrphans(): number {
    const orphans = this.requests.listByStatus('pending').filter((r) => !this.held.has(r.id));
    for (const r of orphans) {
      this.requests.decide(r.id, {
        decision: 'deny',
        reason: REASONS.coreRestart,
        decidedBy: 'core-restart',
        decidedAt: this.now(),
        status: 'abandoned',
      });
    }
    return orphans.length;
  }

  /**
   * Stores the request and resolves when it is decided. `signal` aborts when the agent stops waiting; `onHeld` hears
   * when it is held for a person (a hosted shell says so in its terminal).
   */
  submit(submission: Submission, signal?: AbortSignal, onHeld?: OnHeld): Promise<Verdict> {
    if (this.closed)
      return Promise.resolve({ requestId: '', decision: 'deny', reason: REASONS.shutdown, decidedBy: 'shutdown' });
    const createdAt = this.now();
    const id = newId();
    const { typed = false, ...stored } = submission;
    const risk = submission.risk ?? this.scoreCommand(submission.command, submission.cwd);
    const base: NewRequest = { ...stored, risk, id, createdAt, expiresAt: null };
    let ruled = this.judge({ ...submission, risk });
    if (!ruled && this.heldCount(submission.sessionId) >= this.maxHeldPerSession) {
      ruled = { decision: 'deny', reason: REASONS.tooManyHeld(this.maxHeldPerSession), decidedBy: 'policy' };
    }
    const hold = { signal, typed, onHeld };
    try {
      return this.record(base, ruled, hold);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError)) throw err;
      return this.recordWhenWritable(base, ruled, hold, err);
    }
  }

  /**
   * The store could not take the request. A lock held by another process is waited for, off the core's thread, for
   * up to STORE_WAIT_MS; then (or at once for a full disk or a damaged file) the agent is denied with the reason:
   * a request that cannot be recorded is never allowed.
   */
  private async recordWhenWritable(
    base: NewRequest,
    ruled: PolicyVerdict | null,
    hold: HoldOptions,
    first: StoreUnavailableError,
  ): Promise<Verdict> {
    const { signal } = hold;
    const deadline = performance.now() + STORE_WAIT_MS;
    let problem = first;
    while (problem.kind === 'locked' && !signal?.aborted) {
      const left = deadline - performance.now();
      if (left <= 0 || !(await this.requests.whenWritable(left)) || signal?.aborted) break;
      try {
        return await this.record(base, ruled, hold);
      } catch (err) {
        if (!(err instanceof StoreUnavailableError)) throw err;
        problem = err;
      }
    }
    // Said once per trouble, not once per blocked command.
    if (problem.message !== this.lastStoreProblem) this.onError(problem.message);
    this.lastStoreProblem = problem.message;
    this.onStoreTrouble(problem.message);
    return {
      requestId: base.id,
      decision: 'deny',
      reason: signal?.aborted ? REASONS.agentGone : problem.message,
      decidedBy: 'policy',
    };
  }

  /** Stores the request: decided at once by the policy's verdict, or held. Throws StoreUnavailableError. */
  private record(base: NewRequest, ruled: PolicyVerdict | null, hold: HoldOptions): Promise<Verdict> {
    const { id, createdAt } = base;
    const { signal } = hold;
    if (ruled) {
      const decidedBy = ruled.decidedBy ?? 'policy';
      const request = this.requests.insertDecided(base, {
        decision: ruled.decision,
        reason: ruled.reason,
        decidedBy,
        ruleIds: ruled.ruleIds,
        decidedAt: createdAt,
      });
      this.events?.publish({ type: 'request.decided', request });
      const verdict: Verdict = { requestId: id, decision: ruled.decision, reason: ruled.reason, decidedBy };
      // The allow is recorded; the agent hears it once the project is snapshotted.
      if (ruled.decision === 'allow' && this.snapshots) return this.snapshots.before(base).then(() => verdict);
      return Promise.resolve(verdict);
    }
    const timeoutMs = this.holdTimeoutMs;
    const stored = this.requests.insert({ ...base, expiresAt: createdAt + timeoutMs });
    // Taken while the person reads the card, so an approval waits little or not at all.
    void this.snapshots?.before(base);
    if (this.branchOf) this.branches.set(id, this.branchOf(base.cwd));
    const request = this.served(stored);
    return new Promise<Verdict>((resolve) => {
      const timer = setTimeout(() => this.settleQuietly(id, 'deny', REASONS.timeout(timeoutMs), 'timeout'), timeoutMs);
      const onAbort = () => this.settleQuietly(id, 'deny', REASONS.agentGone, 'agent-gone', 'abandoned');
      signal?.addEventListener('abort', onAbort, { once: true });
      this.held.set(id, {
        sessionId: base.sessionId,
        typed: hold.typed,
        resolve,
        timer,
        detachAbort: () => signal?.removeEventListener('abort', onAbort),
      });
      this.events?.publish({ type: 'request.held', request });
      if (signal?.aborted) onAbort();
      else this.tellHeld(hold.onHeld, request);
    });
  }

  /** A listener that fails (a closed connection) must not undo the hold. */
  private tellHeld(onHeld: OnHeld | undefined, request: GateRequest): void {
    try {
      onHeld?.(request);
    } catch (err) {
      this.onError(err);
    }
  }

  /**
   * A person's decision. Throws `not_found` or `already_decided`. `updatedCommand`: an allow of the command's safer
   * form that runs another command (safer/service.ts worked it out), recorded with the decision and handed to the agent.
   */
  decide(
    id: string,
    decision: Decision,
    reason: string | undefined,
    decidedBy: DecidedBy,
    updatedCommand?: string,
  ): GateRequest {
    const text = reason?.trim() || (decision === 'allow' ? REASONS.humanAllow : REASONS.humanDeny);
    const decided = this.settle(id, decision, text, decidedBy, undefined, undefined, updatedCommand);
    if (decided) return decided;
    const existing = this.requests.get(id);
    if (!existing) throw new ApiError('not_found', `no request with id ${id}`);
    throw new ApiError('already_decided', `request ${id} is already ${existing.status}`);
  }

  /**
   * Asks the policy again about every held request (rules changed, trust mode started) and settles the
   * ones it now decides. Each decision is committed before its agent is answered, as always.
   */
  reconsider(): GateRequest[] {
    const decided: GateRequest[] = [];
    for (const [id, held] of [...this.held]) {
      const r = this.requests.get(id);
      if (!r || r.status !== 'pending' || !r.risk) continue;
      const ruled = this.judge({
        sessionId: r.sessionId,
        agent: r.agent,
        kind: r.kind,
        tool: r.tool,
        command: r.command,
        cwd: r.cwd,
        payload: null,
        risk: r.risk,
        typed: held.typed,
      });
      if (!ruled) continue;
      try {
        const request = this.settle(
          id,
          ruled.decision,
          ruled.reason,
          ruled.decidedBy ?? 'policy',
          undefined,
          ruled.ruleIds,
        );
        if (request) decided.push(request);
      } catch (err) {
        this.onError(err);
      }
    }
    return decided;
  }

  pending(): GateRequest[] {
    return this.requests.listByStatus('pending').map((r) => this.served(r));
  }

  get(id: string): GateRequest {
    const r = this.requests.get(id);
    if (!r) throw new ApiError('not_found', `no request with id ${id}`);
    return this.served(r);
  }

  /** A request as clients see it: with its branch, and while it is held, its safer form. */
  private served(r: GateRequest): GateRequest {
    const withBranch = this.withBranch(r);
    if (r.status !== 'pending' || !this.saferOf) return withBranch;
    return { ...withBranch, safer: this.saferOf(r) };
  }

  /** A request as clients see it: with its branch while this core knows it. */
  private withBranch(r: GateRequest): GateRequest {
    return this.branches.has(r.id) ? { ...r, branch: this.branches.get(r.id) ?? null } : r;
  }

  /** Denies everything still held (the agents are told why) and refuses new requests. */
  close(): void {
    this.closed = true;
    for (const id of [...this.held.keys()]) this.settleQuietly(id, 'deny', REASONS.shutdown, 'shutdown');
  }

  /**
   * Commits the decision, then answers the waiting agent. Returns null if it was not pending.
   * If the store cannot record it, the agent is denied: an unrecorded allow would break the audit trail.
   */
  private settle(
    id: string,
    decision: Decision,
    reason: string,
    decidedBy: DecidedBy,
    status?: 'abandoned',
    ruleIds?: string[],
    updatedCommand?: string,
  ): GateRequest | null {
    let request: GateRequest | null = null;
    let storeError: unknown = null;
    const updated = decision === 'allow' && updatedCommand !== undefined ? { updatedCommand } : {};
    try {
      request = this.requests.decide(id, {
        decision,
        reason,
        decidedBy,
        decidedAt: this.now(),
        status,
        ruleIds,
        ...updated,
      });
    } catch (err) {
      storeError = err;
    }
    const waiter = this.held.get(id);
    if (waiter) {
      this.held.delete(id);
      clearTimeout(waiter.timer);
      waiter.detachAbort();
      const verdict: Verdict = request
        ? { requestId: id, decision, reason, decidedBy, ...updated }
        : {
            requestId: id,
            decision: 'deny',
            reason: storeError instanceof StoreUnavailableError ? storeError.message : REASONS.storeFailed,
            decidedBy,
          };
      // An allow reaches the agent once the snapshot started when it was held is taken.
      if (verdict.decision === 'allow' && request && this.snapshots)
        void this.snapshots.before(request).then(() => waiter.resolve(verdict));
      else waiter.resolve(verdict);
    }
    if (this.snapshots && (!request || decision !== 'allow')) this.snapshots.discard(id);
    const announced = request ? this.withBranch(request) : null;
    this.branches.delete(id);
    if (storeError) {
      const why = storeError instanceof StoreUnavailableError ? storeError.message : String(storeError);
      if (storeError instanceof StoreUnavailableError) this.onStoreTrouble(storeError.message);
      throw new ApiError('internal', `could not record the decision for ${id}, so the agent was denied: ${why}`);
    }
    if (announced) this.events?.publish({ type: 'request.decided', request: announced });
    return announced;
  }

  /** A policy that throws holds the request for a person: a bug in a rule must never let a command through. */
  private judge(request: ScoredSubmission): PolicyVerdict | null {
    try {
      return this.policy(request);
    } catch (err) {
      this.onError(err);
      return null;
    }
  }

  /** Never throws: a command Gatehouse cannot score is held as a critical one, and says why. */
  scoreCommand(command: string, cwd: string): RiskAssessment {
    if (!this.assess) return unscored('the risk engine is not running');
    try {
      return this.assess(command, cwd);
    } catch (err) {
      this.onError(err);
      return unscored(`the risk engine failed on it (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  /** For timers and aborts: the agent has been answered (denied) even if the store failed; report, do not throw. */
  private settleQuietly(
    id: string,
    decision: Decision,
    reason: string,
    decidedBy: DecidedBy,
    status?: 'abandoned',
  ): void {
    try {
      this.settle(id, decision, reason, decidedBy, status);
    } catch (err) {
      this.onError(err);
    }
  }
}

function unscored(why: string): RiskAssessment {
  return {
    score: 100,
    level: 'critical',
    categories: ['unparsed'],
    reasons: [`Gatehouse could not score this command: ${why}. Read it yourself.`],
    segments: [],
  };
}
