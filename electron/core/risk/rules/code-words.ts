// Which words of a command carry code, for the rules: read off the shape tables (risk/shapes/), the one table per
// program of what each of its words is. What a person approved must never stretch over code they did not see, so
// an allow prefix rule of n words covers a command only when no word at index n or later carries code, and the
// learner never proposes a prefix that ends before or inside such words.
//
// A word carries code when the table says it runs, loads or is judged by its value (an option of kind `shell`,
// `argv`, `code`, `load`, `check:…`, and every word after it; one of kind `write` and its value), when it is an
// operand the table says carries code (`operandsCarryCode`: a script, a package, make's targets, a remote command),
// an option that decides what the command does (`reads`, `alters`, `ambiguous`), or when the table does not know it
// (and then every word after it). A program run by another (`npx tsx …`, `sudo node …`, `xargs node`, `python -m
// pytest`) is read by its own table. To teach the learner a program: write or extend its shape table.
import type { Word } from '../model.ts';
import { shapeOf } from '../shapes/index.ts';
import { readShape } from '../shapes/read.ts';
import type { Shape } from '../shapes/spec.ts';

/** Deep enough for any real command (`sudo nice xargs npx tsx …`). */
const MAX_DEPTH = 8;

/** The table for a program word: `/usr/bin/python3.11` is python, `node22` node, `NPX.exe` npx. */
export function shapeForWord(word: string): { name: string; shape: Shape } | null {
  const name = (word.split(/[/\\]/).pop() ?? word).toLowerCase().replace(/\.exe$/, '');
  for (const candidate of [name, name.replace(/\.[\d.]*$/, ''), name.replace(/[\d.]+$/, '')]) {
    const shape = candidate === '' ? null : shapeOf(candidate);
    if (shape) return { name: candidate, shape };
  }
  return null;
}

/** `@scope/name@1.2` → `name`; `create-next-app@latest` → `create-next-app`; `./bin/x` → `x`. */
function programOfPackage(spec: string): string {
  const unscoped = spec.startsWith('@') ? spec.slice(spec.indexOf('/') + 1) : spec;
  return unscoped.split('@', 1)[0] as string;
}

const optionName = (text: string): string => text.split('=', 1)[0] as string;
const isOption = (text: string): boolean => /^[-+]./.test(text);

/**
 * Marks the words of `argv` from `at` (the program word) on that carry code, as read by the table of `name` (or of the
 * program word). Marks are only ever added. `settled`: an ambiguous option's value was taken out already.
 */
