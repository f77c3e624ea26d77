// Domain types shared by the core, the CLI, the desktop shell and the renderer.
// Pure TypeScript: no Node, no DOM.
import { z } from 'zod';
import type { Settings } from './settings.ts';
import type { TamperReport, TamperStatus } from './tamper.ts';
import type { SnapshotRecord } from './undo.ts';

/**
 * The agents Gatehouse knows how to wire. `generic` is any client of the plain `{command, cwd}` check. `shell` is
 * a hosted shell (every line gated before the shell accepts it) or an agent without hooks whose `bash -c` /
 * `zsh -c` strings are gated (`gatehouse run --agent shell`).
 */
export const AgentSchema = z.enum([
  'claude',
  'codex',
  'gemini',
  'copilot',
  'generic',
  'shell',
  'opencode',
  'amp',
  'cursor',
]);
export type Agent = z.infer<typeof AgentSchema>;
/** The agents the core has a plug-in for: all but `generic`. `electron/core/agents/registry.ts` is held equal to it. */
export type PluginAgent = Exclude<Agent, 'generic'>;

/** The kind of interception a request came from. */
export const RequestKindSchema = z.enum(['pre-tool-use', 'permission-request', 'check']);
export type RequestKind = z.infer<typeof RequestKindSchema>;

export const DecisionSchema = z.enum(['allow', 'deny']);
export type Decision = z.infer<typeof DecisionSchema>;

/**
 * `pending`: held, waiting for a decision. `allowed`/`denied`: decided.
 * `abandoned`: the agent stopped waiting (it exited, or the core restarted) before a decision; nothing ran.
 */
