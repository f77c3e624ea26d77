// Reads a program's words against its shape table: every word must be an option, a value, a subcommand or
// an operand the table knows. The first word it does not know ends the proof; the values that carry code
// or name a file to write are handed back, for the rules to judge.
import type { Word } from '../model.ts';
import { isProjectListing } from '../paths.ts';
import type { OptionSpec, Shape, ValueKind } from './spec.ts';

/** A value the program runs, loads or writes (anything but plain data). */
export interface Payload {
  kind: Exclude<ValueKind, 'value'>;
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
  /** The subcommands taken (`['stash', 'list']`). */
  path: string[];
}

const SEPARATORS = new Set([';', '+']);

/** Whether a table has options that run, load or write something: there, a word known only at run time may be one. */
function hasDangerousKinds(shape: Shape): boolean {
  for (const spec of [...shape.shorts.values(), ...shape.longs.values()]) if (spec.value !== null && spec.value !== 'value') return true;
  return shape.subs !== null;
}

export function readShape(prog: string, shape: Shape, args: readonly Word[]): ShapeReading {
  const out: ShapeReading = { proven: true, unknown: null, payloads: [], path: [] };
  let current = shape;
  let operands = 0;
  const fail = (why: string): ShapeReading => ({ ...out, proven: false, unknown: why });
  const named = () => [prog, ...out.path].join(' ');
  /** Takes an option's value (attached or the next word); returns the index it ended at, or -1 when it is missing. */
  const take = (option: string, spec: OptionSpec, attached: string | null, i: number): number => {
    if (spec.value === null) return i;
    if (attached === null && spec.attachedOnly) return i;
    const word = attached !== null ? { text: attached, known: (args[i] as Word).known } : args[i + 1];
    if (!word) return -1;
    const end = attached !== null ? i : i + 1;
    if (spec.value === 'value') return end;
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
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    const t = w.text;
    if (current.command === 'argv') {
      // The rest is a program and its arguments, which the program runs.
      out.payloads.push({ kind: 'argv', option: out.path.join(' '), value: w, words: args.slice(i), at: i });
      break;
    }
    if (t === '--') {
      if (current.subs && out.path.length === 0 && !current.subOptional) return fail(`Gatehouse does not know what \`${named()}\` does without a subcommand it knows`);
      const rest = args.length - i - 1;
      if (current.maxOperands !== null && operands + rest > current.maxOperands) return fail(`\`${named()}\` takes no more than ${current.maxOperands} operand${current.maxOperands === 1 ? '' : 's'}`);
      break;
    }
    if (current.stopAt === 'first-operand' && operands > 0) break;
    if (!w.known && isProjectListing(t) && !current.subs && current.command === null) {
      // `perl -pi -e … $(git ls-files '*.ts')`: the names of files git tracks, given as operands.
      operands++;
      continue;
    }
    if (!w.known && hasDangerousKinds(current)) {
      // `find $ARGS`, `tar cf x.tar *` (a file named `--checkpoint-action=exec=…`): a word only known at run
      // time can turn into an option that runs or writes something.
      return fail(`\`${t}\` is only known at run time, and for ${named()} it could become an option that runs or writes something`);
    }
    // A long option (`--all`, `-name` where options are single-dashed, `-TERM`, `+short`), looked up whole first.
    const eq = t.indexOf('=');
    const name = eq < 0 ? t : t.slice(0, eq);
    // Where options are single-dashed, a one-letter option is stored with the long ones (`go test -v`).
    const long = /^[-+]./.test(t) && (t.length > 2 || current.singleDash) ? current.longs.get(name) ?? current.prefixes.find(([start]) => name.startsWith(start))?.[1] : undefined;
    if (long || t.startsWith('--') || (current.singleDash && t.startsWith('-') && t.length > 2)) {
      const spec = long;
      if (spec) {
        if (eq >= 0 && spec.value === null) return fail(`Gatehouse does not know what \`${t}\` does`);
        const next = take(name, spec, eq < 0 ? null : t.slice(eq + 1), i);
        if (next < 0) return fail(`\`${name}\` is missing its value`);
        i = next;
        continue;
      }
      if (t.startsWith('--') || !current.singleDash) return fail(`Gatehouse does not know what \`${name}\` does for ${named()}`);
    }
    if (t.startsWith('-') && t.length > 1) {
      if (current.numeric && /^-\d+$/.test(t)) continue;
      let next = i;
      for (let k = 1; k < t.length; k++) {
        const letter = t[k] as string;
        const spec = current.shorts.get(letter);
        if (!spec) return fail(`Gatehouse does not know what \`-${letter}\`${t.length > 2 ? ` (in \`${t}\`)` : ''} does for ${named()}`);
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
      const words = args.slice(i);
      const value = current.command === 'shell' ? { text: words.map((x) => x.text).join(' '), known: words.every((x) => x.known) } : w;
      out.payloads.push({ kind: current.command, option: out.path.join(' '), value, words, at: i });
      break;
    }
    // An operand: a subcommand first, where the table has them.
    if (current.subs && operands === 0) {
      const sub = w.known ? current.subs.get(t) : undefined;
      if (sub) {
        out.path.push(t);
        current = sub;
        continue;
      }
      if (!current.subOptional) return fail(w.known ? `Gatehouse does not know what \`${named()} ${t}\` does` : `the subcommand of ${named()} is only known at run time (\`${t}\`)`);
    }
    if (current.operands && w.known && !current.operands.match.test(t)) return fail(`${current.operands.why} (\`${t}\`)`);
    operands++;
    if (current.maxOperands !== null && operands > current.maxOperands) return fail(`\`${named()}\` takes no more than ${current.maxOperands} operand${current.maxOperands === 1 ? '' : 's'}; Gatehouse does not know what \`${t}\` is`);
  }
  if (current.subs && !current.subOptional && operands === 0) {
    return fail(`Gatehouse does not know what \`${named()}\` does without a subcommand it knows`);
  }
  return out;
}
