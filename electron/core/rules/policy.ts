// The decision order for a scored request: deny rules; ask rules; the tamper lock (nothing below allows while it is
// on); a hosted shell asking about every typed line; allow rules covering every segment; a line the person typed at a
// hosted shell's prompt, as that shell's typing trust says; trust mode (below `high`); auto-allow of low-risk
// commands (a setting, off by default), also for the parts of a command that allow rules do not cover; else a person.
import type { RiskAssessment, TypingTrust } from '../../../shared/domain.ts';
import type { Explanation } from '../../../shared/rules.ts';
import type { PolicyVerdict, ScoredSubmission } from '../broker/broker.ts';
import { isUnparsed } from './evaluate.ts';
import type { RuleService } from './service.ts';
import type { TrustMode } from './trust.ts';

export interface GatePolicyOptions {
  rules: RuleService;
  trust: TrustMode;
  /** Asked on every decision, so a change to the setting applies at once. */
  autoAllowLowRisk: () => boolean;
  /**
   * Since when the gate has been tampered with and nobody has acknowledged it (ISO 8601), or null. While set, rules,
   * trust mode and auto-allow allow nothing: every request that no deny rule refuses waits for a person.
   */
  tamperedSince?: () => string | null;
  /** A hosted shell's typing trust (null: not a hosted shell), asked for lines typed at its prompt. */
  typingTrust?: (sessionId: string) => TypingTrust | null;
}

export const POLICY_REASONS = {
  trust: (endsAt: string) => `Allowed by Gatehouse trust mode (below high risk, until ${endsAt}).`,
  autoAllow: 'Allowed by Gatehouse: low risk, and auto-allow of low-risk commands is on.',
  rulesAndAutoAllow: (rules: string) =>
    `Allowed by Gatehouse ${rules} for part of it; every other part is low risk, and auto-allow of low-risk commands is on.`,
  tampered: (since: string) =>
    `Held for a person: Gatehouse's gate was tampered with at ${since}, so rules, trust mode and auto-allow allow nothing until the user acknowledges it (\`gatehouse tamper ack\`).`,
  typedAll: 'Allowed by Gatehouse: you typed it, and this shell runs what you type.',
  typedLow: 'Allowed by Gatehouse: you typed it and it is low risk (this shell asks only from medium risk up).',
  typedNone: 'Held for you: this shell asks about every line you type.',
} as const;

export class GatePolicy {
  private readonly opts: GatePolicyOptions;

  constructor(opts: GatePolicyOptions) {
    this.opts = opts;
  }

  /**
   * What would happen to this command here, now, and why. `typed`: the person typed it at the prompt of the hosted
   * shell `sessionId` (the gate checked the shell's key), so that shell's typing trust applies.
   */
  explain(command: string, risk: RiskAssessment, cwd: string, sessionId: string | null, typed = false): Explanation {
    const { rules, trust } = this.opts;
    const v = rules.evaluate(command, risk, { cwd, sessionId });
    const base = {
      risk: { score: risk.score, level: risk.level, categories: risk.categories, reasons: risk.reasons },
      segments: v.segments,
    };
    const ruleIds = v.rules.map((c) => c.rule.id);
    const firstRule = v.rules[0]?.rule;
    if (v.outcome === 'deny' && firstRule) {
      const note = firstRule.note ? ` ${firstRule.note}` : '';
      return {
        ...base,
        decision: 'deny',
        by: `rule:${firstRule.id}`,
        ruleIds,
        reason: `Denied by Gatehouse rule ${firstRule.id} (${firstRule.kind}:${firstRule.pattern}).${note}`,
      };
    }
    if (v.outcome === 'ask')
      return { ...base, decision: 'hold', by: 'human', ruleIds, reason: `Held for a person: ${v.reason}.` };
    const tamperedSince = this.opts.tamperedSince?.() ?? null;
    if (tamperedSince)
      return { ...base, decision: 'hold', by: 'human', ruleIds: [], reason: POLICY_REASONS.tampered(tamperedSince) };
    const typing = typed && sessionId !== null ? (this.opts.typingTrust?.(sessionId) ?? null) : null;
    // "Ask for everything" is the person's own choice for their typing: no rule or mode answers for them.
    if (typing === 'none') return { ...base, decision: 'hold', by: 'human', ruleIds, reason: POLICY_REASONS.typedNone };
    if (v.outcome === 'allow' && firstRule) {
      return {
        ...base,
        decision: 'allow',
        by: `rule:${firstRule.id}`,
        ruleIds,
        reason: `Allowed by Gatehouse ${v.reason}.`,
      };
    }
    const readable = !isUnparsed(risk) && (risk.segments?.length ?? 0) > 0;
    const allLow = risk.level === 'low' && (risk.segments ?? []).every((s) => s.level === 'low');
    if (typing === 'all')
      return { ...base, decision: 'allow', by: 'typed', ruleIds: [], reason: POLICY_REASONS.typedAll };
    if (typing === 'low' && readable && allLow)
      return { ...base, decision: 'allow', by: 'typed', ruleIds: [], reason: POLICY_REASONS.typedLow };
    const status = trust.status();
    if (readable && status.endsAt && trust.admits(risk.level)) {
      return { ...base, decision: 'allow', by: 'trust-mode', ruleIds: [], reason: POLICY_REASONS.trust(status.endsAt) };
    }
    if (readable && this.opts.autoAllowLowRisk() && allLow) {
      return { ...base, decision: 'allow', by: 'auto-allow', ruleIds: [], reason: POLICY_REASONS.autoAllow };
    }
    const partial = v.coverAllButLow;
    const firstPartial = partial[0]?.rule;
    if (readable && this.opts.autoAllowLowRisk() && firstPartial) {
      const named = partial.map((c) => `${c.rule.id} (${c.rule.kind}:${c.rule.pattern})`).join(', ');
      return {
        ...base,
        decision: 'allow',
        by: `rule:${firstPartial.id}`,
        ruleIds: partial.map((c) => c.rule.id),
        reason: POLICY_REASONS.rulesAndAutoAllow(`${partial.length === 1 ? 'rule' : 'rules'} ${named}`),
      };
    }
    const why =
      trust.active && !trust.admits(risk.level)
        ? `${v.reason}; trust mode never lets ${risk.level} risk through`
        : v.reason;
    return { ...base, decision: 'hold', by: 'human', ruleIds, reason: `Held for a person: ${why}.` };
  }

  /** The broker's Policy: a verdict, or null to hold the request for a person. */
  readonly decide = (r: ScoredSubmission): PolicyVerdict | null => {
    const e = this.explain(r.command, r.risk, r.cwd, r.sessionId, r.typed === true);
    if (e.decision === 'hold' || e.by === 'human') return null;
    return { decision: e.decision, reason: e.reason, decidedBy: e.by, ruleIds: e.ruleIds };
  };
}
