// The control API contract: one place for every call and its input schema.
// Carriers (a Unix socket for the CLI, a WebSocket for the browser UI, MessagePorts in the desktop app) only move
// these calls: every carrier serves the same handlers.
import { z } from 'zod';
import type { AuditEntry, AuditVerification, ListAuditInput } from './audit.ts';
import {
  AgentSchema,
  DecisionChannelSchema,
  DecisionSchema,
  RequestStatusSchema,
  type CoreEvent,
  type GateRequest,
  type Session,
} from './domain.ts';
import {
  RuleSpecSchema,
  type AddRuleInput,
  type BacktestInput,
  type BacktestResult,
  type ExplainInput,
  type Explanation,
  type ExportResult,
  type ExportRulesInput,
  type ImportResult,
  type ImportRulesInput,
  type ListRulesInput,
  type Rule,
  type StartTrustInput,
  type Suggestion,
  type TrustStatus,
  type UpdateRuleInput,
} from './rules.ts';
import type { Settings } from './settings.ts';

/** A decision's reason is read by the agent; a page of text is plenty and keeps the store small. */
export const MAX_REASON_LENGTH = 2000;

export const DecideInputSchema = z.object({
  id: z.string().min(1).max(64),
  decision: DecisionSchema,
  reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
  via: DecisionChannelSchema.default('cli'),
  /** On allow: also add this rule, or (`true`) the rules Gatehouse suggests for the request. */
  remember: z.union([z.literal(true), RuleSpecSchema]).optional(),
});
export type DecideInput = z.input<typeof DecideInputSchema>;

/** A decided request, plus the rules remembered with the decision. */
export type DecideResult = GateRequest & { remembered?: Rule[]; rememberNotes?: string[] };

export const StartSessionInputSchema = z.object({
  agent: AgentSchema,
  argv: z.array(z.string()).min(1).max(1000),
  cwd: z.string().min(1).max(4096),
  pid: z.number().int().positive().nullable(),
});
export type StartSessionInput = z.input<typeof StartSessionInputSchema>;

export const EndSessionInputSchema = z.object({
  sessionId: z.string().min(1).max(64),
  exitCode: z.number().int().nullable(),
});
export type EndSessionInput = z.input<typeof EndSessionInputSchema>;

export interface StartedSession {
  session: Session;
  /** The per-session secret the agent's hooks present to the gate. */
  token: string;
  gateSocket: string;
  holdTimeoutMs: number;
}

export interface CoreStatus {
  version: string;
  pid: number;
  home: string;
  gateSocket: string;
  controlSocket: string;
  startedAt: string;
  pending: number;
  holdTimeoutMs: number;
  trust: TrustStatus;
}

/** A page of decided requests is a screenful or two; an export walks the pages. */
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

/** Who decided, in the groups a reviewer filters by. `system`: shutdown, agent gone, core restart. */
/** `rule`: a Gatehouse rule; `policy`: trust mode, auto-allow of low risk, or a policy the core was built with. */
export const DeciderGroupSchema = z.enum(['human', 'rule', 'timeout', 'policy', 'system']);
export type DeciderGroup = z.infer<typeof DeciderGroupSchema>;

export const HistoryQuerySchema = z.object({
  status: RequestStatusSchema.exclude(['pending']).optional(),
  decidedBy: DeciderGroupSchema.optional(),
  agent: AgentSchema.optional(),
  sessionId: z.string().min(1).max(64).optional(),
  /** Part of the command, case-insensitive. */
  search: z.string().trim().max(500).optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(MAX_HISTORY_PAGE).default(DEFAULT_HISTORY_PAGE),
});
export type HistoryQuery = z.input<typeof HistoryQuerySchema>;

/** Decided requests, newest decision first. */
export interface HistoryPage {
  items: GateRequest[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** What the core answers. Inputs are `unknown` on purpose: every handler validates with the schemas above. */
export interface ControlApi {
  status(): CoreStatus;
  listPending(): GateRequest[];
  getRequest(id: string): GateRequest;
  decide(input: DecideInput): DecideResult;
  listSessions(): Session[];
  listHistory(query: HistoryQuery): HistoryPage;
  getSettings(): Settings;
  /** Validates the patch with the settings schema, writes `settings.json` atomically, emits `settings.changed`. */
  updateSettings(patch: unknown): Settings;
  startSession(input: StartSessionInput): StartedSession;
  endSession(input: EndSessionInput): Session;
  subscribe(): boolean;
  listRules(input?: ListRulesInput): Rule[];
  addRule(input: AddRuleInput): Rule;
  updateRule(input: UpdateRuleInput): Rule;
  removeRule(id: string): Rule;
  /** How the core would decide a command here and now, and why (`gatehouse rules test`). */
  explain(input: ExplainInput): Explanation;
  backtestRule(input: BacktestInput): BacktestResult;
  /** The rules Gatehouse would remember if this request were approved. */
  suggestRules(requestId: string): Suggestion;
  importRules(input: ImportRulesInput): ImportResult;
  exportRules(input: ExportRulesInput): ExportResult;
  startTrust(input: StartTrustInput): TrustStatus;
  stopTrust(): TrustStatus;
  listAudit(input?: ListAuditInput): AuditEntry[];
  verifyAudit(): AuditVerification;
}

/** What a control client answers (the core calls it to push events). */
export interface ControlClientApi {
  onEvent(event: CoreEvent): void;
}

/** Errors cross the carrier as values with a stable code, never as stack traces. */
export const ApiErrorCodeSchema = z.enum([
  'not_found',
  'already_decided',
  'invalid_input',
  'unauthorized',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

/** The one error type that crosses a carrier: a stable code plus a sentence for a person. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}
