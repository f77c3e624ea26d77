// Code a tool loads by itself before it does anything asked of it: pytest's conftest.py files and plugins, the
// JavaScript config files of vite, vitest, jest, eslint, prettier, next, webpack, rollup and playwright. An agent can
// write one with a file tool (an ordinary project write), and the next `npm test` or `npx vitest run` would run it
// unseen; so the file is read like a script the command runs, and judged by what its code does. Benign configs add
// nothing. The test files themselves are not read (docs/risk-engine.md says so).
import path from 'node:path';
import type { Lang } from '../parse/literals.ts';
import { S, type Finding } from '../types.ts';
import { scriptFile } from './scripts.ts';
import { finding, operands, optionValue, type RuleInput } from './util.ts';

const js = (...names: string[]) =>
  names.flatMap((n) => ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].map((e) => `${n}.${e}`));
const VITE = js('vite.config');
const VITEST = [...js('vitest.config', 'vitest.workspace'), ...VITE];

interface ConfigSpec {
  files: readonly string[];
  lang: Lang;
  /** The option that names the config file instead. */
  option?: [string | null, ...string[]];
  /** The option that moves the folder the tool starts from (`vitest --root src`), or its first operand (`vite src`). */
  root?: [string | null, ...string[]] | 'first-operand';
}

/** The files each tool loads, from the folder it starts in or any folder above it up to the project's top. */
const CONFIGS: Readonly<Record<string, ConfigSpec>> = {
  vite: { files: VITE, lang: 'js', option: ['c', '--config'], root: 'first-operand' },
  vitest: { files: VITEST, lang: 'js', option: ['c', '--config'], root: ['r', '--root', '--dir'] },
  jest: { files: js('jest.config'), lang: 'js', option: ['c', '--config'], root: [null, '--rootDir'] },
  eslint: {
    files: [...js('eslint.config'), '.eslintrc.js', '.eslintrc.cjs'],
    lang: 'js',
    option: ['c', '--config'],
  },
  prettier: {
    files: [...js('prettier.config'), '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.ts'],
    lang: 'js',
    option: [null, '--config'],
  },
  next: { files: js('next.config'), lang: 'js', root: 'first-operand' },
  webpack: {
    files: [...js('webpack.config'), ...js('.webpack/webpack.config')],
    lang: 'js',
    option: ['c', '--config'],
  },
  rollup: { files: js('rollup.config'), lang: 'js', option: ['c', '--config'] },
  playwright: { files: js('playwright.config'), lang: 'js', option: ['c', '--config'] },
};

/** Words that name a tool's command, not a folder (`vite build src`, `next dev`). */
const TOOL_COMMANDS =
  /^(build|dev|serve|preview|optimize|start|lint|run|watch|test|bench|related|list|info|export|telemetry)$/;

/** Folders a conftest.py search walks at most; past that the search is not finished, and the command is held. */
const MAX_TEST_DIRS = 400;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', 'dist']);
/** pytest's options that take a value (the operands are then the paths it collects). */
const PYTEST_VALUED = [
  '-k',
  '-m',
  '-p',
  '-c',
  '-o',
  '-W',
  '-r',
  '-n',
  '--rootdir',
  '--confcutdir',
  '--ignore',
  '--deselect',
];

/** `dir` and the folders above it, up to the project's top (or `dir` alone outside it). */
function upToProject(dir: string, input: RuleInput): string[] {
  const top = input.ctx.projectRoot;
  const dirs = [dir];
  for (let d = dir; top && d !== top && d.startsWith(`${top}/`);) {
    d = path.dirname(d);
    dirs.push(d);
  }
  return dirs;
}

function loaded(file: string, lang: Lang, input: RuleInput): Finding[] {
  // Named as from where the command runs (`conftest.py`, `../conftest.py`).
  const shown = path.isAbsolute(file) ? path.relative(input.ctx.cwd, file) || file : file;
  return scriptFile({ text: shown, known: true }, lang, input).map((found) => ({
    ...found,
    reason: found.reason.replace(/^runs /, `${input.prog} loads `),
  }));
}

