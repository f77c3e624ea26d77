// An agent as a plug-in: everything Gatehouse knows about one agent (Claude Code, Codex, an agent without hooks) in
// one object, so the gate, `gatehouse run`, the hosted terminals, doctor, the launch checks and the protections ask
// the registry (`registry.ts`) instead of naming agents. Adding an agent is a folder under `agents/` exporting one
// `AgentPlugin`, and one line in the registry.
import type { StartedSession } from '../../../shared/api.ts';
import type { RequestKind, Session, SessionProtection } from '../../../shared/domain.ts';
import type { RuleKind } from '../../../shared/rules.ts';
import type { Verdict } from '../broker/broker.ts';
import type { AgentReport } from '../broker/outcomes.ts';
import type { FileToolCall } from '../gate/file-tools.ts';
import type { HookAnswer, Interception, OutcomeLink } from '../gate/protocols.ts';
import type { CanaryHook } from './canary.ts';
import type { GateEndpoint, HookTransport } from './hook-command.ts';
import type { LaunchFinding, LaunchSite } from './launch-checks.ts';

export interface AgentPlugin<Id extends string = string> {
  /** Its id in sessions, requests and `gatehouse run --agent`; its gate endpoints live under `/v1/gate/<id>/`. */
  readonly id: Id;
  /** Its name in a sentence: "Gatehouse refuses to start Claude Code". */
  readonly name: string;
  /** The program that starts it; null for an agent with no program of its own (the shell plug-in: any program). */
  readonly program: AgentProgram | null;
  /**
   * How its commands reach the gate: its own hooks (wired by `wire`), or, for an agent without hooks, every shell it
   * starts (the launcher puts the shell kit, or the sandbox's gated shells, in front of it).
   */
  readonly gatedBy: 'hooks' | 'shells';
  /** Its hook endpoints at the gate. A session of this agent may call these and the generic check, nothing else. */
  readonly hooks: readonly GateHook[];
  /**
   * What would switch its hooks off when `exe` starts with the user's `args` at `site`: settings files, arguments,
   * the environment. Any finding refuses the launch (`gatehouse run`, the hosted terminals), and doctor lists them.
   */
  checkLaunch(exe: string, args: readonly string[], site: LaunchSite): Promise<LaunchFinding[]>;
  /** Its argv, environment and hook settings for a launch whose checks found nothing. */
  wire(launch: Launch): Promise<WiredLaunch>;
  /** The protection layers that depend on the agent, for `gatehouse run`, the hosted terminals and the UI. */
  protections(facts: LaunchFacts): AgentProtections;
  /**
   * One line to say once the agent has exited, read off the end of what it printed (Claude Code's resume hint, made
   * to resume under Gatehouse); null for nothing. `gatehouse run` prints it; a hosted terminal shows it.
   */
  exitNote?(outputTail: string): string | null;
  /**
   * How `gatehouse install <id>` wires the agent's own user-level configuration, so every launch of the plain program
   * goes through the gate (`agents/install/`); absent for an agent that cannot be installed.
   */
  readonly installer?: AgentInstaller;
  /**
   * Whether a held call of this agent can run a rewritten command when allowed ("Run it safer", safer/): its hook's
   * allow carries the command to run instead (Claude Code's and Codex's `updatedInput`). Absent: never, and the card
   * offers only safer forms that run the command as written.
   */
  takesRewrite?(call: { kind: RequestKind; tool: string | null }): boolean;
  /**
   * How a rule the person keeps with an approval can also go into the agent's own permission rules, where they opt in
   * on the card (`agents/native-rules.ts`); absent for an agent whose hooks cannot write them.
   */
  readonly nativeRules?: AgentNativeRules;
}

/** One rule in the agent's own syntax: Claude Code's `{ toolName: 'Bash', ruleContent: 'npm test:*' }`. */
export interface NativeRule {
  tool: string;
  content: string;
  /** As the agent's settings show it: `Bash(npm test:*)`. */
  shown: string;
}

/** The agent's own rules, as far as Gatehouse writes them (never taken from an agent's payload). */
export interface AgentNativeRules {
  /** Where they are kept, for the card: a file of the project `cwd` is in. */
  where(cwd: string): string;
  /** The agent's rule that says exactly what this Gatehouse rule says and no more, or why none can. */
  translate(rule: { kind: RuleKind; pattern: string }): NativeRule | { why: string };
}

