// Scripts a command runs: `bash x.sh`, `./x.sh`, `node tools/a.js`, `python3 s.py`, `npm test` (the script
// in package.json), `make build` (the Makefile's recipe). What the script holds is read (size-capped, looks
// cached by the context's file view) and judged: shell text as a command of its own (through the engine,
// `input.script`), code through the same call-pattern reader as one-liners. The command is as risky as
// what its script does; a script that is there but cannot be read is medium.
import path from 'node:path';
import { unreadableWhy, type FileStat } from '../disk.ts';
import type { Word } from '../model.ts';
import { scanCode, type Found } from '../parse/languages.ts';
import type { Lang } from '../parse/literals.ts';
import { interpreterFor } from '../parse/one-liners.ts';
import { classifyPath } from '../paths.ts';
import { CATEGORIES, S, type Category, type Finding } from '../types.ts';
import { readMakefile, recipesFor, type Makefile } from './makefile.ts';
import { finding, hasOption, operands, optionValue, subcommand, type RuleInput } from './util.ts';
import { findWorkspaceRoot, workspacePackages } from './workspaces.ts';

/** Shell scripts, package manifests and Makefiles larger than this are not read (and say so). */
export const MAX_SCRIPT_BYTES = 64 * 1024;
/** Code files (a built `dist/index.js` is often larger than any shell script) are read up to this. */
export const MAX_CODE_BYTES = 256 * 1024;
/** What a script does counts from here: below it (unknown project tools, deleting build output) it stays the run of project code it was. */
const ESCALATE_FROM = S.notable;

const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'yash', 'source', '.']);
/** Programs that run a JavaScript or TypeScript file given as their first operand. */
const JS_RUNNERS = new Set([
  'node',
  'nodejs',
  'tsx',
  'ts-node',
  'ts-node-esm',
  'esno',
  'esr',
  'jiti',
  'vite-node',
  'zx',
  'bun',
]);
/** Options of those runners (and of the other interpreters) that take the next word as their value. */
const VALUED: Partial<Record<Lang, string[]>> = {
  js: [
    '-r',
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '-C',
    '--conditions',
    '--env-file',
    '--input-type',
    '--title',
    '--inspect-port',
    '--tsconfig',
    '--project',
    '-P',
    '-O',
    '--compiler-options',
  ],
  python: ['-W', '-X', '-Q'],
  ruby: ['-I', '-r', '-C', '-E', '-F', '-x'],
  perl: ['-I', '-M', '-m'],
  php: ['-c', '-d', '-z'],
  awk: ['-F', '-v'],
};
/** Options after which there is no script file (code on the command line, a module, stdin). */
const NO_FILE: Partial<Record<Lang, RegExp>> = {
  js: /^(-e|-p|--eval|--print|-pe|--test|--run|-)$|^--(eval|print)=/,
  python: /^-[a-zA-Z]*[cm]|^-$/,
  ruby: /^-[a-zA-Z]*e$|^-$/,
  perl: /^-[a-zA-Z]*[eE]$|^-$/,
  php: /^-[a-zA-Z]*r$|^-$/,
  awk: /./,
};

/** Every program this file reads a script for (Python, Perl and PHP also by versioned name). */
const SCRIPT_PROGRAMS = new Set([
  ...SHELLS,
  ...JS_RUNNERS,
  'deno',
  'ruby',
  'jruby',
  'npm',
  'pnpm',
  'yarn',
  'make',
  'gmake',
  'turbo',
  'lerna',
  'nx',
]);

/** The languages whose script files are read (the call reader knows them, and how their runners take options). */
type ScriptLang = 'js' | 'python' | 'ruby' | 'perl' | 'php';
const SCRIPT_LANGS: ReadonlySet<string> = new Set<ScriptLang>(['js', 'python', 'ruby', 'perl', 'php']);

/** Programs a script may be run with: its language, or `shell`. */
function languageOf(prog: string): ScriptLang | 'shell' | null {
  if (SHELLS.has(prog)) return 'shell';
  if (JS_RUNNERS.has(prog)) return 'js';
  const lang = interpreterFor(prog);
  return lang !== null && SCRIPT_LANGS.has(lang) ? (lang as ScriptLang) : null;
}

