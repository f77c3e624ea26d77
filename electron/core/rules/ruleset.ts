// The active rules, compiled and indexed by the first word they fix, so matching a segment looks at the
// few rules for its program plus the handful of patterns that start with a wildcard.
import path from 'node:path';
import type { Rule, RuleScope } from '../../../shared/rules.ts';
import { lastCodeCarryingIndex } from '../risk/index.ts';
import { compilePattern, type PatternMatcher } from './matcher.ts';
import { canonicalText } from './words.ts';

export interface CompiledRule {
  rule: Rule;
  matcher: PatternMatcher;
  /** Epoch ms, or Infinity. */
  expiresAt: number;
  /** Position in creation order: the older rule is named first. */
  order: number;
  /** For project rules: the directory with a trailing separator, to test "under it" cheaply. */
  under: string | null;
}

/** Where a command runs, which decides the rules that apply to it. `cwd` is absolute and normalised. */
export interface Place {
  cwd: string;
  sessionId: string | null;
  now: number;
  /**
   * Whether a project rule's directory is another checkout of the repository `cwd` is in (checkouts.ts): a rule
   * the person approved there holds here too. Absent: only the directory itself counts.
   */
  sameRepository?: (dir: string) => boolean;
}

/** Names the repository a directory is a checkout of, or null (rules/checkouts.ts). */
export type RepositoryOf = (dir: string) => string | null;

export function placeAt(cwd: string, sessionId: string | null, now: number, repositoryOf?: RepositoryOf): Place {
  const place: Place = { cwd: path.resolve(cwd), sessionId, now };
  if (repositoryOf) place.sameRepository = sameRepositoryAs(place.cwd, repositoryOf);
  return place;
}

/** Read only when a project rule of another directory is about to match, and each directory once. */
function sameRepositoryAs(cwd: string, repositoryOf: RepositoryOf): (dir: string) => boolean {
  let here: string | null | undefined;
  const answers = new Map<string, boolean>();
  return (dir) => {
    if (here === undefined) here = repositoryOf(cwd);
    if (here === null) return false;
    let same = answers.get(dir);
    if (same === undefined) answers.set(dir, (same = repositoryOf(dir) === here));
    return same;
  };
}

/** Whether `cwd` is `dir` or under it. */
export function isUnder(cwd: string, dir: string, under: string | null = null): boolean {
  return cwd === dir || cwd.startsWith(under ?? (dir.endsWith(path.sep) ? dir : dir + path.sep));
}

export function scopeApplies(scope: RuleScope, place: Place, under: string | null = null): boolean {
  if (scope.type === 'global') return true;
  if (scope.type === 'session') return scope.sessionId === place.sessionId;
  return isUnder(place.cwd, scope.dir, under) || (place.sameRepository?.(scope.dir) ?? false);
}

/** A command's words, and what rules ask of them, computed once when first asked. */
export interface Form {
  words: readonly string[];
  /** The canonical text (for globs and regexes). */
  text: string | null;
  /** The last word that carries code, -1 for none (for allow prefix rules; risk/rules/code-words.ts reads it off the shape tables). */
  lastCode: number | null;
}

export function formOf(words: readonly string[]): Form {
  return { words, text: null, lastCode: null };
}

/**
 * Exact and prefix patterns compare words; globs and regexes read the canonical text (made once per form).
 * An allow prefix rule covers extra words only when none of them carries code: `prefix:node tools/build.js`
 * covers `node tools/build.js --watch`, and `prefix:make test` never `make test --eval=…` nor `prefix:node`
 * `node -e …`. Deny and ask rules match every extension: refusing fails closed.
 */
export function formMatches(m: PatternMatcher, form: Form, group: 'allow' | 'block'): boolean {
  if (m.kind === 'exact') return m.matches(form.words, '');
  if (m.kind === 'prefix')
    return (
      m.matches(form.words, '') &&
      (group === 'block' || (form.lastCode ??= lastCodeCarryingIndex(form.words)) < m.wordCount)
    );
  return m.matches(form.words, (form.text ??= canonicalText(form.words)));
}

