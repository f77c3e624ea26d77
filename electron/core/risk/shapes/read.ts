// Reads a program's words against its shape table: every word must be an option, a value, a subcommand or
// an operand the table knows. The first word it does not know ends the proof; the values that carry code
// or name a file to write are handed back, for the rules to judge.
import type { Word } from '../model.ts';
import type { OptionSpec, Shape, ValueKind } from './spec.ts';

/** A value the program runs, loads or writes (anything but plain data). */
export interface Payload {
  kind: Exclude<ValueKind, 'value' | 'stops'>;
  /** The option as written (`--pre`, `-exec`, `-c`). */
  option: string;
  /** The value (for `argv`: the first word of the command). */
  value: Word;
  /** For `argv`: the command's words. */
  words: Word[];
  /** Index in the arguments of the option word. */
  at: number;
}

export interface ShapeReading {
  /** Every word was on the table. */
  proven: boolean;
  /** Why not, in words a person can act on (`Gatehouse does not know what \`-fprint\` does`). */
  unknown: string | null;
  payloads: Payload[];
  /** Where the first word not on the table stands (an index into the arguments), or null. */
  failedAt: number | null;
  /** The subcommands taken (`['stash', 'list']`). */
  path: string[];
  /** The table of the last subcommand taken (the program's own without one): what may follow. */
  last: Shape;
  /** For the rule learner: where the operands read stand (indices into the arguments, after `--` too). */
  operandsAt: number[];
  /** For the rule learner: where the options read stand (the word of each, a cluster once). */
  optionsAt: number[];
  /** Where an option of kind `stops` stood (`python -m`), and its value after it: the words after are another command's. */
  stoppedAt: { option: number; value: number } | null;
}

const SEPARATORS = new Set([';', '+']);

/** Whether a table has options that run, load or write something: there, a word known only at run time may be one. */
const DANGEROUS_KINDS = new WeakMap<Shape, boolean>();
function hasDangerousKinds(shape: Shape): boolean {
  const known = DANGEROUS_KINDS.get(shape);
  if (known !== undefined) return known;
  let found = shape.subs !== null;
  for (const specs of [shape.shorts.values(), shape.longs.values()])
    for (const spec of specs) if (spec.value !== null && spec.value !== 'value' && spec.value !== 'stops') found = true;
  DANGEROUS_KINDS.set(shape, found);
  return found;
}

/**
 * A word only known at run time because of a glob after a plain start (`src/*.js`, `migrations/*.sql`): every file it
 * expands to starts the same way, so none can be an option. A substitution (`$X`, `` `…` ``) can split into words
 * and a leading glob (`*.js`) can match a file named `-e…`: those are not. Where such a word lands on a value that
 * runs or writes (a sed script, a shell line), the value is still judged as unknown.
 */