// ---------------------------------------------------------------------------------------------------------
// Judging what a script holds

/** A reason's category as a Category (the engine's summaries carry them as strings). */
function category(c: string | undefined): Category {
  return (CATEGORIES as readonly string[]).includes(c ?? '') ? (c as Category) : 'build-test';
}

/** Shell text a command runs, judged as a command of its own in `cwd`; what is at least notable (or unreadable) becomes the command's. */
function judgeShell(text: string, cwd: string, label: string, input: RuleInput): Finding[] {
  if (!input.script)
    return [
      finding('unparsed', S.medium, `${label} from inside another script; Gatehouse reads scripts only two deep`),
    ];
  const a = input.script(text, cwd);
  if (a.score >= ESCALATE_FROM)
    return [finding(category(a.categories[0]), a.score, `${label}, which ${a.reasons[0] ?? 'Gatehouse finds risky'}`)];
  // A script it runs in turn that could not be read is not read here either. (A construct the parser reports in
  // the script's own text, like gradlew's `eval "set -- $(…)"`, does not by itself: what it does is judged.)
  const unread = a.reasons.find((r) => UNREAD.test(r));
  if (unread) return [finding('unparsed', S.medium, `${label}; ${unread}`)];
  return [];
}

/** The reasons this file gives when a script (or patch, or Makefile) could not be read. */
const UNREAD =
  /^Gatehouse could not (read (?!all of it)|find )|Gatehouse reads scripts only two deep|Gatehouse does not read$/;

/** Programs a code file's file calls become (`fs.rmSync` → rm): with a path computed at run time they are ordinary programming. */
const FILE_CALLS = new Set(['rm', 'rmdir', 'tee', 'cat', 'cp', 'mv', 'chmod', 'mkdir', 'touch', 'curl', 'nc']);
/** Calls read from code files, by path, size and age: the same file is scanned once. */
const scanned = new Map<string, Found[]>();
const MAX_SCANNED = 256;

function callsIn(abs: string, stat: FileStat, text: string, lang: Lang): Found[] {
  const key = `${abs}\u0000${stat.size}\u0000${stat.mtimeMs}\u0000${lang}`;
  const known = scanned.get(key);
  if (known) return known;
  const found = scanCode(text, lang);
  if (scanned.size >= MAX_SCANNED) scanned.clear();
  scanned.set(key, found);
  return found;
}

/**
 * Code in a file: the commands it runs and the files it touches with literal names, judged like a one-liner's.
 * Reading the environment is what programs do (it is not printing it); a file call on a path computed at run
 * time is ordinary code and is not counted; a command built at run time is.
 */
function judgeCode(abs: string, stat: FileStat, text: string, lang: Lang, label: string, input: RuleInput): Finding[] {
  let worst: Finding | null = null;
  const keep = (f: Finding) => {
    if (!worst || f.score > worst.score) worst = f;
  };
  for (const f of callsIn(abs, stat, text, lang)) {
    const call = f.call.replace(/\s+/g, ' ').slice(0, 60);
    if (f.shell) {
      judgeShell(f.shell.text, input.ctx.cwd, `${label}, whose code runs \`${call}\``, input).forEach(keep);
      continue;
    }
    const argv = f.argv ?? [];
    const prog = argv[0]?.text ?? '';
    if (argv.length === 0 || prog === 'printenv') continue;
    if (FILE_CALLS.has(prog) && argv.slice(1).some((w) => !w.known)) continue;
    const top = input
      .nested(argv, label)
      .reduce<Finding | null>((a, b) => (a === null || b.score > a.score ? b : a), null);
    if (top && top.score >= ESCALATE_FROM) keep({ ...top, reason: `${label}, which ${top.reason} (${call})` });
  }
  return worst ? [worst] : [];
}

