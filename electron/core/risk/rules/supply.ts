// What comes in: packages and toolchains (their install scripts run with your rights), caches cleared
// outside the project, tools fetched from a registry and run (`npx x` is judged as x, plus the download
// when x is not a tool Gatehouse knows), and Python modules run as programs (`python -m x` is x).
import path from 'node:path';
import type { Word } from '../model.ts';
import { overwrite } from './files.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import {
  finding,
  hasOption,
  isDryRun,
  operands,
  optionValue,
  subcommand,
  word,
  type Rule,
  type RuleInput,
} from './util.ts';

const SYSTEM_MANAGERS = new Set([
  'apt',
  'apt-get',
  'aptitude',
  'brew',
  'dnf',
  'yum',
  'zypper',
  'pacman',
  'yay',
  'paru',
  'apk',
  'snap',
  'flatpak',
  'port',
  'choco',
  'winget',
  'scoop',
  'nix-env',
  'pkg',
  'pkg_add',
  'emerge',
  'xbps-install',
  'rpm',
  'dpkg',
  'mas',
]);
const JS_MANAGERS = new Set(['npm', 'yarn', 'pnpm', 'bun']);
const INSTALL =
  /^(install|i|in|add|isntall|update|upgrade|up|sync|require|get|reinstall|ci|link|create|env-create|localinstall|restore|bootstrap|deps\.get|deps\.update|-S|-Syu|-U)$/;
const REMOVE = /^(uninstall|remove|rm|un|r|erase|purge|autoremove|delete|unlink|-R|-Rns|-Rs)$/;
const CACHE_CLEAN = /^(clean|clear|purge|rm|remove|prune|dir)$/;
const GLOBALS = ['--prefix', '-C', '--cwd', '--dir', '--filter', '-w', '--workspace', '--location'];

/**
 * npm, yarn, pnpm, bun, other than installing, publishing (publish.ts) and running scripts (benign.ts):
 * findings for what reaches outside the project, [] for what does not, null for an install verb.
 */
function jsManager(prog: string, sub: string, rest: readonly Word[]): Finding[] | null {
  const next = operands(rest)[0]?.text ?? '';
  if (sub === 'version' && next && !next.startsWith('-'))
    return [finding('git-history', S.medium, `${prog} version ${next}: bumps the version, commits and tags`)];
  if (/^(login|adduser|add-user)$/.test(sub))
    return [finding('secrets', 35, `${prog} ${sub}: stores registry credentials on this machine`)];
  // Keys that name a program npm runs (every script's shell, node's options, git, an editor) or where it installs.
  const key = (sub === 'set' ? next : (operands(rest)[1]?.text ?? '')).split('=')[0] ?? '';
  if (
    (sub === 'config' || sub === 'set') &&
    /^(script-shell|node-options|shell|git|editor|browser|prefix|globalconfig|userconfig|onload-script|init-module)$/.test(
      key,
    )
  ) {
    return [
      finding(
        'system-config',
        S.high,
        `${prog} config sets ${key}, which decides what ${prog} runs or where it installs from`,
      ),
    ];
  }
  if ((sub === 'config' || sub === 'set') && /^(set|delete|rm|edit)$/.test(sub === 'set' ? 'set' : next))
    return [
      finding('system-config', S.medium, `${prog} config ${next}: changes your ${prog} settings (~/.npmrc or similar)`),
    ];
  if (sub === 'cache' && CACHE_CLEAN.test(next))
    return [finding('file-deletion', S.medium, `${prog} cache ${next}: deletes the package cache outside the project`)];
  if (sub === 'audit')
    return next === 'fix' || hasOption(rest, null, '--fix')
      ? [
          finding(
            'package-install',
            hasOption(rest, null, '--force') ? S.notable : S.medium,
            `${prog} audit fix: upgrades dependencies${hasOption(rest, null, '--force') ? ' across breaking versions' : ''}`,
          ),
        ]
      : [finding('read-only', S.build, `${prog} audit`)];
  if (sub === 'link' || (sub === 'unlink' && operands(rest).length === 0))
    return [finding('package-install', S.medium, `${prog} ${sub}: links packages globally`)];
  if ((sub === 'init' || sub === 'create') && next && !next.startsWith('-'))
    return [finding('package-install', 35, `${prog} ${sub} ${next}: downloads and runs a project generator`)];
  return INSTALL.test(sub) || REMOVE.test(sub) || sub === 'cache' ? null : [];
}

