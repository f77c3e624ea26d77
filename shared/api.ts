// The control API contract: one place for every call, its input schema and its result (`CONTROL_CALLS`, below).
// Carriers (a Unix socket for the CLI, a WebSocket for the browser UI, MessagePorts in the desktop app) only move
// these calls: every carrier serves the same handlers, and the server parses each input with its schema once, where
// calls are dispatched (electron/core/control/serve.ts). The handler and client types are derived from the table.
import { z } from 'zod';
import type { AgentStatusReport } from './agent-status.ts';
import { ListAuditInputSchema, type AuditCheckpoint, type AuditEntry, type AuditVerification } from './audit.ts';
import {
  AgentSchema,
  DecisionChannelSchema,
  DecisionSchema,
  PROTECTION_LAYERS,
  RequestStatusSchema,
  TypingTrustSchema,
  type CoreEvent,
  type GateRequest,
  type Session,
  type TerminalEvent,
  type TerminalInfo,
  type TerminalSnapshot,
} from './domain.ts';
import {
  AddRuleInputSchema,
  BacktestInputSchema,
  ExplainInputSchema,
  ExportRulesInputSchema,
  ImportRulesInputSchema,
  ListRulesInputSchema,
  RuleScopeSchema,
  RuleSpecSchema,
  RuleTtlSchema,
  StartTrustInputSchema,
  UpdateRuleInputSchema,
  type AddedRule,
  type BacktestResult,
  type Explanation,
  type ExportResult,
  type ImportResult,
  type Rule,
  type Suggestion,
  type TrustStatus,
} from './rules.ts';
import { SettingsPatchSchema, type Settings } from './settings.ts';
import {
  InstallInputSchema,
  InstallStatusInputSchema,
  InstallTargetSchema,
  type AgentInstallStatus,
  type InstallPlan,
  type InstallResult,
  type UninstallResult,
} from './install.ts';
import { AcknowledgeTamperInputSchema, ProtectHookFilesInputSchema, type TamperStatus } from './tamper.ts';
import {
  PruneSnapshotsInputSchema,
  UndoInputSchema,
  type SnapshotRecord,
  type TrashEntry,
  type TrashRestored,
  type UndoPreview,
  type UndoResult,
} from './undo.ts';
import {
  DeleteSessionInputSchema,
  EventsBetweenInputSchema,
  ExportInputSchema,
  ImportInputSchema,
  RecordingClipInputSchema,
  ScreenAtInputSchema,
  SearchInputSchema,
  type DeletedSession,
  type EventPage,
  type ExportPage,
  type ImportedRecording,
  type RecordingClip,
  type RecordingInfo,
  type Screen,
  type SearchHit,
} from './recording.ts';

/** A decision's reason is read by the agent; a page of text is plenty and keeps the store small. */
export const MAX_REASON_LENGTH = 2000;

/** A rule remembered with an approval: where it applies (default: the request's project) and for how long (default: for good). */
export const RememberRuleSchema = RuleSpecSchema.extend({
  scope: RuleScopeSchema.optional(),
  ttlMs: RuleTtlSchema.optional(),
});
export type RememberRule = z.input<typeof RememberRuleSchema>;

/** One rule per segment of a compound command is the most a suggestion makes; more is a mistake. */
export const MAX_REMEMBERED_RULES = 50;

export const DecideInputSchema = z.object({
  id: z.string().min(1).max(64),
  decision: DecisionSchema,
  reason: z.string().trim().max(MAX_REASON_LENGTH).optional(),
  via: DecisionChannelSchema.default('cli'),
  /** On allow: also add this rule (or these, as the window's "Always allow…" sends them), or (`true`) the rules Gatehouse suggests. */
  remember: z
    .union([z.literal(true), RememberRuleSchema, z.array(RememberRuleSchema).min(1).max(MAX_REMEMBERED_RULES)])
    .optional(),
  /**
   * On allow: run the command's safer form (`GateRequest.safer`), which the core works out again from the stored request
   * now; refused (`conflict`) when there is none or the agent cannot take it.
   */
  safer: z.boolean().optional(),
  /**
   * With `remember`: also add the rules to the agent's own (Claude Code's `.claude/settings.local.json`), each one
   * its syntax says exactly; the session's agent writes them when it runs the command (`agents/native-rules.ts`).
   */
  agentRules: z.boolean().optional(),
});
export type DecideInput = z.input<typeof DecideInputSchema>;