/** `#!/usr/bin/env -S deno run`, `#!/bin/bash`: how the kernel runs a file. */
function shebangOf(text: string): Lang | 'shell' | 'other' | null {
  const m = /^#!\s*(\S+)(?:\s+(.*))?/.exec(text);
  if (!m) return null;
  let prog = path.basename(m[1] as string);
  if (prog === 'env') prog = (m[2] ?? '').split(/\s+/).find((w) => w && !w.startsWith('-') && !w.includes('=')) ?? '';
  return languageOf(prog) ?? (prog === 'deno' ? 'js' : 'other');
}

/**
 * A script file: read and judged. A file that is not there when its folder is (the command must be writing it
 * first), or that cannot be read, is medium; one whose folder is not there either tells nothing.
 */
export function scriptFile(file: Word, lang: Lang | 'shell' | 'by-shebang', input: RuleInput): Finding[] {
  if (!file.known) return [];
  const info = classifyPath(file, input.ctx);
  const abs = info.abs;
  // Installed packages are the supply rules' to judge; `source ~/.zshrc` runs the person's own startup file
  // (as every new shell does), and `source .env` reads credentials, which are judged as such.
  if (
    !abs ||
    /(^|\/)node_modules\//.test(abs) ||
    ['shell-startup', 'home-dotfile', 'secret', 'protected'].includes(info.kind)
  )
    return [];
  const cap = lang === 'shell' ? MAX_SCRIPT_BYTES : MAX_CODE_BYTES;
  const got = input.ctx.files.read(abs, cap);
  const label = `runs ${file.text}`;
  if (!('text' in got)) {
    // A program run by its path that is not text is a compiled program, not a script.
    if (lang === 'by-shebang' && (got.problem === 'binary' || got.problem === 'not-a-file')) return [];
    if (got.problem === 'missing' && !input.ctx.files.stat(path.dirname(abs))?.dir) return [];
    return [
      finding(
        'unparsed',
        S.medium,
        `Gatehouse could not read ${file.text}, which this command runs: ${unreadableWhy(got.problem, got.size)}`,
      ),
    ];
  }
  const how = lang === 'by-shebang' ? (shebangOf(got.text) ?? 'shell') : lang;
  if (how === 'other')
    return [
      finding(
        'unparsed',
        S.medium,
        `${label}, whose interpreter (${/^#!\s*(.*)/.exec(got.text)?.[1]?.trim().slice(0, 40) ?? '?'}) Gatehouse does not read`,
      ),
    ];
  if (how === 'shell') {
    if (got.stat.size > MAX_SCRIPT_BYTES)
      return [
        finding(
          'unparsed',
          S.medium,
          `Gatehouse could not read ${file.text}, which this command runs: ${unreadableWhy('too-large', got.stat.size)}`,
        ),
      ];
    return judgeShell(got.text, input.ctx.cwd, label, input);
  }
  return judgeCode(abs, got.stat, got.text, how, label, input);
}

/**
 * `bash < x.sh`, `python3 - < s.py`: with no script named and no code on the command line, the file fed to stdin is
 * the script, read like one named. A file named only at run time (`bash < "$F"`) cannot be read: medium.
 */
function stdinScript(input: RuleInput, lang: Lang | 'shell'): Finding[] {
  const from = input.seg.redirects.find((r) => r.op === '<' && (r.fd === null || r.fd === 0));
  if (!from) return [];
  // Nothing to run: the shell or interpreter reads an empty input and exits.
  if (from.target.text === '/dev/null') return [];
  if (!from.target.known)
    return [
      finding(
        'unparsed',
        S.medium,
        `runs the code in ${from.target.text}, which is named only when the command runs: Gatehouse could not read it`,
      ),
    ];
  return scriptFile(from.target, lang, input);
}

/** `bash x.sh`, `sh -e x.sh`, `source x.sh`: the first operand is the script (none with `-c`: that is text; `-s` or none: stdin). */
function shellRun(input: RuleInput): Finding[] {
  const { args } = input;
  if (args.some((w) => /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.text))) return [];
  const fromStdin = args.some((w) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(w.text));
  const file = fromStdin ? undefined : operands(args, ['-o', '-O', '+o', '+O', '--rcfile', '--init-file'])[0];
  // `. /dev/stdin <<< '…'`, `bash /dev/fd/0 < x.sh`: the file named is standard input.
  return file && !STDIN_FILE.test(file.text) ? scriptFile(file, 'shell', input) : stdinScript(input, 'shell');
}

