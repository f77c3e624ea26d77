// Approval fatigue on real agent traces (agent-traces.ts): how much of what agents really run is rated low,
// and how much still reaches a person once Gatehouse has learned from their approvals. The simulated
// person (reviewer.ts) approves every held command rated low or medium, accepting the suggested rules, and
// denies every one rated high or critical (the traces hold a few `rm -rf`, force pushes, `pkill`): with
// no labels, the engine's own rating stands in for the person's judgement.
import { loadAgentTraces, agentTracesPath, traceSteps, type TraceLine } from './agent-traces.ts';
import { benchEngine, review, type Assessor } from './reviewer.ts';
import { round } from './stats.ts';

/** Each project's first commands reach the person while rules are learned; the share is measured after them. */
export const TRACE_WARM_UP = 100;

export interface TraceMeasure {
  commands: number;
  low: number;
  /** Rated high or critical: held for the person, who denies them. */
  denied: number;
  /** Commands after each project's warm-up, and those of them that reached the person. */
  afterWarmUp: number;
  heldAfterWarmUp: number;
  rulesLearned: number;
}

export function measureTraces(
  engine: Assessor,
  lines: readonly TraceLine[],
  opts: { autoAllowLowRisk: boolean; warmUp?: number },
): TraceMeasure {
  const warmUp = opts.warmUp ?? TRACE_WARM_UP;
  const { steps, projectOf, projectOfLine, repositoryOf } = traceSteps(lines);
  const denies = (_i: number, risk: { level: string }) => risk.level === 'high' || risk.level === 'critical';
  const { outcomes, learned } = review(engine, steps, {
    autoAllowLowRisk: opts.autoAllowLowRisk,
    projectOf,
    repositoryOf,
    denies,
  });
  const seen = new Map<string, number>();
  const m: TraceMeasure = {
    commands: outcomes.length,
    low: 0,
    denied: 0,
    afterWarmUp: 0,
    heldAfterWarmUp: 0,
    rulesLearned: learned.length,
  };
  for (const [i, o] of outcomes.entries()) {
    const project = projectOfLine[i] as string;
    const nth = (seen.get(project) ?? 0) + 1;
    seen.set(project, nth);
    if (o.level === 'low') m.low += 1;
    if (denies(i, o)) m.denied += 1;
    if (nth <= warmUp) continue;
    m.afterWarmUp += 1;
    if (o.reachedPerson) m.heldAfterWarmUp += 1;
  }
  return m;
}

export async function fatigueTraces(): Promise<Record<string, number>> {
  const file = agentTracesPath();
  const lines = loadAgentTraces(file);
  if (!lines) {
    process.stderr.write(
      `fatigue-traces: ${file} is not there, so fatigue.traces_* are skipped (set GATEHOUSE_AGENT_TRACES to read it elsewhere)\n`,
    );
    return {};
  }
  const engine = await benchEngine(traceSteps(lines).projectOf);
  const autoLow = measureTraces(engine, lines, { autoAllowLowRisk: true });
  const rulesOnly = measureTraces(engine, lines, { autoAllowLowRisk: false });
  return {
    'fatigue.traces_commands': autoLow.commands,
    'fatigue.traces_low_share': round(autoLow.low / autoLow.commands, 3),
    'fatigue.traces_denied': autoLow.denied,
    'fatigue.traces_human_share_after_100': round(autoLow.heldAfterWarmUp / autoLow.afterWarmUp, 3),
    'fatigue.traces_rules_learned': autoLow.rulesLearned,
    'fatigue.traces_human_share_after_100_rules_only': round(rulesOnly.heldAfterWarmUp / rulesOnly.afterWarmUp, 3),
    'fatigue.traces_rules_learned_rules_only': rulesOnly.rulesLearned,
  };
}
