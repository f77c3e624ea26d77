// Rules and assessments built by hand, for testing the rule engine without a database or a parser.
import type { GateRequest, RiskAssessment, RiskLevel, RiskSegment } from '../../shared/domain.ts';
import type { Rule, RuleEffect, RuleKind, RuleScope } from '../../shared/rules.ts';
import { normalizePattern } from '../../electron/core/rules/matcher.ts';

let counter = 0;

/** A rule as the store would return it (pattern normalised, created in order). */
export function rule(effect: RuleEffect, kind: RuleKind, pattern: string, extra: Partial<Rule> = {}): Rule {
  counter += 1;
  const scope: RuleScope = extra.scope ?? { type: 'global' };
  return {
    id: extra.id ?? `r${counter}`,
    effect,
    kind,
    pattern: normalizePattern(kind, pattern),
    scope,
    enabled: true,
    source: 'test',
    note: null,
    createdAt: new Date(1_700_000_000_000 + counter).toISOString(),
    expiresAt: null,
    hits: 0,
    lastHitAt: null,
    ...extra,
  };
}

let requests = 0;

/** A pending Bash request from Claude Code in session s1, as the broker records it (ids q1, q2, … unless given). */
export function gateRequest(
  command: string,
  cwd: string,
  risk: RiskAssessment | null,
  extra: Partial<GateRequest> = {},
): GateRequest {
  requests += 1;
  return {
    id: `q${requests}`,
    sessionId: 's1',
    agent: 'claude',
    kind: 'pre-tool-use',
    tool: 'Bash',
    command,
    cwd,
    risk,
    status: 'pending',
    createdAt: new Date().toISOString(),
    expiresAt: null,
    decision: null,
    ...extra,
  };
}

/** One segment as the risk engine reports it. */
export function segment(
  argv: string[],
  opts: { level?: RiskLevel; via?: string[]; categories?: string[] } = {},
): RiskSegment {
  const level = opts.level ?? 'low';
  return {
    text: argv.join(' '),
    argv,
    synthetic: false,
    via: opts.via ?? [],
    score: level === 'low' ? 2 : level === 'medium' ? 30 : level === 'high' ? 60 : 90,
    level,
    categories: opts.categories ?? ['read-only'],
    reasons: [],
  };
}

/** A whole assessment: as risky as its worst segment. */
export function assessment(segments: RiskSegment[], extra: Partial<RiskAssessment> = {}): RiskAssessment {
  const worst = segments.reduce((a, s) => (s.score > a.score ? s : a), segments[0] ?? segment(['true']));
  return {
    score: worst.score,
    level: worst.level,
    categories: [...new Set(segments.flatMap((s) => s.categories))],
    reasons: [],
    segments,
    ...extra,
  };
}
