// One rule's pattern, compiled: exact and prefix compare words; glob and regex read the canonical text.
// Regexes run on RE2 (re2js): linear in the input whatever the pattern, so no rule can hang the core.
import { RE2JS } from 're2js';
import type { RuleKind } from '../../../shared/rules.ts';
import { canonicalText, splitWords } from './words.ts';

export interface PatternMatcher {
  kind: RuleKind;
  /** The first word every match starts with, when the pattern fixes it (used to index rules). */
  firstWord: string | null;
  /** The second word, when the pattern fixes it too (`git status`, not `git` or `git *`). */
  secondWord: string | null;
  /** How many words an exact or prefix pattern fixes (0 for globs and regexes). */
  wordCount: number;
  /** Word by word for exact and prefix; for an allow rule, ruleset.ts's formMatches also keeps a prefix off code. */
  matches(words: readonly string[], text: string): boolean;
}

export class PatternError extends Error {
  override readonly name = 'PatternError';
}

/** `npm run test *`, `npm run test:*` and `npm run test` are one prefix rule. */
const PREFIX_WILDCARD = /(\s+\*|:\*)$/;

/**
 * The stored form of a pattern: prefix and exact patterns as canonical words, globs with single
 * spaces, regexes as written (after checking they compile). Throws PatternError with a sentence.
 */
export function normalizePattern(kind: RuleKind, pattern: string): string {
  const trimmed = pattern.trim();
  if (kind === 'exact' || kind === 'prefix') {
    const words = splitWords(kind === 'prefix' ? trimmed.replace(PREFIX_WILDCARD, '') : trimmed);
    if (words === null) throw new PatternError(`${kind}:${pattern} has an unterminated quote`);
    if (words.length === 0) throw new PatternError(`${kind}:${pattern} names no command`);
    if (kind === 'prefix' && words.some((w) => w === '*'))
      throw new PatternError(`prefix:${pattern}: a prefix is plain words (use glob: for wildcards)`);
    return canonicalText(words);
  }
  if (kind === 'glob') {
    const glob = trimmed.replace(/\s+/g, ' ');
    if (glob === '') throw new PatternError('an empty glob matches nothing');
    return glob;
  }
  compileRegex(trimmed);
  return trimmed;
}

function compileRegex(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
    throw new PatternError(
      `regex:${pattern} is not a valid RE2 regular expression (${err instanceof Error ? err.message : String(err)}); RE2 has no backreferences or lookarounds`,
    );
  }
}

/** Compiles a normalised pattern. */
export function compilePattern(kind: RuleKind, pattern: string): PatternMatcher {
  switch (kind) {
    case 'exact': {
      const want = splitWords(pattern) ?? [];
      return {
        kind,
        firstWord: want[0] ?? null,
        secondWord: want[1] ?? null,
        wordCount: want.length,
        matches: (words) => words.length === want.length && want.every((w, i) => words[i] === w),
      };
    }
    case 'prefix': {
      const want = splitWords(pattern) ?? [];
      return {
        kind,
        firstWord: want[0] ?? null,
        secondWord: want[1] ?? null,
        wordCount: want.length,
        matches: (words) => words.length >= want.length && want.every((w, i) => words[i] === w),
      };
    }
    case 'glob':
      return {
        kind,
        ...literalLeadingWords(pattern),
        wordCount: 0,
        matches: (_words, text) => globMatches(pattern, text),
      };
    case 'regex': {
      const re = compileRegex(pattern);
      const needed = requiredLiteral(pattern);
      return {
        kind,
        firstWord: regexFirstWord(pattern),
        secondWord: null,
        wordCount: 0,
        matches: (_words, text) => (needed === null || text.includes(needed)) && re.testExact(text),
      };
    }
  }
}

