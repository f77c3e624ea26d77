// Rules for an agent's own settings: kept for a request as it is approved, handed over by its pre-tool hook, taken by
// its permission request for that exact call only, once, soon; and which Gatehouse rules may become the agent's.
import { describe, expect, it } from 'vitest';
import { claudeAgent } from '../../../../electron/core/agents/claude/index.ts';
import { HANDOVER_MS, NativeRuleGrants, planNativeRules } from '../../../../electron/core/agents/native-rules.ts';
import { codexAgent } from '../../../../electron/core/agents/codex/index.ts';
import type { NativeRule } from '../../../../electron/core/agents/plugin.ts';
import type { Verdict } from '../../../../electron/core/broker/broker.ts';
import type { RiskAssessment, RiskLevel, RiskSegment } from '../../../../shared/domain.ts';
import { heldRequest } from '../../../support/requests.ts';

const RULES: NativeRule[] = [{ tool: 'Bash', content: 'npm test', shown: 'Bash(npm test)' }];
const allow = (requestId = 'r1'): Verdict => ({ requestId, decision: 'allow', reason: 'ok', decidedBy: 'human:cli' });
const CALL = { tool: 'Bash', command: 'npm test', agentSessionId: 'claude-1' };

function clocked() {
  let t = 1000;
  const grants = new NativeRuleGrants(() => t);
  return { grants, advance: (ms: number) => (t += ms) };
}

describe('NativeRuleGrants', () => {
  it('hands the approved call over once, and gives its rules to the permission request for that call, once', () => {
    const { grants } = clocked();
    const s1 = grants.forSession('s1');
    grants.offer('r1', 's1', RULES);
    expect(s1.handOver(allow(), CALL)).toBe(true);
    expect(s1.take(CALL)).toEqual(RULES);
    expect(s1.take(CALL)).toBeNull();
  });

  it('hands nothing over for a deny, another request, or another session', () => {
    const { grants } = clocked();
    grants.offer('r1', 's1', RULES);
    expect(grants.forSession('s1').handOver({ ...allow(), decision: 'deny' }, CALL)).toBe(false);
    expect(grants.forSession('s1').handOver(allow('r2'), CALL)).toBe(false);
    expect(grants.forSession('s2').handOver(allow(), CALL)).toBe(false);
    expect(grants.forSession('s2').take(CALL)).toBeNull();
  });

  it('gives no rules to a permission request that was not handed over, or names another call', () => {
    const { grants } = clocked();
    const s1 = grants.forSession('s1');
    grants.offer('r1', 's1', RULES);
    // Offered, not yet handed over by the pre-tool hook: a forged permission request gets nothing.
    expect(s1.take(CALL)).toBeNull();
    s1.handOver(allow(), CALL);
    expect(s1.take({ ...CALL, command: 'npm test --watch' })).toBeNull();
    expect(s1.take({ ...CALL, tool: 'PowerShell' })).toBeNull();
    expect(s1.take({ ...CALL, agentSessionId: 'claude-2' })).toBeNull();
    // Another session cannot take this session's grant.
    expect(grants.forSession('s2').take(CALL)).toBeNull();
    expect(s1.take({ ...CALL, agentSessionId: null })).toEqual(RULES);
  });

  it("hands over the same call asked by the session's other hook alike", () => {
    const { grants } = clocked();
    const s1 = grants.forSession('s1');
    grants.offer('r1', 's1', RULES);
    expect(s1.handOver(allow(), CALL)).toBe(true);
    expect(s1.handOver(allow(), CALL)).toBe(true);
    expect(s1.handOver(allow(), { ...CALL, command: 'other' })).toBe(false);
  });

  it('forgets a grant after a short while, a withdrawn one, and those of an ended session', () => {
    const { grants, advance } = clocked();
    const s1 = grants.forSession('s1');
    grants.offer('r1', 's1', RULES);
    s1.handOver(allow(), CALL);
    advance(HANDOVER_MS);
    expect(s1.take(CALL)).toBeNull();
    grants.offer('r2', 's1', RULES);
    grants.withdraw('r2');
    expect(s1.handOver(allow('r2'), CALL)).toBe(false);
    grants.offer('r3', 's1', RULES);
    s1.canWrite();
    expect(grants.canWrite('s1')).toBe(true);
    grants.sessionEnded('s1');
    expect(grants.canWrite('s1')).toBe(false);
    expect(s1.handOver(allow('r3'), CALL)).toBe(false);
  });
});