/** A decided request, plus the rules remembered with the decision. */
export type DecideResult = GateRequest & { remembered?: Rule[]; rememberNotes?: string[] };

/** Terminal sizes beyond this are a mistake, not a monitor: xterm.js itself caps far lower in practice. */
export const MAX_TERMINAL_CELLS = 1000;
export const TerminalSizeSchema = z.object({
  cols: z.number().int().min(1).max(MAX_TERMINAL_CELLS),
  rows: z.number().int().min(1).max(MAX_TERMINAL_CELLS),
});
export type TerminalSize = z.infer<typeof TerminalSizeSchema>;

export const StartSessionInputSchema = z.object({
  agent: AgentSchema,
  argv: z.array(z.string()).min(1).max(1000),
  cwd: z.string().min(1).max(4096),
  pid: z.number().int().positive().nullable(),
  /** Given by a client that streams the session's terminal (`recordEvents`): the core starts its recording. */
  size: TerminalSizeSchema.optional(),
});
export type StartSessionInput = z.input<typeof StartSessionInputSchema>;

export const EndSessionInputSchema = z.object({
  sessionId: z.string().min(1).max(64),
  exitCode: z.number().int().nullable(),
});

export const ReportProtectionsInputSchema = z.object({
  sessionId: z.string().min(1).max(64),
  protections: z
    .array(
      z.object({
        layer: z.enum(PROTECTION_LAYERS),
        state: z.enum(['on', 'partial', 'off']),
        detail: z.string().min(1).max(1000),
      }),
    )
    .min(1)
    .max(PROTECTION_LAYERS.length),
});

/** One write of typed or pasted input; a paste of a few MiB is the most a person does at once. */
export const MAX_TERMINAL_INPUT_CHARS = 4 * 1024 * 1024;
const SessionId = z.string().min(1).max(64);

export const StartTerminalInputSchema = z.object({
  /** `shell` without `argv`: the login shell with every line gated. `shell` with `argv`: an agent without hooks. */
  agent: AgentSchema.exclude(['generic']),
  /** The program and its arguments; defaults to the agent's own program (`claude`, `codex`). */
  argv: z.array(z.string().min(1)).min(1).max(1000).optional(),
  cwd: z.string().min(1).max(4096),
  /** The shell to host instead of `$SHELL` (a path or a name on PATH). */
  shell: z.string().min(1).max(4096).optional(),
  size: TerminalSizeSchema.default({ cols: 80, rows: 24 }),
});
export type StartTerminalInput = z.input<typeof StartTerminalInputSchema>;

export const WriteTerminalInputSchema = z.object({
  sessionId: SessionId,
  data: z.string().max(MAX_TERMINAL_INPUT_CHARS),
});

export const ResizeTerminalInputSchema = TerminalSizeSchema.extend({ sessionId: SessionId });

export const KillSignalSchema = z.enum(['SIGHUP', 'SIGTERM', 'SIGKILL', 'SIGINT']);
export type KillSignal = z.infer<typeof KillSignalSchema>;

/**
 * Without a signal, Kill escalates as a closing terminal and then a person would: SIGHUP, SIGTERM, SIGKILL, each after
 * a short wait for the one before (an interactive bash ignores SIGTERM). With one, only that signal is sent.
 */
export const KillTerminalInputSchema = z.object({
  sessionId: SessionId,
  signal: KillSignalSchema.optional(),
});

/** How a Kill went: the signals sent in order, and the one after which the program ended (null: it did not end). */
export interface TerminalKillResult {
  sent: KillSignal[];
  endedBy: KillSignal | null;
  /** Its exit code once it ended (128 + n when the signal ended it); null while it still runs. */
  exitCode: number | null;
  pid: number;
}

export const SetTypingTrustInputSchema = z.object({ sessionId: SessionId, typingTrust: TypingTrustSchema });

