// Arguments that carry code, for rules: per program, the options, operands and subcommands through which a
// command line runs code or another program (`node -e …`, an interpreter's script, `git -c core.pager=…`,
// `make --eval`, `find -exec`, `sed`'s script, `npx <package>`). What a person approved must never stretch
// over code they did not see, so an allow prefix rule never covers extra words that carry code, and the
// learner never proposes a prefix that ends before or inside them.
//
// A program is one entry of CODE_ARGS, made of plain lists (the shape is CodeArgs below). To add one: write
// its entry, then a case in test/unit/core/rules/code-args.test.ts. The risk engine keeps its own, richer
// model of the same facts (electron/core/risk/); this table is the rules' view of it, to be merged into it.
import { codeCarryingMarks } from '../risk/rules/shapes.ts';
import { baseProgram } from './words.ts';

export interface CodeArgs {
  /**
   * Options that carry code or run another program. From one of these to the end of the command, every word
   * carries code. `-e` also matches inside a cluster (`-ne`) and glued (`-eCODE`); `--eval` also matches
   * `--eval=…` and abbreviations (`--ev`); a longer single-dash entry (`-exec`) matches any word holding it
   * (`-execdir`, `--exec`); `+` matches any word starting with `+` (vim's `+cmd`); `--config.` any word
   * starting with it.
   */
  code?: readonly string[];
  /** Options that name what runs (`python -m mod`): they and their value carry code; later words are its arguments. */
  script?: readonly string[];
  /** Options that take the next word as a plain value (`-W ignore`, `-C dir`), matched exactly. */
  valued?: readonly string[];
  /** Options known to be plain flags, matched exactly (`--name=value` counts as a flag with its value). */
  flags?: readonly string[];
  /** Short options whose optional value is glued to them (`perl -i.bak`): the rest of their cluster is the value. */
  glued?: string;
  /**
   * Options that make the command a read, so its operands carry no code (`git config --get`). They decide
   * what the operands are, so a rule must include them: they count as carrying code themselves.
   */
  reads?: readonly string[];
  /**
   * Options that take the next word as their value on some systems and not on others (`sed -i ''` on macOS,
   * `sed -i 's/…/'` with GNU): that word counts as carrying code, and the operands are read as if it were not there.
   */
  ambiguous?: readonly string[];
  /**
   * What the operands are. `script`: the first one runs (a script, module, target); the words after it are
   * its own arguments. `code`: the first one is inline code (sed's script, awk's program); the rest are data.
   * `package`: the first is a package whose program runs with the words after it (npx). `command`: they are
   * a command line, its program read by its own entry (xargs, `uv run`). `all`: each one carries code (make's
   * targets and `VAR=value` overrides, packages to install). `remote`: the first is a host, the rest code
   * run there (ssh). Unset: plain data.
   */
  operands?: 'script' | 'code' | 'package' | 'command' | 'all' | 'remote';
  /** Subcommands (the first operand), each read by its own entry; `other` reads any subcommand not listed. */
  subcommands?: Readonly<Record<string, CodeArgs>>;
  other?: CodeArgs;
  /**
   * An option not listed makes the rest of the command carry code: it might take the next word as its value
   * and so move the script. The default for entries with subcommands or with `script`, `code`, `package`
   * or `command` operands, where the place of the first operand matters.
   */
  strict?: boolean;
  /** Options are whole words even with one dash (Go's `-race`, `-exec=x`), never clusters of letters. */
  wordOptions?: boolean;
  /** The first word may be a cluster of options without a dash (`tar xzf a.tgz`). */
  bundledFirst?: boolean;
}

/** Every operand and option from here on carries code: `eval`, `deno eval`, `git filter-branch`, `npm explore`. */
const RUNS: CodeArgs = { strict: true, operands: 'all' };

const SHELL: CodeArgs = {
  code: ['-c', '-s', '-i', '--rcfile', '--init-file', '-C', '--command', '--init-command'],
  valued: ['-o', '-O', '+o', '+O'],
  flags: ['-a', '-b', '-e', '-f', '-h', '-k', '-l', '-m', '-n', '-p', '-r', '-t', '-u', '-v', '-x', '-B', '-E', '-H', '-P', '-T', '--login', '--norc', '--noprofile', '--posix', '--restricted', '--verbose', '--noediting', '--no-config', '--version', '--help', '+'],
  operands: 'script',
};