function seg(text: string, level: RiskLevel = 'low', over: Partial<RiskSegment> = {}): RiskSegment {
  return {
    text,
    argv: text.split(' '),
    synthetic: false,
    via: [],
    score: 1,
    level,
    categories: [],
    reasons: [],
    ...over,
  };
}
function risk(...segments: RiskSegment[]): RiskAssessment {
  const level = segments.some((s) => s.level === 'high') ? 'high' : 'low';
  return { score: 1, level, categories: [], reasons: [], segments };
}
const PROJECT = { type: 'project', dir: '/w' };

describe('planNativeRules', () => {
  const request = heldRequest({ command: 'npm test && git status', risk: risk(seg('npm test'), seg('git status')) });

  it("says each rule in Claude Code's words where it can, and why not where it cannot", () => {
    const plan = planNativeRules(claudeAgent, request, [
      { kind: 'exact', pattern: 'npm test', scope: PROJECT },
      { kind: 'prefix', pattern: 'git status', scope: { type: 'global' } },
      { kind: 'glob', pattern: 'git *', scope: PROJECT },
    ]);
    expect(plan.rules.map((r) => r.shown)).toEqual(['Bash(npm test)', 'Bash(git status:*)']);
    expect(plan.notes[2]).toMatch(/^glob:git \* was not added to Claude Code's rules: /);
  });

  it('refuses rules kept for the session or for a while (Claude Code keeps its rules for good)', () => {
    const plan = planNativeRules(claudeAgent, request, [
      { kind: 'exact', pattern: 'npm test', scope: { type: 'session' } },
      { kind: 'exact', pattern: 'npm test', scope: PROJECT, ttlMs: 3_600_000 },
    ]);
    expect(plan.rules).toEqual([]);
    expect(plan.notes).toHaveLength(2);
  });

  it('refuses a rule that does not cover the command as written, or covers it only through a wrapper', () => {
    const wrapped = heldRequest({ command: 'sudo npm test', risk: risk(seg('npm test', 'low', { via: ['sudo'] })) });
    expect(
      planNativeRules(claudeAgent, wrapped, [{ kind: 'exact', pattern: 'npm test', scope: PROJECT }]).rules,
    ).toEqual([]);
    expect(
      planNativeRules(claudeAgent, request, [{ kind: 'exact', pattern: 'npm ci', scope: PROJECT }]).notes[0],
    ).toMatch(/does not cover/);
  });

  it('adds nothing for a command not fully read, never scored, or rated high', () => {
    const kept = [{ kind: 'exact' as const, pattern: 'npm test', scope: PROJECT }];
    for (const r of [
      null,
      risk(seg('npm test'), seg('rm -rf /', 'high')),
      { ...risk(seg('npm test')), categories: ['unparsed'] },
    ]) {
      const plan = planNativeRules(claudeAgent, heldRequest({ command: 'npm test', risk: r }), kept);
      expect(plan.rules).toEqual([]);
      expect(plan.notes[0]).toMatch(/^nothing was added to Claude Code's rules: /);
    }
  });

  it('adds nothing for an agent without rules of its own Gatehouse can write', () => {
    const plan = planNativeRules(codexAgent, request, [{ kind: 'exact', pattern: 'npm test', scope: PROJECT }]);
    expect(plan.rules).toEqual([]);
  });
});
