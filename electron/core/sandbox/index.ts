// Starting an agent contained: bubblewrap on Linux, sandbox-exec on macOS, nothing elsewhere. An agent without hooks
// (`--agent shell`) also gets its shell kit: every shell it starts asks the gate first, sandbox or not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../agents/which.ts';
import { SHELL_INTEGRATION_DIR } from '../pty/shell-launch.ts';
import { bwrapArgs } from './bwrap.ts';
import { defaultHomeDir, sandboxPlan, type SandboxPlan } from './plan.ts';
import { sandboxExecArgs } from './seatbelt.ts';
import { writeShellKit, type KitSession } from './shell-kit.ts';
import { findShells } from './shells.ts';

export { ShellKitError, writeShellKit, type KitSession } from './shell-kit.ts';

/** `GATEHOUSE_SANDBOX=off` in the environment: the same as `--no-sandbox` on every run. */
export const SANDBOX_ENV = 'GATEHOUSE_SANDBOX';
const SANDBOX_EXEC = '/usr/bin/sandbox-exec';
/** How long the probe may take: bwrap starts in a few milliseconds when it works at all. */
const PROBE_TIMEOUT_MS = 5_000;

export type SandboxKind = 'bwrap' | 'sandbox-exec';

/** The sandbox cannot start; the message says why and what to do. */
export class SandboxUnavailableError extends Error {
  override readonly name = 'SandboxUnavailableError';
}

export interface ContainInput {
  /** An agent without hooks gets the shell kit. */
  gateShells: KitSession | null;
  /** The agent's argv, its program resolved to an absolute path. */
  argv: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The run's 0700 temporary directory (the kit goes here; read-only inside the sandbox). */
  runDir: string;
  dataDir: string;
  runtimeDirs: string[];
  gateSocket: string;
  /** False with `--no-sandbox` (or GATEHOUSE_SANDBOX=off). */
  sandbox: boolean;
  platform?: NodeJS.Platform;
}

export interface Contained {
  argv: string[];
  env: NodeJS.ProcessEnv;
  sandbox: SandboxKind | null;
  /** One line for the person: what protects this session. */
  status: string;
  /** Removes the placeholders the sandbox needed (call after the agent has exited). */
  dispose(): void;
}

export function sandboxWanted(noSandboxFlag: boolean, env: NodeJS.ProcessEnv): boolean {
  return !noSandboxFlag && env[SANDBOX_ENV] !== 'off';
}

