// What the rules make of one command: deny > ask > allow, judged segment by segment. A command is
// allowed by rules only when every segment the risk engine found is allowed, none is rated high or
// critical, and the engine read all of it.
import path from 'node:path';
import type { RiskAssessment, RiskSegment } from '../../../shared/domain.ts';
import {
  isUnparsed,
  NEVER_ALLOWED_BY_RULES,
  type RuleMatch,
  type RuleOutcome,
  type SegmentExplanation,
} from '../../../shared/rules.ts';
import { variableCarriesCode } from '../risk/index.ts';
import { formOf, isUnder, type CompiledRule, type Form, type Place, type RuleSet } from './ruleset.ts';
import { canonicalText, looseForms, splitWords, strictWords } from './words.ts';

// Defined in shared/ so the card can say why no rule is offered; the core's modules keep importing them from here.
export { isUnparsed, NEVER_ALLOWED_BY_RULES };

export interface RulesVerdict {
  outcome: RuleOutcome;
  /** The rules behind the outcome: the deny or ask rule, or one allow rule per segment. */
  rules: CompiledRule[];
  reason: string;
  segments: SegmentExplanation[];
  /**
   * When allow rules cover part of the command and every other part is rated low: those rules (one per covered
   * segment). Only for a command read in full, with nothing rated high or critical, whose overall level is no higher
   * than the parts the rules cover (a finding about the command as a whole is no part's). Auto-allow of low-risk
   * commands may then let it through (rules/policy.ts); otherwise empty.
   */
  coverAllButLow: CompiledRule[];
}

const LEVEL_RANK: Readonly<Record<RiskSegment['level'], number>> = { low: 0, medium: 1, high: 2, critical: 3 };

/** A rule as the card and the agent read it; a project rule of another checkout of this repository says where it was approved. */
const describeRule = (c: CompiledRule, cwd: string): string => {
  const scope = c.rule.scope;
  const elsewhere =
    scope.type === 'project' && !isUnder(cwd, scope.dir, c.under)
      ? `, approved in ${scope.dir}, another checkout of this repository`
      : '';
  return `${c.rule.id} (${c.rule.effect} ${c.rule.kind}:${c.rule.pattern}${elsewhere})`;
};
const toMatch = (c: CompiledRule): RuleMatch => ({
  ruleId: c.rule.id,
  effect: c.rule.effect,
  kind: c.rule.kind,
  pattern: c.rule.pattern,
});

/**
 * When the engine could not read the command at all (it failed, or is not running), deny and ask rules
 * still see a plain split of the text, minus leading assignments: failing to parse must not unlock it.
 */
function fallbackSegments(command: string, risk: RiskAssessment): RiskSegment[] {
  const words = splitWords(command) ?? command.split(/\s+/).filter(Boolean);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) words.shift();
  return words.length
    ? [
        {
          text: command,
          argv: words,
          synthetic: false,
          via: [],
          score: risk.score,
          level: risk.level,
          categories: risk.categories,
          reasons: risk.reasons,
        },
      ]
    : [];
}

interface SegmentResult {
  seg: RiskSegment;
  strict: readonly string[];
  blocking: CompiledRule[];
  allowing: CompiledRule[];
}

function explainSegment(r: SegmentResult, unparsed: boolean, cwd: string): SegmentExplanation {
  const describe = (c: CompiledRule) => describeRule(c, cwd);
  const deny = r.blocking.find((c) => c.rule.effect === 'deny');
  const ask = r.blocking.find((c) => c.rule.effect === 'ask');
  const allow = r.allowing[0];
  let verdict: string;
  if (deny) verdict = `denied by rule ${describe(deny)}`;
  else if (ask) verdict = `always asked by rule ${describe(ask)}`;
  else if (!allow) {
    const changes = (r.seg.env ?? []).filter(variableCarriesCode);
    verdict = changes.length
      ? `it sets ${changes.join(', ')}, which changes what it runs or reads: no allow rule covers that`
      : 'no allow rule covers it';
  } else if (NEVER_ALLOWED_BY_RULES.includes(r.seg.level))
    verdict = `allow rule ${describe(allow)} matches, but it is rated ${r.seg.level}: rules never allow that`;
  else if (unparsed) verdict = `allow rule ${describe(allow)} matches, but Gatehouse could not read the whole command`;
  else verdict = `allowed by rule ${describe(allow)}`;
  return {
    text: canonicalText(r.strict),
    level: r.seg.level,
    matches: [...r.blocking, ...r.allowing].map(toMatch),
    verdict,
  };
}

/** A verdict whose per-segment explanation (strings for people) is made only when read. */
class LazyVerdict implements RulesVerdict {
  private explained: SegmentExplanation[] | null = null;
  readonly outcome: RuleOutcome;
  readonly rules: CompiledRule[];
  readonly reason: string;
  readonly coverAllButLow: CompiledRule[];
  private readonly results: readonly SegmentResult[];
  private readonly unparsed: boolean;
  private readonly cwd: string;

