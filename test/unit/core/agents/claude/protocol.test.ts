// A verdict in Claude Code's words.
import { describe, expect, it } from 'vitest';
import { claudeAnswer, claudeConfigChangeAnswer } from '../../../../../electron/core/agents/claude/protocol.ts';
import { REASONS, type Verdict } from '../../../../../electron/core/broker/broker.ts';

const allow: Verdict = { requestId: 'r1', decision: 'allow', reason: REASONS.humanAllow, decidedBy: 'human:cli' };
const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };

describe('Claude Code protocol', () => {
  it('tells Claude Code to allow, which also skips its own prompt', () => {
    expect(JSON.parse(claudeAnswer(allow).body)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'allow',
        permissionDecisionReason: REASONS.humanAllow,
      },
    });
  });

  it("passes a person's reason to the agent, and says it came from the user", () => {
    expect(JSON.parse(claudeAnswer(deny).body).hookSpecificOutput.permissionDecisionReason).toBe(
      'The user denied this command in Gatehouse: use the staging database',
    );
  });

  it('blocks a settings change with the reason, and says nothing to one it lets through', () => {
    expect(JSON.parse(claudeConfigChangeAnswer('switches hooks off').body)).toEqual({
      decision: 'block',
      reason: 'switches hooks off',
    });
    expect(claudeConfigChangeAnswer(null)).toEqual({ status: 200, body: '' });
  });
});
