// Small readers over a segment's words, shared by the rules.
import { canonicalProgram } from '../program-names.ts';
import type { RiskAssessment } from '../../../../shared/domain.ts';
import type { RiskContext } from '../context.ts';
import type { Segment, Word } from '../model.ts';
import type { Category, Finding } from '../types.ts';

/** What every rule is given: the segment, its program's name, its arguments, and where it runs. */
export interface RuleInput {
  seg: Segment;
  /** argv[0]'s base name, lower-cased, without `.exe` (`/usr/bin/rm` → `rm`). */
  prog: string;
  args: Word[];
  ctx: RiskContext;
  /**
   * Judges a command this one runs (`npx eslint`, `python -m twine`, `gsudo choco`, `cmd /c "…"`) as if it
   * were written alone; `label` is the wrapper a person would name. Given by the engine.
   */
  nested: (argv: Word[], label: string, opts?: { privileged?: boolean; pipeFrom?: Word[] | null }) => Finding[];
  /**
   * Judges a shell command line this one runs (`rsync -e 'ssh -p 2'`, `git --upload-pack='…'`, `rg --pre x`):
   * read by the shell parser, every segment judged. Given by the engine.
   */
  shell: (commandLine: string, label: string) => Finding[];
  /**
   * Judges shell text a script holds (a `.sh` file, an npm script, a make recipe) as a whole command run in
   * `cwd`. Absent when scripts are nested too deep to read (rules/scripts.ts). Given by the engine.
   */
  script?: (text: string, cwd: string) => RiskAssessment;
}

export type Rule = (input: RuleInput) => Finding[];

export const word = (text: string): Word => ({ text, known: true });

export function finding(category: Category, score: number, reason: string): Finding {
  return { category, score, reason };
}

/** Names already worked out (every rule asks for the program's name of every segment); bounded. */
const NAMES = new Map<string, string>();
const MAX_NAMES = 4096;

export function programName(w: Word | undefined): string {
  if (!w) return '';
  const known = NAMES.get(w.text);
  if (known !== undefined) return known;
  if (NAMES.size >= MAX_NAMES) NAMES.clear();
  const name = nameOf(w.text);
  NAMES.set(w.text, name);
  return name;
}

function nameOf(text: string): string {
  const base = text.split(/[\\/]/).pop() ?? '';
  return canonicalProgram(
    base
      .toLowerCase()
      .replace(/\.exe$/, '')
      .replace(/^\\/, ''),
  );
}

/** Words that are not options (everything after `--` counts as an operand). */
export function operands(args: readonly Word[], optsWithValue: readonly string[] = []): Word[] {
  const out: Word[] = [];
  let afterDashes = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    if (afterDashes) out.push(w);
    else if (w.text === '--') afterDashes = true;
    else if (w.text.startsWith('-') && w.text.length > 1) {
      if (optsWithValue.includes(w.text)) i++;
    } else out.push(w);
  }
  return out;
}

/**
 * Whether an option is present: a short letter (also inside clusters like `-rf`) or a long name
 * (`--force`, `--force=…`).
 */
export function hasOption(args: readonly Word[], short: string | null, ...long: string[]): boolean {
  for (const w of args) {
    const t = w.text;
    if (t === '--') return false;
    if (t.startsWith('--')) {
      if (long.some((l) => t === l || t.startsWith(`${l}=`))) return true;
    } else if (short && t.startsWith('-') && !/^-\d/.test(t) && t.slice(1).includes(short)) return true;
  }
  return false;
}

/** The value of `-x V`, `-xV`, `--long V` or `--long=V`. */
export function optionValue(args: readonly Word[], short: string | null, ...long: string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (short && t === `-${short}`) return args[i + 1]?.text ?? null;
    if (short && t.startsWith(`-${short}`) && t.length > 2 && !t.startsWith('--')) return t.slice(2);
    for (const l of long) {
      if (t === l) return args[i + 1]?.text ?? null;
      if (t.startsWith(`${l}=`)) return t.slice(l.length + 1);
    }
  }
  return null;
}

/** The first operand (the subcommand) and the words after it, skipping global options that take a value. */
export function subcommand(
  args: readonly Word[],
  globalsWithValue: readonly string[] = [],
): { sub: string; rest: Word[] } {
  for (let i = 0; i < args.length; i++) {
    const t = (args[i] as Word).text;
    if (globalsWithValue.includes(t)) {
      i++;
      continue;
    }
    if (!t.startsWith('-')) return { sub: t.toLowerCase(), rest: args.slice(i + 1) };
  }
  return { sub: '', rest: [] };
}

/** Words that name production-like places (a namespace, context, host, database, project). */
export const PROD_NAME = /(^|[^a-z])(prod|production|live|prd)([^a-z]|$)/i;

/** Production named by the command, or by the stage that feeds it (`kustomize build overlays/production | kubectl apply -f -`). */
export function mentionsProduction(seg: Segment): string | null {
  for (const w of [...seg.argv, ...(seg.pipeFrom ?? [])]) if (PROD_NAME.test(w.text)) return w.text;
  if (seg.remote && PROD_NAME.test(seg.remote)) return seg.remote;
  return null;
}

/** Asks nothing to happen: `--dry-run`, `--dry-run=client`, `-n` where a rule says so, `--check`, `--what-if`. */
export function isDryRun(args: readonly Word[]): boolean {
  return args.some((w) => /^--?(dry-?run|dryrun|what-?if|check|noop|simulate)(=(?!none$).*)?$/i.test(w.text));
}

export const text = (words: readonly Word[]): string => words.map((w) => w.text).join(' ');