/** Rules that fix a first word, by the second word they fix (`rest`: those that fix only the first). */
interface ByProgram {
  bySecondWord: Map<string, CompiledRule[]>;
  rest: CompiledRule[];
}

/** Rules of one group (deny and ask together; allow alone), by the words they fix. */
class Index {
  readonly byFirstWord = new Map<string, ByProgram>();
  readonly unindexed: CompiledRule[] = [];

  add(c: CompiledRule): void {
    const { firstWord, secondWord } = c.matcher;
    if (firstWord === null) {
      this.unindexed.push(c);
      return;
    }
    let program = this.byFirstWord.get(firstWord);
    if (!program) this.byFirstWord.set(firstWord, (program = { bySecondWord: new Map(), rest: [] }));
    if (secondWord === null) program.rest.push(c);
    else {
      const list = program.bySecondWord.get(secondWord);
      if (list) list.push(c);
      else program.bySecondWord.set(secondWord, [c]);
    }
  }
}

export class RuleSet {
  private readonly blocking = new Index();
  private readonly allowing = new Index();
  /** `kind:pattern` of each enabled allow rule scoped to a project, with those projects (for learning). */
  private readonly projectAllows = new Map<string, Set<string>>();
  readonly size: number;

  /** Rules that fail to compile (a pattern stored by an older Gatehouse) are reported, never matched. */
  constructor(rules: readonly Rule[], onBadRule: (rule: Rule, err: unknown) => void = () => {}) {
    let size = 0;
    const ordered = [...rules].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    for (const rule of ordered) {
      if (!rule.enabled) continue;
      let matcher: PatternMatcher;
      try {
        matcher = compilePattern(rule.kind, rule.pattern);
      } catch (err) {
        onBadRule(rule, err);
        continue;
      }
      const under =
        rule.scope.type === 'project'
          ? rule.scope.dir.endsWith(path.sep)
            ? rule.scope.dir
            : rule.scope.dir + path.sep
          : null;
      const compiled: CompiledRule = {
        rule,
        matcher,
        expiresAt: rule.expiresAt ? Date.parse(rule.expiresAt) : Infinity,
        order: size,
        under,
      };
      (rule.effect === 'allow' ? this.allowing : this.blocking).add(compiled);
      if (rule.effect === 'allow' && rule.scope.type === 'project') {
        const key = `${rule.kind}:${rule.pattern}`;
        this.projectAllows.set(key, (this.projectAllows.get(key) ?? new Set()).add(rule.scope.dir));
      }
      size += 1;
    }
    this.size = size;
  }

  /** The projects, other than `dir`, where the same allow rule (kind and pattern) is in force. */
  sameAllowElsewhere(kind: Rule['kind'], pattern: string, dir: string): string[] {
    return [...(this.projectAllows.get(`${kind}:${pattern}`) ?? [])].filter((d) => d !== dir);
  }

  /**
   * Rules of one group (`allow` rules, or `deny` and `ask` rules together) that match any of the forms,
   * oldest first, without duplicates. The hot path of every decision: no closures, few allocations.
   */
  match(forms: readonly Form[], group: 'allow' | 'block', place: Place): CompiledRule[] {
    const index = group === 'allow' ? this.allowing : this.blocking;
    const found: CompiledRule[] = [];
    if (index.byFirstWord.size === 0 && index.unindexed.length === 0) return found;
    for (const form of forms) {
      const first = form.words[0];
      const program = first === undefined ? undefined : index.byFirstWord.get(first);
      if (program) {
        const second = form.words[1];
        if (second !== undefined) collect(program.bySecondWord.get(second), form, group, place, found);
        collect(program.rest, form, group, place, found);
      }
      collect(index.unindexed, form, group, place, found);
    }
    return found.length > 1 ? found.sort((a, b) => a.order - b.order) : found;
  }
}

function collect(
  list: readonly CompiledRule[] | undefined,
  form: Form,
  group: 'allow' | 'block',
  place: Place,
  found: CompiledRule[],
): void {
  if (!list) return;
  for (const c of list) {
    if (c.expiresAt <= place.now || found.includes(c) || !scopeApplies(c.rule.scope, place, c.under)) continue;
    if (formMatches(c.matcher, form, group)) found.push(c);
  }
}