const NODE_CODE = ['-e', '--eval', '-p', '--print', '-r', '--require', '--import', '--loader', '--experimental-loader', '-i', '--interactive', '--inspect', '--inspect-brk', '--inspect-wait', '--inspect-port', '--env-file', '--env-file-if-exists', '--test-reporter', '--experimental-policy', '--snapshot-blob'];
const NODE_FLAGS = [
  '-c', '--check', '-v', '--version', '-h', '--help', '--test', '--test-only', '--watch', '--no-warnings', '--enable-source-maps', '--trace-warnings', '--trace-uncaught',
  '--trace-deprecation', '--no-deprecation', '--throw-deprecation', '--pending-deprecation', '--experimental-strip-types', '--experimental-transform-types',
  '--no-experimental-strip-types', '--experimental-vm-modules', '--experimental-modules', '--experimental-json-modules', '--experimental-specifier-resolution',
  '--experimental-default-type', '--experimental-detect-module', '--experimental-require-module', '--experimental-sqlite', '--no-experimental-fetch', '--expose-gc', '--harmony',
  '--max-old-space-size', '--stack-size', '--stack-trace-limit', '--unhandled-rejections', '--title', '--preserve-symlinks', '--abort-on-uncaught-exception', '--cpu-prof', '--heap-prof', '--prof',
];
const NODE: CodeArgs = { code: NODE_CODE, script: ['--run'], valued: ['-C', '--conditions', '--input-type', '--watch-path', '--test-name-pattern'], flags: NODE_FLAGS, operands: 'script' };

const PYTHON: CodeArgs = {
  code: ['-c', '-i'],
  script: ['-m'],
  valued: ['-W', '-X', '--check-hash-based-pycs'],
  flags: ['-b', '-B', '-d', '-E', '-h', '-I', '-O', '-P', '-q', '-s', '-S', '-u', '-v', '-V', '-x', '-R', '--version', '--help'],
  operands: 'script',
};

const NPM_CODE = ['--script-shell', '--node-options', '--shell', '--editor', '--git', '--userconfig', '--globalconfig', '--prefix', '--onload-script', '--browser', '--registry', '-c', '--call'];
const NPM_VALUED = ['--loglevel', '-w', '--workspace', '--cache', '--tag'];
const NPM_FLAGS = ['-g', '--global', '-s', '--silent', '-q', '--quiet', '-y', '--yes', '-d', '-dd', '-ddd', '--workspaces', '-ws', '--include-workspace-root', '--if-present', '--no-audit', '--no-fund', '--legacy-peer-deps', '--force', '-f', '-v', '--version', '-h', '--help', '-l', '--json', '--dry-run', '--ignore-scripts'];
/** npx, `npm exec`, bunx, pnpx, `pnpm dlx`, `yarn dlx`: a package's program, fetched if need be. */
const PACKAGE_RUNNER: CodeArgs = { code: [...NPM_CODE, '-p', '--package', '--shell-mode'], flags: [...NPM_FLAGS, '--no', '--no-install', '--ignore-existing', '--prefer-offline', '--prefer-online', '--bun'], operands: 'package' };
const NPM_INSTALL: CodeArgs = { code: NPM_CODE, operands: 'all' };
const NPM_OTHER: CodeArgs = { code: NPM_CODE };

const BUN_CODE = ['-e', '--eval', '-p', '--print', '-r', '--preload', '--require', '--import', '-c', '--config', '--inspect', '--inspect-brk', '--inspect-wait', '--env-file'];
const BUN_FLAGS = ['--bun', '--watch', '--hot', '--silent', '--smol', '--no-install', '-b', '--revision', '-v', '--version', '-h', '--help', '--if-present', '--no-clear-screen'];
const BUN_VALUED = ['--cwd', '--filter', '-F', '--elide-lines'];
const BUN_RUN: CodeArgs = { code: BUN_CODE, flags: BUN_FLAGS, valued: BUN_VALUED, operands: 'script' };
const BUN_OTHER: CodeArgs = { code: BUN_CODE };

const DENO_CODE = ['--import-map', '-c', '--config', '--preload', '--inspect', '--inspect-brk', '--inspect-wait', '--eval', '--env-file', '--env'];
const DENO_RUN: CodeArgs = {
  code: DENO_CODE,
  flags: ['-A', '--allow-all', '--allow-read', '--allow-write', '--allow-net', '--allow-env', '--allow-run', '--allow-sys', '--allow-ffi', '--allow-import', '-R', '-W', '-N', '-E', '-S', '-q', '--quiet', '--no-check', '--check', '--watch', '--unstable', '-r', '--reload', '--no-prompt', '--cached-only', '--no-lock', '--frozen'],
  valued: ['--location', '--seed', '--v8-flags', '--lock', '--ext', '--node-modules-dir'],
  operands: 'script',
};

