// Interpreters given code on the command line or on stdin (`python -c`, `node -e`, `perl -e`, `ruby -e`,
// `php -r`, `deno eval`, `lua -e`, `julia -e`, `elixir -e`, `erl -eval`, `groovy -e`, `scala -e`,
// `kotlin -e`, `raku -e`, `Rscript -e`, `osascript -e`, `expect -c`, `python3 <<EOF`, awk's program), and
// programs whose commands can run a shell (sed, dc, vim, gdb, lldb, emacs, sqlite3, psql, mysql: see
// escapes.ts): the program stays a segment, and each command-like call in the code becomes one more.
// `inlineCode` and `readsCodeFromStdin` answer the same questions for the rules, from a segment's words.
import type { Word } from '../model.ts';
import { escapeKind, escapesOf, type Escapes } from './escapes.ts';
import { baseName, commandOf, inside, keep, type CommandInput, type Frame, type Reader, type Step } from './frame.ts';
import { scanCode } from './languages.ts';
import type { Lang } from './literals.ts';
import { fedBy } from './piped.ts';
import { resolveNames } from './resolve.ts';

interface Spec {
  lang: Lang;
  /** Letters whose next word (or the rest of the word) is code: `-c`, `-e`, `-E`, `-p`, `-r`. */
  code?: string;
  /** Letters that take the rest of the word, or the next word, as a value (`-I dir`, `-rjson`, `-W x`). */
  valued?: string;
  /** Letters after which the rest of the command is not code (`python -m module`, `php -f file`). */
  stop?: string;
  /** Valued letters whose value can only be glued (`perl -i.bak`, `-0777`, `-l`): they never take the next word. */
  gluedOnly?: string;
  /**
   * Glued values of a known shape, after which the cluster goes on: perl's `-l` takes octal digits only, so `-le` is
   * `-l -e` (and `-wle 'code'` runs the code), `-0` octal or `x` and hex digits, `-C` a number or its letters.
   */
  gluedShape?: Readonly<Record<string, RegExp>>;
  /** Whether code may be glued to its letter (`ruby -e'…'`); node reads `-pe` as two flags and the next word. */
  gluedCode?: boolean;
  /** Whole words that are code (`--eval`, `-eval`, `-expression`), and ones that take a value (`--require`, `-pa`). */
  longCode?: readonly string[];
  longValued?: readonly string[];
  /** Whole words after which nothing is code (`expect -f file`). */
  stopWords?: readonly string[];
  /** False for programs whose single-dash options are words, not clustered letters (`elixir -pa`, `scala -cp`). */
  clusters?: boolean;
  /** Options are looked for among all words (erl's options come in any order and take lists of values). */
  scanAll?: boolean;
  /** Subcommands that precede the script (`bun run -`). */
  sub?: readonly string[];
  /** When stdin is the code: with no script named (or `-`), only with `-`, or never. */
  stdin: 'no-script' | 'dash' | 'never';
  /** Options that make the interpreter only print or check, never run code (`node --version`, `ruby -c`). */
  noRun?: readonly string[];
}

