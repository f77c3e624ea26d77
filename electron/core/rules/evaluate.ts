// What the rules make of one command: deny > ask > allow, judged segment by segment. A command is
// allowed by rules only when every segment the risk engine found is allowed, none is rated high or
// critical, and the engine read all of it.
import type { RiskAssessment, RiskLevel, RiskSegment } from '../../../shared/domain.ts';
import type { RuleMatch, RuleOutcome, SegmentExplanation } from '../../../shared/rules.ts';
import { formOf, type CompiledRule, type Form, type Place, type RuleSet } from './ruleset.ts';
import { canonicalText, looseForms, splitWords, strictWords } from './words.ts';

/** Levels no rule may allow: they always reach a person (deny rules still apply to them). */
export const NEVER_ALLOWED_BY_RULES: readonly RiskLevel[] = ['high', 'critical'];

export interface RulesVerdict {
  outcome: RuleOutcome;
  /** The rules behind the outcome: the deny or ask rule, or one allow rule per segment. */
  rules: CompiledRule[];
  reason: string;
  segments: SegmentExplanation[];
}

export function isUnparsed(risk: RiskAssessment): boolean {
  return risk.categories.includes('unparsed') || (risk.segments ?? []).some((s) => s.categories.includes('unparsed'));
}

const describeRule = (c: CompiledRule): string => `${c.rule.id} (${c.rule.effect} ${c.rule.kind}:${c.rule.pattern})`;
const toMatch = (c: CompiledRule): RuleMatch => ({ ruleId: c.rule.id, effect: c.rule.effect, kind: c.rule.kind, pattern: c.rule.pattern });

/**
 * When the engine could not read the command at all (it failed, or is not running), deny and ask rules
 * still see a plain split of the text, minus leading assignments: failing to parse must not unlock it.
 */
function fallbackSegments(command: string, risk: RiskAssessment): RiskSegment[] {
  const words = splitWords(command) ?? command.split(/\s+/).filter(Boolean);
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0] as string)) words.shift();
  return words.length ? [{ text: command, argv: words, synthetic: false, via: [], score: risk.score, level: risk.level, categories: risk.categories, reasons: risk.reasons }] : [];
}

export function evaluateRules(command: string, risk: RiskAssessment, rules: RuleSet, place: Place): RulesVerdict {
  const read = risk.segments ?? [];
  const segments = read.length ? read : fallbackSegments(command, risk);
  const unparsed = isUnparsed(risk) || read.length === 0;
  const explained: SegmentExplanation[] = [];
  let deny: CompiledRule | null = null;
  let ask: CompiledRule | null = null;
  const allows: CompiledRule[] = [];
  let everySegmentAllowed = segments.length > 0;

  for (const seg of segments) {
    const strict = strictWords(seg);
    const loose: Form[] = looseForms(seg).map(formOf);
    const blocking = rules.match(loose, ['deny', 'ask'], place);
    const allowing = rules.match([formOf(strict)], ['allow'], place);
    const segDeny = blocking.find((c) => c.rule.effect === 'deny') ?? null;
    const segAsk = blocking.find((c) => c.rule.effect === 'ask') ?? null;
    deny ??= segDeny;
    ask ??= segAsk;
    const allow = allowing[0] ?? null;
    if (allow) allows.push(allow);
    else everySegmentAllowed = false;
    const tooRisky = NEVER_ALLOWED_BY_RULES.includes(seg.level);
    let verdict: string;
    if (segDeny) verdict = `denied by rule ${describeRule(segDeny)}`;
    else if (segAsk) verdict = `always asked by rule ${describeRule(segAsk)}`;
    else if (!allow) verdict = 'no allow rule covers it';
    else if (tooRisky) verdict = `allow rule ${describeRule(allow)} matches, but it is rated ${seg.level}: rules never allow that`;
    else if (unparsed) verdict = `allow rule ${describeRule(allow)} matches, but Gatehouse could not read the whole command`;
    else verdict = `allowed by rule ${describeRule(allow)}`;
    explained.push({ text: canonicalText(strict), level: seg.level, matches: [...blocking, ...allowing].map(toMatch), verdict });
  }

  if (deny) return { outcome: 'deny', rules: [deny], reason: `denied by rule ${describeRule(deny)}`, segments: explained };
  if (ask) return { outcome: 'ask', rules: [ask], reason: `rule ${describeRule(ask)} always asks`, segments: explained };
  if (!everySegmentAllowed) {
    const reason = allows.length ? 'allow rules cover only part of the command' : 'no allow rule matches';
    return { outcome: 'none', rules: [], reason, segments: explained };
  }
  if (unparsed) return { outcome: 'none', rules: [], reason: 'Gatehouse could not read the whole command, so no rule may allow it', segments: explained };
  if (NEVER_ALLOWED_BY_RULES.includes(risk.level) || segments.some((s) => NEVER_ALLOWED_BY_RULES.includes(s.level))) {
    return { outcome: 'none', rules: [], reason: `it is rated ${risk.level}: rules never allow high or critical commands`, segments: explained };
  }
  const unique = [...new Set(allows)];
  return { outcome: 'allow', rules: unique, reason: `${unique.length === 1 ? 'rule' : 'rules'} ${unique.map(describeRule).join(', ')}`, segments: explained };
}
