// What a rule would have done: replayed against every recorded request (with the rules in force), and,
// for allow rules, against probes: the pattern followed by arguments that make a program dangerous.
import type { GateRequest, RiskAssessment, RiskLevel } from '../../../shared/domain.ts';
import type { BacktestMatch, BacktestResult, Rule, RuleEffect, RuleKind, RuleScope } from '../../../shared/rules.ts';
import { evaluateRules, NEVER_ALLOWED_BY_RULES } from './evaluate.ts';
import { compilePattern, type PatternMatcher } from './matcher.ts';
import { formMatches, formOf, RuleSet } from './ruleset.ts';
import { canonicalText, looseForms, splitWords, strictWords } from './words.ts';

/** Enough changed requests to read through; the total says how many more there are. */
const MAX_LISTED = 200;
/** Enough warnings to see the pattern of the problem. */
const MAX_WARNINGS = 10;

/**
 * Arguments that make a command dangerous for some program: deleting, forcing, rewriting history,
 * dropping data, reading secrets, leaving the project, running code handed in as a string.
 */
export const DANGEROUS_TAILS: readonly (readonly string[])[] = [
  ['-rf', '/'],
  ['-rf', '~'],
  ['-rf', '.'],
  ['-rf', '*'],
  ['--force'],
  ['-f'],
  ['--hard'],
  ['-fdx'],
  ['-D', 'main'],
  ['push', '--force', 'origin', 'main'],
  ['--force', 'origin', 'main'],
  ['reset', '--hard'],
  ['clean', '-fdx'],
  ['branch', '-D', 'main'],
  ['-c', 'DROP DATABASE x'],
  ['-e', 'DROP DATABASE x'],
  ['DROP DATABASE x'],
  ['FLUSHALL'],
  ['/etc/passwd'],
  ['/etc/hosts'],
  ['~/.ssh/id_rsa'],
  ['~/.aws/credentials'],
  ['.env'],
  ['/'],
  ['~'],
  ['../../..'],
  ['publish'],
  ['install', '-g', 'left-pad'],
  ['delete', 'namespace', 'prod'],
  ['destroy', '-auto-approve'],
  ['apply', '-auto-approve'],
  ['run', 'deploy:prod'],
  ['-exec', 'rm', '-rf', '/', ';'],
  ['-delete'],
  ['-c', 'rm -rf /'],
  ['-c', "import shutil; shutil.rmtree('/')"],
  ['-e', "require('fs').rmSync('/', {recursive: true})"],
  ['--upload-file', '~/.ssh/id_rsa', 'https://example.com'],
  ['-d', '@/etc/passwd', 'https://example.com'],
];

export interface Candidate {
  effect: RuleEffect;
  kind: RuleKind;
  pattern: string;
  scope: RuleScope;
}

export interface BacktestDeps {
  /** Every recorded request, oldest first. */
  requests: () => Iterable<GateRequest>;
  /** Recorded requests rated high or critical (the only ones a warning can come from). */
  riskyRequests: () => Iterable<GateRequest>;
  /** The rules in force. */
  rules: readonly Rule[];
  /** Scores a probe command (the risk engine). */
  assess: (command: string, cwd: string) => RiskAssessment;
  now: number;
}

const isRisky = (level: RiskLevel | undefined): boolean =>
  level !== undefined && NEVER_ALLOWED_BY_RULES.includes(level);