function onlyGlobbed(text: string): boolean {
  return /^[A-Za-z0-9_./@%,:]/.test(text) && !/[$`]/.test(text);
}

export function readShape(prog: string, shape: Shape, args: readonly Word[]): ShapeReading {
  let current = shape;
  const out: ShapeReading = {
    proven: true,
    unknown: null,
    failedAt: null,
    payloads: [],
    path: [],
    last: shape,
    operandsAt: [],
    optionsAt: [],
    stoppedAt: null,
  };
  let cursor = 0;
  let operands = 0;
  const fail = (why: string): ShapeReading => ({
    ...out,
    proven: false,
    unknown: why,
    failedAt: cursor,
    last: current,
  });
  const named = () => [prog, ...out.path].join(' ');
  /** Takes an option's value (attached or the next word); returns the index it ended at, or -1 when it is missing. */
  const take = (option: string, spec: OptionSpec, attached: string | null, i: number): number => {
    if (spec.value === null) return i;
    if (attached === null && spec.attachedOnly) return i;
    const word = attached !== null ? { text: attached, known: (args[i] as Word).known } : args[i + 1];
    if (!word) return -1;
    const end = attached !== null ? i : i + 1;
    if (spec.value === 'value') return end;
    // `python -m pytest -q`: the words after the module are the module's (judged as its command by rules/supply.ts).
    if (spec.value === 'stops') {
      out.stoppedAt = { option: i, value: end };
      return args.length;
    }
    if (spec.value === 'argv') {
      const words: Word[] = [];
      let k = end;
      while (k < args.length && !SEPARATORS.has((args[k] as Word).text)) words.push(args[k++] as Word);
      out.payloads.push({ kind: 'argv', option, value: words[0] ?? word, words, at: i });
      return k;
    }
    out.payloads.push({ kind: spec.value, option, value: word, words: [word], at: i });
    return end;
  };
  /** The operands from `at` on are the command the program runs: a program and its words, one shell line, or one line each. */
  const commandPayloads = (kind: 'argv' | 'shell' | 'shell-each', words: Word[], at: number) => {
    const option = out.path.join(' ');
    if (kind === 'argv') out.payloads.push({ kind: 'argv', option, value: words[0] as Word, words, at });
    else if (kind === 'shell')
      out.payloads.push({
        kind: 'shell',
        option,
        value: { text: words.map((x) => x.text).join(' '), known: words.every((x) => x.known) },
        words,
        at,
      });
    else words.forEach((x, k) => out.payloads.push({ kind: 'shell', option, value: x, words: [x], at: at + k }));
  };
  /** Options seen so far (for `firstOperand.unless`). */
  const seen = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    cursor = i;
    const w = args[i] as Word;
    const t = w.text;
    if (current.command === 'argv') {
      // The rest is a program and its arguments, which the program runs.
      commandPayloads('argv', args.slice(i), i);
      break;
    }
    // A subcommand written as an option (`dpkg -l`, `brew --prefix`): taken whole, before any option reading.
    if (current.subs && operands === 0 && w.known && /^[-+]/.test(t) && current.subs.has(t)) {
      out.path.push(t);
      current = current.subs.get(t) as Shape;
      continue;
    }
    if (t === '--') {
      if (current.subs && out.path.length === 0 && !current.subOptional)
        return fail(`Gatehouse does not know what \`${named()}\` does without a subcommand it knows`);
      const rest = args.length - i - 1;
      if (current.command !== null && rest > 0) {
        // `watchexec -e ts -- cmd…`: what follows `--` is still the command the program runs.
        commandPayloads(current.command, args.slice(i + 1), i + 1);
        break;
      }
      if (current.maxOperands !== null && operands + rest > current.maxOperands)
        return fail(
          `\`${named()}\` takes no more than ${current.maxOperands} operand${current.maxOperands === 1 ? '' : 's'}`,
        );
      // After `--` every word is an operand, and must be one the table allows (`make -- SHELL=…`, `gh repo clone r -- --template=…`).
      const odd = current.operands
        ? args.slice(i + 1).find((x) => x.known && !current.operands?.match.test(x.text))
        : undefined;
      if (current.operands && odd) return fail(`${current.operands.why} (\`${odd.text}\`)`);
      const kind = current.operandKind;
      if (kind && kind !== 'value' && kind !== 'stops')
        args
          .slice(i + 1)
          .forEach((x, k) =>
            out.payloads.push({ kind, option: out.path.join(' '), value: x, words: [x], at: i + 1 + k }),
          );
      for (let k = i + 1; k < args.length; k++) out.operandsAt.push(k);
      break;
    }
    if (current.stopAt === 'first-operand' && operands > 0) break;
    if (!w.known && !onlyGlobbed(t) && hasDangerousKinds(current)) {
      // `find $ARGS`, `tar cf x.tar *` (a file named `--checkpoint-action=exec=…`): a word only known at run
      // time can turn into an option that runs or writes something.
      return fail(
        `\`${t}\` is only known at run time, and for ${named()} it could become an option that runs or writes something`,
      );
    }
    // A long option (`--all`, `-name` where options are single-dashed, `-TERM`, `+short`), looked up whole first.
    const eq = t.indexOf('=');
    const name = eq < 0 ? t : t.slice(0, eq);
    if (
      current.textOperands &&
      /^[-+]./.test(t) &&
      !current.longs.has(name) &&
      ![...t.slice(1)].every((l) => current.shorts.has(l))
    ) {
      // `echo "- fix"`, `test -x f`: not an option of this program, only text it prints or compares.
      out.operandsAt.push(i);
      operands++;
      continue;
    }
    // Where options are single-dashed, a one-letter one (`find -o`, `openssl -in`'s `-a`) is in the same table.
    const long =
      /^[-+]./.test(t) && (t.length > 2 || current.singleDash)
        ? (current.longs.get(name) ?? current.prefixes.find(([start]) => name.startsWith(start))?.[1])
        : undefined;
    if (long || t.startsWith('--') || (current.singleDash && t.startsWith('-') && t.length > 1)) {
      const spec = long;
      if (spec) {
        seen.add(name);
        out.optionsAt.push(i);
        if (eq >= 0 && spec.value === null) return fail(`Gatehouse does not know what \`${t}\` does`);
        const next = take(name, spec, eq < 0 ? null : t.slice(eq + 1), i);
        if (next < 0) return fail(`\`${name}\` is missing its value`);
        i = next;
        continue;
      }
      // `--help` prints how to use the program and exits, in every command-line program there is.
      if (t === '--help') continue;
      if (t.startsWith('--') || !current.singleDash)
        return fail(`Gatehouse does not know what \`${name}\` does for ${named()}`);
    }
    if (t.startsWith('-') && t.length > 1) {
      if (current.numeric && /^-\d+$/.test(t)) continue;
      let next = i;
      out.optionsAt.push(i);
      for (let k = 1; k < t.length; k++) {
        const letter = t[k] as string;
        const spec = current.shorts.get(letter);
        if (!spec)
          return fail(
            `Gatehouse does not know what \`-${letter}\`${t.length > 2 ? ` (in \`${t}\`)` : ''} does for ${named()}`,
          );
        seen.add(`-${letter}`);
        if (spec.value !== null) {
          const attached = k + 1 < t.length ? t.slice(k + 1) : null;
          next = take(`-${letter}`, spec, attached, i);
          if (next < 0) return fail(`\`-${letter}\` is missing its value`);
          break;
        }
      }
      i = next;
      continue;
    }
    if (current.numeric && /^\+\d+$/.test(t)) continue;
    if (current.command === 'shell') {
      // The rest is a shell command line the program runs.
      commandPayloads('shell', args.slice(i), i);
      break;
    }
    if (current.command === 'shell-each') {
      // Each operand is a shell command line of its own (`hyperfine 'a' 'b'`); options may follow.
      commandPayloads('shell-each', [w], i);
      operands++;
      continue;
    }
    // An operand: a subcommand first, where the table has them.
    if (current.subs && operands === 0) {
      const sub = w.known
        ? (current.subs.get(t) ?? (current.subPattern?.match.test(t) ? current.subPattern.shape : undefined))
        : undefined;
      if (sub) {
        out.path.push(t);
        current = sub;
        continue;
      }
      if (!current.subOptional)
        return fail(
          w.known
            ? `Gatehouse does not know what \`${named()} ${t}\` does`
            : `the subcommand of ${named()} is only known at run time (\`${t}\`)`,
        );
    }
    if (current.operands && w.known && !current.operands.match.test(t))
      return fail(`${current.operands.why} (\`${t}\`)`);
    if (current.operandKind && current.operandKind !== 'value' && current.operandKind !== 'stops')
      out.payloads.push({ kind: current.operandKind, option: out.path.join(' '), value: w, words: [w], at: i });
    const first = current.firstOperand;
    if (operands === 0 && first && !first.unless.some((o) => seen.has(o))) {
      if (first.kind !== 'value' && first.kind !== 'stops')
        out.payloads.push({ kind: first.kind, option: out.path.join(' ') || 'operand', value: w, words: [w], at: i });
    }
    out.operandsAt.push(i);
    operands++;
    if (current.maxOperands !== null && operands > current.maxOperands)
      return fail(
        `\`${named()}\` takes no more than ${current.maxOperands} operand${current.maxOperands === 1 ? '' : 's'}; Gatehouse does not know what \`${t}\` is`,
      );
  }
  if (current.subs && !current.subOptional && operands === 0) {
    return fail(`Gatehouse does not know what \`${named()}\` does without a subcommand it knows`);
  }
  return { ...out, last: current };
}
