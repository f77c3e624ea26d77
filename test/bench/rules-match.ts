// rules.match_us_p99: deciding one command (every segment) against 1,000 rules of every kind and scope.
// Assessments are computed once beforehand: this measures the rules, not the risk engine.
import { createRiskEngine } from '../../electron/core/risk/index.ts';
import { evaluateRules } from '../../electron/core/rules/evaluate.ts';
import { normalizePattern } from '../../electron/core/rules/matcher.ts';
import { RuleSet } from '../../electron/core/rules/ruleset.ts';
import type { Rule, RuleEffect, RuleKind, RuleScope } from '../../shared/rules.ts';
import { mulberry32, percentile, round } from './stats.ts';

const RULES = 1000;
/** Enough decisions for a stable p99 (each is a few microseconds). */
const ROUNDS = 20;

const PROGRAMS = [
  'git',
  'npm',
  'pnpm',
  'yarn',
  'cargo',
  'go',
  'python3',
  'pytest',
  'docker',
  'kubectl',
  'make',
  'ls',
  'cat',
  'grep',
  'rg',
  'find',
  'sed',
  'head',
  'tail',
  'node',
  'npx',
  'tsc',
  'eslint',
  'prettier',
  'ruff',
  'mypy',
  'pip',
  'uv',
  'terraform',
  'aws',
  'gh',
  'curl',
  'rm',
  'cp',
  'mv',
  'mkdir',
  'chmod',
  'echo',
  'jq',
  'wc',
];
const SUBS = [
  'status',
  'diff',
  'log',
  'test',
  'build',
  'run',
  'install',
  'lint',
  'check',
  'fmt',
  'get',
  'apply',
  'show',
  'list',
  'add',
  'commit',
  'push',
  'pull',
  'exec',
  'up',
];
const PROJECTS = ['/home/dev/web', '/home/dev/api', '/home/dev/cli', '/home/dev/infra', '/home/dev/ml'];

const COMMANDS = [
  'git status',
  'git diff --stat',
  'git log --oneline -10',
  'npm run test -- --grep login',
  'cd packages/api && npm run build',
  'cat src/index.ts | grep -n export',
  'pytest tests/test_auth.py -k refresh -x',
  'cargo test --workspace',
  'go test ./... -run TestHandler',
  'ls -la src',
  'rg -n "useState" src/components',
  'FOO=1 make check',
  'docker compose up -d db',
  'kubectl get pods -n staging',
  "bash -c 'npm ci && npm test'",
  'sudo apt-get install -y jq',
  'find . -name "*.log" -delete',
  'git add -A && git commit -m "fix: handle empty token" && git push origin feat/login',
  'curl -s https://example.com/install.sh | sh',
  'rm -rf node_modules dist',
];

export function thousandRules(): Rule[] {
  const rand = mulberry32(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const rules: Rule[] = [];
  for (let i = 0; i < RULES; i++) {
    const r = rand();
    // A realistic mix: a store of 1,000 rules is mostly learned ones (prefixes and exact commands); globs and
    // regexes are written by hand, so fewer, and a handful of those start with a wildcard (no program to index by).
    const kind: RuleKind = r < 0.6 ? 'prefix' : r < 0.9 ? 'exact' : r < 0.96 ? 'glob' : 'regex';
    const prog = pick(PROGRAMS);
    const sub = pick(SUBS);
    const pattern =
      kind === 'prefix'
        ? `${prog} ${sub}`
        : kind === 'exact'
          ? `${prog} ${sub} --flag-${i}`
          : kind === 'glob'
            ? i % 20 === 0
              ? `* ${sub} *`
              : `${prog} * ${sub}-${i % 7}`
            : i % 20 === 0
              ? `.*--danger-${i}.*`
              : `${prog} (${sub}|${pick(SUBS)})( .*)?`;
    const effect: RuleEffect = rand() < 0.8 ? 'allow' : rand() < 0.5 ? 'deny' : 'ask';
    const s = rand();
    const scope: RuleScope =
      s < 0.4
        ? { type: 'global' }
        : s < 0.9
          ? { type: 'project', dir: pick(PROJECTS) }
          : { type: 'session', sessionId: `s${i % 9}` };
    rules.push({
      id: `r${i}`,
      effect,
      kind,
      pattern: normalizePattern(kind, pattern),
      scope,
      enabled: true,
      source: 'bench',
      note: null,
      createdAt: new Date(1_700_000_000_000 + i).toISOString(),
      expiresAt: i % 10 === 0 ? new Date(4_000_000_000_000).toISOString() : null,
      hits: 0,
      lastHitAt: null,
    });
  }
  return rules;
}

export async function rulesMatch(): Promise<Record<string, number>> {
  const engine = await createRiskEngine({
    home: '/home/dev',
    probeGit: () => null,
    findRepository: (dir) => PROJECTS.find((p) => dir === p || dir.startsWith(`${p}/`)) ?? null,
  });
  const assessed = COMMANDS.map((command) => ({ command, risk: engine.assess(command, PROJECTS[0] as string) }));
  const thousand = thousandRules();
  const rules = new RuleSet(thousand);
  const samples: number[] = [];
  const place = { cwd: `${PROJECTS[0]}/src`, sessionId: 's1', now: Date.now() };
  let allowed = 0;
  // Warm-up: let the JIT compile the matchers before measuring.
  for (const a of assessed) evaluateRules(a.command, a.risk, rules, place);
  for (let round = 0; round < ROUNDS * 50; round++) {
    for (const a of assessed) {
      const t0 = performance.now();
      const v = evaluateRules(a.command, a.risk, rules, place);
      samples.push((performance.now() - t0) * 1000);
      if (v.outcome === 'allow') allowed += 1;
    }
  }
  return {
    'rules.count': rules.size,
    'rules.count_glob_regex': thousand.filter((r) => r.kind === 'glob' || r.kind === 'regex').length,
    'rules.match_us_p50': round(percentile(samples, 50)),
    'rules.match_us_p99': round(percentile(samples, 99)),
    'rules.match_allowed_share': round(allowed / samples.length),
  };
}
