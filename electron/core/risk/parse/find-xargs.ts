// Commands that run another command once per file or input line: find -exec/-delete, xargs, GNU parallel.
// What each run receives is only known at run time, so it becomes an unknown word naming where it comes from.
import type { Word } from '../model.ts';
import {
  commandOf,
  inside,
  keep,
  known,
  segmentOf,
  unknown,
  type CommandInput,
  type Frame,
  type Reader,
  type Step,
} from './frame.ts';

const FIND_ACTIONS = new Set(['-exec', '-execdir', '-ok', '-okdir']);
const FIND_NAME_TESTS = new Set(['-name', '-iname', '-path', '-ipath', '-wholename', '-iwholename']);
/** Options before the start paths (`find -L dir`), and the ones of them that take a value. */
const FIND_LEADING = /^-(H|L|P|O\d*)$/;

/** `find start… [tests] -exec cmd {} ;|+` and `-delete`. */
export function findCommand(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const args = cmd.argv.slice(1);
  let i = 0;
  while (i < args.length && (FIND_LEADING.test((args[i] as Word).text) || (args[i] as Word).text === '-D'))
    i += (args[i] as Word).text === '-D' ? 2 : 1;
  const starts: Word[] = [];
  while (i < args.length && !/^[-(!),]/.test((args[i] as Word).text)) starts.push(args[i++] as Word);
  const start = starts[0] ?? known('.');
  const nameAt = args.findIndex((w, k) => k >= i && FIND_NAME_TESTS.has(w.text));
  const pattern = nameAt >= 0 ? (args[nameAt + 1]?.text ?? null) : null;
  const base = start.text.replace(/\/+$/, '') || '/';
  const joined = base === '/' ? '' : base;
  // -path patterns already name the path from the start (`./build/*`); -name ones match anywhere below it.
  const each = unknown(
    pattern === null
      ? `${joined}/*`
      : /^(\.|\/|\*)/.test(pattern) && /^-(i?path|i?wholename)$/.test(args[nameAt]?.text ?? '')
        ? pattern
        : `${joined}/**/${pattern}`,
  );
  const own = keep(cmd, frame, reader);
  for (let k = i; k < args.length; k++) {
    const t = (args[k] as Word).text;
    if (FIND_ACTIONS.has(t)) {
      const end = args.findIndex((w, j) => j > k && (w.text === ';' || w.text === '+'));
      const words = args
        .slice(k + 1, end < 0 ? args.length : end)
        .map((w) => (w.text.includes('{}') ? unknown(w.text.split('{}').join(each.text)) : w));
      if (end < 0) reader.problem(`\`find ${t}\` without a closing \`;\` or \`+\``);
      if (words.length > 0)
        reader.runCommand(
          commandOf(words, words.map((w) => w.text).join(' ')),
          inside(frame, `find ${t}`, { redirects: [], stdin: null, pipeFrom: null }),
        );
      k = end < 0 ? args.length : end;
    } else if (t === '-delete') {
      const rm = commandOf([known('rm'), ...(pattern === null ? [known('-r')] : []), each], cmd.text);
      reader.emit(segmentOf(rm, inside(frame, 'find -delete', { call: cmd.text, redirects: [] })));
    }
  }
  return own;
}

/** xargs options that take a value (`-n 1`, `-n1`, `--max-args=1`). */
const XARGS_VALUED = new Set([
  '-L',
  '-n',
  '-P',
  '-s',
  '-d',
  '-E',
  '-a',
  '-J',
  '-R',
  '-S',
  '--max-args',
  '--max-procs',
  '--delimiter',
  '--arg-file',
  '--max-lines',
  '--max-chars',
  '--eof',
  '--process-slot-var',
]);
const XARGS_INPUT = '<xargs input>';

/**
 * Index of the command after a runner's options (`argv[0]` is the runner; `--` ends them). `take(option, at)` reads
 * the option at `at` and says how many words it uses (2 when it takes the next one as its value).
 */
function afterOptions(argv: readonly Word[], take: (option: string, at: number) => number): number {
  let i = 1;
  while (i < argv.length) {
    const t = (argv[i] as Word).text;
    if (t === '--') return i + 1;
    if (!t.startsWith('-') || t === '-') return i;
    i += take(t, i);
  }
  return i;
}