/** Installs: the project's own dependencies, named packages, global tools, system packages. */
const packages: Rule = ({ prog, args, seg }) => {
  const named = subcommand(args, GLOBALS);
  // A bare `yarn` installs the project's dependencies.
  const { sub, rest } = prog === 'yarn' && named.sub === '' ? { sub: 'install', rest: [] } : named;
  const system = SYSTEM_MANAGERS.has(prog);
  if (JS_MANAGERS.has(prog)) {
    const special = jsManager(prog, sub, rest);
    if (special !== null) return special;
  }
  let verb = sub;
  let after = rest;
  // `uv pip install`, `python -m pip` (as pip), `uv tool install`, `brew services start`.
  if ((prog === 'uv' || prog === 'pipenv') && /^(pip|tool|python)$/.test(sub))
    ({ sub: verb, rest: after } = subcommand(rest));
  if ((prog === 'uv' || prog === 'dotnet') && sub === 'tool') {
    ({ sub: verb } = subcommand(rest));
    return /^(run|list|search)$/.test(verb)
      ? []
      : [
          finding(
            'package-install',
            /^(install|update|upgrade)$/.test(verb) ? 35 : S.medium,
            `${prog} tool ${verb}: installs tools for every project`,
          ),
        ];
  }
  if (prog === 'uv' && sub === 'python')
    return /^(install|uninstall|pin)$/.test(verb)
      ? [finding('package-install', S.medium, `uv python ${verb}: changes Python toolchains`)]
      : [];
  if (sub === 'config' && /^(set|unset|edit|add|remove|delete)$/.test(operands(rest)[0]?.text ?? ''))
    return [
      finding(
        'system-config',
        S.medium,
        `${prog} config ${operands(rest)[0]?.text}: changes ${prog}'s settings for every project`,
      ),
    ];
  if (sub === 'cache' && CACHE_CLEAN.test(operands(rest)[0]?.text ?? ''))
    return [
      finding(
        'file-deletion',
        S.medium,
        `${prog} cache ${operands(rest)[0]?.text}: deletes the package cache outside the project`,
      ),
    ];
  if (prog === 'go') {
    if (verb === 'clean' && rest.some((w) => /^--?(modcache|cache|testcache|fuzzcache)$/.test(w.text)))
      return [finding('file-deletion', S.medium, 'go clean: deletes the module or build cache outside the project')];
    if (verb === 'mod' && /^(tidy|download|vendor|edit)$/.test(operands(rest)[0]?.text ?? ''))
      return [
        finding('package-install', S.medium, `go mod ${operands(rest)[0]?.text}: downloads modules and changes go.mod`),
      ];
    if (verb === 'env' && hasOption(rest, 'w'))
      return [finding('system-config', S.medium, 'go env -w: changes Go settings for every project')];
    // `go run example.com/tool@v1`: a module at a version is fetched and built from the network, not the project's.
    const remote = verb === 'run' ? operands(rest).find((w) => /^[^-./][^@]*\.[^@]*\/[^@]*@/.test(w.text)) : undefined;
    if (remote)
      return [finding('package-install', 35, `downloads and runs ${remote.text.split('@')[0]} from the module proxy`)];
    if (verb !== 'get' && verb !== 'install') return [];
    if (verb === 'install' && !operands(rest).some((w) => w.text.includes('@'))) return [];
  }
  if (prog === 'brew' && verb === 'services')
    return [
      finding(
        'system-config',
        S.notable,
        `brew services ${operands(rest)[0]?.text ?? ''}: starts or stops background services`,
      ),
    ];
  // A tap is a git repository of formulas: Ruby code every later install from it runs.
  if (prog === 'brew' && verb === 'tap' && operands(rest).length > 0)
    return [
      finding('package-install', 35, `brew tap ${operands(rest)[0]?.text}: adds a third-party source of formulas`),
    ];
  if (prog === 'brew' && /^(cleanup|autoremove)$/.test(verb))
    return [finding('file-deletion', S.medium, `brew ${verb}: deletes old versions and caches`)];
  if (REMOVE.test(verb))
    return [
      finding(
        'package-install',
        system ? S.notable : S.medium,
        `${prog} ${verb} ${operands(after)
          .map((w) => w.text)
          .join(' ')}: removes packages`,
      ),
    ];
  if (!INSTALL.test(verb) && !(prog === 'pip' || prog === 'pip3') && !system) return [];
  if (!INSTALL.test(verb) && (prog === 'pip' || prog === 'pip3' || system))
    return /^(download|wheel)$/.test(verb) ? [finding('build-test', S.lowWrite, `${prog} ${verb}`)] : [];
  const names = operands(after, [
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '-e',
    '--editable',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-t',
    '--target',
    '--registry',
    '-f',
    '--find-links',
    '--python',
    '-p',
  ]);
  const source = after.find(
    (w) => /^(git\+|https?:\/\/|git@|github:|gitlab:|bitbucket:)/.test(w.text) || /\.(whl|tgz|tar\.gz)$/.test(w.text),
  );
  const index = optionValue(after, 'i', '--index-url', '--extra-index-url', '--registry');
  const global =
    hasOption(args, 'g', '--global', '--user') ||
    system ||
    seg.privileged ||
    (prog === 'cargo' && verb === 'install') ||
    (prog === 'go' && verb === 'install') ||
    args.some((w) => /^--location=global$/.test(w.text));
  if (index && /^http:\/\//.test(index))
    return [
      finding(
        'package-install',
        S.high,
        `installs from a plain-http index (${index}), which anyone on the network can tamper with`,
      ),
    ];
  if (source) return [finding('package-install', 55, `installs code straight from ${source.text}`)];
  if (isDryRun(args) || hasOption(args, null, '--simulate', '--just-print'))
    return [finding('build-test', S.lowWrite, `${prog} ${verb} as a dry run: nothing is installed`)];
  if (hasOption(after, null, '--ignore-scripts'))
    return [finding('build-test', S.lowWrite, `${prog} ${verb} without running install scripts`)];
  const what = names.map((w) => w.text).join(' ');
  if (!what || names.every((w) => w.text === '.' || w.text === './')) {
    return [
      finding(
        'package-install',
        global ? S.notable : S.medium,
        `installs the project's dependencies (${prog} ${verb}); their install scripts run with your rights`,
      ),
    ];
  }
  return [
    finding(
      'package-install',
      global ? S.notable : S.medium,
      `installs ${what}${global ? ' system-wide' : ''} (${prog} ${verb}); install scripts run with your rights`,
    ),
  ];
};

/** Language and tool version managers: they download and switch toolchains for every project. */
const TOOLCHAIN_CHANGES =
  /^(install|uninstall|update|upgrade|self|toolchain|default|component|target|global|use|alias|unalias|plugin|plugins|set|reshim|prune|enable|prepare|link|pin)$/;
const toolchain: Rule = ({ prog, args }) => {
  const { sub, rest } = subcommand(args);
  if (!TOOLCHAIN_CHANGES.test(sub)) return [];
  if (sub === 'use' && !hasOption(rest, 'g', '--global', '--default'))
    return [finding('build-test', S.lowWrite, `${prog} use: switches the toolchain for this shell`)];
  return [
    finding(
      'package-install',
      S.medium,
      `${prog} ${sub} ${operands(rest)
        .map((w) => w.text)
        .join(' ')}: changes toolchains outside the project`.trim(),
    ),
  ];
};

/** `npx x`, `pnpm dlx x`, `bunx x`, `uvx x`, `pipx run x`: x is fetched (if needed) and run. */
const RUNS_PACKAGE: Record<string, (args: readonly Word[]) => Word[] | null> = {
  npx: (a) => a.slice(0),
  pnpx: (a) => a.slice(0),
  bunx: (a) => a.slice(0),
  uvx: (a) => a.slice(0),
  npm: (a) => (/^(exec|x)$/.test(subcommand(a).sub) ? subcommand(a).rest : null),
  pnpm: (a) => (subcommand(a).sub === 'dlx' ? subcommand(a).rest : null),
  yarn: (a) => (subcommand(a).sub === 'dlx' ? subcommand(a).rest : null),
  bun: (a) => (subcommand(a).sub === 'x' ? subcommand(a).rest : null),
  pipx: (a) => (subcommand(a).sub === 'run' ? subcommand(a).rest : null),
};
const RUNNER_VALUED = [
  '-p',
  '--package',
  '--from',
  '--with',
  '--python',
  '-c',
  '--call',
  '--spec',
  '--node-options',
  '--registry',
  '--cache',
  '--userconfig',
];

/** The package a spec names, as a program: `prettier@3` → prettier, `@biomejs/biome` → biome. */
function programOfSpec(spec: string): string {
  return (
    spec
      .replace(/^(npm:|jsr:)/, '')
      .replace(/(.)@[^/]*$/, '$1')
      .split('/')
      .pop() ?? spec
  );
}

/** `uvx --with x y`: packages fetched from the registry to run beside what is run. */
function withPackages(prog: string, args: readonly Word[]): Finding[] {
  if (prog !== 'uvx') return [];
  const extra = args.flatMap((w, i) =>
    w.text === '--with' ? [args[i + 1]?.text ?? ''] : w.text.startsWith('--with=') ? [w.text.slice(7)] : [],
  );
  return extra.length
    ? [finding('package-install', 35, `downloads ${extra.join(', ')} from the registry to run with it`)]
    : [];
}

const runsPackage: Rule = (input: RuleInput) => {
  const { prog, args } = input;
  const extra = withPackages(prog, args);
  const words = RUNS_PACKAGE[prog]?.(args);
  if (!words) return extra;
  const call = optionValue(words, 'c', '--call');
  const explicitPackage = optionValue(words, 'p', '--package', '--from', '--spec') !== null;
  const ops = operands(words, RUNNER_VALUED);
  if (call !== null) return [finding('package-install', 35, `${prog} runs "${call}" with downloaded packages`)];
  const first = ops[0];
  if (!first) return [];
  const program = explicitPackage ? first.text : programOfSpec(first.text);
  const afterFirst = words.slice(words.indexOf(first) + 1);
  const inner = input.nested([word(program), ...afterFirst], prog);
  const unknown = inner.some((f) => f.category === 'unknown-program');
  // A tool Gatehouse knows is judged as itself (npx eslint is eslint); anything else is also a download that runs.
  return unknown
    ? [
        ...extra,
        ...inner.filter((f) => f.category !== 'unknown-program'),
        finding('package-install', 35, `downloads and runs ${first.text} from the registry`),
      ]
    : [...extra, ...inner];
};

/** `python -m x`: the module runs as the program x would (pip, twine, http.server, pytest). */
const pythonModule: Rule = (input) => {
  const at = input.args.findIndex((w) => w.text === '-m' || /^-m\w/.test(w.text));
  if (at < 0) return [];
  const flag = input.args[at] as Word;
  const module = flag.text === '-m' ? input.args[at + 1]?.text : flag.text.slice(2);
  if (!module) return [];
  const rest = input.args.slice(flag.text === '-m' ? at + 2 : at + 1);
  const inner = input.nested([word(module), ...rest], `${input.prog} -m`);
  // json.tool's second operand is the file it writes.
  const out = module === 'json.tool' ? operands(rest)[1] : undefined;
  if (out) return [...inner, overwrite(out, input, false, 'json.tool writes')];
  if (!inner.some((f) => f.category === 'unknown-program')) return inner;
  // A module of the project (`python3 -m evil` with ./evil.py, or a package's __main__.py) is read as the script it is.
  const base = path.join(input.ctx.cwd, ...module.split('.'));
  const file = [`${base}.py`, path.join(base, '__main__.py')].find((p) => input.ctx.files.stat(p)?.file);
  if (file) return input.nested([word(input.prog), word(file), ...rest], `${input.prog} -m ${module}`);
  const known = inner.filter((f) => f.category !== 'unknown-program');
  const ops = operands(rest);
  if (module === 'zipfile' || module === 'tarfile') {
    if (hasOption(rest, 'l', '--list') || hasOption(rest, 't', '--test'))
      return [...known, finding('read-only', S.readOnly, `lists an archive (python -m ${module})`)];
    const out = hasOption(rest, 'e', '--extract') ? ops[1] : hasOption(rest, 'c', '--create') ? ops[0] : undefined;
    if (out)
      return [...known, overwrite(out, input, 'copy', hasOption(rest, 'e', '--extract') ? 'extracts into' : 'creates')];
  }
  if (READ_MODULES.has(module)) return [...known, finding('build-test', S.build, `runs the Python module ${module}`)];
  // Low is proven: a module Gatehouse does not know may do anything (`python -m smtpd`, a package's own CLI).
  return [
    ...known,
    finding('unknown-program', S.medium, `runs the Python module ${module}, which Gatehouse has no rule for`),
  ];
};

/** Standard-library modules whose command line only reads, checks, shows or runs the project's own tests. */
const READ_MODULES = new Set([
  'json.tool',
  'unittest',
  'doctest',
  'pydoc',
  'py_compile',
  'compileall',
  'site',
  'sysconfig',
  'platform',
  'calendar',
  'uuid',
  'this',
  'tokenize',
  'ast',
  'dis',
  'base64',
  'webbrowser',
  'mimetypes',
  'tabnanny',
  'pyclbr',
  'venv',
  'zipfile',
  'tarfile',
]);

/** Browser test runners download browsers (and, with install-deps, system packages) outside the project. */
const browsers: Rule = ({ prog, args }) => {
  const sub = operands(args)[0]?.text ?? '';
  if (sub === 'install-deps' || (sub === 'install' && hasOption(args, null, '--with-deps')))
    return [finding('package-install', S.notable, `${prog} installs system packages for browsers`)];
  return sub === 'install' || sub === 'uninstall'
    ? [finding('package-install', S.medium, `${prog} ${sub}: downloads or removes browsers outside the project`)]
    : [];
};

/** Editors install extensions, code that runs with your rights in every project. */
const editorExtensions: Rule = ({ prog, args }) => {
  const option = args.find((w) => /^--(install|uninstall)-extension(=|$)/.test(w.text));
  return option
    ? [
        finding(
          'package-install',
          35,
          `${prog} ${option.text.replace(/=.*/, '')} ${args[args.indexOf(option) + 1]?.text ?? ''}: changes the editor's extensions`.trim(),
        ),
      ]
    : [];
};

const pipx: Rule = (input) =>
  subcommand(input.args).sub === 'run'
    ? runsPackage(input)
    : [finding('package-install', 35, `pipx ${subcommand(input.args).sub}: installs tools for every project`)];

/** Several tables: a program may have more than one of these rules (npm installs and npm exec). */
export const SUPPLY_TABLES: ReadonlyArray<Record<string, Rule>> = [
  Object.fromEntries(
    [
      'npm',
      'yarn',
      'pnpm',
      'bun',
      'cargo',
      'gem',
      'poetry',
      'pip',
      'pip3',
      'uv',
      'pipenv',
      'pdm',
      'go',
      'composer',
      'bundle',
      'conda',
      'mamba',
      'micromamba',
      'dotnet',
      'pod',
      'carthage',
      'cabal',
      'luarocks',
      'opam',
      'mix',
      'bower',
      ...SYSTEM_MANAGERS,
    ].map((p) => [p, packages]),
  ),
  Object.fromEntries(
    [
      'nvm',
      'rustup',
      'pyenv',
      'rbenv',
      'nodenv',
      'asdf',
      'mise',
      'rtx',
      'fnm',
      'volta',
      'sdk',
      'corepack',
      'ghcup',
      'juliaup',
      'goenv',
      'jenv',
      'tfenv',
    ].map((p) => [p, toolchain]),
  ),
  {
    ...Object.fromEntries(Object.keys(RUNS_PACKAGE).map((p) => [p, runsPackage])),
    pipx,
    playwright: browsers,
    puppeteer: browsers,
    cypress: browsers,
    code: editorExtensions,
    cursor: editorExtensions,
    codium: editorExtensions,
  },
  Object.fromEntries(['python', 'python3', 'python2', 'py', 'pypy3'].map((p) => [p, pythonModule])),
];