/** Which sandbox this platform offers, and whether it works here; throws SandboxUnavailableError when it does not. */
export function probeSandbox(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): SandboxKind | null {
  const optOut = 'or start without it: `gatehouse run --no-sandbox …` (or GATEHOUSE_SANDBOX=off)';
  if (platform === 'darwin') {
    if (!fs.existsSync(SANDBOX_EXEC))
      throw new SandboxUnavailableError(`cannot start the sandbox: ${SANDBOX_EXEC} is missing; ${optOut}`);
    return 'sandbox-exec';
  }
  if (platform !== 'linux') return null;
  const bwrap = findExecutable('bwrap', env);
  if (!bwrap)
    throw new SandboxUnavailableError(
      `cannot start the sandbox: bubblewrap (bwrap) is not installed. Install it (apt install bubblewrap, dnf install bubblewrap), ${optOut}`,
    );
  const probe = spawnSync(bwrap, ['--dev-bind', '/', '/', '--unshare-pid', '--proc', '/proc', '--', 'true'], {
    timeout: PROBE_TIMEOUT_MS,
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    const said = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim();
    const why = /namespace|uid map|Operation not permitted|Permission denied/i.test(said)
      ? 'user namespaces are disabled here (kernel.unprivileged_userns_clone=0, user.max_user_namespaces=0, or an AppArmor rule such as kernel.apparmor_restrict_unprivileged_userns=1)'
      : 'bwrap failed';
    throw new SandboxUnavailableError(
      `cannot start the sandbox: ${why}: ${said}. Allow unprivileged user namespaces, ${optOut}`,
    );
  }
  return 'bwrap';
}

export function contain(input: ContainInput): Contained {
  const platform = input.platform ?? process.platform;
  const kind = input.sandbox ? probeSandbox(platform, input.env) : null;
  const kitDir = path.join(input.runDir, 'kit');
  const realDir = path.join(kitDir, 'real');
  const shells = input.gateShells ? findShells(input.env) : [];
  const hidden = (real: string) =>
    path.join(realDir, `${shells.findIndex((s) => s.real === real)}-${path.basename(real)}`);
  const covering = kind === 'bwrap' && input.gateShells !== null;
  const kit = input.gateShells
    ? writeShellKit({
        dir: kitDir,
        session: input.gateShells,
        env: input.env,
        shells,
        hiddenPathOf: covering ? hidden : undefined,
      })
    : null;
  const env = { ...input.env, ...kit?.env };
  const gated = kit ? ' every shell it starts asks the gate first;' : '';
  if (!kind) {
    const why = input.sandbox ? `no sandbox on ${platform}` : 'sandbox off (--no-sandbox)';
    return {
      argv: input.argv,
      env,
      sandbox: null,
      status: `${why};${gated || ' its hooks gate its commands;'} Gatehouse's files are not protected from it`,
      dispose: () => {},
    };
  }

  const shellCovers = covering && kit ? kit.covers.map((c) => ({ ...c, hidden: hidden(c.real) })) : [];
  const plan = sandboxPlan({
    home: defaultHomeDir(input.env),
    cwd: input.cwd,
    env: input.env,
    dataDir: input.dataDir,
    runtimeDirs: input.runtimeDirs,
    gateSocket: input.gateSocket,
    ownFiles: [input.runDir, SHELL_INTEGRATION_DIR],
    shells: shellCovers,
  });
  const status = `sandboxed (${kind}):${gated} Gatehouse's files, tokens and sockets are hidden and the agents' settings are read-only`;
  if (kind === 'sandbox-exec')
    return {
      argv: [SANDBOX_EXEC, ...sandboxExecArgs(plan, input.argv)],
      env,
      sandbox: kind,
      status,
      dispose: () => {},
    };

  const placeholders = makeMountPoints(plan);
  // The agent itself may be a shell (`--agent shell -- sh agent.sh`): it runs as started, not through its wrapper.
  const [exe, ...rest] = input.argv as [string, ...string[]];
  const cover = shellCovers.find((s) => s.real === realPath(exe));
  const argv = [cover ? cover.hidden : exe, ...rest];
  const bwrap = findExecutable('bwrap', input.env) as string;
  return {
    argv: [bwrap, ...bwrapArgs(plan, argv)],
    env,
    sandbox: kind,
    status,
    dispose: () => removePlaceholders(placeholders),
  };
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/** A placeholder this run created (removed afterwards if nobody put anything in it). */
interface Placeholder {
  path: string;
  dir: boolean;
  content?: string;
}

/**
 * bwrap binds only what exists. A settings file or folder that does not exist yet gets an empty one (a file `{}` for
 * JSON, empty otherwise), made read-only like the others, so the agent cannot create it; the hidden shells get empty
 * files to be bound on, inside the run's directory.
 */
function makeMountPoints(plan: SandboxPlan): Placeholder[] {
  const made: Placeholder[] = [];
  for (const s of plan.shells) {
    fs.mkdirSync(path.dirname(s.hidden), { recursive: true, mode: 0o700 });
    fs.writeFileSync(s.hidden, '', { mode: 0o700 });
  }
  for (const p of plan.readOnly) {
    if (fs.existsSync(p)) continue;
    const missingParent = firstMissing(path.dirname(p));
    if (missingParent) made.push({ path: missingParent, dir: true });
    if (!path.extname(p)) {
      fs.mkdirSync(p, { recursive: true });
      made.push({ path: p, dir: true });
    } else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      const content = placeholderContent(p);
      fs.writeFileSync(p, content, { mode: 0o600 });
      made.push({ path: p, dir: false, content });
    }
  }
  return made;
}

/** What a settings file the sandbox had to make is made with: `{}` for JSON (an agent reads it as no settings), else nothing. */
export function placeholderContent(file: string): string {
  return file.endsWith('.json') ? '{}\n' : '';
}

function firstMissing(dir: string): string | null {
  let missing: string | null = null;
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) missing = d;
  return missing;
}

function removePlaceholders(made: Placeholder[]): void {
  for (const p of made.reverse()) {
    try {
      if (!p.dir && fs.readFileSync(p.path, 'utf8') === p.content) fs.rmSync(p.path);
      if (p.dir) fs.rmdirSync(p.path);
    } catch {
      // In use or changed by the person meanwhile: theirs now.
    }
  }
}
