// The hosted terminals: the core asks it to start a shell, Claude Code or Codex in a directory, each in its own
// pty, wired to the gate exactly as `gatehouse run` wires them, and recorded. Viewers attach through the control API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ApiError,
  type KillSignal,
  type StartTerminalInput,
  type TerminalKillResult,
  type TerminalSize,
} from '../../../shared/api.ts';
import type {
  CoreEvent,
  ShellCommandRecord,
  ShellKind,
  TerminalInfo,
  TerminalSnapshot,
  TypingTrust,
} from '../../../shared/domain.ts';
import type { Publisher, Subscribable } from '../events/bus.ts';
import { GATE_PATHS } from '../gate/server.ts';
import { blockingHookCommand, hookTimeouts, streamingHookCommand } from '../agents/hook-command.ts';
import { WiringError } from '../agents/plugin.ts';
import { gateProtection, launchCanary, runCanary } from '../agents/canary.ts';
import { describeHostedShell, describeProtections } from '../agents/protections.ts';
import { agentPlugin } from '../agents/registry.ts';
import { chooseTransport, sessionEnv, wireAgent, type LaunchContext } from '../agents/wire.ts';
import { findExecutable } from '../agents/which.ts';
import type { SessionService } from '../sessions/session-service.ts';
import { ShellKitError, writeShellKit } from '../sandbox/index.ts';
import { spawnPty } from './pty-process.ts';
import {
  assertShellIntegrationPresent,
  chooseShell,
  interactiveShell,
  SHELL_ENV,
  ShellNotFoundError,
  withoutShellGating,
} from './shell-launch.ts';
import { TerminalSession, type TerminalListener } from './terminal-session.ts';
import { TypedLines } from './typed-lines.ts';

/** Why a hosted agent runs without the sandbox, for its protections. */
const HOSTED_UNSANDBOXED =
  'terminals hosted by Gatehouse are not sandboxed: start the agent with `gatehouse run` in a terminal for the sandbox';

/** Ended sessions stay listed (and their last screen viewable) until this many newer ones have ended. */
export const MAX_ENDED_TERMINALS_KEPT = 20;
/** How long a hosted program may take to exit after SIGHUP when the core stops, before it is killed. */
const CLOSE_KILL_GRACE_MS = 3000;
/** Allowed lines waiting for their command to start; a shell that never marks one must not grow the queue forever. */
const MAX_QUEUED_LINES = 100;

export interface PtyHostDeps {
  sessions: SessionService;
  /**
   * Heard for the hosted shells' lines that were allowed (their command marks then carry the request's id); told when
   * a shell's typing trust changes.
   */
  events: Subscribable & Publisher;
  /** The environment hosted programs start from (the core's own, normally). */
  env: NodeJS.ProcessEnv;
  hookClientPath: string;
  /** Hook settings written for a session, as written: watched for tampering while it runs. */
  protectHookFiles?: (sessionId: string, files: Array<{ path: string; content: string }>) => void;
  /** A hosted shell's command ended (its OSC 133 D mark), with the end of its output: an allowed line's outcome. */
  commandEnded?: (c: ShellCommandRecord, output: string) => void;
  onError: (err: unknown) => void;
}

type ResolvedStart = Omit<StartTerminalInput, 'size'> & { size: TerminalSize };

interface Launch {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  shell: ShellKind | null;
}

export class PtyHost {
  private readonly deps: PtyHostDeps;
  private readonly terminals = new Map<string, TerminalSession>();
  private readonly ended: string[] = [];
  /** Per session: the allowed gated lines whose commands have not started yet, oldest first. */
  private readonly allowedLines = new Map<string, Array<{ command: string; requestId: string }>>();
  private readonly typed = new TypedLines();
  private readonly stopWatching: () => void;

  constructor(deps: PtyHostDeps) {
    this.deps = deps;
    this.stopWatching = deps.events.subscribe((e) => this.noteAllowedLine(e));
  }

  list(): TerminalInfo[] {
    return [...this.terminals.values()].map((t) => t.info());
  }

  /** Whether the session is a hosted shell, whose marks will say what each allowed line did. */
  hostsShell(sessionId: string): boolean {
    return Boolean(this.terminals.get(sessionId)?.info().shell);
  }

