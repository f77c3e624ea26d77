// The per-session kit that gates every shell of an agent without hooks (`--agent shell`): one wrapper per shell,
// which asks the gate about each -c string or script before it execs the real shell (shell-integration/
// shell-wrap.bash), and the BASH_ENV / ZDOTDIR files that catch `bash -c` and `zsh -c` started by an absolute path.
// What an agent could change in its environment (the hook, the socket, the "already asked" marker) is written into
// the files instead, and the marker is a secret made for the session.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { findExecutable } from '../agents/which.ts';
import { SHELL_ENV, SHELL_INTEGRATION_DIR } from '../pty/shell-launch.ts';
import { findShells, type SystemShell, type WrappedShellKind } from './shells.ts';

/** How the kit's files reach the gate as the session. */
export interface KitSession {
  /** The blocking hook command (reads GATEHOUSE_SOCKET / GATEHOUSE_TOKEN / GATEHOUSE_SESSION_ID). */
  hook: string;
  socket: string;
  token: string;
  sessionId: string;
}

/** Directories the hook runs with as PATH: system ones, never a directory the agent put first. */
const HOOK_PATH = '/usr/bin:/bin:/usr/sbin:/sbin:/usr/local/bin:/opt/homebrew/bin';
/** 192 bits: not guessable, short enough for an environment variable. */
const SECRET_BYTES = 24;

export interface WrapperSpec {
  /** The real bash that runs the wrapper (with -p: no BASH_ENV, functions or SHELLOPTS from the environment). */
  interpreter: string;
  kind: WrappedShellKind;
  /** The name a wrapper on PATH stands for (`sh`, `bash`). */
  name?: string;
  /** The real shell exec'd once the gate allows. */
  real: string;
  secret: string;
  session: KitSession;
}

/** Single quotes for a POSIX shell (bash and zsh read them the same). */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The text of one wrapper: the session's constants, then the shared logic. */
export function wrapperScript(w: WrapperSpec): string {
  return [
    `#!${w.interpreter} -p`,
    `# Gatehouse: asks the gate before this ${w.kind} runs anything (session ${w.session.sessionId}).`,
    `__gatehouse_kind=${w.kind}`,
    // Found on PATH, the shell was asked for by this name (its $0 is the wrapper's path); in its own place, by $0.
    // Always set: a value from the environment must not stand in for it.
    `__gatehouse_name=${shQuote(w.name ?? '')}`,
    `__gatehouse_real=${shQuote(w.real)}`,
    `__gatehouse_secret=${shQuote(w.secret)}`,
    `__gatehouse_hook=${shQuote(w.session.hook)}`,
    `__gatehouse_socket=${shQuote(w.session.socket)}`,
    `__gatehouse_token=${shQuote(w.session.token)}`,
    `__gatehouse_session=${shQuote(w.session.sessionId)}`,
    `__gatehouse_path=${shQuote(HOOK_PATH)}`,
    `. ${shQuote(path.join(SHELL_INTEGRATION_DIR, 'shell-wrap.bash'))}`,
    '',
  ].join('\n');
}

/** The constants the BASH_ENV and ZDOTDIR files set before the shared gate logic runs. */
function backstopPreamble(o: { secret: string; session: KitSession; hookShell: string }): string[] {
  const env = `GATEHOUSE_SOCKET=${shQuote(o.session.socket)} GATEHOUSE_TOKEN=${shQuote(o.session.token)} GATEHOUSE_SESSION_ID=${shQuote(o.session.sessionId)} PATH=${shQuote(HOOK_PATH)}`;
  return [
    `__gatehouse_secret=${shQuote(o.secret)}`,
    `GATEHOUSE_GATE_HOOK=${shQuote(o.session.hook)}`,
    `GATEHOUSE_SHELL_DIR=${shQuote(SHELL_INTEGRATION_DIR)}`,
    `__gatehouse_run_hook() { ${env} ${shQuote(o.hookShell)} -p -c "$GATEHOUSE_GATE_HOOK"; }`,
  ];
}