const ABOUT = ['--version', '--help', '-h', '-?'];
const PYTHON: Spec = {
  lang: 'python',
  code: 'c',
  valued: 'WXQ',
  stop: 'm',
  gluedCode: true,
  longValued: ['--check-hash-based-pycs'],
  stdin: 'no-script',
  noRun: ['-V', '-VV'],
};
const NODE: Spec = {
  lang: 'js',
  code: 'ep',
  valued: 'rC',
  gluedCode: false,
  longCode: ['--eval', '--print'],
  longValued: [
    '--require',
    '--import',
    '--loader',
    '--experimental-loader',
    '--env-file',
    '--input-type',
    '--conditions',
    '--title',
    '--inspect-port',
  ],
  stdin: 'no-script',
  noRun: ['-v', '-c', '--check', '--test', '--run', '--v8-options'],
};
const BUN: Spec = {
  lang: 'js',
  code: 'ep',
  valued: 'r',
  gluedCode: false,
  longCode: ['--eval', '--print'],
  longValued: ['--preload', '--cwd', '--config', '--env-file', '--tsconfig-override'],
  sub: ['run'],
  stdin: 'dash',
};
const RUBY: Spec = {
  lang: 'ruby',
  code: 'e',
  valued: 'IrCEFx0',
  gluedOnly: 'Fx0',
  // `-W0e` is `-W0 -e`; `-Ke` is the EUC-JP kcode, not `-e` (the next word is then a script).
  gluedShape: { '0': /^[0-7]*/, W: /^(?:[0-2]|:[\w-]*)?/, K: /^[eEsSuUnN]?/ },
  gluedCode: true,
  longValued: ['--encoding', '--external-encoding', '--internal-encoding'],
  stdin: 'no-script',
  noRun: ['-v', '-c', '-y'],
};
const PERL: Spec = {
  lang: 'perl',
  code: 'eE',
  valued: 'IMmix0lFCdD',
  gluedOnly: 'ix0lFCdD',
  gluedShape: { l: /^[0-7]*/, '0': /^(?:x[0-9A-Fa-f]*|[0-7]*)/, C: /^(?:\d+|[IOESioDALa]*)/ },
  gluedCode: true,
  stdin: 'no-script',
  noRun: ['-v', '-V', '-c'],
};
// `-B`, `-R` and `-E` are code run before, for each line of, and after the input.
const PHP: Spec = {
  lang: 'php',
  code: 'rBRE',
  valued: 'cdztS',
  stop: 'fF',
  gluedCode: true,
  stdin: 'no-script',
  noRun: ['-v', '-i', '-m', '-l', '-s', '-S', '--ini'],
};
// awk's program is its first operand (see awkProgram); `-f file` reads it from a file instead, `-f -` from stdin.
const AWK: Spec = { lang: 'awk', valued: 'Fv', longValued: ['--field-separator', '--assign'], stdin: 'dash' };
const LUA: Spec = { lang: 'lua', code: 'e', valued: 'l', gluedCode: true, stdin: 'no-script', noRun: ['-v'] };
const LUAJIT: Spec = { ...LUA, valued: 'lj', gluedOnly: 'O', stop: 'b' };
const JULIA: Spec = {
  lang: 'julia',
  code: 'eE',
  valued: 'LJCtpgO',
  gluedOnly: 'gO',
  gluedCode: true,
  longCode: ['--eval', '--print'],
  longValued: ['--load', '--sysimage', '--threads', '--procs', '--machine-file', '--cpu-target'],
  stdin: 'no-script',
  noRun: ['-v'],
};
const ELIXIR: Spec = {
  lang: 'elixir',
  clusters: false,
  longCode: ['-e', '--eval'],
  longValued: [
    '-r',
    '-pr',
    '-pa',
    '-pz',
    '--app',
    '--erl',
    '--sname',
    '--name',
    '--cookie',
    '--boot',
    '--boot-var',
    '--vm-args',
    '--logger-otp-reports',
    '--logger-sasl-reports',
  ],
  stdin: 'never',
};
const ERL: Spec = { lang: 'erlang', scanAll: true, longCode: ['-eval'], stdin: 'never' };
const JVM_VALUED = ['-cp', '-classpath', '--classpath', '-d', '-J'];
const GROOVY: Spec = {
  lang: 'groovy',
  clusters: false,
  longCode: ['-e'],
  longValued: [
    ...JVM_VALUED,
    '-c',
    '--encoding',
    '-a',
    '--autosplit',
    '-i',
    '-l',
    '--configscript',
    '-b',
    '--basescript',
  ],
  stdin: 'never',
};
const SCALA: Spec = {
  lang: 'scala',
  clusters: false,
  longCode: ['-e', '--execute-script', '--execute-scala'],
  longValued: JVM_VALUED,
  stdin: 'never',
};
const KOTLIN: Spec = {
  lang: 'kotlin',
  clusters: false,
  longCode: ['-e', '-expression'],
  longValued: [
    ...JVM_VALUED,
    '-jvm-target',
    '-language-version',
    '-api-version',
    '-jdk-home',
    '-kotlin-home',
    '-module-name',
  ],
  stdin: 'never',
};
const RAKU: Spec = { lang: 'raku', code: 'e', valued: 'IM', gluedCode: true, stdin: 'no-script', noRun: ['-v', '-c'] };
const TCL: Spec = { lang: 'tcl', clusters: false, longValued: ['-encoding'], stdin: 'no-script' };
const EXPECT: Spec = {
  lang: 'tcl',
  clusters: false,
  longCode: ['-c'],
  longValued: ['-D'],
  stopWords: ['-f'],
  stdin: 'dash',
};
const RSCRIPT: Spec = { lang: 'r', clusters: false, longCode: ['-e'], stdin: 'dash' };
const R: Spec = {
  lang: 'r',
  clusters: false,
  longCode: ['-e'],
  longValued: ['-f', '--file', '-d', '--debugger'],
  stdin: 'never',
};
const OSASCRIPT: Spec = {
  lang: 'applescript',
  clusters: false,
  longCode: ['-e'],
  longValued: ['-l', '-s'],
  stdin: 'no-script',
};

