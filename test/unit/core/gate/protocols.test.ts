// What every hook protocol shares: the sentence an agent reads when denied, a command given as an argv, the generic
// check's answer, and a payload the gate cannot read.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { REASONS, type Verdict } from '../../../../electron/core/broker/broker.ts';
import {
  agentReason,
  commandText,
  genericAnswer,
  HookPayloadError,
  parseHookPayload,
} from '../../../../electron/core/gate/protocols.ts';

const deny: Verdict = { requestId: 'r1', decision: 'deny', reason: 'use the staging database', decidedBy: 'human:cli' };
const timeout: Verdict = { requestId: 'r1', decision: 'deny', reason: REASONS.timeout(600_000), decidedBy: 'timeout' };

describe('agent protocols', () => {
  it("passes a person's reason to the agent, and says it came from the user", () => {
    expect(agentReason(deny)).toBe('The user denied this command in Gatehouse: use the staging database');
    expect(agentReason(timeout)).toMatch(/Nobody decided in Gatehouse within 10 minutes/);
    expect(agentReason({ ...deny, reason: REASONS.humanDeny })).toBe(REASONS.humanDeny);
  });

  it('answers the generic check with decision, reason and who decided', () => {
    expect(JSON.parse(genericAnswer(deny).body)).toEqual({
      requestId: 'r1',
      decision: 'deny',
      reason: 'The user denied this command in Gatehouse: use the staging database',
      decidedBy: 'human:cli',
    });
  });

  it('refuses a payload its schema cannot read, naming what is wrong', () => {
    const schema = z.object({ command: z.string(), cwd: z.string() });
    expect(parseHookPayload(schema, { command: 'ls', cwd: '/w' })).toEqual({ command: 'ls', cwd: '/w' });
    expect(() => parseHookPayload(schema, { command: 1 })).toThrow(HookPayloadError);
    expect(() => parseHookPayload(schema, { command: 1 })).toThrow(/^invalid hook payload: command: .*; cwd: /);
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