const STDIN_FILE = /^(\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/;

/** `node a.js`, `python3 -u s.py`, `tsx watch x.ts`, `deno run -A x.ts`: the file after the interpreter's options. */
function codeRun(input: RuleInput, lang: Lang): Finding[] {
  const { args, prog } = input;
  let words = args;
  if (prog === 'deno') {
    if (args[0]?.text !== 'run') return [];
    words = args.slice(1);
  }
  if (prog === 'tsx' && words[0]?.text === 'watch') words = words.slice(1);
  const file = operands(
    words.filter((w) => !/^--allow-|^-A$/.test(w.text)),
    VALUED[lang],
  )[0];
  // Options before the file decide whether there is one (`python3 -m x`, `node -e …`); after it they are the script's.
  const before = file ? words.slice(0, words.indexOf(file)) : words;
  const noFile = NO_FILE[lang];
  if (!noFile) return [];
  // `-` reads the script from stdin; any other of these options gives the code on the command line (or a module).
  if (before.some((w) => w.text !== '-' && noFile.test(w.text))) return [];
  if (!file || file.text === '-' || before.some((w) => w.text === '-'))
    return lang === 'awk' ? [] : stdinScript(input, lang);
  return scriptFile(file, lang, input);
}

// ---------------------------------------------------------------------------------------------------------
// package.json scripts

/** Commands of each package manager that are theirs, not a project script run by name. */
const PM_BUILTINS: Record<string, RegExp> = {
  npm: /^(access|adduser|audit|bugs|cache|ci|completion|config|dedupe|deprecate|diff|dist-tag|docs|doctor|edit|exec|explain|explore|find-dupes|fund|help|hook|init|install|install-ci-test|install-test|link|login|logout|ls|org|outdated|owner|pack|ping|pkg|prefix|profile|prune|publish|query|rebuild|repo|root|sbom|search|set|shrinkwrap|star|stars|team|token|undeprecate|uninstall|unpublish|unstar|update|version|view|whoami|i|it|add|rm|r|un|up|x|c|ln|list)$/,
  pnpm: /^(add|install|i|ci|update|up|remove|rm|uninstall|un|link|ln|unlink|import|rebuild|rb|prune|fetch|patch|patch-commit|audit|list|ls|outdated|why|licenses|exec|dlx|create|init|publish|pack|store|root|bin|setup|env|config|c|server|deploy|doctor|self-update|approve-builds|ignored-builds|cat-file|cat-index|find-hash|help|recursive|multi|m)$/,
  yarn: /^(add|bin|cache|config|create|dedupe|dlx|exec|explain|info|init|install|link|node|npm|pack|patch|patch-commit|plugin|rebuild|remove|search|set|stage|unlink|unplug|up|upgrade|upgrade-interactive|version|why|workspace|workspaces|global|import|licenses|list|login|logout|outdated|owner|policies|publish|tag|team|generate-lock-entry|help|check|autoclean)$/,
  bun: /^(install|i|add|a|remove|rm|update|upgrade|outdated|link|unlink|pm|x|create|c|init|build|test|publish|patch|patch-commit|repl|exec|audit|info|why|completions|discord|help)$/,
};
/** What `npm install` (no packages) runs of the project's own scripts. */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];

interface Wanted {
  /** The folder to look for package.json from, and the scripts to run (in order). */
  dir: string;
  names: string[];
  /** The script asked for by name (its pre- and post- scripts run around it). */
  main: string | null;
  /** Arguments passed on to that script (`npm test -- --watch`, `yarn test --coverage`). */
  extra: Word[];
  label: string;
  /** A workspace run (`pnpm -r test`): the package folders whose own package.json is read, instead of the nearest one. */
  packages?: string[];
}

