// Programs that run another program: sudo, env, nice, timeout, `uv run`, `bundle exec`… Each is described
// by its options, so the command it runs can be found the way the wrapper itself would find it.
import type { Word } from '../model.ts';

export interface WrapperSpec {
  /** Options that take a value, in the next word or glued (`-u root`, `-uroot`, `--user=root`). */
  valued?: readonly string[];
  /** Options after which nothing is run (`taskset -p`, `command -v`): the wrapper is judged as it is. */
  noCommand?: readonly string[];
  /** Operands before the command: timeout's duration, chrt's priority, `aws-vault exec`'s profile. */
  operands?: number;
  /** The subcommand that makes it a wrapper: `uv run`, `bundle exec`. */
  sub?: readonly string[];
  /** Runs the command with more rights than the caller. */
  privileged?: boolean;
  /** Options whose value is shell text to run (`su -c`, `nix-shell --run`), looked for among all words. */
  shellString?: readonly string[];
  /** The command's words are joined and run by a shell (`watch 'a | b'`). */
  joinsWithShell?: boolean;
  /** `NAME=VALUE` words before the command are environment assignments (env). */
  assignments?: boolean;
  /** Options whose value is split into the command's first words (`env -S 'rm -rf'`). */
  splitString?: readonly string[];
  /** Options whose following words are the command (`nix develop -c cmd…`). */
  commandAfter?: readonly string[];
  /** A lone `-` is an option, not the command (`env - cmd` empties the environment). */
  dashIsOption?: boolean;
}

export type Peeled =
  | { kind: 'keep' }
  | { kind: 'argv'; argv: Word[]; label: string; assignments: string[]; split: Word | null }
  | { kind: 'shell'; text: Word; label: string };

const SUDO_VALUED = [
  '-u',
  '--user',
  '-g',
  '--group',
  '-C',
  '--close-from',
  '-D',
  '--chdir',
  '-p',
  '--prompt',
  '-r',
  '--role',
  '-t',
  '--type',
  '-T',
  '--command-timeout',
  '-U',
  '--other-user',
  '-R',
  '--chroot',
  '-h',
  '--host',
];
const TIMEOUT: WrapperSpec = { valued: ['-s', '--signal', '-k', '--kill-after'], operands: 1 };
const PLAIN: WrapperSpec = {};
/** `doppler run -- cmd`, `op run -- cmd`: everything after `--` (or the first operand) is the command. */
const SECRETS_RUNNER: WrapperSpec = {
  valued: ['-e', '--env', '-f', '--env-file', '-p', '--project', '-c', '--config', '--path', '--projectId', '--token'],
};

