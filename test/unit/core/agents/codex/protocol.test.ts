// A verdict in Codex's words.
import { describe, expect, it } from 'vitest';
import { codexPermissionAnswer, codexPreToolUseAnswer } from '../../../../../electron/core/agents/codex/protocol.ts';
import { REASONS, type Verdict } from '../../../../../electron/core/broker/broker.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };
const timeout: Verdict = { requestId: 'r1', decision: 'deny', reason: REASONS.timeout(600_000), decidedBy: 'timeout' };

describe('Codex protocol', () => {
  it('stays silent for a Codex allow (Codex rejects allow in PreToolUse) and denies with a reason', () => {
    expect(codexPreToolUseAnswer(allow)).toEqual({ status: 200, body: '' });
    expect(JSON.parse(codexPreToolUseAnswer(deny).body).hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: 'The user denied this command in Gatehouse: use the staging database',
    });
  });

  it('leaves the full stop to Codex, which adds its own before ". Command: …"', () => {
    const reasonOf = (v: Verdict) =>
      JSON.parse(codexPreToolUseAnswer(v).body).hookSpecificOutput.permissionDecisionReason;
    expect(reasonOf(timeout)).toBe(REASONS.timeout(600_000).slice(0, -1));
    expect(reasonOf({ ...deny, reason: REASONS.humanDeny })).toBe('Denied by the user in Gatehouse');
  });

  it('answers Codex permission requests with a behavior', () => {
    expect(JSON.parse(codexPermissionAnswer(allow).body).hookSpecificOutput.decision).toEqual({ behavior: 'allow' });
    expect(JSON.parse(codexPermissionAnswer(timeout).body).hookSpecificOutput.decision).toMatchObject({
      behavior: 'deny',
    });
  });
});
