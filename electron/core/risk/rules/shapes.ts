// Low is proven, never assumed: a segment may be rated low only when every word of it is on its program's
// shape table (risk/shapes/). What the table marks as carrying code or naming a file to write is judged here:
// shell lines as nested commands, files written as writes, code loaded first as a concern of its own.
import type { Word } from '../model.ts';
import { readShape, type Payload } from '../shapes/read.ts';
import { shapeOf } from '../shapes/index.ts';
import { VALUE_CHECKS } from '../shapes/checks.ts';
import { S } from '../types.ts';
import type { Finding } from '../types.ts';
import { overwrite } from './files.ts';
import { finding, type RuleInput } from './util.ts';

export interface ShapeVerdict {
  /** What the values that carry code or name files make of the segment. */
  found: Finding[];
  /** Null when every word is known; otherwise the finding that keeps the segment from being low. */
  unproven: Finding | null;
}

/** Programs that run their command once per result, with the result in `{}` or appended (`fd -x rm`). */
const EACH_RESULT = new Set(['fd', 'fdfind']);

/** The command as it runs for one result: `{}` (and fd's `{/}`, `{.}`…) or an appended word only known at run time. */
function withEachResult(words: readonly Word[], prog: string): Word[] {
  const result = `<${prog} result>`;
  const placed = words.some((w) => /\{[/.]*\}/.test(w.text));
  const out = words.map((w) =>
    /\{[/.]*\}/.test(w.text) ? { text: w.text.replace(/\{[/.]*\}/g, result), known: false } : w,
  );
  return placed ? out : [...out, { text: result, known: false }];
}

/** Programs whose `argv` payloads the parser already reads as segments of their own (find -exec). */
const PEELED_BY_PARSER = new Set(['find']);

function judgePayload(p: Payload, input: RuleInput): Finding[] {
  const label = `${input.prog} ${p.option}`.trim();
  switch (p.kind) {
    case 'write':
      return [overwrite(p.value, input, false, `${label} writes`)];
    case 'shell':
      if (!p.value.known)
        return [finding('remote-code', S.high, `${label} runs a command only known at run time (\`${p.value.text}\`)`)];
      // Read and judged like `bash -c` (options that run something in place of the tool's own work, like `rg --pre`,
      // are `check:runs`, which is never low).
      return input.shell(p.value.text, label);
    case 'argv':
      if (PEELED_BY_PARSER.has(input.prog) || p.words.length === 0) return [];
      if (!p.words.every((w) => w.known) && !p.words[0]?.known)
        return [finding('remote-code', S.high, `${label} runs a program only known at run time`)];
      return input.nested(EACH_RESULT.has(input.prog) ? withEachResult(p.words, input.prog) : p.words, label);
    case 'load':
      return [finding('build-test', S.medium, `${label} loads ${p.value.text} into ${input.prog} before it runs`)];
    case 'code':
      // The language readers (parse/one-liners.ts, rules/code.ts) read this code.
      return [];
    default: {
      const check = VALUE_CHECKS[p.kind.slice('check:'.length)];
      if (!check) return [finding('unparsed', S.medium, `${label}: Gatehouse has no check for this value`)];
      return check(p.value, input, label);
    }
  }
}

/** Reads the segment against its program's table. `null` when the program has no table. */
export function shapeVerdict(input: RuleInput): ShapeVerdict | null {
  const shape = shapeOf(input.prog);
  if (!shape) return null;
  const reading = readShape(input.prog, shape, input.args);
  const found = reading.payloads.flatMap((p) => judgePayload(p, input));
  return {
    found,
    unproven: reading.proven
      ? null
      : finding('unparsed', S.medium, reading.unknown ?? `Gatehouse could not read every word of ${input.prog}`),
  };
}

/**
 * A flag the program's table knows as plain where `args` end (`-k` after `make test`), to ask whether a learned
 * prefix could cover anything beyond the exact command; null when there is none or no table.
 */
export function plainFlagAfter(prog: string, args: readonly Word[]): string | null {
  const shape = shapeOf(prog);
  if (!shape) return null;
  const { last, proven } = readShape(prog, shape, args);
  if (!proven || last.stopAt) return null;
  for (const [letter, spec] of last.shorts) if (spec.value === null) return `-${letter}`;
  for (const [name, spec] of last.longs) if (spec.value === null && name.startsWith('--')) return name;
  return null;
}
