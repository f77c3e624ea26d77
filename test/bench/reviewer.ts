// A simulated reviewer working through agent commands on the product's own decision path: the real risk
// engine, the real rule service (on an in-memory database) and gate policy, and the real learner. Every
// command the policy holds reaches the reviewer, who either denies it or approves it and accepts every
// rule Gatehouse suggests. Shared by the fatigue benchmarks on the generated trace and on real traces.
import path from 'node:path';
import type { GateRequest, RiskAssessment, RiskLevel } from '../../shared/domain.ts';
import type { Rule } from '../../shared/rules.ts';
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { suggestRules } from '../../electron/core/rules/learn.ts';
import { GatePolicy } from '../../electron/core/rules/policy.ts';
import { RuleService } from '../../electron/core/rules/service.ts';
import { TrustMode } from '../../electron/core/rules/trust.ts';
import { openDatabase } from '../../electron/core/store/database.ts';
import { RuleRepository } from '../../electron/core/store/rules.ts';
import { gateRequest } from '../support/rules.ts';

/** A home outside the temp directory (the risk engine rightly treats files under /tmp as scratch). */
export const HOME = '/home/dev';

/** What scores commands: the risk engine, or a stand-in in tests. */
export interface Assessor {
  assess(command: string, cwd: string): RiskAssessment;
}

export interface ReviewStep {
  command: string;
  cwd: string;
  sessionId: string;
}

export interface ReviewOutcome {
  level: RiskLevel;
  /** Held for the reviewer (who then denied or approved it). */
  reachedPerson: boolean;
  /** Allowed by a rule or by auto-allow, nobody asked. */
  allowedUnasked: boolean;
  /** The rules suggested when the reviewer approved it (`kind:pattern`), or why none was. */
  suggested?: string[];
  /** Why the suggestion is what it is (candidates found too broad, scope widened). */
  notes?: string[];
}

export interface ReviewOptions {
  autoAllowLowRisk: boolean;
  /** The project (rule scope) of a directory, or null outside any. */
  projectOf: (dir: string) => string | null;
  /** The repository a directory is a checkout of (the product reads git's files: rules/checkouts.ts), or null. */
  repositoryOf?: (dir: string) => string | null;
  /** Whether the reviewer denies a command that reached them; otherwise they approve it with its suggested rules. */
  denies: (index: number, risk: RiskAssessment) => boolean;
}

export interface Review {
  outcomes: ReviewOutcome[];
  /** Every rule in force at the end (all learned). */
  learned: Rule[];
}

/** The root above `dir` among `roots` (a project directory or anything under it), or null. */
export function rootOf(roots: readonly string[], dir: string): string | null {
  return roots.find((root) => dir === root || dir.startsWith(`${root}/`)) ?? null;
}

/** The real risk engine on the simulated machine: `findRepository` names the projects, git shows work at stake. */
export function benchEngine(findRepository: (dir: string) => string | null): Promise<Assessor> {
  return createRiskEngine({
    home: HOME,
    protectedPaths: [path.join(HOME, '.config', 'Gatehouse')],
    findRepository,
    // Agents work with uncommitted changes: `reset --hard` and `clean -fdx` have something to destroy.
    probeGit: () => ({ branch: 'feat/task', changedFiles: 6, changedLines: 240, untrackedFiles: 3, stashes: 1 }),
  });
}

const isRisky = (r: GateRequest): boolean => r.risk?.level === 'high' || r.risk?.level === 'critical';

/** Works through the steps in order, one simulated clock tick (20 s) apart. Deterministic. */
export function review(engine: Assessor, steps: readonly ReviewStep[], opts: ReviewOptions): Review {
  let t = Date.parse('2030-01-01T09:00:00Z');
  const db = openDatabase(':memory:');
  const rules = new RuleService({ repository: new RuleRepository(db), now: () => t, repositoryOf: opts.repositoryOf });
  const trust = new TrustMode({ now: () => t });
  const policy = new GatePolicy({ rules, trust, autoAllowLowRisk: () => opts.autoAllowLowRisk });
  const risky: GateRequest[] = [];
  const outcomes: ReviewOutcome[] = [];
  try {
    for (const [i, step] of steps.entries()) {
      t += 20_000;
      const risk = engine.assess(step.command, step.cwd);
      const request = gateRequest(step.command, step.cwd, risk, {
        id: `q${i}`,
        sessionId: step.sessionId,
        createdAt: new Date(t).toISOString(),
      });
      const e = policy.explain(step.command, risk, step.cwd, step.sessionId);
      const reachedPerson = e.decision === 'hold';
      outcomes.push({ level: risk.level, reachedPerson, allowedUnasked: e.decision === 'allow' });
      if (isRisky(request)) risky.push(request);
      if (!reachedPerson || opts.denies(i, risk)) continue;
      const suggestion = suggestRules(request, {
        rules: rules.ruleSet,
        riskyRequests: () => risky,
        assess: (c, dir) => engine.assess(c, dir),
        now: t,
        projectOf: (dir) => opts.projectOf(dir) ?? dir,
        repositoryOf: opts.repositoryOf,
      });
      const o = outcomes[outcomes.length - 1] as ReviewOutcome;
      o.suggested = suggestion.rules.length
        ? suggestion.rules.map((r) => `${r.kind}:${r.pattern}`)
        : [`(none: ${suggestion.notes.join('; ')})`];
      o.notes = suggestion.notes;
      rules.add(
        suggestion.rules.map((s) => ({
          effect: s.effect,
          kind: s.kind,
          pattern: s.pattern,
          scope: s.scope,
          source: `learned:${request.id}`,
        })),
        'human:bench',
      );
    }
    return { outcomes, learned: rules.list() };
  } finally {
    trust.dispose();
    rules.dispose();
    db.close();
  }
}