/** `chars`: how much of the received `terminal.output` data (in string length) the viewer has drawn. */
export const AckTerminalInputSchema = z.object({
  sessionId: SessionId,
  chars: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** What `gatehouse run` streams: the session's terminal, batched. */
export const MAX_RECORD_EVENTS_PER_CALL = 10_000;
export const RecordEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('output'), data: z.string() }),
  z.object({ kind: z.literal('input'), data: z.string() }),
  z.object({ kind: z.literal('resize'), cols: TerminalSizeSchema.shape.cols, rows: TerminalSizeSchema.shape.rows }),
]);
export const RecordEventsInputSchema = z.object({
  sessionId: SessionId,
  /**
   * The batch's number in its stream (1, 2, …). A batch resent after a reconnect whose number the core has already
   * taken is ignored, so nothing is recorded twice.
   */
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  /** Output the client could not keep while the core was down (from `fromMs`), recorded as a gap before these events. */
  gap: z
    .object({ fromMs: z.number().int().min(0), bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) })
    .optional(),
  events: z
    .array(z.object({ atMs: z.number().int().min(0), event: RecordEventSchema }))
    .max(MAX_RECORD_EVENTS_PER_CALL),
});
export type RecordEventsInput = z.input<typeof RecordEventsInputSchema>;

/** Session tokens are random URL-safe strings (the gate accepts the same shape in its Authorization header). */
const SessionToken = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/);

/** `gatehouse run` picks its session up again on a core that restarted (or after its connection dropped). */
export const ResumeSessionInputSchema = z.object({
  sessionId: SessionId,
  /** The session's own token, as its agent's hooks present it: only the client that started the session has it. */
  token: SessionToken,
  /** The terminal's size now: the recording continues at it (absent: the session is not recorded). */
  size: TerminalSizeSchema.optional(),
});
export type ResumeSessionInput = z.input<typeof ResumeSessionInputSchema>;

export interface ResumedSession {
  session: Session;
  /**
   * `live`: this core was recording the session all along (only the connection dropped): resend the batches after
   * `lastSeq`. `restarted`: the core started again; resend the events after `recordedThroughMs`.
   */
  resumed: 'live' | 'restarted';
  /** The last batch this core took for the session (`live`), or null. */
  lastSeq: number | null;
  /** The time of the last event on disk (ms from the session's start), or null if nothing is. */
  recordedThroughMs: number | null;
  /**
   * The text stored at `recordedThroughMs` itself: a piece the client sent at that millisecond may have been stored in
   * part (the rest is sent again). Null when nothing is on disk or the core was not restarted.
   */
  recordedTail: { output: string; input: string } | null;
}

export interface StartedSession {
  session: Session;
  /** The per-session secret the agent's hooks present to the gate. */
  token: string;
  gateSocket: string;
  holdTimeoutMs: number;
}

export const BrowserUiInputSchema = z.object({ rotateToken: z.boolean().default(false) }).strict();

export interface BrowserUiStatus {
  /** The URL with its token; null when this core serves no browser UI (started without `--ui`, or the desktop app's). */
  url: string | null;
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
  tamper: TamperStatus;
  /** File descriptors in use and the limit (each held request keeps one), where the platform tells; null otherwise. */
  descriptors: DescriptorUse | null;
  /** What the store cannot do now, in words (the database locked by pid N, the disk full), or null when it records. */
  store: string | null;
}

export interface DescriptorUse {
  open: number;
  /** The soft limit on open files; null where it cannot be read (macOS). */
  limit: number | null;
}

/** How much room Gatehouse's database takes, and what upkeep last did (Settings → Storage). */
export interface StorageStatus {
  databaseFile: string;
  fileBytes: number;
  /** The write-ahead log beside it (emptied into the file at checkpoints). */
  walBytes: number;
  /** Pages inside the file that deleted data left, reused before the file grows. */
  freeBytes: number;
  /** `incremental`: free pages are handed back to the disk after large deletions; `none`: a database from an older Gatehouse, until compacted. */
  autoVacuum: 'none' | 'full' | 'incremental';
  recordingBytes: number;
  sessions: number;
  requests: number;
  auditEntries: number;
  /** Where the kept audit trail starts, when audit retention has removed older entries. */
  auditCheckpoint: AuditCheckpoint | null;
  /** The last upkeep pass (retention, audit retention, vacuum) of this core; null before the first ends. */
  lastUpkeep: {
    at: string;
    sessionsDeleted: number;
    auditPruned: number;
    bytesFreed: number;
    ms: number;
    longestSliceMs: number;
  } | null;
}