/** Characters that make a glob word more than plain text. */
const GLOB_SPECIAL = /[*?\\'"]/;

/**
 * The glob's first two words when they are plain text, each followed by a space or the end: every text
 * it matches then starts with those words (the canonical text quotes any word that is not plain).
 */
function literalLeadingWords(pattern: string): { firstWord: string | null; secondWord: string | null } {
  const [first, second] = pattern.split(' ', 2);
  if (!first || GLOB_SPECIAL.test(first) || (second === undefined && pattern !== first))
    return { firstWord: null, secondWord: null };
  const secondFixed = second !== undefined && second !== '' && !GLOB_SPECIAL.test(second);
  return { firstWord: first, secondWord: secondFixed ? second : null };
}

/**
 * A regex (matched whole) starts with a fixed word when it begins with plain characters followed by a
 * space or `\s`, and has no alternation at its top level (`a b|c` could start with `c`).
 */
function regexFirstWord(pattern: string): string | null {
  const body = pattern.startsWith('^') ? pattern.slice(1) : pattern;
  // The separator must be there: `git\s*x` or `git ?x` could match `gitx`.
  const m = /^([A-Za-z0-9_/-]+)(?:(?: |\\s)(?![*?{])|\$$|$)/.exec(body);
  if (!m?.[1] || hasTopLevelAlternation(body)) return null;
  return m[1];
}

/** Characters that stand for themselves in a regex. */
const PLAIN = /[A-Za-z0-9 _\-/=:,@%'"~<>!&;#]/;
/** Shorter literals reject too little text to be worth the check. */
const MIN_LITERAL = 3;

/**
 * The longest run of plain characters that every match must contain, outside groups and classes (a
 * cheap `includes` spares running RE2 on most text). Null when the regex has top-level alternation or
 * no such run; a character followed by `?`, `*` or `{` is optional and ends the run.
 */
export function requiredLiteral(re: string): string | null {
  // Flags such as (?i) change what a literal matches, and \Q…\E quotes brackets: leave those to RE2.
  if (hasTopLevelAlternation(re) || re.includes('(?') || re.includes('\\Q')) return null;
  let best = '';
  let run = '';
  let depth = 0;
  let inClass = false;
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  for (let i = 0; i < re.length; i++) {
    const c = re[i] as string;
    const next = re[i + 1];
    if (inClass) {
      if (c === '\\') i++;
      else if (c === ']') inClass = false;
      continue;
    }
    let literal: string | null = null;
    let width = 1;
    if (c === '\\') {
      // `\.` is a dot; `\s`, `\d`, `\b`… are classes or assertions, not text.
      width = 2;
      if (next !== undefined && /[^A-Za-z0-9]/.test(next)) literal = next;
    } else if (depth === 0 && PLAIN.test(c)) literal = c;
    if (c === '[') inClass = true;
    if (c === '(') depth++;
    if (c === ')' && --depth < 0) return null;
    const after = re[i + width];
    if (literal !== null && depth === 0 && !inClass && after !== '?' && after !== '*' && after !== '{') {
      run += literal;
      // `a+` needs at least one `a`: keep it, then end the run.
      if (after === '+') end();
    } else end();
    i += width - 1;
  }
  end();
  return best.length >= MIN_LITERAL ? best : null;
}

function hasTopLevelAlternation(re: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/**
 * `*` matches any run of characters (spaces and slashes too), `?` one character, `\x` the character x.
 * A pattern ending in ` *` also matches the command without arguments (`ls *` matches `ls`), as Claude
 * Code's rules do. Iterative with one backtrack point: O(pattern × text) at worst, no recursion.
 */
export function globMatches(pattern: string, text: string): boolean {
  if (pattern.endsWith(' *') && !pattern.endsWith('\\ *') && wildcardMatches(pattern.slice(0, -2), text)) return true;
  return wildcardMatches(pattern, text);
}

function wildcardMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === '*') {
      starP = p++;
      starT = t;
    } else if (pc === '\\' && pattern[p + 1] === text[t]) {
      p += 2;
      t++;
    } else if (pc !== undefined && pc !== '\\' && (pc === '?' || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