const SPECS: ReadonlyMap<string, Spec> = new Map([
  ['py', PYTHON],
  ['node', NODE],
  ['nodejs', NODE],
  ['bun', BUN],
  ['ruby', RUBY],
  ['jruby', RUBY],
  ['truffleruby', RUBY],
  ['lua', LUA],
  ['luajit', LUAJIT],
  ['julia', JULIA],
  ['elixir', ELIXIR],
  ['erl', ERL],
  ['groovy', GROOVY],
  ['scala', SCALA],
  ['scala-cli', SCALA],
  ['scala3', SCALA],
  ['kotlin', KOTLIN],
  ['kotlinc', KOTLIN],
  ['kotlinc-jvm', KOTLIN],
  ['raku', RAKU],
  ['perl6', RAKU],
  ['rakudo', RAKU],
  ['expect', EXPECT],
  ['rscript', RSCRIPT],
  ['r', R],
  ['osascript', OSASCRIPT],
]);

function specFor(prog: string): Spec | null {
  const exact = SPECS.get(prog);
  if (exact) return exact;
  if (/^(python|pypy)[\d.]*$/.test(prog)) return PYTHON;
  if (/^perl[\d.]*$/.test(prog)) return PERL;
  if (/^php[\d.]*$/.test(prog)) return PHP;
  if (/^[gmn]?awk$/.test(prog)) return AWK;
  if (/^lua[\d.]+$/.test(prog)) return LUA;
  if (/^(tclsh|wish|jimsh)[\d.]*$/.test(prog)) return TCL;
  return null;
}

/** The language of a program's inline code, or the kind of commands it runs (sed, vim, …); null for anything else. */
export function interpreterFor(prog: string): Lang | Escapes | null {
  const cached = kinds.get(prog);
  if (cached !== undefined) return cached;
  const kind = prog === 'deno' ? 'js' : (specFor(prog)?.lang ?? escapeKind(prog));
  // Every segment asks (the rules do too); program names repeat, so the answer is kept, boundedly.
  if (kinds.size < MAX_CACHED_PROGRAMS) kinds.set(prog, kind);
  return kind;
}

const kinds = new Map<string, Lang | Escapes | null>();
const MAX_CACHED_PROGRAMS = 4096;

/** Names a program reads its stdin through, as well as `-`. */
const STDIN_NAMES = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);
/** A file name that is standard input (`/dev/stdin`, `/dev/fd/0`). */
export const namesStdin = (w: Word | undefined): boolean =>
  w !== undefined && STDIN_NAMES.has(w.text) && w.text !== '-';
const isStdin = (w: Word | undefined): boolean =>
  w !== undefined && (STDIN_NAMES.has(w.text) || w.text.startsWith('<('));

/** Where a program's code is: in its words (`-c code`, `-e code`, repeatable), or in a script it names (`-` is stdin). */
type Located = { code: Word; flag: string } | { script: Word | undefined };

/** `awk [-F fs] [-v a=b] 'program' files…`: the first operand is the program, unless `-f`/`-e` names it. */
function awkProgram(argv: readonly Word[], spec: Spec): Located | null {
  for (let i = 1; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--') return argv[i + 1] ? { code: argv[i + 1] as Word, flag: 'program' } : null;
    if (t === '-e' || t === '--source') return argv[i + 1] ? { code: argv[i + 1] as Word, flag: t } : null;
    if (!t.startsWith('-') || t === '-') return { code: argv[i] as Word, flag: 'program' };
    if (t.startsWith('--')) {
      if (spec.longValued?.includes(t)) i += 1;
      continue;
    }
    // `-f file` reads the program from a file; `-f -` from stdin.
    if (t === '-f') return isStdin(argv[i + 1]) ? { script: argv[i + 1] } : null;
    if ((spec.valued ?? '').includes(t[1] as string) && t.length === 2) i += 1;
  }
  return null;
}