/** A page of decided requests is a screenful or two; an export walks the pages. */
export const DEFAULT_HISTORY_PAGE = 100;
export const MAX_HISTORY_PAGE = 500;

/** Who decided, in the groups a reviewer filters by. `system`: shutdown, agent gone, core restart. */
/**
 * `rule`: a Gatehouse rule; `policy`: trust mode, auto-allow of low risk, a hosted shell's typing trust, or a policy
 * the core was built with.
 */
export const DeciderGroupSchema = z.enum(['human', 'rule', 'timeout', 'policy', 'system']);
export type DeciderGroup = z.infer<typeof DeciderGroupSchema>;

/**
 * What happened after the allow, as a reviewer filters by it: `failed` is "approved but failed" (ran and failed, or
 * never ran), `not-run` only those that never ran, `ran` those that ran without a reported failure.
 */
export const OutcomeFilterSchema = z.enum(['failed', 'not-run', 'ran']);
export type OutcomeFilter = z.infer<typeof OutcomeFilterSchema>;

export const HistoryQuerySchema = z.object({
  status: RequestStatusSchema.exclude(['pending']).optional(),
  decidedBy: DeciderGroupSchema.optional(),
  outcome: OutcomeFilterSchema.optional(),
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

/**
 * One call of the contract: the schema its one input is parsed with (by the server, before the handler runs) and, as
 * a type only, what it answers (a Promise for a call that answers later).
 */
export interface ApiCall<Input extends z.ZodType = z.ZodType, Result = unknown> {
  readonly input: Input;
  /** Never set: it carries the result type to the handler and client types derived below. */
  readonly result?: Result;
}

/** Declares a call: `call(InputSchema).returns<Result>()`. */
function call<Input extends z.ZodType>(input: Input): { returns<Result>(): ApiCall<Input, Result> } {
  return { returns: () => ({ input }) };
}

/** The input of a call that takes none. JSON has no `undefined`: a client's `undefined` argument arrives as null. */
const NoInput = z.custom<undefined>((v) => v === undefined || v === null, { error: 'this call takes no input' });
/** The ids the core makes (requests, sessions, rules), when a call takes just one. */
const Id = z
  .string({ error: 'an id must be a non-empty string' })
  .min(1, { error: 'an id must be a non-empty string' })
  .max(64);

/**
 * Every call of the control API: its name, its input schema and its result. The server serves exactly these (a name
 * not here is "not found"), and parses each input here before the handler sees it; clients are typed from this too.
 */
export const CONTROL_CALLS = {
  status: call(NoInput).returns<CoreStatus>(),
  listPending: call(NoInput).returns<GateRequest[]>(),
  getRequest: call(Id).returns<GateRequest>(),
  decide: call(DecideInputSchema).returns<Promise<DecideResult>>(),
  listSessions: call(NoInput).returns<Session[]>(),
  listHistory: call(HistoryQuerySchema).returns<HistoryPage>(),
  getSettings: call(NoInput).returns<Settings>(),
  /** Validates the patch with the settings schema, writes `settings.json` atomically, emits `settings.changed`. */
  updateSettings: call(SettingsPatchSchema).returns<Settings>(),
  startSession: call(StartSessionInputSchema).returns<StartedSession>(),
  /** Resolves once the session's recording (if any) is on disk. */
  endSession: call(EndSessionInputSchema).returns<Promise<Session>>(),
  /**
   * What guards a running session, as its launcher found it: stored with the session, shown by the UI and the CLI.
   * Said once, before the agent starts (`conflict` after that).
   */
  reportProtections: call(ReportProtectionsInputSchema).returns<Session>(),
  /** Running agents: protected, gate not live, or unprotected (an agent's process no session owns; Linux scans /proc). */
  agentStatus: call(NoInput).returns<AgentStatusReport>(),
  /** Picks a session up again after a restart or a dropped connection (authenticated by the session's token). */
  resumeSession: call(ResumeSessionInputSchema).returns<ResumedSession>(),
  /** Deletes an ended session and all of it: recording, markers, requests and decisions. */
  deleteSession: call(DeleteSessionInputSchema).returns<DeletedSession>(),
  /** The database's sizes and the last upkeep. */
  storageStatus: call(NoInput).returns<StorageStatus>(),
  /**
   * Hands the free pages back to the disk now. A database from an older Gatehouse is first switched to
   * incremental vacuum: one full rewrite, during which the core answers nothing (about 7 ms per MB kept).
   */
  compactStorage: call(NoInput).returns<Promise<StorageStatus>>(),
  // Recordings (schemas in shared/recording.ts).
  /** A session's recording: its length, size and markers (the input is the session's id). */
  getRecording: call(Id).returns<RecordingInfo>(),
  /** The screen at a moment: nearest keyframe plus a short replay. */
  screenAt: call(ScreenAtInputSchema).returns<Promise<Screen>>(),
  /** Events in (fromMs, toMs], markers in place, a page at a time. */
  recordingEvents: call(EventsBetweenInputSchema).returns<EventPage>(),
  /** The moments before an interception: a screen, then the events up to it. */
  recordingClip: call(RecordingClipInputSchema).returns<Promise<RecordingClip>>(),
  searchRecordings: call(SearchInputSchema).returns<SearchHit[]>(),
  /** asciicast v2/v3, a page at a time (the first page starts with the header). */
  exportRecording: call(ExportInputSchema).returns<ExportPage>(),
  /** Imports a .cast file the core can read as a read-only session. */
  importRecording: call(ImportInputSchema).returns<Promise<ImportedRecording>>(),
  /** Appends terminal events to a session's recording (see StartSessionInput.size). */
  recordEvents: call(RecordEventsInputSchema).returns<boolean>(),
  /** Hosted terminal sessions, running or recently ended. */
  listTerminals: call(NoInput).returns<TerminalInfo[]>(),
  startTerminal: call(StartTerminalInputSchema).returns<Promise<TerminalInfo>>(),
  writeTerminal: call(WriteTerminalInputSchema).returns<boolean>(),
  resizeTerminal: call(ResizeTerminalInputSchema).returns<TerminalInfo>(),
  killTerminal: call(KillTerminalInputSchema).returns<Promise<TerminalKillResult>>(),
  /** Which lines typed at a hosted shell's prompt run without asking (guarded: it can let more through). */
  setTypingTrust: call(SetTypingTrustInputSchema).returns<TerminalInfo>(),
  terminalSnapshot: call(Id).returns<Promise<TerminalSnapshot>>(),
  // Per connection: events go to the connection that asked.
  subscribe: call(NoInput).returns<boolean>(),
  listRules: call(ListRulesInputSchema).returns<Rule[]>(),
  /** An identical rule already in force is answered (`duplicate`) instead of added again. */
  addRule: call(AddRuleInputSchema).returns<AddedRule>(),
  updateRule: call(UpdateRuleInputSchema).returns<Rule>(),
  removeRule: call(Id).returns<Rule>(),
  /** How the core would decide a command here and now, and why (`gatehouse rules test`). */
  explain: call(ExplainInputSchema).returns<Explanation>(),
  backtestRule: call(BacktestInputSchema).returns<BacktestResult>(),
  /** The rules Gatehouse would remember if this request were approved (the input is the request's id). */
  suggestRules: call(Id).returns<Suggestion>(),
  importRules: call(ImportRulesInputSchema).returns<ImportResult>(),
  exportRules: call(ExportRulesInputSchema).returns<ExportResult>(),
  startTrust: call(StartTrustInputSchema).returns<TrustStatus>(),
  stopTrust: call(NoInput).returns<TrustStatus>(),
  listAudit: call(ListAuditInputSchema).returns<AuditEntry[]>(),
  verifyAudit: call(NoInput).returns<AuditVerification>(),
  /** Hook settings written for a session (by `gatehouse run`): the core watches them until the session ends. */
  protectHookFiles: call(ProtectHookFilesInputSchema).returns<boolean>(),
  /** What was tampered with since the last acknowledgement, and whether every request is held because of it. */
  tamperStatus: call(NoInput).returns<TamperStatus>(),
  /** A person has seen the reports: rules, trust and auto-allow decide again. Returns what was acknowledged. */
  acknowledgeTamper: call(AcknowledgeTamperInputSchema).returns<TamperStatus>(),
  /** Browser mode's URL (`gatehouse ui`); `rotateToken` first replaces its token, which shuts out the old URL. */
  browserUi: call(BrowserUiInputSchema).returns<BrowserUiStatus>(),
  // `gatehouse install <agent>` (shared/install.ts): the agents' user settings wired to the gate, reversibly.
  /** Per agent with an installer: installed or not, and whether its file still holds what was written. */
  agentInstalls: call(InstallStatusInputSchema).returns<AgentInstallStatus[]>(),
  /** What installing would change, to show before asking (nothing is written). */
  planInstall: call(InstallTargetSchema).returns<InstallPlan>(),
  /** Installs what the plan showed (guarded: an agent cannot install or uninstall). */
  install: call(InstallInputSchema).returns<Promise<InstallResult>>(),
  uninstall: call(InstallTargetSchema).returns<UninstallResult>(),
  // Undo (schemas in shared/undo.ts).
  /** A request's snapshot and what its command changed; null when it has none (read-only, denied, expired). */
  getSnapshot: call(Id).returns<SnapshotRecord | null>(),
  /** What undoing a request would restore, overwrite and move to the trash, and who else changed those files. */
  previewUndo: call(Id).returns<Promise<UndoPreview>>(),
  /** Undoes a request from its snapshot (guarded); the undo is audited and has a snapshot of its own. */
  undoRequest: call(UndoInputSchema).returns<Promise<UndoResult>>(),
  listSnapshots: call(NoInput).returns<SnapshotRecord[]>(),
  /** Removes snapshots (guarded): all, those older than some days, or what retention lets go. Returns how many. */
  pruneSnapshots: call(PruneSnapshotsInputSchema).returns<Promise<number>>(),
  /** The files undos moved to Gatehouse's trash, one entry per undo. */
  listTrash: call(NoInput).returns<TrashEntry[]>(),
  /** Puts one undo's moved files back (guarded); a file standing at a place now is left and named. */
  restoreTrash: call(Id).returns<TrashRestored>(),

  /** Starts `terminal.*` events for one session on this connection; the snapshot says where they pick up. */
  attachTerminal: call(Id).returns<Promise<TerminalSnapshot>>(),
  detachTerminal: call(Id).returns<boolean>(),
  /** Flow control: output to this connection pauses while too much of it is unacknowledged. */
  ackTerminal: call(AckTerminalInputSchema).returns<boolean>(),
} satisfies Record<string, ApiCall>;

type Declared = typeof CONTROL_CALLS;
export type ApiCallName = keyof Declared;
/** What a client passes to a call: the schema's input (fields with a default may be left out). */
type CallInput<K extends ApiCallName> = z.input<Declared[K]['input']>;
/** What the call's handler receives: the input as the schema parsed it (defaults filled in, text trimmed). */
export type ParsedInput<K extends ApiCallName> = z.output<Declared[K]['input']>;
/** What a call answers; a Promise for a call that answers later. */
type CallResult<K extends ApiCallName> = Declared[K] extends ApiCall<z.ZodType, infer Result> ? Result : never;

type TakesNoInput<K extends ApiCallName> = [ParsedInput<K>] extends [undefined] ? true : false;
type HandlerArgs<K extends ApiCallName> = TakesNoInput<K> extends true ? [] : [input: ParsedInput<K>];
type ClientArgs<K extends ApiCallName> =
  TakesNoInput<K> extends true ? [] : undefined extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/** What the core answers: one handler per call, given its input already parsed (see CONTROL_CALLS). */
export type ControlApi = { [K in ApiCallName]: (...input: HandlerArgs<K>) => CallResult<K> };

/** Every call as a client makes it, over any carrier: the input as sent, the answer later. The one client type. */
export type CoreApi = { [K in ApiCallName]: (...input: ClientArgs<K>) => Promise<Awaited<CallResult<K>>> };

/** The calls a carrier implements per connection, because they concern that connection's own events. */
export type ConnectionCalls = 'subscribe' | 'attachTerminal' | 'detachTerminal' | 'ackTerminal';

/** What a control client answers (the core calls it to push events). */
export interface ControlClientApi {
  onEvent(event: CoreEvent): void;
  onTerminalEvent(event: TerminalEvent): void;
}

/** Errors cross the carrier as values with a stable code, never as stack traces. */
export const ApiErrorCodeSchema = z.enum([
  'not_found',
  'already_decided',
  'invalid_input',
  /** The thing exists but is busy (a running session cannot be deleted). */
  'conflict',
  'unauthorized',
  /** Not from here: a decision from inside an agent session. */
  'forbidden',
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