/**
 * The per-agent part of `gatehouse install`: one user-level file, and pure edits of its text. The install service
 * (`agents/install/service.ts`) does the rest for every agent alike: shows the changes, asks, backs up, writes
 * atomically, records the install in the audit trail, and restores the backup byte for byte on uninstall.
 */
export interface AgentInstaller {
  /** The user-level file the hooks go into, for the person's environment (`HOME`, `CLAUDE_CONFIG_DIR`, `CODEX_HOME`, …). */
  file(env: InstallEnv): string;
  /**
   * The file's text with Gatehouse's hooks in (`before` null: there is no file yet), everything else in it kept as it
   * was, and each change in a sentence for the person to read before it is made. Already installed: `after` equals
   * `before`'s Gatehouse entries replaced by `hooks`' (the same text when nothing changed). Throws `InstallError` for
   * a file it cannot edit safely (not valid JSON, say): it is never rewritten then.
   */
  edit(before: string | null, hooks: InstalledHooks): InstallEdit;
  /** The text with Gatehouse's entries taken out and the person's kept (for a file they changed since the install). */
  remove(text: string): InstallEdit;
  /** Whether the text holds Gatehouse's entries. */
  isInstalled(text: string): boolean;
  /**
   * A step after the file is written (Codex: its own `hooks/list` says the hooks' trust hashes, recorded in the file).
   * Returns what it did, in sentences, and the file's text to write next if it changes it (the service writes it and
   * records it as written); a failure is said in `notes`, and the file as first written stays.
   */
  afterWrite?(file: string, text: string, env: InstallEnv): Promise<{ notes: string[]; after: string | null }>;
  /**
   * A file of Gatehouse's own beside `file` that the entries name (Amp's delegate script): written (executable) with
   * the install, removed with the uninstall, and never written over a file of that name that is not Gatehouse's
   * (`isCompanion` says whose it is).
   */
  companion?(file: string, hooks: InstalledHooks): { path: string; text: string };
  isCompanion?(text: string): boolean;
  /** What its installed hook does with Gatehouse down, for doctor, where the usual sentence is not true of it. */
  coreDownSaid?(whenCoreDown: 'ask' | 'deny'): string;
}

/** The environment an install is for: the person's, as the CLI that asked saw it (never the core's by default). */
export type InstallEnv = Readonly<Record<string, string | undefined>>;

/** What the installed hooks are built from: how a hook reaches the gate with no `gatehouse run` around it. */
export interface InstalledHooks {
  /**
   * The command for one endpoint: `blocking` for a decision (the gate's answer is printed; a gate that is not running
   * gets `fallback`, a shell fragment that prints the agent's safest answer; any other failure blocks with exit 2),
   * or an observer that never blocks or fails the agent (`fallback` unused).
   */
  command(endpoint: GateEndpoint, o: { blocking: true; fallback: string } | { blocking: false }): string;
  /** How long a blocking hook may wait, in the agent's own timeout field (past the gate's hold timeout). */
  hookTimeoutS: number;
  /** What a hook says when Gatehouse is not running: the agent's own prompt where it has one, or deny. */
  whenCoreDown: 'ask' | 'deny';
  /** The file being edited (`AgentInstaller.file`), for entries that name a companion beside it; set by the service. */
  file?: string;
}

/** A file's new text and what changed, in sentences ("adds a PreToolUse hook for Bash, …"). */
export interface InstallEdit {
  after: string;
  changes: string[];
}

/** A file an installer cannot edit without losing something of the person's; the message says what to do. */
export class InstallError extends Error {
  override readonly name = 'InstallError';
}

/** An agent's own program: `gatehouse run -- <name>` is recognised as it, and doctor looks for it on PATH. */
export interface AgentProgram {
  readonly name: string;
  /** For doctor: whether a command fails closed with the installed program, and why (or what to upgrade). */
  failMode(probe: ProgramProbe): Promise<FailMode>;
}

/** The installed program, as doctor found it. */
export interface ProgramProbe {
  /** What `<program> --version` printed (trimmed), or null if it did not answer. */
  version: string | null;
  /** Runs the program with `args`: what it printed (trimmed), or null if it failed or took too long. */
  run(args: readonly string[]): Promise<string | null>;
}

export interface FailMode {
  failsClosed: boolean;
  detail: string;
}

/** One hook endpoint of an agent: the agent's payload in, a decision in the agent's own words out. */
export interface GateHook {
  /** Under `/v1/gate/<agent id>/` (the gate refuses to mount it elsewhere). */
  readonly path: GateEndpoint;
  /** Throws `HookPayloadError` (a 422: the hook blocks) for a payload it cannot read. */
  handle(call: HookCall): Promise<HookAnswer>;
}

