// How a shell is started with Gatehouse's shell integration, without touching the user's dotfiles: bash with
// `--init-file`, zsh through ZDOTDIR, fish with `--init-command`; and the environment that gates `bash -c` and
// `zsh -c` strings for an agent without hooks. The scripts are static files in shell-integration/ (copied beside
// the bundle by scripts/build.mjs); what varies per session (the hook command, the token) comes in the environment.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ShellKind } from '../../../shared/domain.ts';
import { findExecutable } from '../agents/which.ts';

/** Beside this file in the sources, beside gatehouse.mjs in the bundle. */
export const SHELL_INTEGRATION_DIR = fileURLToPath(new URL('./shell-integration/', import.meta.url));

/** Environment variables the scripts read. */
export const SHELL_ENV = {
  /** The blocking hook command that posts `{command, cwd}` to the gate. */
  hook: 'GATEHOUSE_GATE_HOOK',
  dir: 'GATEHOUSE_SHELL_DIR',
  /** Set for an agent without hooks: `bash -c` / `zsh -c` strings are gated. */
  gateExec: 'GATEHOUSE_GATE_EXEC',
  /** Set inside an allowed `-c` command, so shells nested in it are not asked again. */
  gated: 'GATEHOUSE_GATED',
  userBashEnv: 'GATEHOUSE_USER_BASH_ENV',
  userZdotdir: 'GATEHOUSE_USER_ZDOTDIR',
} as const;

export interface ShellLaunch {
  file: string;
  args: string[];
  env: Record<string, string>;
  kind: ShellKind;
}

export class ShellNotFoundError extends Error {
  override readonly name = 'ShellNotFoundError';
}

export function shellKindOf(shellPath: string): ShellKind | null {
  const base = path.basename(shellPath);
  return base === 'bash' || base === 'zsh' || base === 'fish' ? base : null;
}

/**
 * The shell to host: `requested` (a path or a name on PATH), else the user's `$SHELL`, else bash. A `$SHELL` that
 * Gatehouse cannot gate (sh, dash, …) is replaced by bash: a shell whose lines are not gated is never started.
 */
export function chooseShell(requested: string | undefined, env: NodeJS.ProcessEnv): { file: string; kind: ShellKind } {
  if (requested) {
    const file = findExecutable(requested, env);
    if (!file) throw new ShellNotFoundError(`the shell ${requested} was not found`);
    const kind = shellKindOf(file);
    if (!kind) throw new ShellNotFoundError(`Gatehouse can gate bash, zsh and fish, not ${requested}`);
    return { file, kind };
  }
  const login = env.SHELL ? findExecutable(env.SHELL, env) : null;
  const kind = login ? shellKindOf(login) : null;
  if (login && kind) return { file: login, kind };
  const bash = findExecutable('bash', env);
  if (!bash) throw new ShellNotFoundError('bash was not found on PATH');
  return { file: bash, kind: 'bash' };
}

/** An interactive shell whose every line goes to the gate before the shell accepts it. */
export function interactiveShell(shell: { file: string; kind: ShellKind }, hookCommand: string, env: NodeJS.ProcessEnv): ShellLaunch {
  const common = { [SHELL_ENV.hook]: hookCommand, [SHELL_ENV.dir]: SHELL_INTEGRATION_DIR };
  switch (shell.kind) {
    case 'bash':
      return { ...shell, args: ['--init-file', path.join(SHELL_INTEGRATION_DIR, 'bash-interactive.bash'), '-i'], env: common };
    case 'zsh':
      return { ...shell, args: ['-i'], env: { ...common, ...zdotdirEnv(env) } };
    case 'fish':
      return { ...shell, args: ['--interactive', '--init-command', `source ${fishQuote(path.join(SHELL_INTEGRATION_DIR, 'fish-interactive.fish'))}`], env: common };
  }
}

/** For an agent without hooks: its `bash -c` and `zsh -c` strings ask the gate first. */
export function execGateEnv(hookCommand: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {
    [SHELL_ENV.hook]: hookCommand,
    [SHELL_ENV.dir]: SHELL_INTEGRATION_DIR,
    [SHELL_ENV.gateExec]: '1',
    BASH_ENV: path.join(SHELL_INTEGRATION_DIR, 'bash-env.bash'),
    ...zdotdirEnv(env),
  };
  if (env.BASH_ENV && env.BASH_ENV !== out.BASH_ENV) out[SHELL_ENV.userBashEnv] = env.BASH_ENV;
  return out;
}

/**
 * An environment for an agent with its own hooks (Claude Code, Codex): none of the shell gating a parent session
 * may have left in it, so its commands are not asked twice.
 */
export function withoutShellGating(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  if (out[SHELL_ENV.gateExec]) {
    if (out.BASH_ENV === path.join(SHELL_INTEGRATION_DIR, 'bash-env.bash')) out.BASH_ENV = out[SHELL_ENV.userBashEnv];
    if (out.ZDOTDIR === zshDir()) out.ZDOTDIR = out[SHELL_ENV.userZdotdir] || undefined;
  }
  for (const name of Object.values(SHELL_ENV)) delete out[name];
  for (const name of ['BASH_ENV', 'ZDOTDIR'] as const) if (out[name] === undefined) delete out[name];
  return out;
}

function zshDir(): string {
  return path.join(SHELL_INTEGRATION_DIR, 'zsh');
}

function zdotdirEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  // A ZDOTDIR that is already ours (a session inside a session) points back at the user's through its variable.
  // Empty when the user has none: zsh then reads ~ (the integration's .zshenv falls back to $HOME).
  const userZdotdir = env.ZDOTDIR && env.ZDOTDIR !== zshDir() ? env.ZDOTDIR : (env[SHELL_ENV.userZdotdir] ?? '');
  return { ZDOTDIR: zshDir(), [SHELL_ENV.userZdotdir]: userZdotdir };
}

/** fish single quotes: only `\\` and `\'` are escapes. */
function fishQuote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Fails early, with the path, when the scripts are missing (a broken install), instead of starting an ungated shell. */
export function assertShellIntegrationPresent(): void {
  const probe = path.join(SHELL_INTEGRATION_DIR, 'gate.sh');
  if (!fs.existsSync(probe)) throw new ShellNotFoundError(`Gatehouse's shell integration is missing (${probe}); reinstall Gatehouse`);
}