/** `deno eval [options] code`, `deno repl --eval code`, `deno run -` (stdin). */
function denoCode(argv: readonly Word[]): Located | null {
  const sub = argv[1]?.text;
  if (sub === 'eval') {
    const code = argv.slice(2).find((w) => !w.text.startsWith('-'));
    return code ? { code, flag: 'eval' } : null;
  }
  if (sub === 'repl') {
    const at = argv.findIndex((w) => w.text === '--eval' || w.text.startsWith('--eval='));
    const w = argv[at];
    if (!w) return null;
    return w.text === '--eval'
      ? argv[at + 1]
        ? { code: argv[at + 1] as Word, flag: 'repl --eval' }
        : null
      : { code: { text: w.text.slice(7), known: w.known }, flag: 'repl --eval' };
  }
  if (sub === 'run')
    return isStdin(argv.slice(2).find((w) => !w.text.startsWith('-') || w.text === '-'))
      ? { script: { text: '-', known: true } }
      : null;
  return null;
}

function locate(prog: string, spec: Spec, argv: readonly Word[]): Located | null {
  if (spec.lang === 'awk') return awkProgram(argv, spec);
  if (prog === 'deno') return denoCode(argv);
  const pieces: Word[] = [];
  let flag = '';
  let i = 1;
  for (; i < argv.length; i++) {
    const word = argv[i] as Word;
    const t = word.text;
    if (t === '--') {
      i += 1;
      break;
    }
    if (!t.startsWith('-') || t === '-') {
      if (spec.scanAll) continue;
      if (spec.sub?.includes(t) && pieces.length === 0) continue;
      break;
    }
    if (spec.stopWords?.includes(t)) return null;
    const [name = '', value] = t.split(/=(.*)/s);
    if (spec.longCode?.includes(name)) {
      const code = value !== undefined ? { text: value, known: word.known } : argv[++i];
      if (code) pieces.push(code);
      flag = name;
      continue;
    }
    if (spec.longValued?.includes(name)) {
      if (value === undefined) i += 1;
      continue;
    }
    if (t.startsWith('--') || spec.clusters === false || spec.scanAll) continue;
    for (let k = 1; k < t.length; k++) {
      const letter = t[k] as string;
      if (spec.stop?.includes(letter)) return null;
      if (spec.code?.includes(letter)) {
        const glued = spec.gluedCode ? t.slice(k + 1) : '';
        const code = glued ? { text: glued, known: word.known } : argv[++i];
        if (code) pieces.push(code);
        flag = `-${letter}`;
        break;
      }
      const shape = spec.gluedShape?.[letter];
      if (shape) {
        k += (shape.exec(t.slice(k + 1)) as RegExpExecArray)[0].length;
        continue;
      }
      if (spec.valued?.includes(letter)) {
        if (k === t.length - 1 && !spec.gluedOnly?.includes(letter)) i += 1;
        break;
      }
    }
  }
  if (pieces.length > 0)
    return { code: { text: pieces.map((p) => p.text).join('\n'), known: pieces.every((p) => p.known) }, flag };
  return { script: spec.scanAll ? undefined : argv[i] };
}

/** Whether the program runs what arrives on its stdin as code, given where its code is. */
function stdinRuns(spec: Spec, argv: readonly Word[], located: Located): boolean {
  if ('code' in located || spec.stdin === 'never') return false;
  if (argv.some((w) => ABOUT.includes(w.text) || spec.noRun?.includes(w.text))) return false;
  return located.script === undefined ? spec.stdin === 'no-script' : isStdin(located.script);
}

