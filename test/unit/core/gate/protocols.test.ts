import { describe, expect, it } from 'vitest';
import { REASONS, type Verdict } from '../../../electron/core/broker/broker.ts';
import { agentReason, claudeAnswer, codexPermissionAnswer, codexPreToolUseAnswer, commandText, genericAnswer } from '../../../electron/core/gate/protocols.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };
const timeout: Verdict = { requestId: 'r1', decision: 'deny', reason: REASONS.timeout(600_000), decidedBy: 'timeout' };

describe('agent protocols', () => {
  it('tells Claude Code to allow, which also skips its own prompt', () => {
    expect(JSON.parse(claudeAnswer(allow).body)).toEqual({
      hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow', permissionDecisionReason: REASONS.humanAllow },
    });
  });

  it('passes a person\'s reason to the agent, and says it came from the user', () => {
    expect(JSON.parse(claudeAnswer(deny).body).hookSpecificOutput.permissionDecisionReason).toBe('The user denied this command in Gatehouse: use the staging database');
    expect(agentReason(timeout)).toMatch(/Nobody decided in Gatehouse within 10 minutes/);
    expect(agentReason({ ...deny, reason: REASONS.humanDeny })).toBe(REASONS.humanDeny);
  });

  it('stays silent for a Codex allow (Codex rejects allow in PreToolUse) and denies with a reason', () => {
    expect(codexPreToolUseAnswer(allow)).toEqual({ status: 200, body: '' });
    expect(JSON.parse(codexPreToolUseAnswer(deny).body).hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: 'The user denied this command in Gatehouse: use the staging database',
    });
  });

  it('answers Codex permission requests with a behavior', () => {
    expect(JSON.parse(codexPermissionAnswer(allow).body).hookSpecificOutput.decision).toEqual({ behavior: 'allow' });
    expect(JSON.parse(codexPermissionAnswer(timeout).body).hookSpecificOutput.decision).toMatchObject({ behavior: 'deny' });
  });

  it('answers the generic check with decision, reason and who decided', () => {
    expect(JSON.parse(genericAnswer(deny).body)).toEqual({ requestId: 'r1', decision: 'deny', reason: 'The user denied this command in Gatehouse: use the staging database', decidedBy: 'human:cli' });
  });
});

describe('commandText', () => {
  it.each([
    ['npm test', 'npm test'],
    [['bash', '-lc', 'npm test && rm -rf x'], 'npm test && rm -rf x'],
    [['/bin/zsh', '-c', 'ls'], 'ls'],
    [['git', 'commit', '-m', "it's done"], `git commit -m 'it'\\''s done'`],
    [['bash', '-lc', 'a', 'extra'], 'bash -lc a extra'],
  ])('%j reads as %j', (input, text) => expect(commandText(input)).toBe(text));
});