  constructor(
    outcome: RuleOutcome,
    rules: CompiledRule[],
    reason: string,
    results: readonly SegmentResult[],
    unparsed: boolean,
    cwd: string,
    coverAllButLow: CompiledRule[] = [],
  ) {
    this.cwd = cwd;
    this.outcome = outcome;
    this.coverAllButLow = coverAllButLow;
    this.rules = rules;
    this.reason = reason;
    this.results = results;
    this.unparsed = unparsed;
  }

  get segments(): SegmentExplanation[] {
    return (this.explained ??= this.results.map((r) => explainSegment(r, this.unparsed, this.cwd)));
  }
}

/** See `RulesVerdict.coverAllButLow`. */
function restIsLow(results: readonly SegmentResult[], risk: RiskAssessment, unparsed: boolean): CompiledRule[] {
  if (unparsed || NEVER_ALLOWED_BY_RULES.includes(risk.level)) return [];
  const covered: CompiledRule[] = [];
  let highest = -1;
  for (const r of results) {
    if (NEVER_ALLOWED_BY_RULES.includes(r.seg.level)) return [];
    const allow = r.allowing[0];
    if (allow) {
      if (!covered.includes(allow)) covered.push(allow);
      highest = Math.max(highest, LEVEL_RANK[r.seg.level]);
    } else if (r.seg.level !== 'low') return [];
  }
  return covered.length > 0 && LEVEL_RANK[risk.level] <= highest ? covered : [];
}

/**
 * Decides by rules alone. `segments` (the per-segment explanation, for people) is worked out only when
 * read, so deciding stays cheap.
 */
export function evaluateRules(command: string, risk: RiskAssessment, rules: RuleSet, where: Place): RulesVerdict {
  const cwd = path.resolve(where.cwd);
  const place: Place = cwd === where.cwd ? where : { ...where, cwd };
  const read = risk.segments ?? [];
  const segments = read.length ? read : fallbackSegments(command, risk);
  const unparsed = isUnparsed(risk) || read.length === 0;
  const results: SegmentResult[] = [];
  let deny: CompiledRule | null = null;
  let ask: CompiledRule | null = null;
  const allows: CompiledRule[] = [];
  let everySegmentAllowed = segments.length > 0;

  for (const seg of segments) {
    const strict = strictWords(seg);
    // One form object for the strict words, shared by both groups, so its canonical text is made once.
    const strictForm = [formOf(strict)];
    const loose = looseForms(seg, strict);
    const blocking = rules.match(
      loose.length === 1 ? strictForm : [strictForm[0] as Form, ...loose.slice(1).map(formOf)],
      'block',
      place,
    );
    // A rule is learned from the program's words; a variable that changes what it runs or reads (`CURL_HOME=.`,
    // `PATH=.:$PATH`, `NODE_OPTIONS=…`) makes it another command, which no allow rule covers.
    const allowing = (seg.env ?? []).some(variableCarriesCode) ? [] : rules.match(strictForm, 'allow', place);
    for (const c of blocking) {
      if (c.rule.effect === 'deny') deny ??= c;
      else ask ??= c;
    }
    const allow = allowing[0];
    if (allow) {
      if (!allows.includes(allow)) allows.push(allow);
    } else everySegmentAllowed = false;
    results.push({ seg, strict, blocking, allowing });
  }

  const verdict = (outcome: RulesVerdict['outcome'], chosen: CompiledRule[], reason: string): RulesVerdict =>
    new LazyVerdict(outcome, chosen, reason, results, unparsed, cwd);
  if (deny) return verdict('deny', [deny], `denied by rule ${describeRule(deny, cwd)}`);
  if (ask) return verdict('ask', [ask], `rule ${describeRule(ask, cwd)} always asks`);
  if (!everySegmentAllowed) {
    const reason = allows.length ? 'allow rules cover only part of the command' : 'no allow rule matches';
    return new LazyVerdict('none', [], reason, results, unparsed, cwd, restIsLow(results, risk, unparsed));
  }
  if (unparsed) return verdict('none', [], 'Gatehouse could not read the whole command, so no rule may allow it');
  if (NEVER_ALLOWED_BY_RULES.includes(risk.level) || segments.some((s) => NEVER_ALLOWED_BY_RULES.includes(s.level))) {
    return verdict('none', [], `it is rated ${risk.level}: rules never allow high or critical commands`);
  }
  return verdict(
    'allow',
    allows,
    `${allows.length === 1 ? 'rule' : 'rules'} ${allows.map((c) => describeRule(c, cwd)).join(', ')}`,
  );
}
