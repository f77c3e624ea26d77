// Exporting rules to an agent's own settings: what would let more through there than in Gatehouse is named with why
// and left out unless asked for; the real risk engine says what a pattern covers.
import { describe, expect, it } from 'vitest';
import { dangerCovered } from '../../../../electron/core/rules/backtest.ts';
import { exportRules, type ExportOptions } from '../../../../electron/core/rules/export.ts';
import { placeAt } from '../../../../electron/core/rules/ruleset.ts';
import type { Rule } from '../../../../shared/rules.ts';
import { PROJECT, testEngine } from '../../../support/risk.ts';
import { gateRequest, rule } from '../../../support/rules.ts';

const engine = testEngine();
const recorded = [gateRequest('git log -p .env', PROJECT, engine.assess('git log -p .env', PROJECT), { id: 'q-env' })];
const options = (over: Partial<ExportOptions> = {}): ExportOptions => ({
  format: 'claude',
  here: placeAt(PROJECT, null, Date.now()),
  includeUnsafe: false,
  danger: (r: Rule) =>
    dangerCovered(r, { riskyRequests: () => recorded, assess: (c, cwd) => engine.assess(c, cwd) }, PROJECT, 1, true),
  ...over,
});

const rules = [
  rule('allow', 'prefix', 'cat', { id: 'cat' }),
  rule('allow', 'exact', 'npm test', { id: 'npm-global' }),
  rule('allow', 'exact', 'npm run lint', { id: 'lint-project', scope: { type: 'project', dir: PROJECT } }),
  rule('deny', 'prefix', 'git push', { id: 'push-project', scope: { type: 'project', dir: PROJECT } }),
  rule('allow', 'prefix', 'make', { id: 'elsewhere', scope: { type: 'project', dir: '/somewhere/else' } }),
  rule('allow', 'exact', 'ls', { id: 'session', scope: { type: 'session', sessionId: 's1' } }),
];

describe('export to an agent', () => {
  it('leaves out allow rules whose safety or scope does not travel, and says why for each', () => {
    const out = exportRules(rules, options());
    expect(JSON.parse(out.text)).toEqual({
      // A deny rule is as strict anywhere: it goes, whatever its scope.
      permissions: { allow: ['Bash(npm test)'], ask: [], deny: ['Bash(git push:*)'] },
    });
    expect(out.exported).toBe(2);
    expect(out.unsafe.map((u) => u.ruleId)).toEqual(['cat', 'lint-project']);
    const [cat, lint] = out.unsafe;
    // `cat .env` is dangerous by its argument: Gatehouse holds it whatever the rules say; Claude Code would run it.
    expect(cat?.why).toMatch(
      /^`prefix:cat`: Gatehouse always holds commands rated high or critical for a person, Claude Code would run them: it would also cover `cat [^`]+`, rated high$/,
    );
    expect(lint?.why).toBe(
      `\`exact:npm run lint\` applies only under ${PROJECT} here; in Claude Code's settings it applies wherever that file does`,
    );
    expect(out.skipped.map((s) => s.ruleId)).toEqual(['elsewhere', 'session']);
  });

  it('names a recorded command the rule would have let through', () => {
    const out = exportRules([rule('allow', 'prefix', 'git log', { id: 'log' })], options());
    expect(out.unsafe[0]?.why).toContain('it covers the recorded command `git log -p .env` (q-env), rated high');
  });

  it('exports them when asked, still naming each', () => {
    const out = exportRules(rules, options({ includeUnsafe: true }));
    expect(JSON.parse(out.text).permissions.allow).toEqual(['Bash(cat:*)', 'Bash(npm test)', 'Bash(npm run lint)']);
    expect(out.exported).toBe(4);
    expect(out.unsafe.map((u) => u.ruleId)).toEqual(['cat', 'lint-project']);
  });

  it('says the same for Codex, in its words', () => {
    const out = exportRules(
      [rule('allow', 'prefix', 'cat'), rule('allow', 'prefix', 'make')],
      options({ format: 'codex' }),
    );
    expect(out.text).toContain('pattern = ["make"]');
    expect(out.text).not.toContain('"cat"');
    expect(out.unsafe[0]?.why).toContain('Codex would run them');
  });

  it('without the agent, a pattern is judged as before: arguments dangerous under any program do not count', () => {
    const deps = { riskyRequests: () => [], assess: (c: string, cwd: string) => engine.assess(c, cwd) };
    expect(dangerCovered(rule('allow', 'prefix', 'cat'), deps, PROJECT)).toEqual([]);
    expect(dangerCovered(rule('allow', 'prefix', 'cat'), deps, PROJECT, 1, true)).toHaveLength(1);
  });
});
