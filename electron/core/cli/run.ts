// gatehouse run [--agent claude|codex|shell] [--no-sandbox] [--quiet] -- <agent> [args…]
// Starts the agent in its own pty, passed through to this terminal unchanged, with its hooks wired to the running
// core; streams the terminal to the core's recording and records the session's end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../../shared/api.ts';
import type { SessionProtection } from '../../../shared/domain.ts';
import { gateProtection, launchCanary, runCanary } from '../agents/canary.ts';
import { describeProtections, gateNotLive, protectionLines } from '../agents/protections.ts';
import { WiringError, type WiredLaunch } from '../agents/plugin.ts';
import { AGENT_IDS, agentIdList, agentPlugin, detectAgent, isAgentId, type AgentId } from '../agents/registry.ts';
import { blockingHookCommand, hookTimeouts } from '../agents/hook-command.ts';
import { findExecutable } from '../agents/which.ts';
import { chooseTransport, sessionEnv, wireAgent } from '../agents/wire.ts';
import { GATE_PATHS } from '../gate/server.ts';
import { passthrough, terminalSize } from '../pty/passthrough.ts';
import { withoutShellGating } from '../pty/shell-launch.ts';
import { SandboxUnavailableError } from '../sandbox/index.ts';
import { CliError, type CliContext } from './context.ts';
import { containRun, resolveProgram } from './run-sandbox.ts';
import { RunSession } from './run-session.ts';

const USAGE = `usage: gatehouse run [--agent ${AGENT_IDS.join('|')}] [--no-sandbox] [--quiet] -- <agent command> [args…]`;
/** Signals a supervisor (or a terminal that is not ours) sends us, which the agent in its pty must get too. */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
/** An agent's parting words (a resume hint) fit in its last few screens' worth of text. */
export const EXIT_NOTE_TAIL_CHARS = 4096;

interface RunArgs {
  /** Any registered agent; `shell` is an agent without hooks, whose `bash -c` / `zsh -c` strings are gated. */
  agent: AgentId | null;
  quiet: boolean;
  /** `--no-sandbox`: start the agent uncontained (electron/core/sandbox/). */
  noSandbox: boolean;
  command: string[];
}

export function parseRunArgs(argv: string[]): RunArgs {
  const out: RunArgs = { agent: null, quiet: false, noSandbox: false, command: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      out.command = argv.slice(i + 1);
      break;
    }
    if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a === '--no-sandbox') out.noSandbox = true;
    else if (a === '--agent' || a.startsWith('--agent=')) {
      const value = a === '--agent' ? argv[++i] : a.slice('--agent='.length);
      if (value === undefined || !isAgentId(value))
        throw new CliError(`--agent takes ${agentIdList()}, not "${value ?? ''}"\n${USAGE}`, 2);
      out.agent = value;
    } else if (a.startsWith('-')) throw new CliError(`unknown option ${a}\n${USAGE}`, 2);
    else {
      out.command = argv.slice(i);
      break;
    }
  }
  if (out.command.length === 0) throw new CliError(`no agent command given\n${USAGE}`, 2);
  return out;
}