/** Wrappers by program name (lower-cased, without directory). */
export const WRAPPERS: Readonly<Record<string, WrapperSpec>> = {
  sudo: {
    valued: SUDO_VALUED,
    privileged: true,
    noCommand: [
      '-e',
      '--edit',
      '-l',
      '--list',
      '-v',
      '--validate',
      '-k',
      '-K',
      '--reset-timestamp',
      '--remove-timestamp',
      '-V',
      '--version',
    ],
  },
  doas: { valued: ['-u', '-C'], privileged: true },
  pkexec: { valued: ['--user'], privileged: true },
  run0: {
    valued: [
      '-u',
      '--user',
      '-g',
      '--group',
      '-D',
      '--chdir',
      '--unit',
      '--property',
      '--description',
      '--slice',
      '--nice',
      '--setenv',
      '--background',
      '--machine',
    ],
    privileged: true,
  },
  nsenter: { valued: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '--wd'], privileged: true },
  env: {
    valued: ['-u', '--unset', '-C', '--chdir', '-P'],
    splitString: ['-S', '--split-string'],
    assignments: true,
    dashIsOption: true,
  },
  nice: { valued: ['-n', '--adjustment'] },
  nohup: PLAIN,
  // `coproc cmd…` runs cmd in the background (a NAME is only allowed before a compound command).
  coproc: PLAIN,
  setsid: PLAIN,
  busybox: PLAIN,
  toybox: PLAIN,
  builtin: PLAIN,
  eatmydata: PLAIN,
  chronic: PLAIN,
  nocache: PLAIN,
  unbuffer: PLAIN,
  'dbus-run-session': PLAIN,
  // A proxy that runs a command and trims its output for the model (`rtk git push`): the command is what runs.
  rtk: PLAIN,
  command: { noCommand: ['-v', '-V'] },
  exec: { valued: ['-a'] },
  timeout: TIMEOUT,
  gtimeout: TIMEOUT,
  time: { valued: ['-f', '--format', '-o', '--output'] },
  stdbuf: { valued: ['-i', '--input', '-o', '--output', '-e', '--error'] },
  ionice: { valued: ['-c', '--class', '-n', '--classdata'], noCommand: ['-p', '--pid', '-P', '--pgid', '-u', '--uid'] },
  chrt: {
    valued: ['-T', '--sched-runtime', '-P', '--sched-period', '-D', '--sched-deadline'],
    noCommand: ['-p', '--pid', '-m', '--max'],
    operands: 1,
  },
  taskset: { noCommand: ['-p', '--pid'], operands: 1 },
  caffeinate: { valued: ['-t', '-w'] },
  strace: { valued: ['-e', '-o', '-s', '-u', '-E', '-a', '-b', '-I', '-O', '-P', '-S', '-X'], noCommand: ['-p'] },
  ltrace: { valued: ['-e', '-o', '-s', '-u', '-a', '-A', '-D', '-F', '-l', '-n'], noCommand: ['-p'] },
  valgrind: PLAIN,
  firejail: PLAIN,
  proxychains: { valued: ['-f'] },
  proxychains4: { valued: ['-f'] },
  torsocks: { valued: ['-u', '-p', '-a', '-P'] },
  'xvfb-run': {
    valued: [
      '-n',
      '--server-num',
      '-s',
      '--server-args',
      '-f',
      '--auth-file',
      '-e',
      '--error-file',
      '-p',
      '--xauth-protocol',
    ],
  },
  chroot: { valued: ['--userspec', '--groups'], operands: 1 },
  gosu: { operands: 1 },
  'su-exec': { operands: 1 },
  flock: {
    valued: ['-w', '--wait', '--timeout', '-E', '--conflict-exit-code'],
    shellString: ['-c', '--command'],
    operands: 1,
  },
  watch: { valued: ['-n', '--interval', '-d'], joinsWithShell: true },
  script: { valued: ['-t', '-T', '-I', '-O', '-B', '-E'], shellString: ['-c', '--command'], operands: 1 },
  // `-X cmd` sends a command to a running session (`stuff` types text into it): judged by rules/interfaces.ts, not peeled.
  screen: {
    valued: ['-S', '-c', '-t', '-p', '-h', '-e', '-s', '-T'],
    noCommand: ['-X', '-ls', '-list', '-r', '-R', '-x', '-wipe'],
  },
  // `unshare -r cmd`: cmd runs in new namespaces (a root that is root only inside them).
  unshare: {
    valued: [
      '--map-user',
      '--map-group',
      '-S',
      '--setuid',
      '-G',
      '--setgid',
      '-R',
      '--root',
      '-w',
      '--wd',
      '--propagation',
      '--setgroups',
      '--map-users',
      '--map-groups',
      '--kill-child',
    ],
  },
  'systemd-run': {
    valued: [
      '-u',
      '--unit',
      '-p',
      '--property',
      '-E',
      '--setenv',
      '--uid',
      '--gid',
      '--nice',
      '--working-directory',
      '-M',
      '--machine',
      '-H',
      '--host',
      '--slice',
      '--description',
      '--on-calendar',
      '--on-active',
    ],
  },
  // Language and environment managers that run a command in their environment.
  uv: {
    sub: ['run'],
    valued: [
      '--with',
      '--python',
      '-p',
      '--package',
      '--directory',
      '--project',
      '--env-file',
      '--extra',
      '--group',
      '--index',
      '--from',
      '-w',
      '--with-requirements',
    ],
  },
  poetry: { sub: ['run'], valued: ['-C', '--directory', '-P', '--project'] },
  pipenv: { sub: ['run'] },
  pdm: { sub: ['run'], valued: ['-p', '--project'] },
  hatch: { sub: ['run'], valued: ['-e', '--env'] },
  rye: { sub: ['run'] },
  pixi: { sub: ['run'], valued: ['-e', '--environment', '--manifest-path'] },
  conda: { sub: ['run'], valued: ['-n', '--name', '-p', '--prefix', '--cwd'] },
  mamba: { sub: ['run'], valued: ['-n', '--name', '-p', '--prefix', '--cwd'] },
  micromamba: { sub: ['run'], valued: ['-n', '--name', '-p', '--prefix', '--cwd'] },
  bundle: { sub: ['exec'], valued: ['--gemfile'] },
  pnpm: { sub: ['exec'], valued: ['-C', '--dir', '--filter', '-F'] },
  direnv: { sub: ['exec'], operands: 1 },
  devbox: { sub: ['run'], valued: ['-c', '--config', '-e', '--env', '--env-file'] },
  asdf: { sub: ['exec'] },
  rbenv: { sub: ['exec'] },
  pyenv: { sub: ['exec'] },
  nodenv: { sub: ['exec'] },
  mise: {
    sub: ['exec', 'x'],
    valued: ['-C', '--cd', '-E', '--env', '-j', '--jobs'],
    commandAfter: ['--'],
    shellString: ['-c', '--command'],
  },
  fnm: { sub: ['exec'], valued: ['--using'] },
  volta: { sub: ['run'], valued: ['--node', '--npm', '--yarn', '--pnpm', '--env'] },
  nix: { sub: ['develop', 'shell'], commandAfter: ['-c', '--command'] },
  'nix-shell': { shellString: ['--run', '--command'] },
  doppler: { sub: ['run'], ...SECRETS_RUNNER, shellString: ['--command'] },
  op: { sub: ['run'], ...SECRETS_RUNNER },
  infisical: { sub: ['run'], ...SECRETS_RUNNER, shellString: ['--command'] },
  dotenvx: { sub: ['run'], ...SECRETS_RUNNER },
  dotenv: SECRETS_RUNNER,
  'aws-vault': { sub: ['exec'], valued: ['-d', '--duration', '-t', '--mfa-token', '--region', '-r'], operands: 1 },
  chamber: { sub: ['exec'], commandAfter: ['--'] },
  envchain: { operands: 1 },
  sops: { sub: ['exec-env', 'exec-file'], operands: 1, joinsWithShell: true },
};

