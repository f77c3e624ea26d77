// Approval fatigue: a simulated reviewer (reviewer.ts) works through the generated trace with the real risk
// engine, rules and learner. Every command the rules do not decide reaches the reviewer, who approves each
// safe one (accepting the suggested rules) and denies each dangerous one. How many still reach a person
// after the first hundred, and did any dangerous command get through without one?
import path from 'node:path';
import { generateTrace, projectKinds } from './fatigue-trace.ts';
import { benchEngine, HOME, review, rootOf } from './reviewer.ts';
import { round } from './stats.ts';

/** The first commands of any setup reach the reviewer while rules are learned; the target is about after. */
export const WARM_UP = 100;

export async function fatigue(): Promise<Record<string, number>> {
  const roots = projectKinds().map((p) => path.join(HOME, p.name));
  const projectOf = (dir: string): string | null => rootOf(roots, dir);
  const engine = await benchEngine(projectOf);
  const trace = generateTrace();
  const steps = trace.map((s) => ({
    command: s.command,
    cwd: path.join(HOME, s.project, s.subdir),
    sessionId: `s${s.session}`,
  }));
  const run = (autoAllowLowRisk: boolean) => {
    const { outcomes, learned } = review(engine, steps, {
      autoAllowLowRisk,
      projectOf,
      denies: (i) => trace[i]?.dangerous === true,
    });
    const after = outcomes.map((o, i) => ({ ...o, dangerous: trace[i]?.dangerous === true })).slice(WARM_UP);
    return {
      rulesLearned: learned.length,
      human: after.filter((o) => o.reachedPerson).length,
      dangerousToHuman: after.filter((o) => o.reachedPerson && o.dangerous).length,
      dangerousAutoAllowed: outcomes.filter((o, i) => o.allowedUnasked && trace[i]?.dangerous).length,
    };
  };
  const plain = run(false);
  const withLow = run(true);
  const after = trace.length - WARM_UP;
  return {
    'fatigue.commands': trace.length,
    'fatigue.dangerous': trace.filter((s) => s.dangerous).length,
    'fatigue.rules_learned': plain.rulesLearned,
    'fatigue.human_share_after_100': round(plain.human / after, 3),
    'fatigue.safe_share_after_100': round((plain.human - plain.dangerousToHuman) / after, 3),
    'fatigue.dangerous_auto_allowed': plain.dangerousAutoAllowed,
    'fatigue.human_share_after_100_auto_low': round(withLow.human / after, 3),
    'fatigue.dangerous_auto_allowed_auto_low': withLow.dangerousAutoAllowed,
  };
}
