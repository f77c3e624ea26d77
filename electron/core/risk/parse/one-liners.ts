// Interpreters given code on the command line or on stdin (`python -c`, `node -e`, `perl -e`, `ruby -e`,
// `php -r`, `deno eval`, `python3 <<EOF`, awk's program): the interpreter stays a segment, and each command-like call in
// the code becomes a synthetic one.
import type { Word } from '../model.ts';
import { baseName, commandOf, inside, keep, type CommandInput, type Frame, type Reader, type Step } from './frame.ts';
import { scanCode } from './languages.ts';
import type { Lang } from './literals.ts';
import { fedBy } from './piped.ts';

export function interpreterFor(prog: string): Lang | null {
  if (/^(python|pypy)[\d.]*$/.test(prog)) return 'python';
  if (prog === 'node' || prog === 'nodejs' || prog === 'deno' || prog === 'bun') return 'js';
  if (prog === 'ruby' || prog === 'jruby') return 'ruby';
  if (/^perl[\d.]*$/.test(prog)) return 'perl';
  if (/^php[\d.]*$/.test(prog)) return 'php';
  if (/^[gmn]?awk$/.test(prog)) return 'awk';
  return null;
}

interface Options {
  /** Letters whose next word (or the rest of the word) is code: `-c`, `-e`, `-E`, `-p`, `-r`. */
  code: string;
  /** Letters that take the rest of the word, or the next word, as a value (`-I dir`, `-rjson`, `-W x`). */
  valued: string;
  /** Long options that are code (`--eval`, `--print`) and ones that take a value. */
  longCode: readonly string[];
  longValued: readonly string[];
  /** Letters after which the rest of the command is not code (`python -m module`). */
  stop: string;
  /** Valued letters whose value can only be glued (`perl -i.bak`, `-0777`, `-l`): they never take the next word. */
  gluedOnly: string;
  /** Whether code may be glued to its letter (`ruby -e'…'`); node reads `-pe` as two flags and the next word. */
  gluedCode: boolean;
}

const OPTIONS: Record<Lang, Options> = {
  python: { code: 'c', valued: 'WXQ', longCode: [], longValued: ['--check-hash-based-pycs'], stop: 'm', gluedOnly: '', gluedCode: true },
  js: { code: 'ep', valued: 'rC', longCode: ['--eval', '--print'], longValued: ['--require', '--import', '--loader', '--experimental-loader', '--env-file', '--input-type', '--conditions', '--title', '--inspect-port'], stop: '', gluedOnly: '', gluedCode: false },
  ruby: { code: 'e', valued: 'IrCEFx0', longCode: [], longValued: ['--encoding', '--external-encoding', '--internal-encoding'], stop: '', gluedOnly: 'Fx0', gluedCode: true },
  perl: { code: 'eE', valued: 'IMmix0lFCdD', longCode: [], longValued: [], stop: '', gluedOnly: 'ix0lFCdD', gluedCode: true },
  php: { code: 'r', valued: 'cdz', longCode: [], longValued: [], stop: 'f', gluedOnly: '', gluedCode: true },
  // awk's program is its first operand (see awkProgram); `-f file` reads it from a file instead.
  awk: { code: '', valued: 'Fv', longCode: [], longValued: ['--field-separator', '--assign'], stop: 'f', gluedOnly: '', gluedCode: false },
};

/** `awk [-F fs] [-v a=b] 'program' files…`: the first operand is the program, unless `-f`/`-e` names it. */
function awkProgram(argv: readonly Word[], opts: Options): Source | null {
  for (let i = 1; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--') return argv[i + 1] ? { code: argv[i + 1] as Word, label: `${baseName(argv[0])} program` } : null;
    if (t === '-e' || t === '--source') return argv[i + 1] ? { code: argv[i + 1] as Word, label: `${baseName(argv[0])} ${t}` } : null;
    if (!t.startsWith('-') || t === '-') return { code: argv[i] as Word, label: `${baseName(argv[0])} program` };
    if (t.startsWith('--')) {
      if (opts.longValued.includes(t)) i += 1;
      continue;
    }
    if (opts.stop.includes(t[1] as string)) return null;
    if (opts.valued.includes(t[1] as string) && t.length === 2) i += 1;
  }
  return null;
}