const GO_CODE = ['-exec', '-toolexec', '-overlay', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-modfile', '-vettool'];
const GO_BUILD: CodeArgs = { code: GO_CODE, wordOptions: true };
const GO_RUN: CodeArgs = {
  code: GO_CODE,
  valued: ['-p', '-tags', '-mod', '-buildmode', '-compiler', '-covermode', '-coverpkg', '-pkgdir', '-installsuffix', '-buildvcs', '-pgo', '-C'],
  flags: ['-a', '-n', '-race', '-msan', '-asan', '-cover', '-v', '-work', '-x', '-trimpath', '-modcacherw', '-linkshared'],
  operands: 'script',
  wordOptions: true,
};

const CARGO_CODE = ['--config', '-Z'];
const CARGO_OTHER: CodeArgs = { code: CARGO_CODE };

const MAKE: CodeArgs = { code: ['-f', '--file', '--makefile', '--eval', '-E', '-C', '--directory', '-I', '--include-dir', '-e', '--environment-overrides'], operands: 'all' };

const GIT_DIFFS: CodeArgs = { code: ['--ext-diff'] };
const GIT_FETCHES: CodeArgs = { code: ['--upload-pack', '--receive-pack', '--exec', '-s', '--strategy'] };
const GIT_CONFIG: CodeArgs = {
  code: ['-e', '--edit', '--add', '--replace-all', '--unset', '--unset-all', '--rename-section', '--remove-section'],
  reads: ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '--get-color', '--get-colorbool', '--list', '-l'],
  valued: ['-f', '--file', '--blob', '--type', '--default', '--comment'],
  flags: ['--global', '--local', '--system', '--worktree', '--show-origin', '--show-scope', '--name-only', '-z', '--null', '--bool', '--int', '--bool-or-int', '--path', '--expiry-date', '--includes', '--no-includes'],
  operands: 'all',
  strict: true,
  subcommands: { get: { flags: ['--all', '--regexp', '--show-origin', '--show-scope', '--global', '--local', '--system'] }, list: {}, set: RUNS, unset: RUNS, edit: RUNS, 'rename-section': RUNS, 'remove-section': RUNS },
};

const GIT: CodeArgs = {
  code: ['-c', '--config-env', '--exec-path'],
  valued: ['-C', '--git-dir', '--work-tree', '--namespace', '--super-prefix', '--list-cmds'],
  flags: ['-p', '--paginate', '-P', '--no-pager', '--bare', '--no-replace-objects', '--literal-pathspecs', '--glob-pathspecs', '--noglob-pathspecs', '--icase-pathspecs', '--no-optional-locks', '--no-advice', '--version', '-v', '--help', '-h', '--html-path', '--man-path', '--info-path'],
  subcommands: {
    config: GIT_CONFIG,
    rebase: { code: ['-x', '--exec', '-i', '--interactive', '-s', '--strategy'] },
    bisect: { subcommands: { run: { operands: 'command' } }, other: {} },
    submodule: { subcommands: { foreach: { flags: ['--recursive', '-q', '--quiet'], operands: 'command' } }, other: {} },
    difftool: { code: ['-x', '--extcmd', '-t', '--tool'] },
    mergetool: { code: ['-t', '--tool'] },
    grep: { code: ['-O', '--open-files-in-pager'] },
    log: GIT_DIFFS,
    show: GIT_DIFFS,
    diff: GIT_DIFFS,
    fetch: GIT_FETCHES,
    pull: GIT_FETCHES,
    push: GIT_FETCHES,
    'ls-remote': GIT_FETCHES,
    archive: GIT_FETCHES,
    merge: { code: ['-s', '--strategy'] },
    clone: { code: ['-c', '--config', '--template', '-u', '--upload-pack'] },
    'send-email': { code: ['--smtp-server', '--to-cmd', '--cc-cmd', '--header-cmd', '--sendmail-cmd'] },
    'filter-branch': RUNS,
    instaweb: RUNS,
    hook: { subcommands: { run: RUNS }, other: {} },
  },
  other: {},
};

const AWK: CodeArgs = { code: ['-f', '--file', '-e', '--source', '-E', '--exec', '-i', '--include', '-l', '--load'], valued: ['-v', '-F', '--assign', '--field-separator'], operands: 'code' };

