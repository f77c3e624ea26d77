// The shells installed on this machine, by every path an agent could start them with.
import fs from 'node:fs';
import path from 'node:path';

/** How a wrapper reads a shell's options: bash's, dash's (any other `sh`), zsh's or fish's. */
export type WrappedShellKind = 'bash' | 'dash' | 'zsh' | 'fish';

export interface SystemShell {
  kind: WrappedShellKind;
  /** The binary itself (symlinks resolved): what a sandbox covers with the wrapper. */
  real: string;
  /** Every name-on-PATH the shell answers to here (`sh`, `dash`, …). */
  names: string[];
}

/**
 * The Korn and C shells read `-c STRING` and one-letter options like dash (what is shown for anything else is the
 * whole invocation). busybox is left out: it is every other program too, and each of its calls would be asked.
 */
const SHELL_NAMES = [
  'sh',
  'bash',
  'dash',
  'zsh',
  'fish',
  'rbash',
  'ksh',
  'ksh93',
  'mksh',
  'pdksh',
  'yash',
  'posh',
  'csh',
  'tcsh',
] as const;
/** Looked in besides PATH: where systems and package managers put shells. */
const SYSTEM_DIRS = ['/bin', '/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/run/current-system/sw/bin'];

function kindOf(name: string, real: string): WrappedShellKind {
  const base = path.basename(real);
  if (base === 'bash' || base === 'zsh' || base === 'fish') return base;
  // `sh` that is really bash (some systems) runs as bash in POSIX mode; anything else reads POSIX options.
  return name === 'bash' || name === 'rbash' ? 'bash' : 'dash';
}

/** Every shell of SHELL_NAMES found on PATH or in SYSTEM_DIRS, one entry per binary. */
export function findShells(env: NodeJS.ProcessEnv): SystemShell[] {
  const dirs = [
    ...new Set([...(env.PATH ?? '').split(path.delimiter).filter((d) => path.isAbsolute(d)), ...SYSTEM_DIRS]),
  ];
  const byReal = new Map<string, SystemShell>();
  for (const name of SHELL_NAMES) {
    for (const dir of dirs) {
      const real = realExecutable(path.join(dir, name));
      if (!real) continue;
      const known = byReal.get(real);
      if (known) {
        if (!known.names.includes(name)) known.names.push(name);
      } else byReal.set(real, { kind: kindOf(name, real), real, names: [name] });
    }
  }
  return [...byReal.values()];
}

function realExecutable(file: string): string | null {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    const real = fs.realpathSync(file);
    return fs.statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}