interface Source {
  code: Word;
  label: string;
  /** Set when the script is another command's output (`python3 <(curl …)`): the frame of a piped stage. */
  fed?: Frame;
}

/** Where the code is: `-c code`, `-e code` (repeatable), `deno eval code`, or stdin when no script is named. */
function codeOf(prog: string, lang: Lang, cmd: CommandInput, frame: Frame, reader: Reader): Source | null {
  const argv = cmd.argv;
  const opts = OPTIONS[lang];
  let i = 1;
  if (lang === 'awk') return awkProgram(argv, opts);
  if (prog === 'deno') {
    if (argv[1]?.text !== 'eval') return null;
    const code = argv.slice(2).find((w) => !w.text.startsWith('-'));
    return code ? { code, label: 'deno eval' } : null;
  }
  const pieces: Word[] = [];
  let flag = '';
  for (; i < argv.length; i++) {
    const t = (argv[i] as Word).text;
    if (t === '--' || t === '-' || !t.startsWith('-')) break;
    if (t.startsWith('--')) {
      const [name = '', value] = t.split(/=(.*)/s);
      if (opts.longCode.includes(name)) {
        const code = value !== undefined ? { text: value, known: (argv[i] as Word).known } : argv[++i];
        if (code) pieces.push(code);
        flag = name;
      } else if (opts.longValued.includes(name) && value === undefined) i += 1;
      continue;
    }
    for (let k = 1; k < t.length; k++) {
      const letter = t[k] as string;
      if (opts.stop.includes(letter)) return null;
      if (opts.code.includes(letter)) {
        const glued = opts.gluedCode ? t.slice(k + 1) : '';
        const code = glued ? { text: glued, known: (argv[i] as Word).known } : argv[++i];
        if (code) pieces.push(code);
        flag = `-${letter}`;
        break;
      }
      if (opts.valued.includes(letter)) {
        if (k === t.length - 1 && !opts.gluedOnly.includes(letter)) i += 1;
        break;
      }
    }
  }
  if (pieces.length > 0) return { code: { text: pieces.map((p) => p.text).join('\n'), known: pieces.every((p) => p.known) }, label: `${prog} ${flag}` };
  // No code option and no script: the code comes on stdin (`python3 - <<EOF`, `node <<EOF`).
  const script = argv[i];
  // `python3 <(curl …)`: the script is another command's output, as if piped in.
  const fed = fedBy(script, frame, reader);
  if (fed) return fed.stdin === null ? { code: { text: '', known: false }, label: `${prog} <(…)`, fed } : { code: { text: fed.stdin, known: true }, label: `${prog} <(…)`, fed };
  const stdin = cmd.stdin ?? frame.stdin;
  if ((!script || script.text === '-') && stdin !== null) return { code: { text: stdin, known: true }, label: `${prog} ${(cmd.stdin !== null ? cmd.stdinKind : frame.stdinKind) ?? '<<EOF'}` };
  return null;
}

/** The interpreter's own segment, then one for each command or file operation its code performs. */
export function oneLiner(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const prog = baseName(cmd.argv[0]);
  const lang = interpreterFor(prog);
  const source = lang ? codeOf(prog, lang, cmd, frame, reader) : null;
  const own = keep(cmd, source?.fed ?? frame, reader);
  if (!lang || !source) return own;
  for (const found of scanCode(source.code.text, lang)) {
    const at = inside(frame, source.label, { call: found.call, redirects: [], stdin: null, stdinKind: null, pipeFrom: null });
    if (found.shell) reader.parseNested(found.shell.text, at);
    else if (found.argv?.length) reader.runCommand(commandOf(found.argv, found.call), at);
  }
  return own;
}