  async start(input: ResolvedStart): Promise<TerminalInfo> {
    if (!fs.existsSync(input.cwd) || !fs.statSync(input.cwd).isDirectory())
      throw new ApiError('invalid_input', `cwd: ${input.cwd} is not a directory`);
    const program = agentPlugin(input.agent).program;
    // No argv and no program of the agent's own (the shell plug-in): the login shell, every line gated.
    const shell = !input.argv && !program ? this.pickShell(input.shell) : null;
    const argv = input.argv ?? [shell?.file ?? program?.name ?? 'bash'];
    const started = this.deps.sessions.start(
      { agent: input.agent, argv, cwd: input.cwd, pid: process.pid },
      input.size,
    );
    const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pty-'));
    const ctx: LaunchContext = { env: this.deps.env, cwd: input.cwd, hookClientPath: this.deps.hookClientPath };
    let session: TerminalSession;
    try {
      const launch = await this.launch(input, argv, shell, started, tmpDir, ctx);
      const pty = spawnPty({ file: launch.file, args: launch.args, cwd: input.cwd, env: launch.env, ...input.size });
      // The hosted program is the session's process: anything it starts is inside the session (no decisions from there).
      this.deps.sessions.setRootProcesses(started.session.id, [pty.pid]);
      session = new TerminalSession({
        sessionId: started.session.id,
        agent: input.agent,
        argv,
        cwd: input.cwd,
        shell: launch.shell,
        ...input.size,
        startedAtMs: Date.parse(started.session.startedAt),
        pty,
        recorder: this.deps.sessions.recorder(started.session.id),
        takeCommand: () => this.allowedLines.get(started.session.id)?.shift() ?? null,
        commandEnded: this.deps.commandEnded,
        typingTrust: () => this.typed.trust(started.session.id),
        onExit: (code) => this.onEnded(started.session.id, code, tmpDir),
        onError: this.deps.onError,
        exitNote: agentPlugin(input.agent).exitNote,
      });
    } catch (err) {
      fs.rmSync(tmpDir, { recursive: true, force: true });
      this.deps.sessions.end(started.session.id, null).catch(this.deps.onError);
      if (err instanceof WiringError || err instanceof ShellNotFoundError || err instanceof ShellKitError)
        throw new ApiError('invalid_input', err.message);
      throw new ApiError('internal', `could not start ${argv[0]}: ${(err as Error).message}`);
    }
    this.terminals.set(session.sessionId, session);
    return session.info();
  }

  write(sessionId: string, data: string): void {
    this.get(sessionId).write(data);
  }

  resize(sessionId: string, cols: number, rows: number): TerminalInfo {
    const t = this.get(sessionId);
    t.resize(cols, rows);
    return t.info();
  }

  /** `signal` alone, or SIGHUP, SIGTERM and SIGKILL in turn until the program ends; says how it went. */
  kill(sessionId: string, signal?: KillSignal): Promise<TerminalKillResult> {
    return this.get(sessionId).end(signal);
  }

  /** Whether `key` proves a line was typed at the prompt of the hosted shell `sessionId` (pty/typed-lines.ts). */
  typedLine(sessionId: string, key: string): boolean {
    return this.typed.matches(sessionId, key);
  }

  /** Null for a session that is not a running hosted shell. */
  typingTrust(sessionId: string): TypingTrust | null {
    return this.typed.trust(sessionId);
  }

  setTypingTrust(sessionId: string, typingTrust: TypingTrust): TerminalInfo {
    const t = this.get(sessionId);
    if (!this.typed.setTrust(sessionId, typingTrust))
      throw new ApiError('invalid_input', `session ${sessionId} is not a running hosted shell: it has no typed lines`);
    this.deps.events.publish({ type: 'terminal.typing', sessionId, typingTrust });
    return t.info();
  }

  snapshot(sessionId: string): Promise<TerminalSnapshot> {
    return this.get(sessionId).snapshot();
  }

  attach(sessionId: string, viewerId: string, listener: TerminalListener): Promise<TerminalSnapshot> {
    return this.get(sessionId).attach(viewerId, listener);
  }

  detach(sessionId: string, viewerId: string): void {
    this.terminals.get(sessionId)?.detach(viewerId);
  }

  ack(sessionId: string, viewerId: string, chars: number): void {
    this.get(sessionId).ack(viewerId, chars);
  }

  /** Resolves with the exit code once the session's program has exited. */
  exited(sessionId: string): Promise<number> {
    return this.get(sessionId).exited;
  }

  /** Ends every hosted program (SIGHUP, as a closing terminal does; SIGKILL if it lingers) and waits for them. */
  async close(): Promise<void> {
    this.stopWatching();
    const running = [...this.terminals.values()].filter((t) => t.running);
    for (const t of running) t.kill('SIGHUP');
    const lingering = setTimeout(() => running.forEach((t) => t.kill('SIGKILL')), CLOSE_KILL_GRACE_MS);
    await Promise.all(running.map((t) => t.exited));
    clearTimeout(lingering);
    for (const t of this.terminals.values()) t.dispose();
    this.terminals.clear();
  }

  private get(sessionId: string): TerminalSession {
    const t = this.terminals.get(sessionId);
    if (!t) throw new ApiError('not_found', `no hosted terminal with session id ${sessionId}`);
    return t;
  }