/** What the gate gives a hook for one call: the payload, its session, and the ways to a decision. */
export interface HookCall {
  /** The parsed JSON body, not yet checked: the hook parses it with its schema (`parseHookPayload`). */
  readonly body: unknown;
  readonly session: Session;
  /** Holds a command for a decision (rules, trust, a person); the payload is stored with it. */
  decide(request: Interception): Promise<Verdict>;
  /**
   * A file tool's change, judged by where it lands: held like a command when it touches a protected place, else null
   * (the agent goes on as if Gatehouse were not there, and nothing is recorded).
   */
  decideFileChange(call: FileToolCall, cwd: string, link?: OutcomeLink): Promise<Verdict | null>;
  /** What happened after an allow, from the agent's post-tool hook: matched to its request and recorded. */
  reportOutcome(report: AgentReport): void;
  /** The agent's turn ended (its Stop hook): what the session was allowed and did not report by now never ran. */
  turnEnded(): void;
  /** Records a hook event (`Stop`, `ConfigChange`, …) in the session's history, with the payload. */
  record(event: string): void;
  /** Tells the reviewer (the UI's notifications) about a hook event. */
  notify(event: string, message: string | null): void;
  /** Rules for the agent's own settings that the person approved with a command, for this session (`native-rules.ts`). */
  readonly nativeRules: SessionNativeRules;
}

/** A session's side of `NativeRuleGrants`: what its hooks may ask. */
export interface SessionNativeRules {
  /** This session's hooks can answer the agent's permission request: the card may offer the option. */
  canWrite(): void;
  /**
   * After a verdict: whether the person asked for the agent's own rules with this allow. Then the hook lets the agent
   * go on to its permission request (where the rules are written) instead of allowing outright.
   */
  handOver(verdict: Verdict, call: { tool: string; command: string; agentSessionId: string | null }): boolean;
  /** The agent's permission request for `command`: the rules handed over for it, once, or null. */
  take(call: { tool: string; command: string; agentSessionId: string | null }): NativeRule[] | null;
}

/** A launch whose checks found nothing, to be wired. */
export interface Launch {
  started: StartedSession;
  /** The command as the user gave it, program first. */
  command: readonly [string, ...string[]];
  /** A private folder for this launch's files (hook settings), removed when the session ends. */
  tmpDir: string;
  transport: HookTransport;
  cwd: string;
  /** The environment the agent starts with: where it finds its own folders (`HOME`, `GEMINI_CLI_HOME`, …), and a variable of the person's that the wiring must keep (OpenCode's inline config). */
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** What `<program> --version` prints, or null if it does not answer (then only features every version has are used). */
  version(): Promise<string | null>;
}

export interface WiredLaunch {
  /** The command to start, Gatehouse's hooks in it. */
  argv: string[];
  /** Variables to add to the session's environment. */
  env: Record<string, string>;
  /** Hook settings files written into the launch's folder, as written: the core watches them while the session runs. */
  hookFiles: Array<{ path: string; content: string }>;
  /** Whether these hooks block a command when they crash or time out (Claude Code's `onFailure: "block"`). */
  hooksFailClosed: boolean;
  /** The blocking hook as written above and a harmless call in the agent's protocol: the launcher's canary (`agents/canary.ts`). */
  canary?: CanaryHook;
}

/** A wiring problem the user can fix (settings that switch hooks off, an unreadable `--settings`); the message names it. */
export class WiringError extends Error {
  override readonly name = 'WiringError';
}

/** What the launcher found, for the protections a session reports (`protections.ts`). */
export interface LaunchFacts<Id extends string = string> {
  agent: Id;
  transport: HookTransport;
  /** The hooks written for this launch block a command when they crash or time out (`WiredLaunch.hooksFailClosed`). */
  hooksFailClosed: boolean;
  /** The sandbox the agent runs in (`bwrap`, `sandbox-exec`), or null; `status` says why not, or what it does. */
  sandbox: { kind: string | null; status: string };
  /** The core took the hook settings Gatehouse wrote to watch them (tamper detection); null when there are none. */
  hookFilesWatched: boolean | null;
  platform: NodeJS.Platform;
}

/** The layers only the agent can speak for; `shells` only for an agent gated by its shells. */
export interface AgentProtections {
  hooks: SessionProtection;
  fileTools: SessionProtection;
  shells: SessionProtection | null;
}
