// How a shell is started with Gatehouse's shell integration, without touching the user's dotfiles: bash with
// `--init-file`, zsh through ZDOTDIR, fish with `--init-command`. The scripts are static files in shell-integration/
// (copied beside the bundle by scripts/build.mjs); what varies per session (the hook command, the token) comes in the
// environment. An agent without hooks gets a per-session kit instead (electron/core/sandbox/shell-kit.ts).
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
  /** An agent without hooks: the directory of its session's shell kit (electron/core/sandbox/shell-kit.ts). */
  kit: 'GATEHOUSE_GATE_KIT',
  /** Set inside an allowed command to the session's secret, so shells nested in it are not asked again. */
  gated: 'GATEHOUSE_GATED',
  userBashEnv: 'GATEHOUSE_USER_BASH_ENV',
  userZdotdir: 'GATEHOUSE_USER_ZDOTDIR',
  /** A hosted shell: the file holding its typed-line key, read and deleted at startup (pty/typed-lines.ts). */
  typedKeyFile: 'GATEHOUSE_TYPED_KEY_FILE',
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
export function interactiveShell(
  shell: { file: string; kind: ShellKind },
  hookCommand: string,
  env: NodeJS.ProcessEnv,
): ShellLaunch {
  const common = { [SHELL_ENV.hook]: hookCommand, [SHELL_ENV.dir]: SHELL_INTEGRATION_DIR };
  switch (shell.kind) {
    case 'bash':
      return {
        ...shell,
        args: ['--init-file', path.join(SHELL_INTEGRATION_DIR, 'bash-interactive.bash'), '-i'],
        env: common,
      };
    case 'zsh':
      return { ...shell, args: ['-i'], env: { ...common, ...zdotdirEnv(env) } };
    case 'fish':
      return {
        ...shell,
        args: [
          '--interactive',
          '--init-command',
          `source ${fishQuote(path.join(SHELL_INTEGRATION_DIR, 'fish-interactive.fish'))}`,
        ],
        env: common,
      };
  }
}

/**
 * An environment for a new session: none of the shell gating a parent session may have left in it (an agent with
 * its own hooks is not asked twice; an agent without them gets its own kit, electron/core/sandbox/shell-kit.ts).
 */
export function withoutShellGating(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  const kit = out[SHELL_ENV.kit];
  if (kit) {
    const inKit = (p: string | undefined) => p !== undefined && (p === kit || p.startsWith(kit + path.sep));
    if (inKit(out.BASH_ENV)) out.BASH_ENV = out[SHELL_ENV.userBashEnv] || undefined;
    if (inKit(out.ZDOTDIR)) out.ZDOTDIR = out[SHELL_ENV.userZdotdir] || undefined;
    if (out.PATH)
      out.PATH = out.PATH.split(path.delimiter)
        .filter((d) => !inKit(d))
        .join(path.delimiter);
  }
  if (out.ZDOTDIR === zshDir()) out.ZDOTDIR = out[SHELL_ENV.userZdotdir] || undefined;
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
  if (!fs.existsSync(probe))
    throw new ShellNotFoundError(`Gatehouse's shell integration is missing (${probe}); reinstall Gatehouse`);
}