export const RequestStatusSchema = z.enum(['pending', 'allowed', 'denied', 'abandoned']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** Where a human decision came from. */
export const DecisionChannelSchema = z.enum(['cli', 'window', 'notification', 'tray']);
export type DecisionChannel = z.infer<typeof DecisionChannelSchema>;

/**
 * Who or what made a decision: `human:<channel>`, `rule:<id>` (the rule that decided; see
 * `DecisionRecord.ruleIds` when several rules together allowed a compound command), `trust-mode`,
 * `auto-allow` (the low-risk setting), `typed` (a line the person typed at a hosted shell's prompt, run as that shell's
 * `TypingTrust` says), `timeout`, `shutdown`, `agent-gone`, `core-restart`, or `policy` (a decision function the core
 * was built with, in tests and benchmarks).
 */
export type DecidedBy =
  | `human:${DecisionChannel}`
  | `rule:${string}`
  | 'trust-mode'
  | 'auto-allow'
  | 'typed'
  | 'timeout'
  | 'shutdown'
  | 'agent-gone'
  | 'core-restart'
  | 'policy';

export const RiskLevelSchema = z.enum(['low', 'medium', 'high', 'critical']);
export type RiskLevel = z.infer<typeof RiskLevelSchema>;

/** How risky a command is: 0–100, its level, what kind of risk, and why in words a person can act on. */
export interface RiskAssessment {
  score: number;
  level: RiskLevel;
  categories: string[];
  reasons: string[];
  /** Each simple command the shell would run, judged alone; the whole is as risky as the worst. */
  segments?: RiskSegment[];
}

export interface RiskSegment {
  /** The segment as written (for a wrapped one, the inner command). */
  text: string;
  /** The words the program receives, quotes removed, program first; leading assignments are not in it. */
  argv: string[];
  /** Synthesised from a language call (`shutil.rmtree(p)` reads as `rm -rf p`) rather than written as a command. */
  synthetic: boolean;
  /** Wrappers peeled to reach it (`sudo`, `bash -c`, `ssh prod`). */
  via: string[];
  score: number;
  level: RiskLevel;
  categories: string[];
  reasons: string[];
  /** Variables the command sets for this program (`CURL_HOME=. curl …`), by name; absent when none. */
  env?: string[];
  /**
   * Where it stands in the command (UTF-16 offsets, `end` exclusive): the card marks exactly there. A segment read out
   * of a string (`bash -c '…'`) has the place of the command that runs it. Absent for requests scored before spans
   * existed and for parts the engine built rather than read.
   */
  span?: { start: number; end: number };
}

export interface GateRequest {
  id: string;
  sessionId: string;
  agent: Agent;
  kind: RequestKind;
  /** The tool the agent wanted to use (`Bash`, `exec_command`, …), when the agent said. */
  tool: string | null;
  command: string;
  cwd: string;
  /**
   * The git branch checked out in `cwd` when the request was held (`HEAD@<sha>` when detached), null outside a
   * repository. Known while the core that held it runs; absent from the history.
   */
  branch?: string | null;
  /** `null` only for requests recorded before the risk engine existed. */
  risk: RiskAssessment | null;
  status: RequestStatus;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601; when a pending request will be denied for lack of a decision. */
  expiresAt: string | null;
  decision: DecisionRecord | null;
  /**
   * The command's safer form, when it has one and this request's agent can take it (`gatehouse decide <id> allow
   * --safer`, the card's "Run it safer"); absent or null otherwise. Worked out by the core while the request is held.
   */
  safer?: SaferOffer | null;
  /** What happened after an allow, once reported or inferred; absent or null until then (and for what is not allowed). */
  outcome?: RequestOutcome | null;
}

/**
 * What happened after an allow. `ran`: it ran, and ended well or did not say how (Codex reports no exit status);
 * `failed`: it ran and failed (a non-zero exit, an error, an interruption); `not-run`: the agent never ran it (it
 * refused it itself, or its turn or the session ended first, or nothing was reported within `OUTCOME_WAIT_MS`).
 */
export const OutcomeStateSchema = z.enum(['ran', 'failed', 'not-run']);
export type OutcomeState = z.infer<typeof OutcomeStateSchema>;

/**
 * Who said so: the agent's own post-tool hook (`agent`), the hosted shell's OSC 133 marks (`shell`), or Gatehouse
 * inferring that it never ran: the agent's turn ended (`turn-ended`), the session ended (`session-ended`), or nothing
 * came in time (`no-report`).
 */
export type OutcomeSource = 'agent' | 'shell' | 'turn-ended' | 'session-ended' | 'no-report';

export interface RequestOutcome {
  state: OutcomeState;
  /** As the agent or the shell reported it; null when it was not said. */
  exitCode: number | null;
  /** From the start to the end of the run as reported, or from the allow to the report when the agent gives none. */
  durationMs: number | null;
  /** The end of its output or the agent's error, secrets redacted, at most `OUTCOME_SUMMARY_CHARS`; null if none. */
  summary: string | null;
  source: OutcomeSource;
  /** ISO 8601: when it was recorded. */
  at: string;
}

/**
 * How a held command can run safer: `trash` (an `rm` of project files moved into Gatehouse's trash instead),
 * `force-with-lease` (a force push that fails if someone else pushed), `snapshot` (`git reset --hard` or `git clean
 * -f` as written, once a snapshot is sure to exist), `transaction-preview` (a SQL write run in a transaction that is
 * rolled back, printing how many rows it would change).
 */
export type SaferKind = 'trash' | 'force-with-lease' | 'snapshot' | 'transaction-preview';

/** The exact command that runs when a person chooses it, and what it does differently, in a sentence or two. */
export interface SaferOffer {
  kind: SaferKind;
  command: string;
  explanation: string;
}

export interface DecisionRecord {
  decision: Decision;
  reason: string | null;
  decidedBy: DecidedBy;
  /** Every rule that made the decision (one per segment for a compound command allowed by rules). */
  ruleIds: string[];
  /** What ran instead of the command as asked, when the person chose its safer form; absent or null otherwise. */
  updatedCommand?: string | null;
  /** ISO 8601. */
  decidedAt: string;
}

export interface Session {
  id: string;
  agent: Agent;
  /** The agent's argv as the user typed it (without what Gatehouse injected). */
  argv: string[];
  cwd: string;
  pid: number | null;
  /** ISO 8601. */
  startedAt: string;
  endedAt: string | null;
  exitCode: number | null;
  /** What guards this session, as its launcher found it (`gatehouse run`, the pty host); absent when it did not say. */
  protections?: SessionProtection[];
}

/**
 * The layers of protection a session can run with (see docs/sandbox.md, "Honest status"). `gate`: whether the hook
 * path was proven live at the start by a canary request (agents/canary.ts).
 */
export const PROTECTION_LAYERS = [
  'gate',
  'hooks',
  'hook-client',
  'file-tools',
  'shells',
  'sandbox',
  'tamper-watch',
] as const;
export type ProtectionLayer = (typeof PROTECTION_LAYERS)[number];

/** One layer, on or not, with what it does or why it is off, in words a person can act on. */
export interface SessionProtection {
  layer: ProtectionLayer;
  state: 'on' | 'partial' | 'off';
  detail: string;
}

/** Things that happen in the core, pushed to every control client that subscribed. */
export type CoreEvent =
  | { type: 'request.held'; request: GateRequest }
  | { type: 'request.decided'; request: GateRequest }
  /** What happened after an allow was recorded (`request.outcome` is set). */
  | { type: 'request.outcome'; request: GateRequest }
  /** What an allowed command changed in its project (against the snapshot before it), or that it was undone. */
  | { type: 'request.changes'; snapshot: SnapshotRecord }
  | { type: 'session.started'; session: Session }
  | { type: 'session.ended'; session: Session }
  /** The launcher said what guards the session (once, right after it started). */
  | { type: 'session.protections'; session: Session }
  /** Whether the store can record decisions: the problem in words (locked, disk full, damaged), or null once it is over. */
  | { type: 'store.health'; problem: string | null }
  | { type: 'agent.notification'; sessionId: string; event: string; message: string | null }
  | { type: 'settings.changed'; settings: Settings }
  | { type: 'rules.changed'; change: 'added' | 'edited' | 'deleted' | 'imported' | 'expired'; ruleIds: string[] }
  | { type: 'trust.started'; endsAt: string }
  | { type: 'trust.ended'; why: 'expired' | 'stopped' | 'shutdown' }
  /** The gate socket or a session's hook settings were tampered with: every request is held until acknowledged. */
  | { type: 'gate.tampered'; report: TamperReport; status: TamperStatus }
  | { type: 'gate.tamper-acknowledged'; status: TamperStatus }
  /** A hosted shell now runs the lines its person types as `typingTrust` says. */
  | { type: 'terminal.typing'; sessionId: string; typingTrust: TypingTrust };

/** Which shell a hosted session runs, when it runs one with Gatehouse's shell integration. */
export const ShellKindSchema = z.enum(['bash', 'zsh', 'fish']);
export type ShellKind = z.infer<typeof ShellKindSchema>;

/**
 * Which lines a person types at a hosted shell's prompt run without asking: `all` of them, `low` risk ones (the
 * default: medium and above are asked), or `none`. The person typing there is the reviewer. Commands a program
 * started in that shell runs are not typed lines and are decided as any agent's (docs/hosted-terminals.md, "Typed
 * lines").
 */
export const TypingTrustSchema = z.enum(['all', 'low', 'none']);
export type TypingTrust = z.infer<typeof TypingTrustSchema>;

/** A terminal session the core hosts in a pty. */
export interface TerminalInfo {
  sessionId: string;
  agent: Agent;
  /** What runs in the pty, as the user asked for it (without what Gatehouse injected). */
  argv: string[];
  cwd: string;
  /** The shell whose lines are gated, for a hosted shell; null for an agent. */
  shell: ShellKind | null;
  /** For a hosted shell, which typed lines run without asking; null for an agent. */
  typingTrust: TypingTrust | null;
  cols: number;
  rows: number;
  pid: number;
  /** ISO 8601. */
  startedAt: string;
  /** Null while it runs; 128 + n when killed by signal n. */
  exitCode: number | null;
  /**
   * True while the pty is not read because a viewer has not acknowledged enough of its output, or the recording has
   * not stored enough of it, once that has lasted a quarter of a second (shorter pauses are not reported). Attached
   * viewers hear each change as `terminal.flow`.
   */
  paused: boolean;
}

/** The screen as a late viewer must draw it: write `data` into a fresh terminal of `cols`×`rows`. */
export interface TerminalSnapshot {
  sessionId: string;
  cols: number;
  rows: number;
  data: string;
  /** The last output chunk the snapshot includes: chunks with a higher `seq` come after it. */
  seq: number;
  /** Set once the program has exited (no more chunks will come). */
  exitCode: number | null;
  /** `TerminalInfo.paused` as the snapshot was taken; `terminal.flow` events carry its changes from then on. */
  paused: boolean;
}

/** One command a hosted shell ran, from its OSC 133 marks. Times are milliseconds since the session started. */
export interface ShellCommandRecord {
  /** The gated line that started it, when the gate saw one for this session. */
  command: string | null;
  requestId: string | null;
  cwd: string | null;
  startedAtMs: number;
  endedAtMs: number;
  exitCode: number | null;
}

/** Pushed to control clients attached to a terminal session. */
export type TerminalEvent =
  /** `data`: UTF-8 text as the program wrote it. `seq` counts chunks from 1, per session. */
  | { type: 'terminal.output'; sessionId: string; data: string; seq: number }
  | { type: 'terminal.command'; sessionId: string; command: ShellCommandRecord }
  | { type: 'terminal.exit'; sessionId: string; exitCode: number }
  /**
   * The pty took this size (any viewer may have asked) after output chunk `seq`: viewers draw at the program's size,
   * from that point in the output on, so a full-screen program fills exactly the rows it was told of.
   */
  | { type: 'terminal.resize'; sessionId: string; cols: number; rows: number; seq: number }
  /** The pty has been paused for a quarter of a second (a viewer or the recording fell behind), or is read again after such a pause. */
  | { type: 'terminal.flow'; sessionId: string; paused: boolean };