function markFrom(
  argv: readonly string[],
  at: number,
  marks: boolean[],
  depth: number,
  name?: string,
  settled = false,
): void {
  const found = shapeForWord(name ?? (argv[at] as string));
  if (!found || depth > MAX_DEPTH) return;
  const { shape } = found;
  const texts = argv.slice(at + 1);
  // tar's old style (`tar xIf zstd a.tar`): the first word is a cluster of its options without the dash.
  if (shape.bundledFirst && texts[0] !== undefined && texts[0] !== '' && !texts[0].startsWith('-'))
    texts[0] = `-${texts[0]}`;
  const args: Word[] = texts.map((text) => ({ text, known: true }));
  const reading = readShape(found.name, shape, args);
  const markRest = (from: number): void => {
    for (let k = at + 1 + from; k < argv.length; k++) marks[k] = true;
  };
  const mark = (k: number): void => {
    if (k < args.length) marks[at + 1 + k] = true;
  };
  const has = (set: 'reads' | 'alters' | 'ambiguous', text: string): boolean => {
    const name = optionName(text);
    const listed = (entry: string): boolean =>
      entry === name ||
      // Loosely for what adds code (in a cluster, `-Zx`, `-qTT`): a false alarm only narrows a rule.
      (set === 'alters' &&
        !name.startsWith('--') &&
        !entry.startsWith('--') &&
        name.length > 2 &&
        name.slice(1).includes(entry.slice(1)));
    return [...shape[set]].some(listed) || [...reading.last[set]].some(listed);
  };

  for (const p of reading.payloads) {
    if (isOption(p.option)) {
      if (p.kind !== 'write') markRest(p.at);
      else for (let k = p.at; k <= (args[p.at + 1] === p.value ? p.at + 1 : p.at); k++) mark(k);
    } else if (p.kind === 'argv' && p.words[0] === args[p.at]) {
      // The operands are a command (`git bisect run make test`): its program, then its own table. Options first
      // (`uv run --with x python`) are the runner's, not read here: all of it carries code.
      if (isOption(p.words[0]?.text ?? '')) markRest(p.at);
      mark(p.at);
      markFrom(argv, at + 1 + p.at, marks, depth + 1);
    } else {
      for (let k = p.at; k < p.at + Math.max(1, p.words.length); k++) mark(k);
    }
  }
  if (reading.stoppedAt) {
    // `python -m pytest …`: the option and the module run; the words after are the module's, read by its table.
    const { option, value } = reading.stoppedAt;
    for (let k = option; k <= value; k++) mark(k);
    markFrom(argv, at + 1 + value, marks, depth + 1);
  }
  let reads = false;
  for (const o of reading.optionsAt) {
    const text = (args[o] as Word).text;
    if (has('reads', text)) {
      mark(o);
      reads = true;
    }
    if (has('alters', text)) markRest(o);
    if (!settled && has('ambiguous', text) && o + 1 < args.length) {
      // Read both ways: with the next word as the option's value (it carries code) and without (as it was read).
      mark(o + 1);
      const without = [...argv.slice(0, at + 2 + o), ...argv.slice(at + 3 + o)];
      const other = without.map(() => false);
      markFrom(without, at, other, depth + 1, found.name, true);
      other.forEach((m, k) => {
        if (m) marks[k < at + 2 + o ? k : k + 1] = true;
      });
    }
  }
  const operands = reading.operandsAt;
  const first = operands[0];
  if (!reads && first !== undefined) {
    switch (reading.last.operandsCarryCode) {
      case 'all':
        operands.forEach(mark);
        break;
      case 'first':
        mark(first);
        break;
      case 'program':
        mark(first);
        markFrom(argv, at + 1 + first, marks, depth + 1, programOfPackage((args[first] as Word).text));
        break;
      case 'remote':
        markRest(first + 1);
        break;
      case null:
        break;
    }
  }
  if (reading.failedAt !== null) markRest(reading.failedAt);
}

/**
 * The words a rule may only cover as written: for each word of `argv` (a segment's argv, or a rule's strict words,
 * which may start with `sudo`), whether it carries code.
 */
export function codeCarryingWords(argv: readonly string[]): boolean[] {
  const marks = argv.map(() => false);
  if (argv.length > 0) markFrom(argv, 0, marks, 0);
  return marks;
}

/**
 * The index of the first word at or after `from` that carries code or runs another program, or null. An allow prefix
 * rule of n words covers a command only when this is null for `from` = n.
 */
export function codeCarryingIndex(argv: readonly string[], from = 0): number | null {
  const i = codeCarryingWords(argv).indexOf(true, from);
  return i < 0 ? null : i;
}

/** The last word that carries code, or -1: a prefix of n words may cover the command when this is below n. */
export function lastCodeCarryingIndex(argv: readonly string[]): number {
  return codeCarryingWords(argv).lastIndexOf(true);
}

/**
 * Whether what a program does is said by the words after its name (a subcommand, an interpreter's script, a runner's
 * package or command, sed's script, tar's mode): a rule for the name alone (`node`, `npx`, `git`, `tar`) is never learned.
 */
export function runsWhatFollows(word: string): boolean {
  const shape = shapeForWord(word)?.shape;
  if (!shape) return false;
  const codeKind = (kind: string | null | undefined): boolean =>
    kind !== null && kind !== undefined && kind !== 'value';
  return (
    shape.subs !== null ||
    shape.stopAt !== null ||
    shape.command !== null ||
    shape.bundledFirst ||
    (shape.operandsCarryCode !== null && shape.operandsCarryCode !== 'all') ||
    codeKind(shape.firstOperand?.kind) ||
    codeKind(shape.operandKind)
  );
}