/** `systemd-run --user` runs as the caller; without it, as a system service (root). */
export function runsAsRoot(prog: string, argv: readonly Word[]): boolean {
  if (prog === 'systemd-run') return !argv.some((w) => w.text === '--user');
  return WRAPPERS[prog]?.privileged === true;
}

/** `--long`, `--long=v`, `-c`, or a cluster of short flags ending in it (`script -qc 'cmd'`). */
function isOption(word: string, option: string): boolean {
  if (option.startsWith('--')) return word === option || word.startsWith(`${option}=`);
  return word === option || (/^-[A-Za-z]+$/.test(word) && word.endsWith(option.slice(1)));
}

function found(kind: 'shell', text: Word | undefined, label: string): Peeled {
  return text ? { kind, text, label } : { kind: 'keep' };
}

/** Finds the command a wrapper runs, or says there is none (`sudo -v`, `nice` alone). */
export function peelWrapper(prog: string, argv: readonly Word[], spec: WrapperSpec): Peeled {
  let i = 1;
  let label = prog;
  if (spec.sub) {
    const sub = argv[1]?.text ?? '';
    if (!spec.sub.includes(sub)) return { kind: 'keep' };
    label = `${prog} ${sub}`;
    i = 2;
  }
  const shellAt = spec.shellString
    ? argv.findIndex((w, k) => k >= i && spec.shellString?.some((o) => isOption(w.text, o)))
    : -1;
  if (shellAt >= 0) {
    const opt = argv[shellAt] as Word;
    const eq = opt.text.startsWith('--') ? opt.text.indexOf('=') : -1;
    const name = eq > 0 ? opt.text.slice(0, eq) : opt.text.startsWith('--') ? opt.text : `-${opt.text.slice(-1)}`;
    return found(
      'shell',
      eq > 0 ? { text: opt.text.slice(eq + 1), known: opt.known } : argv[shellAt + 1],
      `${label} ${name}`,
    );
  }
  const after = spec.commandAfter ? argv.findIndex((w, k) => k >= i && spec.commandAfter?.includes(w.text)) : -1;
  if (after >= 0) return rest(argv.slice(after + 1), label, [], null);
  let split: Word | null = null;
  for (; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--') {
      i += 1;
      break;
    }
    if (t === '-' && spec.dashIsOption) continue;
    if (!t.startsWith('-') || t === '-') break;
    const option = readOption(argv, i, spec);
    if (option.noCommand) return { kind: 'keep' };
    if (option.split) split = option.split;
    i = option.next - 1;
  }
  const assignments: string[] = [];
  if (spec.assignments) {
    while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test((argv[i] as Word).text))
      assignments.push((argv[i++] as Word).text);
  }
  i += spec.operands ?? 0;
  return rest(argv.slice(i), label, assignments, split);

  function rest(words: Word[], lbl: string, assigned: string[], splitWord: Word | null): Peeled {
    if (words.length === 0 && !splitWord) return { kind: 'keep' };
    if (spec.joinsWithShell && words.length > 0)
      return {
        kind: 'shell',
        text: { text: words.map((w) => w.text).join(' '), known: words.every((w) => w.known) },
        label: lbl,
      };
    return { kind: 'argv', argv: words, label: lbl, assignments: assigned, split: splitWord };
  }
}