export interface ShellKit {
  dir: string;
  secret: string;
  /** Variables for the agent: the backstops, and (without a sandbox) the wrappers first on PATH. */
  env: Record<string, string>;
  /** Each shell's binary and the wrapper a sandbox puts in its place. */
  covers: Array<{ real: string; wrapper: string }>;
}

export interface KitOptions {
  dir: string;
  session: KitSession;
  /** The agent's environment before gating (PATH, BASH_ENV, ZDOTDIR). */
  env: NodeJS.ProcessEnv;
  shells?: SystemShell[];
  /**
   * In a sandbox: where a shell's real binary stays reachable once the wrapper covers its own path. Without one,
   * wrappers go first on PATH and exec the shell PATH would have found.
   */
  hiddenPathOf?: (real: string) => string;
}

export class ShellKitError extends Error {
  override readonly name = 'ShellKitError';
}

/** Writes the kit into `dir` (created 0700). */
export function writeShellKit(o: KitOptions): ShellKit {
  const shells = o.shells ?? findShells(o.env);
  const bash = shells.find((s) => s.kind === 'bash');
  if (!bash)
    throw new ShellKitError('bash was not found; Gatehouse needs it to gate the shells of an agent without hooks');
  const inside = (real: string): string => (o.hiddenPathOf ? o.hiddenPathOf(real) : real);
  const secret = randomBytes(SECRET_BYTES).toString('hex');
  const base = { interpreter: inside(bash.real), secret, session: o.session };
  const binDir = path.join(o.dir, 'bin');
  const coverDir = path.join(o.dir, 'cover');
  for (const d of [o.dir, binDir, coverDir, path.join(o.dir, 'zsh')]) fs.mkdirSync(d, { recursive: true, mode: 0o700 });

  const covers = shells.map((s, i) => {
    const wrapper = path.join(coverDir, `${i}-${path.basename(s.real)}`);
    fs.writeFileSync(wrapper, wrapperScript({ ...base, kind: s.kind, real: inside(s.real) }), { mode: 0o700 });
    return { real: s.real, wrapper };
  });
  for (const s of shells) {
    for (const name of s.names) {
      if (fs.existsSync(path.join(binDir, name))) continue;
      // Without a sandbox the wrapper runs what PATH would have found under that name.
      const found = o.hiddenPathOf ? s.real : fs.realpathSync(findExecutable(name, o.env) ?? s.real);
      const shell = shells.find((x) => x.real === found) ?? s;
      fs.writeFileSync(
        path.join(binDir, name),
        wrapperScript({ ...base, kind: shell.kind, real: inside(found), name }),
        { mode: 0o700 },
      );
    }
  }

  const preamble = backstopPreamble({ secret, session: o.session, hookShell: inside(bash.real) });
  const userBashEnv = o.env.BASH_ENV ?? '';
  fs.writeFileSync(
    path.join(o.dir, 'bash-env.bash'),
    [
      ...preamble,
      `GATEHOUSE_USER_BASH_ENV=${shQuote(userBashEnv)}`,
      `. ${shQuote(path.join(SHELL_INTEGRATION_DIR, 'bash-env.bash'))}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  for (const file of ['.zshenv', '.zprofile', '.zshrc', '.zlogin']) {
    const lines = file === '.zshenv' ? preamble : [];
    fs.writeFileSync(
      path.join(o.dir, 'zsh', file),
      [...lines, `. ${shQuote(path.join(SHELL_INTEGRATION_DIR, 'zsh', file))}`, ''].join('\n'),
      { mode: 0o600 },
    );
  }

  const userZdotdir = o.env.ZDOTDIR ?? '';
  const env: Record<string, string> = {
    [SHELL_ENV.kit]: o.dir,
    BASH_ENV: path.join(o.dir, 'bash-env.bash'),
    ZDOTDIR: path.join(o.dir, 'zsh'),
    [SHELL_ENV.userZdotdir]: userZdotdir,
    [SHELL_ENV.userBashEnv]: userBashEnv,
  };
  if (!o.hiddenPathOf) env.PATH = [binDir, o.env.PATH].filter(Boolean).join(path.delimiter);
  return { dir: o.dir, secret, env, covers };
}