/** Runs the command after its options (`xargs`, `sudo`, `uv run`). */
const runner = (valued: readonly string[], flags: readonly string[], code: readonly string[] = []): CodeArgs => ({ code, valued, flags, operands: 'command' });

/** Programs by the name they are called by (without directory, version suffix or `.exe`). */
export const CODE_ARGS: Readonly<Record<string, CodeArgs>> = {
  // Interpreters: the script (or inline code) is what runs; the prefix must reach it.
  node: NODE,
  nodejs: NODE,
  tsx: { ...NODE, valued: [...(NODE.valued ?? []), '--tsconfig'], flags: [...NODE_FLAGS, '--no-cache'], subcommands: { watch: NODE } },
  'ts-node': { code: [...NODE_CODE, '--compiler', '-C', '--transpiler', '-P', '--project', '-O', '--compilerOptions'], flags: ['-T', '--transpile-only', '--esm', '--swc', '-H', '--files', '--pretty', '--skip-project', '-v', '--version', '-h', '--help'], operands: 'script' },
  python: PYTHON,
  pypy: PYTHON,
  bash: SHELL,
  sh: SHELL,
  zsh: SHELL,
  dash: SHELL,
  ksh: SHELL,
  mksh: SHELL,
  ash: SHELL,
  fish: SHELL,
  source: { operands: 'script' },
  '.': { operands: 'script' },
  eval: RUNS,
  ruby: { code: ['-e', '-r', '-I', '-x', '-S'], valued: ['-C', '-E'], glued: 'i0FWK', flags: ['-a', '-c', '-d', '-l', '-n', '-p', '-s', '-v', '-w', '-y', '--version', '--help', '--disable-gems', '--verbose'], operands: 'script' },
  perl: { code: ['-e', '-E', '-M', '-m', '-I', '-x', '-d', '-S'], glued: 'il0FC', flags: ['-a', '-c', '-n', '-p', '-s', '-t', '-T', '-u', '-U', '-v', '-w', '-W', '-X', '--version', '--help'], operands: 'script' },
  php: { code: ['-r', '-a', '-B', '-R', '-F', '-E', '-d', '-c', '-f', '-S', '-z'], valued: ['-t'], flags: ['-l', '-n', '-q', '-v', '-i', '-m', '-h', '-H', '-s', '-w', '-e'], operands: 'script' },
  lua: { code: ['-e', '-l', '-i', '-j'], flags: ['-v', '-E', '-W'], operands: 'script' },
  luajit: { code: ['-e', '-l', '-i', '-j', '-b'], flags: ['-v', '-E', '-O'], operands: 'script' },
  deno: { code: DENO_CODE, flags: ['-q', '--quiet', '-v', '-V', '--version', '-h', '--help', '--unstable'], subcommands: { run: DENO_RUN, serve: DENO_RUN, eval: RUNS, repl: RUNS, task: { operands: 'script', flags: ['-q', '--quiet', '-r', '--recursive'], valued: ['--cwd', '-f', '--filter', '--config'] }, x: PACKAGE_RUNNER }, operands: 'script' },
  bun: { code: BUN_CODE, flags: BUN_FLAGS, valued: BUN_VALUED, subcommands: { run: BUN_RUN, x: PACKAGE_RUNNER, exec: RUNS, create: PACKAGE_RUNNER, c: PACKAGE_RUNNER, install: { code: BUN_CODE, operands: 'all' }, i: { code: BUN_CODE, operands: 'all' }, add: { code: BUN_CODE, operands: 'all' }, a: { code: BUN_CODE, operands: 'all' }, ...Object.fromEntries(['test', 'remove', 'rm', 'update', 'link', 'unlink', 'pm', 'outdated', 'build', 'init', 'upgrade', 'publish', 'patch', 'info', 'why', 'audit'].map((s) => [s, BUN_OTHER])) }, operands: 'script' },
  osascript: { code: ['-e'], operands: 'script' },
  rscript: { code: ['-e', '--expr'], flags: ['--vanilla', '--verbose', '--no-environ', '--no-site-file', '--no-init-file', '--version'], operands: 'script' },
  awk: AWK,
  gawk: AWK,
  mawk: AWK,
  nawk: AWK,
  // sed's script can run commands (GNU `e`) and write files (`w`): it is code; the files after it are data.
  sed: {
    code: ['-e', '--expression', '-f', '--file'],
    valued: ['-l', '--line-length'],
    glued: 'i',
    ambiguous: ['-i'],
    flags: ['-n', '--quiet', '--silent', '-E', '-r', '--regexp-extended', '-s', '--separate', '-u', '--unbuffered', '-z', '--null-data', '--in-place', '--posix', '--debug', '--sandbox', '--follow-symlinks', '--help', '--version'],
    operands: 'code',
  },

  // Runners: a package, task or command is what runs.
  npx: PACKAGE_RUNNER,
  bunx: PACKAGE_RUNNER,
  pnpx: PACKAGE_RUNNER,
  npm: {
    code: NPM_CODE,
    valued: NPM_VALUED,
    flags: NPM_FLAGS,
    subcommands: {
      exec: PACKAGE_RUNNER,
      x: PACKAGE_RUNNER,
      init: PACKAGE_RUNNER,
      create: PACKAGE_RUNNER,
      explore: RUNS,
      config: { code: NPM_CODE, subcommands: { set: RUNS, edit: RUNS }, other: NPM_OTHER },
      ...Object.fromEntries(['install', 'i', 'in', 'add', 'update', 'up', 'upgrade', 'isntall'].map((s) => [s, NPM_INSTALL])),
    },
    other: NPM_OTHER,
  },
  pnpm: {
    code: [...NPM_CODE, '--config.'],
    valued: ['-C', '--dir', '--filter', '-F', '--workspace-concurrency', '--reporter', '--loglevel'],
    flags: ['-r', '--recursive', '-w', '--workspace-root', '-s', '--silent', '--stream', '--parallel', '-g', '--global', '-v', '--version', '-h', '--help', '--if-present'],
    subcommands: { exec: runner([], []), dlx: PACKAGE_RUNNER, create: PACKAGE_RUNNER, install: NPM_INSTALL, i: NPM_INSTALL, add: NPM_INSTALL, update: NPM_INSTALL, up: NPM_INSTALL },
    other: { code: [...NPM_CODE, '--config.'] },
  },
  yarn: {
    code: [...NPM_CODE, '--use-yarnrc'],
    valued: ['--cwd'],
    flags: ['-s', '--silent', '--verbose', '-v', '--version', '-h', '--help'],
    subcommands: { dlx: PACKAGE_RUNNER, exec: RUNS, node: NODE, create: PACKAGE_RUNNER, add: NPM_INSTALL, install: NPM_INSTALL, upgrade: NPM_INSTALL, up: NPM_INSTALL },
    other: NPM_OTHER,
  },
  make: MAKE,
  gmake: MAKE,
  go: {
    valued: ['-C'],
    wordOptions: true,
    subcommands: { run: GO_RUN, tool: { operands: 'script', wordOptions: true }, env: { code: ['-w', '-u'], wordOptions: true } },
    other: GO_BUILD,
  },
  cargo: {
    code: CARGO_CODE,
    valued: ['--color', '-C'],
    flags: ['-v', '-vv', '-q', '--verbose', '--quiet', '--frozen', '--locked', '--offline', '+', '-h', '--help', '-V', '--version', '--list'],
    subcommands: { install: { code: [...CARGO_CODE, '--git', '--path', '--index', '--registry'], operands: 'all' } },
    other: CARGO_OTHER,
  },
  uv: {
    valued: ['--directory', '--project', '--cache-dir', '--color', '--python', '-p'],
    flags: ['-q', '--quiet', '-v', '--verbose', '--offline', '--no-cache', '-n', '--native-tls', '--version', '-V', '-h', '--help'],
    subcommands: {
      run: runner(['--python', '-p', '--package', '--directory', '--project', '--extra', '--group', '--env-file', '--index', '--default-index'], ['--frozen', '--locked', '--no-sync', '--isolated', '--all-extras', '--no-dev', '--dev', '--no-project', '-q', '--quiet', '-v'], ['--with', '--with-editable', '--with-requirements', '-w', '--from', '--script', '--module', '-m']),
      tool: { subcommands: { run: { ...PACKAGE_RUNNER, code: ['--with', '--with-editable', '--with-requirements', '--from', '-w'] }, install: { operands: 'all' } }, other: {} },
      pip: { subcommands: { install: { operands: 'all', code: ['-r', '--requirement', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links'] } }, other: {} },
      add: { operands: 'all' },
    },
    other: {},
  },
  uvx: { ...PACKAGE_RUNNER, code: ['--with', '--with-editable', '--with-requirements', '--from', '-w'], valued: ['--python', '-p'] },
  pip: {
    valued: ['--log', '--cache-dir', '--proxy', '--timeout', '--python'],
    flags: ['-q', '--quiet', '-v', '--verbose', '--disable-pip-version-check', '--no-cache-dir', '--isolated', '--version', '-V', '--help', '-h', '--user'],
    subcommands: { install: { operands: 'all', code: ['-r', '--requirement', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links'] } },
    other: {},
  },
  poetry: { valued: ['-C', '--directory', '-P', '--project'], flags: ['-q', '--quiet', '-v', '-n', '--no-interaction', '--no-ansi'], subcommands: { run: runner([], []), add: { operands: 'all' } }, other: {} },
  pipenv: { subcommands: { run: runner([], []), install: { operands: 'all' } }, other: {} },
  bundle: { subcommands: { exec: runner(['--gemfile'], []) }, other: {} },
  xargs: runner(
    ['-L', '-n', '-P', '-s', '-d', '-E', '-a', '-I', '--max-args', '--max-procs', '--delimiter', '--arg-file', '--max-lines', '--max-chars', '--eof', '--process-slot-var'],
    ['-0', '--null', '-r', '--no-run-if-empty', '-t', '--verbose', '-p', '--interactive', '-x', '--exit', '-o', '--open-tty', '--replace'],
  ),
  sudo: runner(['-u', '--user', '-g', '--group', '-C', '--close-from', '-D', '--chdir', '-p', '--prompt', '-r', '--role', '-t', '--type', '-T', '--command-timeout', '-U', '--other-user', '-h', '--host'], ['-E', '--preserve-env', '-H', '--set-home', '-n', '--non-interactive', '-S', '--stdin', '-k', '-A', '--askpass', '-P', '-b', '--background'], ['-i', '--login', '-s', '--shell', '-R', '--chroot']),
  doas: runner(['-u', '-C'], ['-n'], ['-s']),
  pkexec: runner(['--user'], ['--keep-cwd', '--disable-internal-agent']),
  run0: runner(['-u', '--user', '-g', '--group', '-D', '--chdir', '--unit', '--property', '--description', '--slice', '--nice', '--setenv', '--machine'], ['--background']),
  // `su user`, and in a rule's strict form `su <command>`: every operand is what runs, as that user.
  su: { code: ['-c', '--command', '-s', '--shell', '-l', '--login'], operands: 'all' },
  nohup: runner([], []),
  nice: runner(['-n', '--adjustment'], []),
  watch: RUNS,

  // Programs with options or subcommands that run code.
  git: GIT,
  tar: { code: ['-I', '-F', '--to-command', '--checkpoint-action', '--use-compress-program', '--info-script', '--new-volume-script', '--rsh-command', '--rmt-command'], bundledFirst: true },
  find: { code: ['-exec', '-execdir', '-ok', '-okdir', '-fprint', '-fls', '-delete'] },
  rg: { code: ['--pre'] },
  zip: { code: ['-TT', '--unzip-command'] },
  rsync: { code: ['-e', '--rsh', '--rsync-path'] },
  ssh: { code: ['-o', '-F'], operands: 'remote' },
  scp: { code: ['-o', '-F', '-S'] },
  sftp: { code: ['-o', '-F', '-S', '-b', '-D'] },
  vim: { code: ['-c', '--cmd', '-S', '-s', '-u', '+', '--remote-send', '--remote-expr'] },
  emacs: { code: ['--eval', '-l', '--load', '-f', '--funcall', '--script', '-x'] },
  psql: { code: ['-c', '--command', '-f', '--file'] },
  mysql: { code: ['-e', '--execute', '--init-command'] },
  sqlite3: { code: ['-cmd', '-init'], operands: 'remote' },
  'redis-cli': { code: ['--eval'] },
};

const ALIASES: Readonly<Record<string, string>> = { nvim: 'vim', vi: 'vim', view: 'vim', ex: 'vim', gvim: 'vim', pip3: 'pip', python3: 'python' };

/** The entry for a program word: `/usr/bin/python3.11` is python, `node22` node, `NPX.exe` npx. */
export function codeArgsFor(word: string): CodeArgs | null {
  const name = baseProgram(word).toLowerCase().replace(/\.exe$/, '');
  for (const candidate of [name, name.replace(/[\d.]+$/, '')]) {
    const key = ALIASES[candidate] ?? candidate;
    if (candidate !== '' && Object.hasOwn(CODE_ARGS, key)) return CODE_ARGS[key] as CodeArgs;
  }
  return null;
}

/**
 * Whether what a program does is said by the words after its name (an interpreter's script, a runner's
 * package, a subcommand, tar's mode): a rule for the name alone (`node`, `npx`, `git`, `tar`) is never learned.
 */
export function runsWhatFollows(word: string): boolean {
  const spec = codeArgsFor(word);
  return spec !== null && (isStrict(spec) || spec.bundledFirst === true);
}

const isStrict = (spec: CodeArgs): boolean => spec.strict ?? (spec.subcommands !== undefined || (spec.operands !== undefined && spec.operands !== 'all' && spec.operands !== 'remote'));

type OptionKind = 'code' | 'script' | 'reads' | 'ambiguous' | 'valued' | 'flag' | 'unknown';

/** What one option word is to this program, and whether it takes the next word as its value. */
interface ReadOption {
  kind: OptionKind;
  takesNext: boolean;
}

/** `--eval`, `--eval=x`, `--ev` (an abbreviation getopt would accept), `--config.x=y`; `--exec` for `-exec`. */
function longMatches(word: string, entry: string): boolean {
  const name = word.split('=', 1)[0] as string;
  if (entry.endsWith('.')) return word.startsWith(entry);
  if (entry.startsWith('--')) return name === entry || (name.length > 2 && entry.startsWith(name));
  return entry.length > 2 && name.slice(1).startsWith(entry);
}

/** `-exec`, `-exec=x`, `-execdir`, `-qTT`: a multi-letter single-dash entry held in the word. */
function wordHolds(word: string, entry: string): boolean {
  return entry.length > 2 && !entry.startsWith('--') && entry.startsWith('-') && word.slice(1).includes(entry.slice(1));
}

const has = (list: readonly string[] | undefined, word: string): boolean => list?.includes(word) ?? false;

function readOption(word: string, spec: CodeArgs, strict: boolean): ReadOption {
  const glued = word.includes('=');
  const name = word.split('=', 1)[0] as string;
  if (word.startsWith('+')) {
    if (has(spec.code, '+')) return { kind: 'code', takesNext: false };
    if (has(spec.valued, word)) return { kind: 'valued', takesNext: true };
    return { kind: has(spec.flags, '+') ? 'flag' : 'unknown', takesNext: false };
  }
  // An option named in full is that option (getopt and its kin prefer it to an abbreviation of another).
  if (has(spec.code, name)) return { kind: 'code', takesNext: false };
  if (has(spec.script, name)) return { kind: 'script', takesNext: !glued };
  if (has(spec.reads, name)) return { kind: 'reads', takesNext: false };
  if (has(spec.ambiguous, word)) return { kind: 'ambiguous', takesNext: true };
  if (has(spec.valued, name)) return { kind: 'valued', takesNext: !glued };
  if (has(spec.flags, name)) return { kind: 'flag', takesNext: false };
  // Then code, loosely (in a cluster, glued, abbreviated): a false alarm only narrows a rule.
  for (const [kind, list] of [['code', spec.code], ['script', spec.script], ['reads', spec.reads]] as const) {
    for (const entry of list ?? []) {
      const hit = word.startsWith('--') ? longMatches(word, entry) : wordHolds(word, entry) || (entry.length === 2 && !spec.wordOptions && clusterHas(word, entry[1] as string, spec));
      if (hit) return { kind, takesNext: kind === 'script' && !glued && (word.startsWith('--') || word.endsWith(entry.slice(1))) };
    }
  }
  if (word.startsWith('--') || spec.wordOptions || word.length === 2) return { kind: 'unknown', takesNext: false };
  return readCluster(word, spec, strict);
}

/**
 * Whether a short option appears in a cluster (`-ne` holds `-e`) before anything that ends the cluster: a
 * letter known to take a value (the rest is its value). Unknown letters are read on, to err towards code.
 */
function clusterHas(word: string, letter: string, spec: CodeArgs): boolean {
  if (word.startsWith('--') || word.length < 2) return false;
  for (const c of word.slice(1)) {
    if (c === letter) return true;
    if (has(spec.valued, `-${c}`) || spec.glued?.includes(c)) return false;
  }
  return false;
}

/** A cluster of short options with no code in it (checked before): flags, then perhaps one taking a value. */
function readCluster(word: string, spec: CodeArgs, strict: boolean): ReadOption {
  const letters = word.slice(1);
  for (const [i, c] of [...letters].entries()) {
    if (has(spec.valued, `-${c}`)) return { kind: 'valued', takesNext: i === letters.length - 1 };
    if (spec.glued?.includes(c)) return { kind: 'flag', takesNext: false };
    if (!has(spec.flags, `-${c}`) && strict) return { kind: 'unknown', takesNext: false };
  }
  return { kind: 'flag', takesNext: false };
}

/** `@scope/name@1.2` → `name`; `create-next-app@latest` → `create-next-app`. */
function programOfPackage(spec: string): string {
  const unscoped = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  return unscoped.split('@', 1)[0] as string;
}

/** Marks the words of `argv` from `at` on that carry code, read by `spec`. */
function scan(argv: readonly string[], at: number, spec: CodeArgs, marked: boolean[]): void {
  const strict = isStrict(spec);
  const markRest = (from: number): void => {
    marked.fill(true, from);
  };
  let operands = 0;
  let reading = false;
  let optionsEnded = false;
  for (let i = at; i < argv.length; i++) {
    const w = argv[i] as string;
    if (i === at && spec.bundledFirst && w !== '' && !w.startsWith('-')) {
      if (readOption(`-${w}`, spec, false).kind === 'code') return markRest(i);
      continue;
    }
    if (!optionsEnded && w === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && w.length > 1 && (w.startsWith('-') || (w.startsWith('+') && (has(spec.code, '+') || has(spec.flags, '+') || has(spec.valued, w))))) {
      const option = readOption(w, spec, strict);
      if (option.kind === 'code' || (option.kind === 'unknown' && strict)) return markRest(i);
      if (option.kind === 'script') {
        marked[i] = true;
        if (option.takesNext && i + 1 < argv.length) marked[i + 1] = true;
        return;
      }
      if (option.kind === 'reads') {
        marked[i] = true;
        reading = true;
      }
      if (option.kind === 'ambiguous' && i + 1 < argv.length) marked[i + 1] = true;
      if (option.takesNext) i++;
      continue;
    }
    if (operands === 0 && (spec.subcommands || spec.other)) {
      const sub = spec.subcommands && Object.hasOwn(spec.subcommands, w) ? spec.subcommands[w] : spec.other;
      if (sub) return scan(argv, i + 1, sub, marked);
    }
    operands += 1;
    if (reading) continue;
    switch (spec.operands) {
      case 'script':
        marked[i] = true;
        return;
      case 'code':
        if (operands === 1) marked[i] = true;
        break;
      case 'package': {
        marked[i] = true;
        const inner = codeArgsFor(programOfPackage(w));
        if (inner) scan(argv, i + 1, inner, marked);
        return;
      }
      case 'command': {
        marked[i] = true;
        const inner = codeArgsFor(w);
        if (inner) scan(argv, i + 1, inner, marked);
        return;
      }
      case 'all':
        marked[i] = true;
        break;
      case 'remote':
        if (operands > 1) return markRest(i);
        break;
      case undefined:
        break;
    }
  }
}

/**
 * The words a rule may only cover as written: for each word of `argv` (a segment's argv, or a rule's strict
 * words, which may start with `sudo`), whether it carries code.
 */
export function codeCarryingWords(argv: readonly string[]): boolean[] {
  const marked = argv.map(() => false);
  const spec = codeArgsFor(argv[0] ?? '');
  if (spec) scan(argv, 1, spec, marked);
  // The risk engine's shape tables say the same of every program they know: what runs, loads or is judged by its
  // value, and every word from the first they do not know.
  const fromShape = codeCarryingMarks(baseProgram(argv[0] ?? ''), argv.slice(1).map((text) => ({ text, known: true })));
  fromShape?.forEach((code, i) => {
    if (code) marked[i + 1] = true;
  });
  return marked;
}

/**
 * The index of the first word at or after `from` that carries code or runs another program (an option such as
 * `-e` and its payload, an interpreter's script, a code-running subcommand's arguments), or null. An allow
 * prefix rule of n words covers a command only when this is null for `from` = n.
 */
export function codeCarryingIndex(argv: readonly string[], from = 0): number | null {
  const marked = codeCarryingWords(argv);
  const i = marked.indexOf(true, from);
  return i < 0 ? null : i;
}

/** The last word that carries code, or -1: a prefix of n words may cover the command when this is below n. */
export function lastCodeCarryingIndex(argv: readonly string[]): number {
  return codeCarryingWords(argv).lastIndexOf(true);
}