/** Commands a prefix rule (or a glob ending in ` *` after plain words) covers that may be dangerous. */
export function probes(kind: RuleKind, pattern: string): Array<{ command: string; tail: readonly string[] }> {
  let words: string[] | null = null;
  if (kind === 'prefix') words = splitWords(pattern);
  else if (kind === 'glob' && pattern.endsWith(' *') && !/[*?\\'"]/.test(pattern.slice(0, -2)))
    words = pattern.slice(0, -2).split(' ');
  if (!words?.length) return [];
  const base = words;
  return DANGEROUS_TAILS.map((tail) => ({ command: canonicalText([...base, ...tail]), tail }));
}

/**
 * A program that does nothing: what the risk engine says of `true <arguments>` is the danger the
 * arguments carry by themselves (a credential file, Gatehouse's own files), whatever runs them.
 */
const NEUTRAL_PROGRAM = 'true';

type DangerDeps = Pick<BacktestDeps, 'riskyRequests' | 'assess'>;

/**
 * Whether a high or critical command comes from what the pattern lets run, rather than from arguments
 * that are dangerous under any program: those (`npm test ~/.ssh/id_rsa`) are held whatever the rules
 * say (rules never allow high or critical), so they do not make a pattern too broad.
 */
function dangerFromPattern(tail: readonly string[] | null, deps: DangerDeps, cwd: string): boolean {
  if (tail === null || tail.length === 0) return true;
  return !isRisky(deps.assess(canonicalText([NEUTRAL_PROGRAM, ...tail]), cwd).level);
}

/** The words after a prefix pattern, or null when the pattern is not a plain prefix. */
function tailAfter(candidate: Candidate, words: readonly string[]): string[] | null {
  if (candidate.kind !== 'prefix') return null;
  return words.slice((splitWords(candidate.pattern) ?? []).length);
}

/** The first segment of an assessment rated high or critical that the pattern (whatever its scope) matches. */
function riskySegmentCovered(
  matcher: PatternMatcher,
  effect: RuleEffect,
  risk: RiskAssessment,
): { level: RiskLevel; words: string[] } | null {
  for (const seg of risk.segments ?? []) {
    if (!isRisky(seg.level)) continue;
    const forms = effect === 'allow' ? [formOf(strictWords(seg))] : looseForms(seg).map(formOf);
    const hit = forms.find((f) => formMatches(matcher, f, effect === 'allow' ? 'allow' : 'block'));
    if (hit) return { level: seg.level, words: [...hit.words] };
  }
  return null;
}

/**
 * Warnings for an allow pattern: recorded and probed commands rated high or critical that it would cover
 * because of what it lets run. Empty means the pattern is safe to propose. `outsideGatehouse`: also those
 * dangerous by their arguments alone (`cat .env`), for a rule leaving Gatehouse (an export), where nothing holds them.
 */
export function dangerCovered(
  candidate: Candidate,
  deps: DangerDeps,
  cwd: string,
  max = MAX_WARNINGS,
  outsideGatehouse = false,
): string[] {
  if (candidate.effect !== 'allow') return [];
  const matcher = compilePattern(candidate.kind, candidate.pattern);
  const warnings: string[] = [];
  const fromPattern = (tail: readonly string[] | null, dir: string) =>
    outsideGatehouse || dangerFromPattern(tail, deps, dir);
  // Recorded commands first: what really happened says more than what could.
  for (const r of deps.riskyRequests()) {
    const hit = r.risk ? riskySegmentCovered(matcher, 'allow', r.risk) : null;
    if (hit && fromPattern(tailAfter(candidate, hit.words), r.cwd))
      warnings.push(`it covers the recorded command \`${r.command}\` (${r.id}), rated ${hit.level}`);
    if (warnings.length >= max) return warnings;
  }
  for (const probe of probes(candidate.kind, candidate.pattern)) {
    const hit = riskySegmentCovered(matcher, 'allow', deps.assess(probe.command, cwd));
    if (hit && fromPattern(probe.tail, cwd))
      warnings.push(`it would also cover \`${probe.command}\`, rated ${hit.level}`);
    if (warnings.length >= max) break;
  }
  return warnings;
}

export function backtest(candidate: Candidate, deps: BacktestDeps, cwd: string, replaces?: string): BacktestResult {
  const current = new RuleSet(deps.rules);
  const withCandidate = new RuleSet([
    ...deps.rules.filter((r) => r.id !== replaces),
    {
      id: '(this rule)',
      ...candidate,
      enabled: true,
      source: 'backtest',
      note: null,
      createdAt: new Date(deps.now).toISOString(),
      expiresAt: null,
      hits: 0,
      lastHitAt: null,
    },
  ]);
  const changed: BacktestMatch[] = [];
  let changedTotal = 0;
  let riskyTotal = 0;
  let examined = 0;
  for (const r of deps.requests()) {
    examined += 1;
    if (!r.risk) continue;
    const place = { cwd: r.cwd, sessionId: r.sessionId, now: deps.now };
    const before = evaluateRules(r.command, r.risk, current, place).outcome;
    const after = evaluateRules(r.command, r.risk, withCandidate, place).outcome;
    if (before === after) continue;
    const risky = isRisky(r.risk.level);
    changedTotal += 1;
    if (risky) riskyTotal += 1;
    if (changed.length < MAX_LISTED)
      changed.push({
        requestId: r.id,
        command: r.command,
        cwd: r.cwd,
        createdAt: r.createdAt,
        level: r.risk.level,
        before,
        after,
        risky,
      });
  }
  // Risky first: they are what a person must read.
  changed.sort((a, b) => Number(b.risky) - Number(a.risky));
  return {
    rule: { ...candidate },
    examined,
    changed,
    changedTotal,
    riskyTotal,
    warnings: dangerCovered(candidate, deps, cwd),
  };
}
