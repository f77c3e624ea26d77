// Learning past a name: where the only word that changes from one run to the next names something (the branch of
// `git push origin task#011`), an exact rule teaches nothing and a prefix covers options too (`--force-with-lease`).
// For the forms on this table the learner proposes a rule for the same command with any name there, and nothing
// else: no other option, no second operand, no refspec. What the risk engine rates high or critical by the name
// alone (a push onto main) is still held, as rules never allow high or critical.
import type { RuleScope } from '../../../shared/rules.ts';
import type { Candidate } from './backtest.ts';

interface NameForm {
  /** The words the form starts with, as written (`git push`). */
  start: readonly string[];
  /** Options that may stand after the start, alone and in any order, each at most once (they change nothing that matters here). */
  flags: readonly string[];
  /** Words kept as the approved command had them (the remote), before the name. */
  fixed: number;
  /**
   * The name is given as an option's value instead (`vercel link --project x`), at most once, among the flags, or not
   * at all: the rule is then the start with any of the flags and that option, and nothing else.
   */
  nameOptions?: readonly string[];
  /** What the name is, for the note on the card. */
  what: string;
  /** Why it is safe to vary, for the note on the card. */
  why: string;
}

const NAME_FORMS: readonly NameForm[] = [
  {
    start: ['git', 'push'],
    flags: ['-u', '--set-upstream'],
    fixed: 1,
    what: 'any branch',
    why: 'pushes onto a shared branch (main, master, release…), forced pushes and deletions are rated high and still held',
  },
  {
    start: ['vercel', 'link'],
    flags: ['--yes', '-y'],
    nameOptions: ['--project', '-p'],
    fixed: 0,
    what: 'any project',
    why: 'it links this folder to a project of your Vercel account; a path, --repo, a token or a scope are not covered',
  },
];

/**
 * A ref or package name as the canonical text writes it: bare, or single-quoted when it holds `#`. It cannot start an
 * option (`-`), force (`+`) or name a mapping or a ref expression (`:`, `~`, `^`), and holds no space.
 */
const NAME = String.raw`(?:[A-Za-z0-9_][A-Za-z0-9_./@%+=,-]*|'[A-Za-z0-9_][A-Za-z0-9_./#@%+=,-]*')`;
const PLAIN_NAME = /^[A-Za-z0-9_][A-Za-z0-9_./#@%+=,-]*$/;
const PLAIN_WORD = /^[A-Za-z0-9_][A-Za-z0-9_./@%+=,-]*$/;

/** RE2 text for a literal word (only plain words reach here). */
const literal = (word: string) => word.replace(/[.+]/g, (c) => `\\${c}`);

/** The rule for `words` with any name in the name's place, and the sentence that says so; null when no form fits. */
export function nameOperandCandidate(
  words: readonly string[],
  scope: RuleScope,
): { candidate: Candidate; note: string } | null {
  for (const form of NAME_FORMS) {
    if (!form.start.every((w, i) => words[i] === w)) continue;
    if (form.nameOptions) {
      const found = optionNameCandidate(words, form, scope);
      if (found) return found;
      continue;
    }
    let i = form.start.length;
    const seen = new Set<string>();
    while (i < words.length && form.flags.includes(words[i] as string) && !seen.has(words[i] as string))
      seen.add(words[i++] as string);
    const fixed = words.slice(i, i + form.fixed);
    const name = words[i + form.fixed];
    if (fixed.length !== form.fixed || !fixed.every((w) => PLAIN_WORD.test(w))) continue;
    if (name === undefined || i + form.fixed + 1 !== words.length || !PLAIN_NAME.test(name)) continue;
    const flags = form.flags.length ? `(?:(?:${form.flags.map(literal).join('|')}) )*` : '';
    const pattern = `${form.start.map(literal).join(' ')} ${flags}${fixed.map(literal).join(' ')} ${NAME}`;
    const shown = [...form.start, ...fixed, `<${form.what}>`].join(' ');
    return {
      candidate: { effect: 'allow', kind: 'regex', pattern, scope },
      note: `\`${shown}\`: the same command with ${form.what} in that place and nothing else added; ${form.why}`,
    };
  }
  return null;
}

/** A form whose name is an option's value: the start, then any of the flags and the name option, and nothing else. */
function optionNameCandidate(
  words: readonly string[],
  form: NameForm,
  scope: RuleScope,
): { candidate: Candidate; note: string } | null {
  const options = form.nameOptions ?? [];
  for (let i = form.start.length; i < words.length; i++) {
    const w = words[i] as string;
    if (form.flags.includes(w)) continue;
    if (!options.includes(w) || !PLAIN_NAME.test(words[i + 1] ?? '')) return null;
    i++;
  }
  const alternatives = [...form.flags.map(literal), ...options.map((o) => `${literal(o)} ${NAME}`)];
  const pattern = `${form.start.map(literal).join(' ')}(?: (?:${alternatives.join('|')}))*`;
  const shown = [...form.start, ...form.flags.map((f) => `[${f}]`).slice(0, 1), `[${options[0]} <${form.what}>]`].join(
    ' ',
  );
  return {
    candidate: { effect: 'allow', kind: 'regex', pattern, scope },
    note: `\`${shown}\`: the same command with ${form.what} there and nothing else added; ${form.why}`,
  };
}
