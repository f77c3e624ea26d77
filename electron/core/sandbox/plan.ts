// What a sandboxed agent may not touch, as paths: the same list for bubblewrap (Linux) and sandbox-exec (macOS).
import os from 'node:os';
import path from 'node:path';
import { agentConfigDirs } from '../risk/index.ts';

export interface SandboxPlan {
  /** Hidden: an empty read-only directory in their place (Gatehouse's data, tokens and sockets). */
  hide: string[];
  /** Stays connectable inside a hidden directory: the gate socket. */
  keep: string[];
  /** Read-only: the agents' settings, the run's own files (Claude's settings layer, the shell kit). */
  readOnly: string[];
  /** The agent's working directory. */
  cwd: string;
  /** Shells covered by a gating wrapper: the real binary stays reachable at `hidden` for the wrapper alone. */
  shells: Array<{ real: string; wrapper: string; hidden: string }>;
}

export interface PlanInput {
  home: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Gatehouse's data directory (database, admin token, settings, lock). */
  dataDir: string;
  /** The directories of the core's sockets (the gate's and the control socket's, as the core published them). */
  runtimeDirs: string[];
  gateSocket: string;
  /** Read-only too: the run's temporary directory, Gatehouse's shell scripts. */
  ownFiles: string[];
  shells?: SandboxPlan['shells'];
}

/** A settings file Claude Code or Codex reads: hooks, permissions, the model's tools. */
export function agentSettingsPaths(home: string, cwd: string, env: NodeJS.ProcessEnv): string[] {
  const { claude: claudeDir, codex: codexDir } = agentConfigDirs(env, home, cwd);
  return [
    path.join(claudeDir, 'settings.json'),
    path.join(claudeDir, 'settings.local.json'),
    // The snapshot of the user's shell Claude Code sources before every command: code that runs with each of them.
    path.join(claudeDir, 'shell-snapshots'),
    path.join(codexDir, 'config.toml'),
    // Gemini CLI's user settings and extensions, in the home folder (under `gatehouse run` its `GEMINI_CLI_HOME` is
    // the launch's own, whose links lead here).
    path.join(home, '.gemini', 'settings.json'),
    path.join(home, '.gemini', 'extensions'),
    // GitHub Copilot CLI's user-level hooks (`gatehouse install copilot`'s among them). Not its settings.json, which
    // Copilot may write itself (folder trust, the model); an agent's edit of it is still held as critical.
    path.join(home, '.copilot', 'hooks'),
    // A project's own settings, hook scripts, commands and agents: all of it changes what runs.
    path.join(cwd, '.claude'),
    path.join(cwd, '.codex'),
    path.join(cwd, '.gemini'),
    // OpenCode's plug-in folders and config files: code it loads at start. Not its whole folders: OpenCode writes
    // there itself (a package.json and node_modules for plug-ins' dependencies), and hangs when it cannot.
    path.join(xdgConfigHome(env, home), 'opencode', 'plugins'),
    path.join(xdgConfigHome(env, home), 'opencode', 'opencode.json'),
    path.join(cwd, '.opencode', 'plugins'),
    path.join(cwd, 'opencode.json'),
    // Amp's permission rules: the user's settings and a workspace's.
    path.join(xdgConfigHome(env, home), 'amp', 'settings.json'),
    path.join(cwd, '.amp', 'settings.json'),
    // Cursor's hooks, Gatehouse's among them once installed.
    path.join(home, '.cursor', 'hooks.json'),
    path.join(cwd, '.cursor', 'hooks.json'),
  ];
}

function xdgConfigHome(env: NodeJS.ProcessEnv, home: string): string {
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export class SandboxPlanError extends Error {
  override readonly name = 'SandboxPlanError';
}

export function sandboxPlan(input: PlanInput): SandboxPlan {
  const hide = [...new Set([input.dataDir, ...input.runtimeDirs])];
  for (const dir of hide) {
    if (isWithin(input.cwd, dir))
      throw new SandboxPlanError(
        `the working directory ${input.cwd} is inside Gatehouse's own ${dir}, which the sandbox hides`,
      );
  }
  return {
    hide,
    keep: [input.gateSocket],
    readOnly: [...input.ownFiles, ...agentSettingsPaths(input.home, input.cwd, input.env)],
    cwd: input.cwd,
    shells: input.shells ?? [],
  };
}

export function isWithin(p: string, dir: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function defaultHomeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME || os.homedir();
}