  private pickShell(requested: string | undefined): { file: string; kind: ShellKind } {
    try {
      assertShellIntegrationPresent();
      return chooseShell(requested, this.deps.env);
    } catch (err) {
      if (err instanceof ShellNotFoundError) throw new ApiError('invalid_input', err.message);
      throw err;
    }
  }

  private async launch(
    input: ResolvedStart,
    argv: string[],
    shell: { file: string; kind: ShellKind } | null,
    started: Parameters<typeof sessionEnv>[0],
    tmpDir: string,
    ctx: LaunchContext,
  ): Promise<Launch> {
    const base = { ...withoutShellGating(this.deps.env), ...sessionEnv(started) };
    const transport = chooseTransport(ctx);
    const maxTimeS = hookTimeouts(started.holdTimeoutMs).clientMaxTimeS;
    const hook = blockingHookCommand(transport, GATE_PATHS.check, maxTimeS);
    if (shell) {
      // The line gate prints the gate's notices as they come (a held line says so in the terminal at once).
      const s = interactiveShell(shell, streamingHookCommand(transport, GATE_PATHS.check, maxTimeS), this.deps.env);
      const keyFile = this.typed.issue(started.session.id, tmpDir);
      this.deps.sessions.reportProtections(
        started.session.id,
        describeHostedShell({
          agent: input.agent,
          transport,
          hooksFailClosed: false,
          sandbox: { kind: null, status: HOSTED_UNSANDBOXED },
          hookFilesWatched: null,
          platform: process.platform,
        }),
      );
      return {
        file: s.file,
        args: s.args,
        env: { ...base, ...s.env, [SHELL_ENV.typedKeyFile]: keyFile },
        shell: s.kind,
      };
    }
    const wired = await wireAgent(input.agent, started, argv, tmpDir, transport, ctx);
    const env = { ...base, ...wired.env };
    // Before the agent starts: its own hook command, with a canary, through this core's gate (agents/canary.ts).
    const canary = launchCanary(wired, agentPlugin(input.agent).gatedBy, hook, ctx.cwd);
    const gate = gateProtection(canary && (await runCanary(canary, env, ctx.cwd)));
    const report = (hookFilesWatched: boolean | null) =>
      this.deps.sessions.reportProtections(
        started.session.id,
        describeProtections(
          {
            agent: input.agent,
            transport,
            hooksFailClosed: wired.hooksFailClosed,
            sandbox: { kind: null, status: HOSTED_UNSANDBOXED },
            hookFilesWatched,
            platform: process.platform,
          },
          gate,
        ),
      );
    const [exe, ...args] = wired.argv as [string, ...string[]];
    if (agentPlugin(input.agent).gatedBy === 'hooks') {
      const files = wired.hookFiles;
      if (files.length > 0) this.deps.protectHookFiles?.(started.session.id, files);
      report(files.length > 0 ? Boolean(this.deps.protectHookFiles) : null);
      return { file: this.executable(exe), args, env, shell: null };
    }
    // An agent without hooks: every shell it starts asks the gate (the kit's wrappers first on PATH; hosted sessions
    // are not sandboxed, see docs/sandbox.md "Sandbox").
    const file = this.executable(exe);
    report(null);
    const kit = writeShellKit({
      dir: path.join(tmpDir, 'kit'),
      session: { hook, socket: started.gateSocket, token: started.token, sessionId: started.session.id },
      env,
    });
    return { file, args, env: { ...env, ...kit.env }, shell: null };
  }

  /** A pty reports a missing program only as text on its screen; look for it first to say so clearly. */
  private executable(exe: string): string {
    const file = findExecutable(exe, this.deps.env);
    if (!file) throw new WiringError(`\`${exe}\` was not found on PATH`);
    return file;
  }

  private onEnded(sessionId: string, exitCode: number, tmpDir: string): void {
    this.allowedLines.delete(sessionId);
    this.typed.forget(sessionId);
    // Ended first (synchronously marked): the core watches the hook settings in tmpDir while the session runs.
    this.deps.sessions.end(sessionId, exitCode).catch(this.deps.onError);
    fs.rmSync(tmpDir, { recursive: true, force: true });
    this.ended.push(sessionId);
    while (this.ended.length > MAX_ENDED_TERMINALS_KEPT) {
      const old = this.ended.shift() as string;
      this.terminals.get(old)?.dispose();
      this.terminals.delete(old);
    }
  }

  /** Remembers allowed lines of hosted sessions, so the command that starts next is named in its record. */
  private noteAllowedLine(e: CoreEvent): void {
    if (e.type !== 'request.decided' || e.request.status !== 'allowed') return;
    if (!this.terminals.get(e.request.sessionId)?.info().shell) return;
    const queue = this.allowedLines.get(e.request.sessionId) ?? [];
    queue.push({ command: e.request.command, requestId: e.request.id });
    if (queue.length > MAX_QUEUED_LINES) queue.shift();
    this.allowedLines.set(e.request.sessionId, queue);
  }
}
