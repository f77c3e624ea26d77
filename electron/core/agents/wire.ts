// How `gatehouse run` and the pty host start an agent wired to the gate: the same argv, hooks and environment
// whichever of them launches it. The agent's plug-in checks its settings and wires it; this file is what every agent
// shares: how the hook reaches the gate, the session's variables, and the order (checks first, then wiring).
import { execFile } from 'node:child_process';
import type { StartedSession } from '../../../shared/api.ts';
import { ENV, type HookTransport } from './hook-command.ts';
import { refusalMessage } from './launch-checks.ts';
import { WiringError, type WiredLaunch } from './plugin.ts';
import { agentPlugin, type AgentId } from './registry.ts';
import { findTrustedCurl, nodePathProbe, type PathProbe } from './trusted-path.ts';

/** Where an agent is launched from: its environment and working directory. */
export interface LaunchContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The bundled Node hook client, used where no trusted curl is found. */
  hookClientPath: string;
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

/** The variables the hook command (and the shell integration) read to reach the gate as this session. */
export function sessionEnv(started: StartedSession): Record<string, string> {
  return { [ENV.socket]: started.gateSocket, [ENV.token]: started.token, [ENV.session]: started.session.id };
}

/** How long `<agent> --version` may take; a version we cannot read only turns off features not every version has. */
const VERSION_TIMEOUT_MS = 10_000;

/**
 * The agent's argv with Gatehouse's hooks, and what its plug-in wrote into `tmpDir`. Refuses (a `WiringError` naming
 * the file and the key) when a settings source the agent will read switches hooks off, before writing anything.
 */
export async function wireAgent(
  agent: AgentId,
  started: StartedSession,
  command: string[],
  tmpDir: string,
  transport: HookTransport,
  ctx: LaunchContext,
): Promise<WiredLaunch> {
  const plugin = agentPlugin(agent);
  const [exe, ...args] = command as [string, ...string[]];
  const findings = await plugin.checkLaunch(exe, args, { cwd: ctx.cwd, env: ctx.env, platform: process.platform });
  if (findings.length > 0) throw new WiringError(refusalMessage(plugin.name, findings));
  return plugin.wire({
    started,
    command: [exe, ...args],
    tmpDir,
    transport,
    cwd: ctx.cwd,
    env: ctx.env,
    platform: process.platform,
    version: () => agentVersion(exe, ctx),
  });
}

/**
 * `<agent> --version`, or null if it does not answer (then only features every version has are used). Asynchronous:
 * the core keeps answering the gate while an agent takes its time to start.
 */
function agentVersion(exe: string, ctx: LaunchContext): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(
      exe,
      ['--version'],
      { env: ctx.env, cwd: ctx.cwd, timeout: VERSION_TIMEOUT_MS, encoding: 'utf8' },
      (err, stdout) => resolve(err ? null : stdout),
    );
    child.stdin?.end();
  });
}
