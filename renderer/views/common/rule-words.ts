// Rules as the views say them: expiry choices, scopes and effects in words.
import type { RuleEffect, RuleKind, RuleScope } from '../../../shared/rules.ts';
import { shortId } from './format.ts';

/** The lifetimes a reviewer picks from: for good, a burst of work, an afternoon, a week. */
export const EXPIRY_CHOICES: ReadonlyArray<{ label: string; ttlMs: number | null }> = [
  { label: 'Never expires', ttlMs: null },
  { label: '15 minutes', ttlMs: 15 * 60_000 },
  { label: '2 hours', ttlMs: 2 * 3_600_000 },
  { label: '7 days', ttlMs: 7 * 24 * 3_600_000 },
];

export const KIND_WORDS: Readonly<Record<RuleKind, string>> = {
  exact: 'Exact command',
  prefix: 'Starts with',
  glob: 'Glob',
  regex: 'Regex (RE2)',
};

export const EFFECT_WORDS: Readonly<Record<RuleEffect, string>> = { allow: 'Allow', deny: 'Deny', ask: 'Always ask' };

export function describeScope(scope: RuleScope): string {
  if (scope.type === 'global') return 'Everywhere';
  if (scope.type === 'project') return `Project ${scope.dir}`;
  return `Session ${shortId(scope.sessionId)}`;
}