export async function runCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const run = parseRunArgs(argv);
  const agent = run.agent ?? detectAgent(run.command[0] as string);
  if (!agent) {
    throw new CliError(`cannot tell which agent \`${run.command[0]}\` is; say it with --agent ${agentIdList()}`, 2);
  }
  // No core, no agent: starting it unguarded would be the one thing Gatehouse must never do.
  let child: ReturnType<typeof passthrough> | null = null;
  // Survives a restart of the core: reconnects, resumes the session and its recording (run-session.ts).
  const session = await RunSession.start(
    ctx,
    { agent, argv: run.command, cwd: ctx.cwd, pid: process.pid },
    {
      size: () => terminalSize(process.stdout),
      backpressure: (hold) => (hold ? child?.pause() : child?.resume()),
    },
  );
  const started = session.started;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-run-'));
  let exitCode: number | null = null;
  let disposeSandbox = () => {};
  try {
    const transport = chooseTransport(ctx);
    const plugin = agentPlugin(agent);
    const wired = await wireAgent(agent, started, run.command, tmpDir, transport, ctx);
    const env = { ...withoutShellGating(ctx.env), ...sessionEnv(started), ...wired.env };
    const hookFilesWatched = await protectHookFiles(ctx, session, wired);
    // An agent without hooks is gated by its shells: the sandbox's gated shells, or the shell kit's wrappers.
    const hook = blockingHookCommand(transport, GATE_PATHS.check, hookTimeouts(started.holdTimeoutMs).clientMaxTimeS);
    const gateShells = plugin.gatedBy === 'shells' ? hook : null;
    const contained = containRun({
      ctx,
      started,
      tmpDir,
      command: resolveProgram(wired.argv, env),
      env,
      gateShells,
      sandbox: !run.noSandbox,
    });
    disposeSandbox = contained.dispose;
    // Before the agent runs anything: its own hook command, with a canary, over the session's socket and token.
    const canary = launchCanary(wired, plugin.gatedBy, hook, ctx.cwd);
    const gate = gateProtection(canary && (await runCanary(canary, env, ctx.cwd)));
    const protections = describeProtections(
      {
        agent,
        transport,
        hooksFailClosed: wired.hooksFailClosed,
        sandbox: { kind: contained.sandbox, status: contained.status },
        hookFilesWatched,
        platform: process.platform,
      },
      gate,
    );
    await reportProtections(ctx, session, protections);
    if (!run.quiet) {
      ctx.err(
        `gatehouse: session ${started.session.id}: ${plugin.name}, guarded by Gatehouse as follows (gatehouse pending lists what waits for you):`,
      );
      for (const line of protectionLines(protections)) ctx.err(`gatehouse:   ${line}`);
    }
    // Said even with --quiet: a person must not take this session for a guarded one that works.
    const notLive = gateNotLive(protections);
    if (notLive) ctx.err(`gatehouse: WARNING: THE GATE IS NOT LIVE for this session. ${notLive.detail}.`);
    const [exe, ...args] = contained.argv as [string, ...string[]];
    // The end of what the agent printed, for its plug-in's note after the exit (Claude Code's resume hint).
    let tail = '';
    child = startInPty(exe, args, contained.env, ctx.cwd, (event) => {
      session.record(event);
      if (plugin.exitNote && event.kind === 'output') tail = (tail + event.data).slice(-EXIT_NOTE_TAIL_CHARS);
    });
    exitCode = await child.exited;
    const note = plugin.exitNote?.(tail);
    if (note && !run.quiet) ctx.err(note);
    return exitCode;
  } catch (err) {
    if (err instanceof WiringError || err instanceof SandboxUnavailableError) throw new CliError(err.message);
    throw err;
  } finally {
    disposeSandbox();
    await session.end(exitCode);
    // Removed once the session has ended: the core watches the hook settings in it until then.
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

/**
 * Hands the hook settings written here to the core, which watches them while the session runs (tamper detection).
 * A core that refuses them (they already differ from what was written) stops the launch; a core that has gone away
 * does not: the agent's hooks block while there is no gate anyway.
 */
async function protectHookFiles(ctx: CliContext, session: RunSession, wired: WiredLaunch): Promise<boolean | null> {
  const files = wired.hookFiles;
  if (files.length === 0) return null;
  try {
    await session.api.protectHookFiles({ sessionId: session.started.session.id, files });
    return true;
  } catch (err) {
    if (err instanceof ApiError) throw new CliError(`the hook settings could not be protected: ${err.message}`);
    ctx.err(
      `gatehouse: the core did not take the hook settings to watch (${(err as Error).message}); a change to them will not be detected this session.`,
    );
    return false;
  }
}

/** Tells the core what guards the session, for the UI and `gatehouse sessions`; a core that is away only misses it. */
async function reportProtections(
  ctx: CliContext,
  session: RunSession,
  protections: SessionProtection[],
): Promise<void> {
  try {
    await session.api.reportProtections({ sessionId: session.started.session.id, protections });
  } catch (err) {
    ctx.err(
      `gatehouse: the core did not take what guards this session (${(err as Error).message}); the window will not show it.`,
    );
  }
}

/** Runs the agent in a pty passed through to this terminal, forwarding the signals a supervisor sends us. */
function startInPty(
  exe: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  record: Parameters<typeof passthrough>[0]['record'],
): ReturnType<typeof passthrough> {
  // A pty reports a missing program only as text on the terminal; look for it first to say so clearly.
  const file = findExecutable(exe, env);
  if (!file) throw new CliError(`\`${exe}\` was not found on PATH`);
  let child: ReturnType<typeof passthrough>;
  try {
    child = passthrough({ file, args, cwd, env, stdin: process.stdin, stdout: process.stdout, record });
  } catch (err) {
    throw new CliError(`could not start \`${exe}\`: ${(err as Error).message}`);
  }
  const handlers = FORWARDED_SIGNALS.map((sig) => [sig, () => child.kill(sig)] as const);
  for (const [sig, h] of handlers) process.on(sig, h);
  void child.exited.then(() => handlers.forEach(([sig, h]) => process.off(sig, h)));
  return child;
}