/** Shells that run what arrives on stdin when they are given no script (or `-`, `-s`, `/dev/stdin`). */
const SHELLS = new Set([
  'sh',
  'bash',
  'zsh',
  'dash',
  'ksh',
  'mksh',
  'ash',
  'yash',
  'fish',
  'csh',
  'tcsh',
  'pdksh',
  'rbash',
  'elvish',
  'nu',
  'xonsh',
]);
/** Shell options that take a value. */
const SHELL_VALUED = new Set(['-o', '+o', '-O', '+O', '--rcfile', '--init-file', '-C', '--command', '--init-command']);
/** PowerShell reads its commands from stdin with `-Command -`, `-File -`, or with nothing to run named. */
const POWERSHELL = new Set(['pwsh', 'powershell', 'pwsh-preview']);

/**
 * Whether a program runs what arrives on its stdin as code: a shell with no script (`curl … | sh`,
 * `sh -s`, `bash /dev/stdin`), `source /dev/stdin`, an interpreter with no script or `-`
 * (`python3`, `node -`, `perl`, `Rscript -`, `pwsh -Command -`, `awk -f -`, `dc`, …). A script named
 * (`python3 parse.py`) reads stdin as data; `-c`/`-e` code does not read it as code.
 */
export function readsCodeFromStdin(prog: string, args: readonly Word[]): boolean {
  if (SHELLS.has(prog)) {
    for (let i = 0; i < args.length; i++) {
      const t = (args[i] as Word).text;
      if (t === '--' || t === '-') return args[i + 1] === undefined || isStdin(args[i + 1]);
      if (!/^[-+]./.test(t)) return isStdin(args[i]);
      if (SHELL_VALUED.has(t) || /^[-+][a-zA-Z]*[oO]$/.test(t)) i += 1;
      else if (!t.startsWith('--') && /^-[a-zA-Z]*c/.test(t)) return false;
      else if (!t.startsWith('--') && /^-[a-zA-Z]*s/.test(t)) return true;
    }
    return true;
  }
  // fish's `… | source` reads stdin with no file named.
  if (prog === 'source' || prog === '.') return args.length === 0 || isStdin(args[0]);
  if (POWERSHELL.has(prog)) {
    const named = args.findIndex((w) => /^-(c|command|f|file|e|ec|encodedcommand)$/i.test(w.text));
    if (named >= 0) return isStdin(args[named + 1]);
    return !args.some((w) => !w.text.startsWith('-'));
  }
  // `… | parallel` with no command of its own runs each line; `… | at now` schedules what it reads; `… | ed f` reads
  // editor commands, `!cmd` among them.
  if (prog === 'parallel') return !args.some((w) => !w.text.startsWith('-'));
  if (prog === 'at' || prog === 'batch') return !args.some((w) => /^-[flrdc]$/.test(w.text));
  if (prog === 'ed' || prog === 'red') return true;
  const kind = escapeKind(prog);
  if (kind === 'dc') return !args.some((w) => /^-(e|f|-expression|-file)/.test(w.text) || !w.text.startsWith('-'));
  if (kind === 'sed')
    return (
      args.some((w, i) => (w.text === '-f' || w.text === '--file') && isStdin(args[i + 1])) ||
      args.some((w) => /^--file=(-|\/dev\/stdin)$/.test(w.text))
    );
  if (kind === 'gdb')
    return (
      !args.some((w) => /^--?batch$/.test(w.text)) ||
      args.some((w, i) => /^--?x$|^--?command$/.test(w.text) && isStdin(args[i + 1]))
    );
  if (kind) return false;
  const spec = specOf(prog);
  if (!spec) return false;
  const argv = [{ text: prog, known: true }, ...args];
  const located = locateFor(prog, spec, argv);
  return located !== null && stdinRuns(spec, argv, located);
}

/** Code a program was given in its words or on stdin, with its language and a label for what carried it. */
export interface InlineCode {
  lang: Lang;
  code: Word;
  /** `python -c`, `node -e`, `python3 <<EOF`, `awk program`. */
  label: string;
  /** The code came on stdin (a here-doc, or a literal piped in). */
  stdin: boolean;
}

/**
 * The code an interpreter runs, from its words and its stdin (null when it runs a script file, or
 * nothing to read): `python -c '…'`, `node -e '…'`, `python3 - <<EOF`, `echo '…' | ruby`.
 */
