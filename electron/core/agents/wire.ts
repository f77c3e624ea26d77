// How `gatehouse run` and the pty host start an agent wired to the gate: the same argv, hooks and environment
// whichever of them launches it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { StartedSession } from '../../../shared/api.ts';
import { claudeArgs, claudeSettings, claudeSupportsOnFailure, mergeClaudeSettings, splitUserSettings, type Settings } from './claude.ts';
import { codexArgs } from './codex.ts';
import type { WiredAgent } from './detect.ts';
import { ENV, type HookTransport } from './hook-command.ts';
import { findTrustedCurl, nodePathProbe, type PathProbe } from './trusted-path.ts';
import { checkLaunch, refusalMessage } from './launch-checks.ts';

/** Where an agent is launched from: its environment and working directory. */
export interface LaunchContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The bundled Node hook client, used where no trusted curl is found. */
  hookClientPath: string;
}

/** A wiring problem the user can fix (an unreadable `--settings`); the message names it. */
export class WiringError extends Error {
  override readonly name = 'WiringError';
}

/**
 * curl from a system location the user cannot write (never from PATH: the agent could put a fake one first), else
 * the bundled Node client, run by this Node's absolute path.
 */
export function chooseTransport(ctx: LaunchContext, probe: PathProbe = nodePathProbe): HookTransport {
  const curlPath = process.platform === 'win32' ? null : findTrustedCurl(probe);
  if (curlPath) return { kind: 'curl', curlPath };
  return { kind: 'node', nodePath: process.execPath, clientPath: ctx.hookClientPath };
}

/** The name of Claude's settings layer in the launch's temp dir. */
const CLAUDE_SETTINGS_FILE = 'settings.json';

/** The hook settings files `wireAgent` wrote into `tmpDir`, as written: the core watches them while the session runs. */
export function writtenHookFiles(tmpDir: string): Array<{ path: string; content: string }> {
  const file = path.join(tmpDir, CLAUDE_SETTINGS_FILE);
  return fs.existsSync(file) ? [{ path: file, content: fs.readFileSync(file, 'utf8') }] : [];
}

/** Whether the Claude settings layer written into `tmpDir` makes Gatehouse's PreToolUse hook block when it crashes or times out (the user's own hooks merged in are theirs). */
export function claudeLayerFailsClosed(tmpDir: string): boolean {
  const [file] = writtenHookFiles(tmpDir);
  if (!file) return false;
  try {
    const settings = JSON.parse(file.content) as { hooks?: { PreToolUse?: Array<{ hooks?: Array<{ onFailure?: unknown }> }> } };
    const hooks = (settings.hooks?.PreToolUse ?? []).flatMap((m) => m.hooks ?? []);
    return hooks.some((h) => h.onFailure === 'block');
  } catch {
    return false;
  }
}

/** The variables the hook command (and the shell integration) read to reach the gate as this session. */
export function sessionEnv(started: StartedSession): Record<string, string> {
  return { [ENV.socket]: started.gateSocket, [ENV.token]: started.token, [ENV.session]: started.session.id };
}

/** How long `<agent> --version` may take; a version we cannot read only turns off features not every version has. */
const VERSION_TIMEOUT_MS = 10_000;

/**
 * Builds the agent's argv with Gatehouse's hooks, writing Claude's settings layer into `tmpDir`. Refuses (a
 * `WiringError` naming the file and the key) when a settings source the agent will read switches hooks off.
 */
export async function wireAgent(agent: WiredAgent, started: StartedSession, command: string[], tmpDir: string, transport: HookTransport, ctx: LaunchContext): Promise<string[]> {
  const [exe, ...args] = command as [string, ...string[]];
  const { settings: userSettings, rest } = agent === 'claude' ? splitUserSettings(args) : { settings: [], rest: args };
  const findings = await checkLaunch(agent, exe, rest, userSettings, { cwd: ctx.cwd, env: ctx.env, platform: process.platform });
  if (findings.length > 0) throw new WiringError(refusalMessage(findings));
  if (agent === 'claude') {
    const ours = claudeSettings({ transport, holdTimeoutMs: started.holdTimeoutMs, platform: process.platform, onFailureBlock: claudeSupportsOnFailure(await agentVersion(exe, ctx)) });
    // Claude Code would honour only the last of the user's --settings; all of them are merged here, in order.
    const merged = [...userSettings.map((s) => readUserSettings(s, ctx.cwd)), ours].reduce<Settings>((acc, next) => mergeClaudeSettings(acc, next), {});
    const file = path.join(tmpDir, CLAUDE_SETTINGS_FILE);
    fs.writeFileSync(file, JSON.stringify(merged, null, 2), { mode: 0o600 });
    return [exe, ...claudeArgs(file), ...rest];
  }
  return [exe, ...codexArgs({ transport, holdTimeoutMs: started.holdTimeoutMs }), ...args];
}

/**
 * `<agent> --version`, or null if it does not answer (then only features every version has are used). Asynchronous:
 * the core keeps answering the gate while an agent takes its time to start.
 */
function agentVersion(exe: string, ctx: LaunchContext): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(exe, ['--version'], { env: ctx.env, cwd: ctx.cwd, timeout: VERSION_TIMEOUT_MS, encoding: 'utf8' }, (err, stdout) => resolve(err ? null : stdout));
    child.stdin?.end();
  });
}

function readUserSettings(value: string, cwd: string): Settings {
  try {
    const text = value.trim().startsWith('{') ? value : fs.readFileSync(path.resolve(cwd, value), 'utf8');
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Settings;
    throw new Error('not a JSON object');
  } catch (err) {
    throw new WiringError(`cannot use your --settings ${value}: ${(err as Error).message}`);
  }
}