/** Options that run a script in other packages of a workspace (`npm -ws`, `pnpm -r`, `pnpm --filter x`). */
const WORKSPACE_OPTION = /^(-w|--workspace(=.*)?|--workspaces|-ws|--filter(=.*)?|-F|-r|--recursive)$/;

/**
 * Which package.json scripts a package-manager command runs; null when it runs none. `workspaces` when it runs them in
 * workspace packages Gatehouse does not find (by name, all of them, a filter): one given as a folder (`npm -w
 * packages/a run build`) is read there.
 */
function wantedScripts(input: RuleInput): Wanted | 'workspaces' | null {
  const { prog, args, ctx } = input;
  const dirOption =
    optionValue(args, null, '--prefix', '--cwd', '--dir') ??
    (prog === 'pnpm' || prog === 'npm' ? optionValue(args, 'C') : null);
  let dir = path.resolve(ctx.cwd, dirOption ?? '.');
  let { sub, rest } = subcommand(args, ['--prefix', '--cwd', '--dir', '-C', '-w', '--workspace', '--filter', '-F']);
  // Every package of the workspace (a superset of those a name or filter picks: reading more only finds more).
  let packages: string[] | undefined;
  // Outside a workspace the package manager runs the script of the package here (undefined: as without the option).
  const allPackages = (): string[] | null | undefined => {
    const root = findWorkspaceRoot(dir, ctx.files);
    return root === null ? undefined : workspacePackages(root, ctx.files);
  };
  if (prog === 'yarn' && sub === 'workspaces' && operands(rest)[0]?.text === 'foreach') return 'workspaces';
  if (prog === 'yarn' && sub === 'workspace') {
    // `yarn workspace <name> build` is `yarn build` in the package of that name.
    const name = operands(rest)[0];
    if (!name) return null;
    ({ sub, rest } = subcommand(rest.slice(rest.indexOf(name) + 1)));
    const found = allPackages();
    if (found === null) return 'workspaces';
    packages = found;
  }
  // Words after `--` are the script's own.
  const endOfOwn = args.findIndex((w) => w.text === '--');
  const own = endOfOwn < 0 ? args : args.slice(0, endOfOwn);
  // npm takes its options from the environment and .npmrc too (`npm_config_workspaces=true`, `workspaces=true`).
  const npmrc = prog === 'npm' ? ctx.files.read(path.join(ctx.projectRoot ?? dir, '.npmrc'), 64 * 1024) : null;
  const configured =
    prog === 'npm' &&
    (input.seg.assignments.some((a) => /^npm_config_workspaces?=/i.test(a)) ||
      (npmrc !== null && 'text' in npmrc && /^\s*workspaces?\s*=/im.test(npmrc.text)));
  if (configured || own.some((w) => WORKSPACE_OPTION.test(w.text))) {
    const named = own.filter((w) => WORKSPACE_OPTION.test(w.text));
    const folder = prog === 'npm' && named.length === 1 && !configured ? optionValue(args, 'w', '--workspace') : null;
    const inFolder = folder === null ? null : path.resolve(dir, folder);
    if (inFolder !== null && ctx.files.stat(path.join(inFolder, 'package.json'))?.file) dir = inFolder;
    else {
      const found = allPackages();
      if (found === null) return 'workspaces';
      packages = found;
    }
  }
  const withHooks = (name: string) =>
    hasOption(args, null, '--ignore-scripts') ? [name] : [`pre${name}`, name, `post${name}`];
  let name: string | null = null;
  let after = rest;
  if (/^(run|run-script|rum|urn)$/.test(sub)) {
    const named = operands(rest)[0];
    name = named?.text ?? null;
    after = named ? rest.slice(rest.indexOf(named) + 1) : [];
  } else if (/^(test|t|tst)$/.test(sub) && prog !== 'bun') name = 'test';
  else if (/^(start|stop|restart)$/.test(sub)) name = sub;
  else if (
    (sub === 'install' || sub === 'i' || sub === 'ci' || (sub === '' && prog === 'yarn')) &&
    operands(rest).length === 0
  ) {
    if (hasOption(args, null, '--ignore-scripts')) return null;
    return { dir, names: INSTALL_SCRIPTS, main: null, extra: [], label: `${prog} ${sub || 'install'}`, packages };
  } else if (sub && !PM_BUILTINS[prog]?.test(sub) && prog !== 'npm') name = sub;
  if (!name || name.startsWith('-')) return null;
  // npm passes on only what follows `--`; the others pass every word after the script's name.
  const dashes = after.findIndex((w) => w.text === '--');
  const extra = dashes >= 0 ? after.slice(dashes + 1) : prog === 'npm' ? [] : after;
  return {
    dir,
    names: withHooks(name),
    main: name,
    extra,
    label: `${prog} ${sub === name ? name : `${sub} ${name}`}`,
    packages,
  };
}

