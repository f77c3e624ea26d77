// gatehouse run [--agent claude|codex|shell] [--quiet] -- <agent> [args…]
// Starts the agent in its own pty, passed through to this terminal unchanged, with its hooks wired to the running
// core; streams the terminal to the core's recording and records the session's end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WiredAgent } from '../agents/detect.ts';
import { detectAgent } from '../agents/detect.ts';
import { blockingHookCommand, hookTimeouts } from '../agents/hook-command.ts';
import { findExecutable } from '../agents/which.ts';
import { chooseTransport, sessionEnv, wireAgent, WiringError } from '../agents/wire.ts';
import { GATE_PATHS } from '../gate/server.ts';
import { passthrough, terminalSize } from '../pty/passthrough.ts';
import { execGateEnv, withoutShellGating } from '../pty/shell-launch.ts';
import { CliError, type CliContext } from './context.ts';
import { RunSession } from './run-session.ts';

const USAGE = 'usage: gatehouse run [--agent claude|codex|shell] [--quiet] -- <agent command> [args…]';
/** Signals a supervisor (or a terminal that is not ours) sends us, which the agent in its pty must get too. */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
const AGENT_NAMES: Readonly<Record<RunAgent, string>> = { claude: 'Claude Code', codex: 'Codex', shell: 'the agent' };

/** `shell`: an agent without hooks; its `bash -c` / `zsh -c` strings are gated. */
type RunAgent = WiredAgent | 'shell';

interface RunArgs {
  agent: RunAgent | null;
  quiet: boolean;
  command: string[];
}

export function parseRunArgs(argv: string[]): RunArgs {
  const out: RunArgs = { agent: null, quiet: false, command: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      out.command = argv.slice(i + 1);
      break;
    }
    if (a === '--quiet' || a === '-q') out.quiet = true;
    else if (a === '--agent' || a.startsWith('--agent=')) {
      const value = a === '--agent' ? argv[++i] : a.slice('--agent='.length);
      if (value !== 'claude' && value !== 'codex' && value !== 'shell') throw new CliError(`--agent takes claude, codex or shell, not "${value ?? ''}"\n${USAGE}`, 2);
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
    throw new CliError(`cannot tell which agent \`${run.command[0]}\` is; say it with --agent claude, codex or shell`, 2);
  }
  // No core, no agent: starting it unguarded would be the one thing Gatehouse must never do.
  let child: ReturnType<typeof passthrough> | null = null;
  // Survives a restart of the core: reconnects, resumes the session and its recording (run-session.ts).
  const session = await RunSession.start(ctx, { agent, argv: run.command, cwd: ctx.cwd, pid: process.pid }, {
    size: () => terminalSize(process.stdout),
    backpressure: (hold) => (hold ? child?.pause() : child?.resume()),
  });
  const started = session.started;
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-run-'));
  let exitCode: number | null = null;
  try {
    const transport = chooseTransport(ctx);
    const base = { ...withoutShellGating(ctx.env), ...sessionEnv(started) };
    let command: string[];
    let env: NodeJS.ProcessEnv;
    if (agent === 'shell') {
      const hook = blockingHookCommand(transport, GATE_PATHS.check, hookTimeouts(started.holdTimeoutMs).clientMaxTimeS);
      command = run.command;
      env = { ...base, ...execGateEnv(hook, ctx.env) };
    } else {
      command = await wireAgent(agent, started, run.command, tmpDir, transport, ctx);
      env = base;
    }
    if (!run.quiet) {
      ctx.err(`gatehouse: session ${started.session.id} — every shell command ${AGENT_NAMES[agent]} runs waits for your decision (gatehouse pending).`);
    }
    const [exe, ...args] = command as [string, ...string[]];
    child = startInPty(exe, args, env, ctx.cwd, (event) => session.record(event));
    exitCode = await child.exited;
    return exitCode;
  } catch (err) {
    if (err instanceof WiringError) throw new CliError(err.message);
    throw err;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    await session.end(exitCode);
  }
}

/** Runs the agent in a pty passed through to this terminal, forwarding the signals a supervisor sends us. */
function startInPty(exe: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, record: Parameters<typeof passthrough>[0]['record']): ReturnType<typeof passthrough> {
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