interface OptionRead {
  /** Index of the word after this option (and its value). */
  next: number;
  noCommand: boolean;
  split: Word | null;
}

/** Reads one option word: `--long`, `--long=value`, `--long value`, `-x`, `-xvalue`, `-x value`, `-abc`. */
function readOption(argv: readonly Word[], i: number, spec: WrapperSpec): OptionRead {
  const w = argv[i] as Word;
  const t = w.text;
  const valueAt = (k: number): Word | null => argv[k] ?? null;
  if (t.startsWith('--')) {
    const eq = t.indexOf('=');
    const name = eq > 0 ? t.slice(0, eq) : t;
    if (spec.noCommand?.includes(name)) return { next: i + 1, noCommand: true, split: null };
    const takesValue = spec.valued?.includes(name) || spec.splitString?.includes(name);
    const value = eq > 0 ? { text: t.slice(eq + 1), known: w.known } : takesValue ? valueAt(i + 1) : null;
    return {
      next: eq < 0 && takesValue ? i + 2 : i + 1,
      noCommand: false,
      split: spec.splitString?.includes(name) ? value : null,
    };
  }
  for (let k = 1; k < t.length; k++) {
    const opt = `-${t[k]}`;
    if (spec.noCommand?.includes(opt)) return { next: i + 1, noCommand: true, split: null };
    const isSplit = spec.splitString?.includes(opt) ?? false;
    if (spec.valued?.includes(opt) || isSplit) {
      const glued = k < t.length - 1;
      const value = glued ? { text: t.slice(k + 1), known: w.known } : valueAt(i + 1);
      return { next: glued ? i + 1 : i + 2, noCommand: false, split: isSplit ? value : null };
    }
  }
  return { next: i + 1, noCommand: false, split: null };
}
