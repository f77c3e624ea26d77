// Approval fatigue: a simulated reviewer works through the generated trace with the real risk engine and
// the real rules. Every command the rules do not decide reaches the reviewer, who approves each safe one
// (accepting the suggested rules) and denies each dangerous one. How many still reach a person after the
// first hundred, and did any dangerous command get through without one?
import path from 'node:path';
import type { GateRequest } from '../../shared/domain.ts';
import type { Rule } from '../../shared/rules.ts';
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { evaluateRules, isUnparsed } from '../../electron/core/rules/evaluate.ts';
import { suggestRules } from '../../electron/core/rules/learn.ts';
import { RuleSet } from '../../electron/core/rules/ruleset.ts';
import { generateTrace, projectKinds } from './fatigue-trace.ts';
import { round } from './stats.ts';

/** The first commands of any setup reach the reviewer while rules are learned; the target is about after. */
const WARM_UP = 100;

interface Outcome {
  humanAfterWarmUp: number;
  dangerousAutoAllowed: number;
  rulesLearned: number;
  commands: number;
  dangerous: number;
  /** Dangerous commands that reached the reviewer after the warm-up: they count in the share, as they should. */
  dangerousToHuman: number;
}

/** A home outside the temp directory (the risk engine rightly treats files under /tmp as scratch). */
const HOME = '/home/dev';
const projectOf = (dir: string): string | null => projectKinds().map((p) => path.join(HOME, p.name)).find((root) => dir === root || dir.startsWith(`${root}/`)) ?? null;

async function simulate(autoAllowLowRisk: boolean): Promise<Outcome> {
  const home = HOME;
  const engine = await createRiskEngine({
    home,
    protectedPaths: [path.join(home, '.config', 'Gatehouse')],
    findRepository: projectOf,
    // Agents work with uncommitted changes: `reset --hard` and `clean -fdx` have something to destroy.
    probeGit: () => ({ branch: 'feat/task', changedFiles: 6, changedLines: 240, untrackedFiles: 3, stashes: 1 }),
  });
  const trace = generateTrace();
  const rules: Rule[] = [];
  let ruleSet = new RuleSet(rules);
  const recorded: GateRequest[] = [];
  const out: Outcome = { humanAfterWarmUp: 0, dangerousAutoAllowed: 0, rulesLearned: 0, commands: trace.length, dangerous: 0, dangerousToHuman: 0 };
  let t = Date.parse('2030-01-01T09:00:00Z');
  for (const [i, step] of trace.entries()) {
    t += 20_000;
    const cwd = path.join(home, step.project, step.subdir);
    const sessionId = `s${step.session}`;
    const risk = engine.assess(step.command, cwd);
    const verdict = evaluateRules(step.command, risk, ruleSet, { cwd, sessionId, now: t });
    const autoLow = autoAllowLowRisk && risk.level === 'low' && !isUnparsed(risk) && (risk.segments ?? []).every((s) => s.level === 'low') && verdict.outcome === 'none';
    const request: GateRequest = { id: `q${i}`, sessionId, agent: 'claude', kind: 'pre-tool-use', tool: 'Bash', command: step.command, cwd, risk, status: 'pending', createdAt: new Date(t).toISOString(), expiresAt: null, decision: null };
    if (step.dangerous) out.dangerous += 1;
    if (verdict.outcome === 'allow' || autoLow) {
      if (step.dangerous) out.dangerousAutoAllowed += 1;
      recorded.push({ ...request, status: 'allowed' });
      continue;
    }
    if (verdict.outcome === 'deny') {
      recorded.push({ ...request, status: 'denied' });
      continue;
    }
    // It reaches the reviewer.
    if (i >= WARM_UP) {
      out.humanAfterWarmUp += 1;
      if (step.dangerous) out.dangerousToHuman += 1;
    }
    if (step.dangerous) {
      recorded.push({ ...request, status: 'denied' });
      continue;
    }
    const suggestion = suggestRules(request, {
      rules: ruleSet,
      riskyRequests: () => recorded.filter((r) => r.risk && (r.risk.level === 'high' || r.risk.level === 'critical')),
      assess: (c, dir) => engine.assess(c, dir),
      now: t,
      projectOf: (dir) => projectOf(dir) ?? dir,
    });
    for (const s of suggestion.rules) {
      rules.push({ id: `r${rules.length}`, effect: 'allow', kind: s.kind, pattern: s.pattern, scope: s.scope, enabled: true, source: `learned:${request.id}`, note: null, createdAt: new Date(t).toISOString(), expiresAt: null, hits: 0, lastHitAt: null });
    }
    if (suggestion.rules.length) ruleSet = new RuleSet(rules);
    out.rulesLearned = rules.length;
    recorded.push({ ...request, status: 'allowed' });
  }
  return out;
}

export async function fatigue(): Promise<Record<string, number>> {
  const plain = await simulate(false);
  const withLow = await simulate(true);
  const after = plain.commands - WARM_UP;
  return {
    'fatigue.commands': plain.commands,
    'fatigue.dangerous': plain.dangerous,
    'fatigue.rules_learned': plain.rulesLearned,
    'fatigue.human_share_after_100': round(plain.humanAfterWarmUp / after, 3),
    'fatigue.safe_share_after_100': round((plain.humanAfterWarmUp - plain.dangerousToHuman) / after, 3),
    'fatigue.dangerous_auto_allowed': plain.dangerousAutoAllowed,
    'fatigue.human_share_after_100_auto_low': round(withLow.humanAfterWarmUp / after, 3),
    'fatigue.dangerous_auto_allowed_auto_low': withLow.dangerousAutoAllowed,
  };
}
