// The active rules, compiled and indexed by the first word they fix, so matching a segment looks at the
// few rules for its program plus the handful of patterns that start with a wildcard.
import path from 'node:path';
import type { Rule, RuleEffect, RuleScope } from '../../../shared/rules.ts';
import { compilePattern, type PatternMatcher } from './matcher.ts';
import { canonicalText } from './words.ts';

export interface CompiledRule {
  rule: Rule;
  matcher: PatternMatcher;
  /** Epoch ms, or Infinity. */
  expiresAt: number;
}

/** Where a command runs, which decides the rules that apply to it. */
export interface Place {
  cwd: string;
  sessionId: string | null;
  now: number;
}

export function scopeApplies(scope: RuleScope, place: Place): boolean {
  if (scope.type === 'global') return true;
  if (scope.type === 'session') return scope.sessionId === place.sessionId;
  const cwd = path.resolve(place.cwd);
  return cwd === scope.dir || cwd.startsWith(scope.dir.endsWith(path.sep) ? scope.dir : scope.dir + path.sep);
}

/** A command's words in both forms the matchers read. */
export interface Form {
  words: readonly string[];
  text: string;
}

export function formOf(words: readonly string[]): Form {
  return { words, text: canonicalText(words) };
}

export class RuleSet {
  private readonly byFirstWord = new Map<string, CompiledRule[]>();
  private readonly unindexed: CompiledRule[] = [];
  readonly size: number;

  /** Rules that fail to compile (a pattern stored by an older Gatehouse) are reported, never matched. */
  constructor(rules: readonly Rule[], onBadRule: (rule: Rule, err: unknown) => void = () => {}) {
    let size = 0;
    for (const rule of rules) {
      if (!rule.enabled) continue;
      let matcher: PatternMatcher;
      try {
        matcher = compilePattern(rule.kind, rule.pattern);
      } catch (err) {
        onBadRule(rule, err);
        continue;
      }
      const compiled: CompiledRule = { rule, matcher, expiresAt: rule.expiresAt ? Date.parse(rule.expiresAt) : Infinity };
      if (matcher.firstWord === null) this.unindexed.push(compiled);
      else this.byFirstWord.set(matcher.firstWord, [...(this.byFirstWord.get(matcher.firstWord) ?? []), compiled]);
      size += 1;
    }
    this.size = size;
  }

  /** Rules of these effects that match any of the forms here, oldest first, without duplicates. */
  match(forms: readonly Form[], effects: readonly RuleEffect[], place: Place): CompiledRule[] {
    const found = new Set<CompiledRule>();
    for (const form of forms) {
      const first = form.words[0];
      const candidates = first === undefined ? this.unindexed : [...(this.byFirstWord.get(first) ?? []), ...this.unindexed];
      for (const c of candidates) {
        if (found.has(c) || !effects.includes(c.rule.effect) || c.expiresAt <= place.now || !scopeApplies(c.rule.scope, place)) continue;
        if (c.matcher.matches(form.words, form.text)) found.add(c);
      }
    }
    return [...found].sort((a, b) => a.rule.createdAt.localeCompare(b.rule.createdAt));
  }
}