/** The nearest package.json at or above `dir`, as npm finds it. */
function findUp(dir: string, name: string, input: RuleInput): string | null {
  for (let d = dir, i = 0; i < 32; d = path.dirname(d), i++) {
    const p = path.join(d, name);
    if (input.ctx.files.stat(p)?.file) return p;
    if (path.dirname(d) === d) return null;
  }
  return null;
}

const quote = (w: Word) => (/^[\w@%+=:,./-]+$/.test(w.text) ? w.text : `'${w.text.replace(/'/g, `'\\''`)}'`);

/** `npm test`, `pnpm run build`, `yarn lint`, `bun run dev`: the scripts package.json gives those names. */
function packageScripts(input: RuleInput): Finding[] {
  const { prog, args } = input;
  if (prog === 'bun') {
    // `bun run x.ts`, `bun x.ts`: a file, not a script.
    const { sub, rest } = subcommand(args);
    const file = sub === 'run' ? operands(rest)[0] : operands(args)[0];
    if (file && /\.(m?[jt]sx?|c[jt]s)$|\//.test(file.text)) return scriptFile(file, 'js', input);
  }
  const wanted = wantedScripts(input);
  if (!wanted) return [];
  if (wanted === 'workspaces')
    return [
      finding(
        'unparsed',
        S.medium,
        `${prog}: runs package.json scripts of workspace packages Gatehouse did not read (by name, all of them, or a filter)`,
      ),
    ];
  return wantedScriptsDo(wanted, input);
}

/** What the wanted scripts do: in each workspace package named, else in the nearest package.json. */
function wantedScriptsDo(wanted: Wanted, input: RuleInput): Finding[] {
  if (wanted.packages)
    return wanted.packages
      .map((dir) => path.join(dir, 'package.json'))
      .filter((manifest) => input.ctx.files.stat(manifest)?.file)
      .flatMap((manifest) => manifestScripts(manifest, wanted, input));
  const manifest = findUp(wanted.dir, 'package.json', input);
  // No package.json: the package manager fails. One the same command writes first is written-then-run.ts's.
  if (!manifest) return [];
  return manifestScripts(manifest, wanted, input);
}

const unreadWorkspaces = (prog: string): Finding =>
  finding('unparsed', S.medium, `${prog}: runs package.json scripts of workspace packages Gatehouse did not read`);

/** What the wanted scripts of one package.json do. */
function manifestScripts(manifest: string, wanted: Wanted, input: RuleInput): Finding[] {
  const got = input.ctx.files.read(manifest, MAX_SCRIPT_BYTES * 4);
  if (!('text' in got))
    return [
      finding(
        'unparsed',
        S.medium,
        `Gatehouse could not read ${manifest}, whose scripts ${wanted.label} runs: ${unreadableWhy(got.problem, got.size)}`,
      ),
    ];
  let scripts: Record<string, unknown>;
  try {
    const parsed = JSON.parse(got.text) as { scripts?: unknown };
    scripts = parsed.scripts && typeof parsed.scripts === 'object' ? (parsed.scripts as Record<string, unknown>) : {};
  } catch {
    return [
      finding(
        'unparsed',
        S.medium,
        `Gatehouse could not read ${manifest} (not valid JSON), whose scripts ${wanted.label} runs`,
      ),
    ];
  }
  const found: Finding[] = [];
  for (const name of wanted.names) {
    const text = scripts[name];
    if (typeof text !== 'string' || !text.trim()) continue;
    const line = name === wanted.main && wanted.extra.length ? `${text} ${wanted.extra.map(quote).join(' ')}` : text;
    found.push(
      ...judgeShell(
        line,
        path.dirname(manifest),
        `runs the "${name}" script of ${wanted.packages ? path.relative(input.ctx.cwd, manifest) : 'package.json'} (${text.length > 60 ? `${text.slice(0, 57)}…` : text})`,
        input,
      ),
    );
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Monorepo runners

/** turbo's own commands (anything else is a task: `turbo test` is `turbo run test`). */
const TURBO_OWN =
  /^(prune|login|logout|link|unlink|gen|generate|daemon|ls|query|info|telemetry|boundaries|scan|bin|completion|devtools|watch)$/;

/**
 * `turbo run test`, `lerna run build`: the scripts of that name in every package of the workspace, read like `npm run`'s;
 * `lerna exec -- cmd` runs cmd in each package. Nx targets may live in project.json files Gatehouse does not read: medium.
 */
function monorepoRun(input: RuleInput): Finding[] {
  const { prog, args, ctx } = input;
  const ops = operands(args).map((w) => w.text);
  if (prog === 'lerna' && ops[0] === 'exec') {
    const dashes = args.findIndex((w) => w.text === '--');
    const command = dashes >= 0 ? args.slice(dashes + 1) : args.slice(args.findIndex((w) => w.text === 'exec') + 1);
    return command.length ? input.nested(command, 'lerna exec') : [];
  }
  let tasks: string[] = [];
  if (prog === 'turbo') tasks = ops[0] === 'run' ? ops.slice(1) : ops[0] && !TURBO_OWN.test(ops[0]) ? [ops[0]] : [];
  else if (prog === 'lerna') tasks = ops[0] === 'run' && ops[1] ? [ops[1]] : [];
  else if (
    prog === 'nx' &&
    ops[0] &&
    !/^(graph|list|show|report|reset|daemon|init|migrate|format:check|help|--help)$/.test(ops[0])
  )
    return [
      finding(
        'unparsed',
        S.medium,
        `nx ${ops.slice(0, 3).join(' ')}: runs targets that may be defined in project.json files Gatehouse does not read`,
      ),
    ];
  if (tasks.length === 0) return [];
  const root = findWorkspaceRoot(ctx.cwd, ctx.files);
  const packages = root === null ? [ctx.cwd] : workspacePackages(root, ctx.files);
  if (packages === null) return [unreadWorkspaces(prog)];
  const wanted: Wanted = {
    dir: ctx.cwd,
    names: tasks.flatMap((t) => [`pre${t}`, t, `post${t}`]),
    main: null,
    extra: [],
    label: `${prog} run ${tasks.join(' ')}`,
    // The root's own script usually calls the runner again: the packages' are what runs.
    packages,
  };
  return wantedScriptsDo(wanted, input);
}

// ---------------------------------------------------------------------------------------------------------
// Makefiles

const MAKE_VALUED = [
  '-C',
  '--directory',
  '-f',
  '--file',
  '--makefile',
  '-I',
  '--include-dir',
  '-o',
  '--old-file',
  '--assume-old',
  '-W',
  '--what-if',
  '--new-file',
  '--assume-new',
  '-j',
  '--jobs',
  '-l',
  '--load-average',
  '-O',
  '--output-sync',
];
const parsedMakefiles = new Map<string, Makefile>();

/** `make [-C dir] [-f file] [VAR=value…] [goal…]`: the recipes of the goals (and their prerequisites). */
function makeRecipes(input: RuleInput): Finding[] {
  const { args, ctx } = input;
  if (
    hasOption(args, 'n', '--dry-run', '--just-print', '--recon') ||
    hasOption(args, 'q', '--question') ||
    hasOption(args, 'p', '--print-data-base')
  )
    return [];
  let dir = ctx.cwd;
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (t === '-C' || t === '--directory') dir = path.resolve(dir, args[i + 1]?.text ?? '.');
    else if (t.startsWith('--directory=')) dir = path.resolve(dir, t.slice(12));
    else if (/^-C./.test(t)) dir = path.resolve(dir, t.slice(2));
  }
  // `-j` and `-l` may stand alone; a number after them is theirs.
  const ops = operands(
    args.filter((w, i) => !(/^\d+$/.test(w.text) && /^(-j|-l|--jobs|--load-average)$/.test(args[i - 1]?.text ?? ''))),
    MAKE_VALUED.filter((o) => !/^(-j|-l|--jobs|--load-average)$/.test(o)),
  );
  const named = optionValue(args, 'f', '--file', '--makefile');
  const file =
    named !== null
      ? path.resolve(dir, named)
      : (['GNUmakefile', 'makefile', 'Makefile'].map((n) => path.join(dir, n)).find((p) => ctx.files.stat(p)?.file) ??
        null);
  if (!file) return [];
  const got = ctx.files.read(file, MAX_SCRIPT_BYTES);
  if (!('text' in got))
    return got.problem === 'missing'
      ? []
      : [
          finding(
            'unparsed',
            S.medium,
            `Gatehouse could not read ${file}, the Makefile make runs: ${unreadableWhy(got.problem, got.size)}`,
          ),
        ];
  const key = `${file}\u0000${got.stat.size}\u0000${got.stat.mtimeMs}`;
  let mk = parsedMakefiles.get(key);
  if (!mk) {
    mk = readMakefile(got.text);
    if (parsedMakefiles.size >= MAX_SCANNED) parsedMakefiles.clear();
    parsedMakefiles.set(key, mk);
  }
  const overrides = new Map(
    ops
      .filter((w) => /^[\w.-]+=/.test(w.text))
      .map((w) => [w.text.slice(0, w.text.indexOf('=')), w.text.slice(w.text.indexOf('=') + 1)] as [string, string]),
  );
  const goals = ops.filter((w) => !w.text.includes('=')).map((w) => w.text);
  const { text, unfound } = recipesFor(mk, goals, overrides, dir);
  const found: Finding[] = unfound.length
    ? [
        finding(
          'unparsed',
          S.medium,
          `Gatehouse could not find ${unfound.join(', ')} in ${path.basename(file)}, which includes other Makefiles: their recipes were not read`,
        ),
      ]
    : [];
  if (text)
    found.push(
      ...judgeShell(text, dir, `runs the recipes of make ${goals.join(' ') || mk.first || ''}`.trimEnd(), input),
    );
  return found;
}

// ---------------------------------------------------------------------------------------------------------

/**
 * Every segment: when it runs a script file, a package.json script or Makefile recipes, what they hold.
 * Nothing when it runs none, or when what it would run is not on disk to read (then it is judged as before).
 */
export function scriptsRun(input: RuleInput): Finding[] {
  const { prog, seg } = input;
  if (seg.remote) return [];
  const argv0 = seg.argv[0];
  if (!SCRIPT_PROGRAMS.has(prog) && !/^(python|pypy|perl|php)[\d.]*$/.test(prog) && !argv0?.text.includes('/'))
    return [];
  const lang = languageOf(prog);
  if (lang === 'shell') return shellRun(input);
  if (prog === 'bun' || prog === 'npm' || prog === 'pnpm' || prog === 'yarn') return packageScripts(input);
  if (prog === 'turbo' || prog === 'lerna' || prog === 'nx') return monorepoRun(input);
  if (lang) return codeRun(input, lang);
  if (prog === 'deno') return codeRun(input, 'js');
  if (prog === 'make' || prog === 'gmake') return makeRecipes(input);
  if (argv0?.known && argv0.text.includes('/') && !/^[A-Za-z]:/.test(argv0.text))
    return scriptFile(argv0, 'by-shebang', input);
  return [];
}
