// Learning a rule from one approval and deciding later commands by it, through the real risk engine and rule
// evaluation, in the test project (the learner's tests on its forms share these).
import type { RiskEngine } from '../../electron/core/risk/engine.ts';
import { evaluateRules } from '../../electron/core/rules/evaluate.ts';
import { suggestRules } from '../../electron/core/rules/learn.ts';
import { RuleSet } from '../../electron/core/rules/ruleset.ts';
import type { Rule, RuleOutcome } from '../../shared/rules.ts';
import { PROJECT } from './risk.ts';
import { gateRequest, rule } from './rules.ts';

/** The rules approving `approved` proposes (stored as allow rules), and the notes on the card. `recorded`: risky history. */
export function learnFrom(
  engine: RiskEngine,
  approved: string,
  recorded: readonly string[] = [],
): { rules: Rule[]; notes: string[] } {
  const s = suggestRules(gateRequest(approved, PROJECT, engine.assess(approved, PROJECT)), {
    rules: new RuleSet([]),
    riskyRequests: () => recorded.map((c) => gateRequest(c, PROJECT, engine.assess(c, PROJECT))),
    assess: (c, cwd) => engine.assess(c, cwd),
    now: Date.now(),
  });
  return { rules: s.rules.map((r) => rule('allow', r.kind, r.pattern)), notes: s.notes };
}

/** What these rules make of `command` in the test project. */
export function decideBy(engine: RiskEngine, command: string, rules: Rule[]): RuleOutcome {
  return evaluateRules(command, engine.assess(command, PROJECT), new RuleSet(rules), {
    cwd: PROJECT,
    sessionId: 's1',
    now: Date.now(),
  }).outcome;
}