/** `… | xargs [options] cmd args`: cmd runs with input words appended, or put where `-I R` says. */
export function xargsCommand(cmd: CommandInput, frame: Frame): Step {
  const argv = cmd.argv;
  // Set by the option reader below (typed wide, so the check after it is not narrowed to its starting null).
  let placeholder = null as string | null;
  const i = afterOptions(argv, (t, at) => {
    if (t === '-I') {
      placeholder = argv[at + 1]?.text ?? '{}';
      return 2;
    }
    if (t.startsWith('-I')) placeholder = t.slice(2);
    else if (t === '-i' || t === '--replace') placeholder = '{}';
    else if (t.startsWith('-i') && !t.startsWith('--')) placeholder = t.slice(2);
    else if (t.startsWith('--replace=')) placeholder = t.slice('--replace='.length);
    else if (XARGS_VALUED.has(t)) return 2;
    return 1;
  });
  const words = argv.slice(i);
  const command = words.length > 0 ? words : [known('echo')];
  const input = unknown(XARGS_INPUT);
  const replaced = placeholder !== null && command.some((w) => w.text.includes(placeholder as string));
  const next = replaced
    ? command.map((w) =>
        w.text === placeholder
          ? input
          : w.text.includes(placeholder as string)
            ? unknown(w.text.split(placeholder as string).join(XARGS_INPUT))
            : w,
      )
    : [...command, input];
  return { next: { ...cmd, argv: next, text: cmd.text }, frame: inside(frame, 'xargs') };
}

const PARALLEL_VALUED = new Set([
  '-j',
  '--jobs',
  '-S',
  '--sshlogin',
  '--sshloginfile',
  '-d',
  '--delimiter',
  '-a',
  '--arg-file',
  '-N',
  '-n',
  '--max-args',
  '--colsep',
  '-C',
  '-I',
  '--results',
  '--joblog',
  '--halt',
  '--timeout',
  '--delay',
  '--retries',
  '-E',
  '--tmpdir',
  '--workdir',
  '--env',
  '--max-lines',
  '--tagstring',
  '--basefile',
]);
const PARALLEL_SEPARATOR = /^:{3,4}\+?$/;
const PARALLEL_PLACEHOLDER = /\{(\.|\/|\/\/|\/\.|#|%|\d+)?\}/;
const EVERY_PLACEHOLDER = new RegExp(PARALLEL_PLACEHOLDER.source, 'g');
const WHOLE_PLACEHOLDER = new RegExp(`^${PARALLEL_PLACEHOLDER.source}$`);
const PARALLEL_INPUT = '<parallel input>';
/** Inputs read one by one as commands (`parallel ::: 'a' 'b'`): enough for any real use; a flood is not read. */
const MAX_PARALLEL_COMMANDS = 32;

/** GNU parallel: `parallel [options] cmd ::: inputs`, `… | parallel cmd`, `parallel ::: 'cmd1' 'cmd2'`. */
export function parallelCommand(cmd: CommandInput, frame: Frame, reader: Reader): Step {
  const argv = cmd.argv;
  const i = afterOptions(argv, (t) => (PARALLEL_VALUED.has(t) ? 2 : 1));
  const sep = argv.findIndex((w, k) => k >= i && PARALLEL_SEPARATOR.test(w.text));
  const words = argv.slice(i, sep < 0 ? argv.length : sep);
  const at = inside(frame, 'parallel');
  if (words.length === 0) {
    // No command: each input is one.
    const inputs = sep < 0 ? [] : argv.slice(sep + 1).filter((w) => !PARALLEL_SEPARATOR.test(w.text));
    for (const w of inputs.slice(0, MAX_PARALLEL_COMMANDS)) reader.parseNested(w.text, at);
    if (inputs.length > MAX_PARALLEL_COMMANDS)
      reader.problem(`parallel runs ${inputs.length} commands; Gatehouse read the first ${MAX_PARALLEL_COMMANDS}`);
    return inputs.length ? { out: null } : keep(cmd, frame, reader);
  }
  // The command words are joined and run by a shell, with each input in the placeholders or appended.
  const template = words.map((w) => w.text).join(' ');
  const split = reader.splitWords(template);
  if (split === null) return { out: reader.parseNested(template.replace(EVERY_PLACEHOLDER, '"$PARALLEL_INPUT"'), at) };
  const input = unknown(PARALLEL_INPUT);
  const hasPlaceholder = split.some((w) => PARALLEL_PLACEHOLDER.test(w.text));
  const next = hasPlaceholder
    ? split.map((w) =>
        WHOLE_PLACEHOLDER.test(w.text)
          ? input
          : PARALLEL_PLACEHOLDER.test(w.text)
            ? unknown(w.text.replace(EVERY_PLACEHOLDER, PARALLEL_INPUT))
            : w,
      )
    : [...split, input];
  return { next: { ...cmd, argv: next }, frame: at };
}