export function inlineCode(
  argv: readonly Word[],
  stdin: string | null,
  stdinKind: string | null = null,
): InlineCode | null {
  const prog = baseName(argv[0]);
  const spec = specOf(prog);
  const located = spec ? locateFor(prog, spec, argv) : null;
  return spec && located ? codeFrom(prog, spec, argv, located, stdin, stdinKind) : null;
}

const DENO: Spec = { lang: 'js', stdin: 'dash' };
const specOf = (prog: string): Spec | null => (prog === 'deno' ? DENO : specFor(prog));
const locateFor = (prog: string, spec: Spec, argv: readonly Word[]): Located | null =>
  prog === 'deno' ? denoCode(argv) : locate(prog, spec, argv);

function codeFrom(
  prog: string,
  spec: Spec,
  argv: readonly Word[],
  located: Located,
  stdin: string | null,
  stdinKind: string | null,
): InlineCode | null {
  // `osascript -l JavaScript` runs JavaScript for Automation.
  const l = argv.findIndex((w) => w.text === '-l');
  const lang = prog === 'osascript' && l > 0 && /^javascript$/i.test(argv[l + 1]?.text ?? '') ? 'js' : spec.lang;
  if ('code' in located) return { lang, code: located.code, label: `${prog} ${located.flag}`, stdin: false };
  if (stdin === null || !stdinRuns(spec, argv, located)) return null;
  return { lang, code: { text: stdin, known: true }, label: `${prog} ${stdinKind ?? '<<EOF'}`, stdin: true };
}

/** The program's own segment, then one for each command or file operation its code performs. */
export function oneLiner(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const prog = baseName(cmd.argv[0]);
  const escapes = escapeKind(prog);
  if (escapes) return escapeCommands(escapes, cmd, frame, reader);
  const spec = specOf(prog);
  const located = spec ? locateFor(prog, spec, cmd.argv) : null;
  // `python3 <(curl …)`: the script is another command's output, as if piped in.
  const fed = located && 'script' in located ? fedBy(located.script, frame, reader) : null;
  const own = keep(cmd, fed ?? frame, reader);
  if (!spec || !located) return own;
  const stdin = fed ? fed.stdin : (cmd.stdin ?? frame.stdin);
  const kind = fed ? '<(…)' : cmd.stdin !== null ? cmd.stdinKind : frame.stdinKind;
  const source = codeFrom(prog, spec, cmd.argv, located, stdin, kind);
  if (source) readCode(source.code.text, source.lang, source.label, frame, reader);
  return own;
}

/** Reads code for the commands and file operations it performs, each a synthetic segment labelled with where the code was. */
function readCode(code: string, lang: Lang, label: string, frame: Frame, reader: Reader): void {
  const cut = { cut: false };
  for (const found of scanCode(resolveNames(code, lang), lang, 0, cut)) {
    const at = inside(frame, label, { call: found.call, redirects: [], stdin: null, stdinKind: null, pipeFrom: null });
    if (found.shell) reader.parseNested(found.shell.text, at);
    else if (found.argv?.length) reader.runCommand(commandOf(found.argv, found.call), at);
  }
  if (cut.cut) reader.problem(`the ${label} code makes more calls than Gatehouse reads; it read only the first ones`);
}

/** sed, dc, vim, gdb, lldb, emacs and database shells: the shell commands and code their own commands run. */
function escapeCommands(kind: Escapes, cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const own = keep(cmd, frame, reader);
  for (const e of escapesOf(kind, cmd.argv, cmd.stdin ?? frame.stdin)) {
    if (e.code) readCode(e.code.text.text, e.code.lang, e.label, frame, reader);
    // `\o |sh`, `.once |cmd`, `:w !cmd`: the command reads the program's output, as a pipe would give it.
    else if (e.shell)
      reader.parseNested(
        e.shell.text,
        inside(frame, e.label, { redirects: [], stdin: null, stdinKind: null, pipeFrom: e.fed ? cmd.argv : null }),
      );
    else if (e.argv?.length)
      reader.runCommand(
        commandOf(e.argv, e.call),
        inside(frame, e.label, { call: e.call, redirects: [], stdin: null, stdinKind: null, pipeFrom: null }),
      );
  }
  return own;
}