function jsConfigs(spec: ConfigSpec, input: RuleInput): Finding[] {
  const { args, ctx } = input;
  const [short, ...long] = spec.option ?? [null];
  const named = spec.option ? optionValue(args, short, ...long) : null;
  if (named !== null) return loaded(named, spec.lang, input);
  const rootWord =
    spec.root === 'first-operand'
      ? // `vite build src`: `build` names a command, `src` the folder.
        operands(args, ['-c', '--config', '--mode', '-m', '--port', '--host', '--base', '--outDir'])
          .map((w) => w.text)
          .find((t) => !TOOL_COMMANDS.test(t))
      : spec.root
        ? (optionValue(args, spec.root[0], ...(spec.root.slice(1) as string[])) ?? undefined)
        : undefined;
  const start = rootWord ?? '.';
  for (const dir of upToProject(path.resolve(ctx.cwd, start), input)) {
    const found = spec.files.map((f) => path.join(dir, f)).filter((abs) => ctx.files.stat(abs)?.file);
    if (found.length) return found.flatMap((abs) => loaded(abs, spec.lang, input));
  }
  return [];
}

/** Every conftest.py pytest would load: above where it starts, and in every folder below what it collects. */
function conftests(input: RuleInput): string[] | null {
  const { ctx, args } = input;
  const paths = operands(args, PYTEST_VALUED)
    .filter((w) => w.known)
    .map((w) => path.resolve(ctx.cwd, w.text.split('::')[0] ?? w.text));
  const roots = (paths.length ? paths : [ctx.cwd]).map((p) => (ctx.files.stat(p)?.dir ? p : path.dirname(p)));
  const found = new Set<string>();
  for (const dir of upToProject(ctx.cwd, input)) found.add(path.join(dir, 'conftest.py'));
  let walked = 0;
  for (const root of roots) {
    for (const dir of upToProject(root, input)) found.add(path.join(dir, 'conftest.py'));
    let level = [root];
    while (level.length) {
      walked += level.length;
      if (walked > MAX_TEST_DIRS) return null;
      for (const d of level) found.add(path.join(d, 'conftest.py'));
      level = level.flatMap((d) =>
        (ctx.files.list(d) ?? []).filter((e) => e.dir && !SKIPPED_DIRS.has(e.name)).map((e) => path.join(d, e.name)),
      );
    }
  }
  return [...found].filter((f) => ctx.files.stat(f)?.file);
}

/** Plugins pytest is told to load: `-p name`, `PYTEST_ADDOPTS="-p name"`, `PYTEST_PLUGINS=a,b`, an ini's addopts. */
function pytestPlugins(input: RuleInput): string[] {
  const { args, ctx, seg } = input;
  const names: string[] = [];
  const fromOptions = (text: string) => {
    for (const m of text.matchAll(/(?:^|\s)-p\s*([\w.]+)/g)) names.push(m[1] as string);
  };
  args.forEach((w, i) => {
    if (w.text === '-p' && args[i + 1]) names.push(args[i + 1]?.text ?? '');
    else if (/^-p\w/.test(w.text)) names.push(w.text.slice(2));
  });
  for (const a of seg.assignments) {
    const m = /^(PYTEST_ADDOPTS|PYTEST_PLUGINS)=(['"]?)(.*)\2$/.exec(a);
    if (m?.[1] === 'PYTEST_ADDOPTS') fromOptions(m[3] ?? '');
    else if (m) names.push(...(m[3] ?? '').split(',').map((n) => n.trim()));
  }
  for (const ini of ['pytest.ini', 'pyproject.toml', 'setup.cfg', 'tox.ini']) {
    const got = ctx.files.read(path.join(ctx.projectRoot ?? ctx.cwd, ini), 64 * 1024);
    if ('text' in got) for (const m of got.text.matchAll(/^\s*addopts\s*=\s*(.*)$/gm)) fromOptions(m[1] ?? '');
  }
  return names.filter((n) => n && !n.startsWith('no:'));
}

function pytestLoads(input: RuleInput): Finding[] {
  const { ctx } = input;
  const files = conftests(input);
  if (files === null)
    return [
      finding(
        'unparsed',
        S.medium,
        `pytest collects from more than ${MAX_TEST_DIRS} folders: Gatehouse did not read every conftest.py it loads`,
      ),
    ];
  const plugins = pytestPlugins(input).flatMap((name) => {
    const base = path.join(ctx.projectRoot ?? ctx.cwd, ...name.split('.'));
    const file = [`${base}.py`, path.join(base, '__init__.py')].find((f) => ctx.files.stat(f)?.file);
    return file ? [file] : [];
  });
  return [...files, ...plugins].flatMap((f) => loaded(f, 'python', input));
}

export function toolConfigs(input: RuleInput): Finding[] {
  if (input.seg.remote) return [];
  if (input.prog === 'pytest' || input.prog === 'py.test') return pytestLoads(input);
  const spec = CONFIGS[input.prog];
  return spec ? jsConfigs(spec, input) : [];
}
