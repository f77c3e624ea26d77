// gatehouse run [--agent claude|codex] [--quiet] -- <agent> [args…]
// Starts the agent in this terminal with its hooks wired to the running core, then records the session's end.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StartedSession } from '../../../shared/api.ts';
import { claudeArgs, claudeSettings, claudeSupportsOnFailure, mergeClaudeSettings, splitUserSettings, type Settings } from '../agents/claude.ts';
import { codexArgs } from '../agents/codex.ts';
import { detectAgent, type WiredAgent } from '../agents/detect.ts';
import { ENV, type HookTransport } from '../agents/hook-command.ts';
import { CliError, connect, type CliContext } from './context.ts';
import { findExecutable } from './which.ts';

const USAGE = 'usage: gatehouse run [--agent claude|codex] [--quiet] -- <agent command> [args…]';
/**
 * Signals a supervisor sends to us that the agent must see too. SIGINT is not forwarded: Ctrl-C already reaches
 * the agent from the terminal, and a second one would make Claude Code quit. We ignore it to stay alive and
 * record the session's end.
 */
const FORWARDED_SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
const ignore = () => {};

interface RunArgs {
  agent: WiredAgent | null;
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
      if (value !== 'claude' && value !== 'codex') throw new CliError(`--agent takes claude or codex, not "${value ?? ''}"\n${USAGE}`, 2);
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

export function chooseTransport(ctx: CliContext): HookTransport {
  if (process.platform !== 'win32' && findExecutable('curl', ctx.env)) return { kind: 'curl' };
  return { kind: 'node', nodePath: process.execPath, clientPath: ctx.hookClientPath };
}

/** Builds the agent's argv with Gatehouse's hooks, writing Claude's settings layer into `tmpDir`. */
export function wireAgent(agent: WiredAgent, started: StartedSession, command: string[], tmpDir: string, transport: HookTransport, ctx: CliContext): string[] {
  const [exe, ...args] = command as [string, ...string[]];
  if (agent === 'claude') {
    const { settings: userSettings, rest } = splitUserSettings(args);
    const ours = claudeSettings({ transport, holdTimeoutMs: started.holdTimeoutMs, platform: process.platform, onFailureBlock: claudeSupportsOnFailure(agentVersion(exe, ctx)) });
    // Claude Code would honour only the last of the user's --settings; all of them are merged here, in order.
    const merged = [...userSettings.map((s) => readUserSettings(s, ctx.cwd)), ours].reduce<Settings>((acc, next) => mergeClaudeSettings(acc, next), {});
    const file = path.join(tmpDir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
    return [exe, ...claudeArgs(file), ...rest];
  }
  return [exe, ...codexArgs({ transport, holdTimeoutMs: started.holdTimeoutMs }), ...args];
}

/** `<agent> --version`, or null if it does not answer (then only features every version has are used). */
function agentVersion(exe: string, ctx: CliContext): string | null {
  try {
    return execFileSync(exe, ['--version'], { env: ctx.env, cwd: ctx.cwd, timeout: 10_000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

function readUserSettings(value: string, cwd: string): Settings {
  try {
    const text = value.trim().startsWith('{') ? value : fs.readFileSync(path.resolve(cwd, value), 'utf8');
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Settings;
    throw new Error('not a JSON object');
  } catch (err) {
    throw new CliError(`cannot use your --settings ${value}: ${(err as Error).message}`);
  }
}

export async function runCommand(ctx: CliContext, argv: string[]): Promise<number> {
  const run = parseRunArgs(argv);
  const agent = run.agent ?? detectAgent(run.command[0] as string);
  if (!agent) {
    throw new CliError(`cannot tell which agent \`${run.command[0]}\` is; say it with --agent claude or --agent codex`, 2);
  }
  // No core, no agent: starting it unguarded would be the one thing Gatehouse must never do.
  const client = await connect(ctx);
  const started = await client.api.startSession({ agent, argv: run.command, cwd: ctx.cwd, pid: process.pid });
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-run-'));
  let exitCode: number | null = null;
  try {
    const [exe, ...args] = wireAgent(agent, started, run.command, tmpDir, chooseTransport(ctx), ctx);
    if (!run.quiet) {
      ctx.err(`gatehouse: session ${started.session.id} — every shell command ${agent === 'claude' ? 'Claude Code' : 'Codex'} runs waits for your decision (gatehouse pending).`);
    }
    exitCode = await spawnInherit(exe as string, args, {
      ...ctx.env,
      [ENV.socket]: started.gateSocket,
      [ENV.token]: started.token,
      [ENV.session]: started.session.id,
    }, ctx.cwd);
    return exitCode;
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
    try {
      await client.api.endSession({ sessionId: started.session.id, exitCode });
    } catch (err) {
      ctx.err(`gatehouse: could not record the end of session ${started.session.id}: ${(err as Error).message}`);
    }
    client.close();
  }
}

/** Runs the agent attached to this terminal; resolves with its exit code (128 + n when killed by signal n). */
function spawnInherit(exe: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { stdio: 'inherit', env, cwd });
    const forward = (sig: NodeJS.Signals) => () => child.kill(sig);
    const handlers = FORWARDED_SIGNALS.map((sig) => [sig, forward(sig)] as const);
    for (const [sig, h] of handlers) process.on(sig, h);
    process.on('SIGINT', ignore);
    const detach = () => {
      handlers.forEach(([sig, h]) => process.off(sig, h));
      process.off('SIGINT', ignore);
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      detach();
      reject(err.code === 'ENOENT' ? new CliError(`\`${exe}\` was not found on PATH`) : err);
    });
    child.once('exit', (code, sig) => {
      detach();
      resolve(code ?? 128 + (sig ? (os.constants.signals[sig] ?? 0) : 0));
    });
  });
}
